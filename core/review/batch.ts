/**
 * A reviewer's batch: many reports checked together. Each report is checked alone, then paired
 * with the same organ's report of the year before among them (cross-year rules; the pairing is
 * part of the result, so every output can say which file was compared with which, or that none
 * was), then held against a roster when one is given (ROSTER-*, META-DEADLINE per listed organ).
 *
 * Pure: texts in, findings out; reading files, the ledger and the outputs are the CLI's.
 */
import { checkCrossYear, identityOf, IdentitySlots, type ReportIdentity } from '../crossyear/index';
import type { Report } from '../model/report';
import { deadlineFinding } from '../rules/meta/check';
import type { CheckOptions } from '../rules/options';
import { rosterStatus, rosterVerdict, type RosterStatus } from '../rules/review/check';
import { applySettings, checkReport, checkText, type Suppressed } from '../rules/run';
import type { Diagnostic } from '../types';
import type { Roster } from './roster';
import type { RosterReport } from '../rules/review/check';

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

/** Findings a later step adds to a report's own (the pair's, the roster's). */
export interface Added {
  diagnostics: Diagnostic[];
  suppressed: Suppressed[];
}

/** The findings of one report of a batch, as the later steps extend them. */
interface Findings {
  diagnostics: Diagnostic[];
  suppressed: Suppressed[];
}

/** The names of the batch's reports by organ and year. */
export function slotsOf(reports: readonly { file: string; identity?: ReportIdentity }[]): IdentitySlots {
  const slots = new IdentitySlots();
  for (const r of reports) slots.add(r.file, r.identity);
  return slots;
}

/** Which report of the year before `file` pairs with: the smallest name of the same organ's. */
export function pairingIn(slots: IdentitySlots, file: string, identity: ReportIdentity | undefined): Pairing {
  if (!identity) return { status: 'unidentified', previous: null, candidates: [] };
  const candidates = slots.find(identity, identity.year - 1).filter((u) => u !== file);
  const previous = candidates[0] ?? null;
  return { status: previous ? 'paired' : 'none', previous, candidates, year: identity.year - 1 };
}

/** The cross-year findings of a report against the one it was paired with (settings and suppressions applied). */
export function crossYearFindings(current: Report, previous: { file: string; report: Report }, options: CheckOptions): Added {
  const { diagnostics, suppressed } = checkCrossYear(current, () => previous, options);
  return { diagnostics, suppressed };
}

/** Adds a pair's findings to a report's. */
export function addCrossYear(r: Findings, extra: Added): void {
  r.suppressed = [...r.suppressed, ...extra.suppressed];
  if (extra.diagnostics.length) r.diagnostics = [...r.diagnostics, ...extra.diagnostics].sort(byPosition);
}

/** Records each report's pairing and adds its cross-year findings. */
function pairAcrossYears(reports: BatchReport[], options: CheckOptions): void {
  const slots = slotsOf(reports);
  const byFile = new Map(reports.map((r) => [r.file, r]));
  for (const r of reports) {
    r.pairing = pairingIn(slots, r.file, r.identity);
    const previous = r.pairing.previous;
    addCrossYear(
      r,
      previous ? crossYearFindings(r.report, { file: previous, report: byFile.get(previous)!.report }, options) : none,
    );
  }
}

const none: Added = { diagnostics: [], suppressed: [] };

/**
 * What the roster does to one report: `replacesDeadline` when the roster decides its deadline
 * (its own META-DEADLINE goes), and the roster's findings on it (settings and suppressions
 * applied); `count` is how many findings it made before the settings. Needs only the report
 * and the roster.
 */
export interface RosterEffect extends Added {
  replacesDeadline: boolean;
  count: number;
}

export function rosterEffect(r: RosterReport, roster: Roster, options: CheckOptions): RosterEffect | undefined {
  const verdict = rosterVerdict(roster, r);
  if (!verdict) return undefined;
  const added: Diagnostic[] = [];
  if (verdict.unknown) added.push(verdict.unknown);
  if (verdict.deadline) {
    const late = deadlineFinding(r.report, options, verdict.deadline);
    if (late) added.push(late);
  }
  const applied = added.length ? applySettings(r.report, added, options) : none;
  return {
    replacesDeadline: !!verdict.deadline,
    count: added.length,
    diagnostics: applied.diagnostics,
    suppressed: applied.suppressed,
  };
}

/** Applies a roster's effect to a report's findings. */
export function addRosterEffect(r: Findings, e: RosterEffect): void {
  if (e.replacesDeadline) {
    // The roster decides this organ's deadline: its META-DEADLINE replaces the report's own.
    const drop = (d: Diagnostic) => d.code === 'META-DEADLINE';
    r.diagnostics = r.diagnostics.filter((d) => !drop(d));
    r.suppressed = r.suppressed.filter((s) => !drop(s.diagnostic));
  }
  if (!e.count) return;
  r.suppressed = [...r.suppressed, ...e.suppressed];
  r.diagnostics = [...r.diagnostics, ...e.diagnostics].sort(byPosition);
}

/** The roster's status and its ROSTER-MISSING findings (settings and the roster's suppressions applied). */
export function rosterOf(
  reports: readonly { file: string; identity?: ReportIdentity }[],
  given: { file: string; roster: Roster },
  options: CheckOptions,
): BatchRoster {
  const { roster } = given;
  const { status, missing } = rosterStatus(roster, reports);
  const applied = applySettings(roster.doc, missing, options);
  return { file: given.file, roster, diagnostics: applied.diagnostics, suppressed: applied.suppressed, status };
}

/** ROSTER-MISSING on the roster; ROSTER-UNKNOWN and the roster's deadline on each report of its year. */
function holdToRoster(reports: BatchReport[], given: { file: string; roster: Roster }, options: CheckOptions): BatchRoster {
  for (const r of reports) {
    const effect = rosterEffect(r, given.roster, options);
    if (effect) addRosterEffect(r, effect);
  }
  return rosterOf(reports, given, options);
}
