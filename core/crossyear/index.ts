/**
 * Cross-year checks and the report index they need. Pure: no file system, no LSP types.
 *
 * ## checkCrossYear(report, findPrevious, options?) → Diagnostic[]
 * Compares `report` (loaded with loadReport) with the same organ's report for meta.year − 1,
 * which `findPrevious(organKey, year)` returns as { uri?, file?, text? | report? } (or undefined).
 * Pairing: organKey(meta.organ) (whitespace removed, exact otherwise) and meta.year − 1.
 * Rules: X-CARRY, X-INFORCE, X-ITEMS-19, X-19-CUM (see ./check.ts). Severity settings and
 * `# nianbao-disable-next-line` comments apply as for the single-document checks. Each finding
 * sits on this year's cell; `related[0]` points into last year's document (`uri`/`file` set).
 * Quick fixes: fixesFor(checkResultOfThisYear, diagnostic) offers “改为上年数值 N”.
 *
 * ## class ReportIndex — organ + year → uri, kept current from file-watcher events
 *   const index = new ReportIndex();
 *   index.add(uri, text)          // or index.add(uri, loadedReport); also for changes
 *   index.update(uri, text)       // same as add: re-reads the identity of `uri`
 *   index.remove(uri)             // file deleted / closed without a file on disk
 *   index.previousOf(reportOrUri) // → { uri, text, report } of last year's report, or undefined
 *   index.resolver()              // → a FindPrevious for checkCrossYear
 *   index.dependentsOf(uri)       // → uris of next year's reports of the same organ: recheck
 *                                 //   them when `uri` changes (their X-* findings read it)
 *   index.entry(uri), index.uris(), index.size, index.duplicates()
 * Documents without meta.organ or meta.year (or that do not parse) are remembered by uri but
 * pair with nothing. When several documents claim the same organ and year, previousOf picks
 * the smallest uri (stable) and duplicates() lists the group.
 * Costs: add/update parse the text once (loadReport) and keep the result for previousOf;
 * previousOf/dependentsOf are map lookups. No rescans.
 */
import { loadReport, type Report } from '../model/report';
import { identityOf, organKey, type FindPrevious, type PreviousReport } from './check';

export { checkCrossYear, identityOf, organKey, type FindPrevious, type PreviousReport, type ReportIdentity } from './check';

export interface IndexEntry {
  uri: string;
  /** organKey(meta.organ), or undefined when the document has none. */
  key?: string;
  year?: number;
  text?: string;
  report: Report;
}

const slot = (key: string, year: number) => `${key}\u0000${year}`;

export class ReportIndex {
  private readonly byUri = new Map<string, IndexEntry>();
  private readonly bySlot = new Map<string, Set<string>>();

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
    const id = identityOf(report);
    const entry: IndexEntry = {
      uri,
      report,
      text: typeof source === 'string' ? source : report.text,
      key: id?.key,
      year: id?.year,
    };
    this.byUri.set(uri, entry);
    if (id) {
      const s = slot(id.key, id.year);
      let set = this.bySlot.get(s);
      if (!set) {
        set = new Set();
        this.bySlot.set(s, set);
      }
      set.add(uri);
    }
    return entry;
  }

  update(uri: string, source: string | Report): IndexEntry {
    return this.add(uri, source);
  }

  remove(uri: string): boolean {
    const old = this.byUri.get(uri);
    if (!old) return false;
    this.byUri.delete(uri);
    if (old.key !== undefined && old.year !== undefined) {
      const s = slot(old.key, old.year);
      const set = this.bySlot.get(s);
      set?.delete(uri);
      if (set && !set.size) this.bySlot.delete(s);
    }
    return true;
  }

  /** The indexed documents of an organ key and year, smallest uri first. */
  find(key: string, year: number): IndexEntry[] {
    return [...(this.bySlot.get(slot(key, year)) ?? [])].sort().map((u) => this.byUri.get(u)!);
  }

  /** Last year's report of the same organ, for a loaded report or an indexed uri. */
  previousOf(of: Report | string): (PreviousReport & { uri: string; report: Report }) | undefined {
    const report = typeof of === 'string' ? this.byUri.get(of)?.report : of;
    const id = report ? identityOf(report) : undefined;
    if (!id) return undefined;
    const self = typeof of === 'string' ? of : undefined;
    const hit = this.find(id.key, id.year - 1).find((e) => e.uri !== self);
    return hit ? { uri: hit.uri, text: hit.text, report: hit.report } : undefined;
  }

  /** Next year's reports of the same organ: their cross-year findings depend on `uri`. */
  dependentsOf(uri: string): string[] {
    const e = this.byUri.get(uri);
    if (!e || e.key === undefined || e.year === undefined) return [];
    return this.find(e.key, e.year + 1)
      .map((x) => x.uri)
      .filter((u) => u !== uri);
  }

  /** Groups of uris that claim the same organ and year. */
  duplicates(): string[][] {
    return [...this.bySlot.values()].filter((s) => s.size > 1).map((s) => [...s].sort());
  }

  /** A FindPrevious for checkCrossYear backed by this index. */
  resolver(): FindPrevious {
    return (key, year) => {
      const hit = this.find(organKey(key), year)[0];
      return hit ? { uri: hit.uri, text: hit.text, report: hit.report } : undefined;
    };
  }
}
