/**
 * A reviewer's batch: many reports checked together. Each report is checked alone, then paired
 * with the same organ's report of the year before among them (cross-year rules; the pairing is
 * part of the result, so every output can say which file was compared with which, or that none
 * was), then held against a roster when one is given (ROSTER-*, META-DEADLINE per listed organ).
 *
 * Pure: texts in, findings out; reading files, the ledger and the outputs are the CLI's.
 */
import { checkCrossYear, identityOf, ReportIndex, type ReportIdentity } from '../crossyear/index';
import type { Report } from '../model/report';
import { deadlineFinding } from '../rules/meta/check';
import type { CheckOptions } from '../rules/options';
import { checkRoster, type RosterStatus } from '../rules/review/check';
import { applySettings, checkReport, checkText, type Suppressed } from '../rules/run';
import type { Diagnostic } from '../types';
import type { Roster } from './roster';

export interface BatchInput {
  file: string;
  text: string;
  /** The report already loaded (from the file's bytes, with its encoding finding); else loaded from `text`. */
  report?: Report;
}

/**
 * Which report of the year before a report was compared with. `previous` is the chosen file (the
 * smallest name when several could pair), null when there was none; `candidates` lists every file
 * that could have paired, the chosen one first. `status`: `paired`, `none` (no report of the same
 * organ for the year before among the files) or `unidentified` (organ or year unreadable).
 */
export interface Pairing {
  status: 'paired' | 'none' | 'unidentified';
  previous: string | null;
  candidates: string[];
  /** The year looked for (the report's year − 1), when the report's year is known. */
  year?: number;
}

export interface BatchReport {
  file: string;
  text: string;
  report: Report;
  identity?: ReportIdentity;
  diagnostics: Diagnostic[];
  /** Findings silenced by suppression comments: counted and listed, never hidden. */
  suppressed: Suppressed[];
  /** Set when the batch was paired across years (more than one file). */
  pairing?: Pairing;
}

export interface BatchRoster {
  file: string;
  roster: Roster;
  /** ROSTER-MISSING on the roster file, after severity settings and the roster's suppression comments. */
  diagnostics: Diagnostic[];
  suppressed: Suppressed[];
  status: RosterStatus[];
}

export interface BatchResult {
  reports: BatchReport[];
  roster?: BatchRoster;
}

export interface BatchOptions {
  /** Pair the reports across years (default: when there is more than one). */
  crossYear?: boolean;
  roster?: { file: string; roster: Roster };
}

const byPosition = (a: Diagnostic, b: Diagnostic) => a.span.start - b.span.start || a.code.localeCompare(b.code);

export function checkBatch(inputs: readonly BatchInput[], options: CheckOptions = {}, batch: BatchOptions = {}): BatchResult {
  const reports: BatchReport[] = inputs.map(({ file, text, report }) => {
    const checked = report ? checkReport(report, options) : checkText(text, options);
    return {
      file,
      text,
      report: checked.report,
      identity: identityOf(checked.report),
      diagnostics: checked.diagnostics,
      suppressed: checked.suppressed,
    };
  });
  if (batch.crossYear ?? reports.length > 1) pairAcrossYears(reports, options);
  const roster = batch.roster ? holdToRoster(reports, batch.roster, options) : undefined;
  return { reports, ...(roster ? { roster } : {}) };
}

/** Indexes the reports by organ and year, records each one's pairing and adds its cross-year findings. */
function pairAcrossYears(reports: BatchReport[], options: CheckOptions): void {
  const index = new ReportIndex();
  for (const r of reports) index.add(r.file, r.report);
  for (const r of reports) {
    if (!r.identity) {
      r.pairing = { status: 'unidentified', previous: null, candidates: [] };
      continue;
    }
    const candidates = index
      .find(r.identity, r.identity.year - 1)
      .map((e) => e.uri)
      .filter((u) => u !== r.file);
    const extra = checkCrossYear(
      r.report,
      (organ, year) => {
        const hit = index.find(organ, year).find((e) => e.uri !== r.file);
        return hit ? { file: hit.uri, report: hit.report } : undefined;
      },
      options,
    );
    const previous = extra.previous?.file ?? null;
    r.pairing = { status: previous ? 'paired' : 'none', previous, candidates, year: r.identity.year - 1 };
    r.suppressed = [...r.suppressed, ...extra.suppressed];
    if (extra.diagnostics.length) r.diagnostics = [...r.diagnostics, ...extra.diagnostics].sort(byPosition);
  }
}

/** ROSTER-MISSING on the roster; ROSTER-UNKNOWN and the roster's deadline on each report of its year. */
function holdToRoster(reports: BatchReport[], given: { file: string; roster: Roster }, options: CheckOptions): BatchRoster {
  const { roster } = given;
  const result = checkRoster(roster, reports);
  for (const r of reports) {
    const added: Diagnostic[] = [];
    const unknown = result.unknown.get(r.file);
    if (unknown) added.push(unknown);
    const source = result.deadlines.get(r.file);
    if (source) {
      // The roster decides this organ's deadline: its META-DEADLINE replaces the report's own.
      const drop = (d: Diagnostic) => d.code === 'META-DEADLINE';
      r.diagnostics = r.diagnostics.filter((d) => !drop(d));
      r.suppressed = r.suppressed.filter((s) => !drop(s.diagnostic));
      const late = deadlineFinding(r.report, options, source);
      if (late) added.push(late);
    }
    if (!added.length) continue;
    const applied = applySettings(r.report, added, options);
    r.suppressed = [...r.suppressed, ...applied.suppressed];
    r.diagnostics = [...r.diagnostics, ...applied.diagnostics].sort(byPosition);
  }
  const applied = applySettings(roster.doc, result.missing, options);
  return { file: given.file, roster, diagnostics: applied.diagnostics, suppressed: applied.suppressed, status: result.status };
}
