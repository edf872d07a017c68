/**
 * The CLI's batch: read the files (and the roster), check them together (core/review/batch.ts:
 * each report, the cross-year pairs, the roster), fingerprint every finding and apply the review
 * ledgers' decisions. `check`, `review` and the output formats all start from its `FileResult`s.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  loadReportBytes,
  type DecodedText,
  checkBatch,
  fingerprintsOf,
  parseRoster,
  reviewOf,
  staleEntries,
  type BatchInput,
  type BatchRoster,
  type FormatId,
  type CheckOptions,
  type Diagnostic,
  type LedgerEntry,
  type Pairing,
  type Report,
  type ReportIdentity,
  type Review,
  type Roster,
  type RosterStatus,
  type Suppressed,
} from '../core';
import { fileTooLarge } from '../core/parse/parse';
import { UsageError } from './args';
import { U } from './messages';
import { expandPaths, readFileBounded, type Expanded } from './files';
import { sanitize } from './output/sanitize';
import { entryConcerns, Ledgers, type LoadedLedger } from './ledger';

/** A finding dismissed in a ledger: kept and shown ("已核实"), never counted. */
export interface Dismissed {
  diagnostic: Diagnostic;
  review: Review;
}

export interface FileResult {
  file: string;
  /** The findings that count: not silenced by a comment, not dismissed in the ledger. */
  diags: Diagnostic[];
  /** Findings silenced by suppression comments: counted and listed, never hidden. */
  suppressed: Suppressed[];
  /** Findings dismissed in the review ledger. */
  dismissed: Dismissed[];
  /** Every finding's fingerprint (counting, silenced and dismissed alike). */
  fingerprints: Map<Diagnostic, string>;
  /** Ledger decisions on findings still counted (confirmed ones). */
  reviews: Map<Diagnostic, Review>;
  /** 'roster' for the roster file's own findings (ROSTER-MISSING). */
  kind: 'report' | 'roster';
  text?: string;
  report?: Report;
  /** The report's format as detected (null: unknown); set for every readable report. */
  format?: FormatId | null;
  identity?: ReportIdentity;
  organ?: string;
  year?: number;
  /** Set when several files were checked together. */
  pairing?: Pairing;
  /** The file as read and as decoded (fix writes back in the same encoding). */
  bytes?: Uint8Array;
  decoded?: DecodedText;
}

export interface LedgerSummary {
  file: string;
  entries: number;
  /** Entries about the files checked whose finding has gone. */
  stale: LedgerEntry[];
}

export interface BatchRun {
  results: FileResult[];
  /** I/O errors (exit code 2); the other files were still checked. */
  ioErrors: string[];
  /** Files skipped on purpose (not regular files, folders seen before): said on stderr. */
  notes: string[];
  roster?: { file: string; roster: Roster; status: RosterStatus[] };
  ledgers: LedgerSummary[];
}

export interface BatchArgs {
  paths: string[];
  options: CheckOptions;
  /** Pair the reports across years (default true). */
  crossYear?: boolean;
  /** `--roster FILE`. */
  roster?: string;
  /** `--ledger FILE`; undefined: the nearest nianbao-review.yaml of each report; false: no ledger. */
  ledger?: string | false;
}

export function runBatch(a: BatchArgs, expanded: Expanded = expandPaths(a.paths)): BatchRun {
  const { files, errors, notes } = expanded;
  const ioErrors = [...errors];
  const inputs: BatchInput[] = [];
  const read = new Map<string, { bytes: Uint8Array; decoded: DecodedText }>();
  const tooLarge: FileResult[] = [];
  for (const file of files) {
    const r = readFileBounded(file);
    if (r.kind === 'error') ioErrors.push(`${file}: ${r.message}`);
    else if (r.kind === 'special') notes.push(skippedNote(file, r.what));
    else if (r.kind === 'too-large') tooLarge.push(unreadReport(file, r.size));
    else {
      // The one decoding path for checking (core): a non-UTF-8 file gets its YAML-ENCODING finding.
      const { report, decoded } = loadReportBytes(r.bytes);
      read.set(file, { bytes: r.bytes, decoded });
      inputs.push({ file, text: decoded.text, report });
    }
  }
  const roster = a.roster ? readRoster(a.roster) : undefined;
  const batch = checkBatch(inputs, a.options, {
    crossYear: (a.crossYear ?? true) && inputs.length > 1,
    ...(roster ? { roster } : {}),
  });
  const reports: FileResult[] = batch.reports.map((r) => ({
    ...reportResult(r.file, r.identity, r.diagnostics, r.suppressed, r.pairing),
    text: r.text,
    report: r.report,
    format: r.report.format,
    ...read.get(r.file),
  }));
  return finishBatch(a, reports, tooLarge, batch.roster, ioErrors, notes);
}

export const skippedNote = (file: string, what: string) => `${file}: skipped, not a regular file (${what})`;

/** A report's result before fingerprints and ledger; the caller adds the model and bytes it has. */
export function reportResult(
  file: string,
  identity: ReportIdentity | undefined,
  diags: Diagnostic[],
  suppressed: Suppressed[],
  pairing: Pairing | undefined,
): FileResult {
  return {
    file,
    identity,
    organ: identity?.organ,
    year: identity?.year,
    diags,
    suppressed,
    dismissed: [],
    fingerprints: new Map(),
    reviews: new Map(),
    kind: 'report',
    ...(pairing ? { pairing } : {}),
  };
}

