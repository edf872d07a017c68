/**
 * Pairing reports across years and checking the pairs. Pure: no file system, no LSP types.
 *
 * ## identityOf(report) → { organ, id?, key, year } | undefined
 * The organ (meta.organ, meta.organ_id) and year of a loaded report. `key` is the organ's
 * bucket (core/facts/organ.ts `organBucket`): every spelling of one organ shares it; members
 * of a bucket are told apart with `sameOrgan` (淮安市洪泽区人民政府 = 洪泽区人民政府).
 *
 * ## checkCrossYear(report, findPrevious, options?) → Diagnostic[]
 * Compares `report` with the same organ's report for meta.year − 1, which
 * `findPrevious(identity, year)` returns as { uri?, file?, text? | report? } (or undefined).
 * Rules: X-CARRY, X-INFORCE, X-ITEMS-19, X-19-CUM, X-REUSE (core/rules/crossyear). Severity settings and
 * suppression comments apply as for the single-document checks.
 *
 * ## class ReportIndex — organ + year → uri, kept current from file-watcher events
 *   index.add(uri, textOrReport) / update / remove(uri)
 *   index.find(identity, year)  // the indexed reports of that organ and year, smallest uri first
 *   index.previousOf(reportOrUri), index.dependentsOf(uri), index.resolver(), index.duplicates()
 * Documents without a usable organ or year are remembered by uri but pair with nothing. When
 * several documents claim the same organ and year, the smallest uri is chosen (stable).
 */
import { loadReport, type Report } from '../model/report';
import { applySettings, type Suppressed } from '../rules/run';
import type { CheckOptions } from '../rules/options';
import { checkPair } from '../rules/crossyear/check';
import { identityOf, sameIdentity, type ReportIdentity } from './identity';
import { IdentitySlots } from './slots';
import type { Diagnostic } from '../types';

export { identityOf, sameIdentity, type ReportIdentity } from './identity';
export { IdentitySlots } from './slots';

/** What a resolver returns: where the previous report lives and its text or loaded report. */
export interface PreviousReport {
  uri?: string;
  file?: string;
  text?: string;
  report?: Report;
}

export type FindPrevious = (organ: ReportIdentity, year: number) => PreviousReport | undefined | null;

export interface CrossYearResult {
  diagnostics: Diagnostic[];
  suppressed: Suppressed[];
  /** Last year's report the findings compare with; undefined when none was found. */
  previous?: PreviousReport & { report: Report };
}

export function checkCrossYear(current: Report, findPrevious: FindPrevious, options: CheckOptions = {}): CrossYearResult {
  const none: CrossYearResult = { diagnostics: [], suppressed: [] };
  const id = identityOf(current);
  if (!id) return none;
  const ref = findPrevious(id, id.year - 1);
  if (!ref) return none;
  const prev = ref.report ?? (ref.text !== undefined ? loadReport(ref.text) : undefined);
  if (!prev) return none;
  const pid = identityOf(prev);
  if (!pid || pid.year !== id.year - 1 || !sameIdentity(id, pid)) return none;
  const { diagnostics, suppressed } = applySettings(current, checkPair(current, prev, id.year, ref, options), options);
  return { diagnostics, suppressed, previous: { ...ref, report: prev } };
}

export interface IndexEntry {
  uri: string;
  identity?: ReportIdentity;
  text?: string;
  report: Report;
}

export class ReportIndex {
  private readonly byUri = new Map<string, IndexEntry>();
  private readonly slots = new IdentitySlots();

  get size(): number {
    return this.byUri.size;
  }

  uris(): string[] {
    return [...this.byUri.keys()];
  }

  entry(uri: string): IndexEntry | undefined {
    return this.byUri.get(uri);
  }

  /** Indexes (or re-indexes) a document from its text or an already loaded report. */
  add(uri: string, source: string | Report): IndexEntry {
    this.remove(uri);
    const report = typeof source === 'string' ? loadReport(source) : source;
    const identity = identityOf(report);
    const entry: IndexEntry = { uri, report, text: typeof source === 'string' ? source : report.text, identity };
    this.byUri.set(uri, entry);
    this.slots.add(uri, identity);
    return entry;
  }

  update(uri: string, source: string | Report): IndexEntry {
    return this.add(uri, source);
  }

  remove(uri: string): boolean {
    if (!this.byUri.delete(uri)) return false;
    this.slots.remove(uri);
    return true;
  }

  /** The indexed documents of an organ and year, smallest uri first. */
  find(organ: ReportIdentity, year: number): IndexEntry[] {
    return this.slots.find(organ, year).map((u) => this.byUri.get(u)!);
  }

  /** Last year's report of the same organ, for a loaded report or an indexed uri. */
  previousOf(of: Report | string): (PreviousReport & { uri: string; report: Report }) | undefined {
    const report = typeof of === 'string' ? this.byUri.get(of)?.report : of;
    const id = report ? identityOf(report) : undefined;
    if (!id) return undefined;
    const self = typeof of === 'string' ? of : undefined;
    const hit = this.find(id, id.year - 1).find((e) => e.uri !== self);
    return hit ? { uri: hit.uri, text: hit.text, report: hit.report } : undefined;
  }

  /** Next year's reports of the same organ: their cross-year findings depend on `uri`. */
  dependentsOf(uri: string): string[] {
    const id = this.byUri.get(uri)?.identity;
    if (!id) return [];
    return this.find(id, id.year + 1)
      .map((x) => x.uri)
      .filter((u) => u !== uri);
  }

  /** Groups of uris that claim the same organ and year. */
  duplicates(): string[][] {
    const out: string[][] = [];
    for (const set of this.slots.slots()) {
      if (set.size < 2) continue;
      const entries = [...set].sort().map((u) => this.byUri.get(u)!);
      const seen = new Set<string>();
      for (const e of entries) {
        if (seen.has(e.uri)) continue;
        const group = entries.filter((o) => o.identity && e.identity && sameIdentity(o.identity, e.identity)).map((o) => o.uri);
        for (const u of group) seen.add(u);
        if (group.length > 1) out.push(group);
      }
    }
    return out;
  }

  /** A FindPrevious for checkCrossYear backed by this index. */
  resolver(): FindPrevious {
    return (organ, year) => {
      const hit = this.find(organ, year)[0];
      return hit ? { uri: hit.uri, text: hit.text, report: hit.report } : undefined;
    };
  }
}