/**
 * The steps after checking, the same however the reports were checked (here or in worker
 * threads, cli/jobs.ts): the unreadable files and the roster after the reports, fingerprints,
 * the ledgers' decisions.
 */
export function finishBatch(
  a: BatchArgs,
  reports: FileResult[],
  tooLarge: FileResult[],
  roster: BatchRoster | undefined,
  ioErrors: string[],
  notes: string[],
): BatchRun {
  const results = [...reports, ...tooLarge];
  if (roster)
    results.push({
      file: roster.file,
      text: roster.roster.doc.text,
      diags: roster.diagnostics,
      suppressed: roster.suppressed,
      dismissed: [],
      fingerprints: new Map(),
      reviews: new Map(),
      kind: 'roster',
      year: roster.roster.year,
    });
  for (const r of results) fingerprint(r);
  const store = new Ledgers(a.ledger === false ? undefined : a.ledger);
  const ledgers = a.ledger === false ? [] : applyLedgers(results, store);
  // A ledger that cannot be read is an I/O error: its decisions would silently not apply.
  ioErrors.push(...store.errors);
  return {
    results,
    ioErrors,
    notes,
    ledgers,
    ...(roster ? { roster: { file: roster.file, roster: roster.roster, status: roster.status } } : {}),
  };
}

/** A file too large to read: one finding, no report. */
export function unreadReport(file: string, size: number): FileResult {
  return {
    file,
    diags: [fileTooLarge(size)],
    suppressed: [],
    dismissed: [],
    fingerprints: new Map(),
    reviews: new Map(),
    kind: 'report',
  };
}

/** I/O errors and notes on stderr, one sanitised line each (file names can hold control characters). */
export function reportIo(run: { ioErrors: string[]; notes: string[] }, err: (s: string) => void): void {
  for (const n of run.notes) err(`nianbao: note: ${sanitize(n)}`);
  for (const e of run.ioErrors) err(`nianbao: ${sanitize(e)}`);
}

export function readRoster(file: string): { file: string; roster: Roster } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(U.rosterUnreadable, { file, reason: (e as Error).message });
  }
  const parsed = parseRoster(text);
  if (!parsed.roster)
    throw new UsageError(U.rosterInvalid, {
      file,
      errorsZh: parsed.errors.map((e) => e['zh-CN']).join('；'),
      errorsEn: parsed.errors.map((e) => e.en).join('; '),
    });
  return { file, roster: parsed.roster };
}

/** Fingerprints of every finding of a file, in document order (suppressed ones included). */
export function fingerprint(r: FileResult): void {
  const all = [...r.diags, ...r.suppressed.map((s) => s.diagnostic)].sort(
    (a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code),
  );
  const fps = fingerprintsOf(all, { identity: r.identity, fallback: basename(r.file) });
  for (const [i, d] of all.entries()) r.fingerprints.set(d, fps[i]);
}

/**
 * A ledger's decisions on one file's findings: dismissed ones moved apart, confirmed ones noted.
 * Returns the fingerprints the ledger has an entry for (the entries that are not stale).
 */
export function applyLedger(r: FileResult, l: LoadedLedger): string[] {
  const hits: string[] = [];
  const decision = (d: Diagnostic) => {
    const fp = r.fingerprints.get(d)!;
    const entry = l.ledger.byFingerprint.get(fp);
    if (entry) hits.push(fp);
    return entry;
  };
  const keep: Diagnostic[] = [];
  for (const d of r.diags) {
    const entry = decision(d);
    if (entry?.status === 'dismissed') r.dismissed.push({ diagnostic: d, review: reviewOf(entry) });
    else {
      if (entry) r.reviews.set(d, reviewOf(entry));
      keep.push(d);
    }
  }
  for (const s of r.suppressed) {
    const entry = decision(s.diagnostic);
    if (entry) r.reviews.set(s.diagnostic, reviewOf(entry));
  }
  r.diags = keep;
  return hits;
}

/**
 * The ledgers met in a batch, in the order first met, with the files each governs and the
 * fingerprints found in it: what `LedgerSummary` (stale entries) is made of, wherever the
 * decisions were applied (here, or in the worker that checked the file).
 */
export class LedgerTally {
  private readonly met = new Map<LoadedLedger, { checked: Set<string>; seen: Set<string> }>();

  add(l: LoadedLedger, file: string, hits: readonly string[]): void {
    const t = this.met.get(l) ?? { checked: new Set<string>(), seen: new Set<string>() };
    this.met.set(l, t);
    t.checked.add(resolve(file));
    for (const fp of hits) t.seen.add(fp);
  }

  summaries(): LedgerSummary[] {
    return [...this.met].map(([l, t]) => ({
      file: l.file,
      entries: l.ledger.entries.length,
      stale: staleEntries(l.ledger, t.seen, (e) => entryConcerns(l.path, t.checked, e)),
    }));
  }
}

/** Moves dismissed findings apart, notes confirmed ones, and finds each ledger's stale entries. */
function applyLedgers(results: FileResult[], ledgers: Ledgers): LedgerSummary[] {
  const tally = new LedgerTally();
  for (const r of results) {
    const l = ledgers.forFile(r.file);
    if (l) tally.add(l, r.file, applyLedger(r, l));
  }
  return tally.summaries();
}
