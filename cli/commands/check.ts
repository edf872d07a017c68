/**
 * `nianbao check [--format text|json|sarif|csv|xlsx|html] [--summary [--top N]] [--roster FILE]
 * [--ledger FILE] [-o OUT] PATH...`
 *
 * With several files, each report is also checked against the same organ's report of the year
 * before when that report is among the files given (cross-year rules X-*), and every output says
 * which file was paired with which. Findings dismissed in the review ledger (the nearest
 * nianbao-review.yaml, or `--ledger`) are listed as verified and do not count; `--roster` adds
 * ROSTER-MISSING / ROSTER-UNKNOWN and each listed organ's deadline.
 */
import { writeFileSync } from 'node:fs';
import { categoryOf, rosterSubject, type CheckOptions, type Locale } from '../../core';
import { UsageError } from '../args';
import { U } from '../messages';
import { reportIo, runBatch, type BatchRun, type FileResult } from '../batch';
import { runBatchJobs } from '../jobs';
import { toCsv } from '../output/csv';
import { toJson } from '../output/json';
import { toSarif } from '../output/sarif';
import { sheetsOf } from '../output/sheets';
import { buildSummary, formatSummary, type SummaryInput } from '../output/summary';
import { formatDismissed, formatPairing, formatStale, formatText, summaryLine } from '../output/text';

export type { FileResult } from '../batch';

export const FORMATS = ['text', 'json', 'sarif', 'csv', 'xlsx', 'html'] as const;

export interface CheckArgs {
  paths: string[];
  format: string;
  locale: Locale;
  options: CheckOptions;
  version: string;
  summary?: boolean;
  top?: number;
  roster?: string;
  /** `--ledger FILE` (default: each report's nearest nianbao-review.yaml). */
  ledger?: string;
  /** `-o FILE`: write the output there instead of stdout. */
  output?: string;
  /** `--jobs N`: worker threads checking the files (1: in this thread, as html always is). */
  jobs?: number;
  /** Whether stdout is a terminal (xlsx is not written to one); default: process.stdout.isTTY. */
  stdoutIsTTY?: boolean;
}

/** Where byte-exact output (xlsx, csv) goes when there is no `-o` (stdout by default). */
export type WriteBytes = (bytes: Uint8Array) => void;

/** The single-report checks of the files, without pairing or ledger (for `fix`). */
export function checkFiles(paths: string[], options: CheckOptions): BatchRun {
  return runBatch({ paths, options, crossYear: false, ledger: false });
}

/** The summary's rows: the reports, and one row per organ of the roster that sent none. */
export function summaryInputs(results: readonly FileResult[]): SummaryInput[] {
  return results.flatMap((r): SummaryInput[] => {
    if (r.kind === 'report') return [r];
    return r.diags.map((d) => {
      const subject = rosterSubject(d);
      return { file: r.file, diags: [d], organ: subject?.organ, year: subject?.year, missing: d.code === 'ROSTER-MISSING' };
    });
  });
}

export async function runCheck(
  a: CheckArgs,
  out: (s: string) => void,
  err: (s: string) => void,
  writeBytes: WriteBytes = (b) => process.stdout.write(b),
): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(a.format)) throw new UsageError(U.checkFormat, { formats: FORMATS.join(', ') });
  if (!a.paths.length) throw new UsageError(U.needsPath, { command: 'check' });
  if (a.format === 'xlsx' && !a.output && (a.stdoutIsTTY ?? process.stdout.isTTY)) throw new UsageError(U.xlsxNeedsOutput, {});
  const batch = { paths: a.paths, options: a.options, roster: a.roster, ledger: a.ledger };
  // The html page renders each report from its model, which checking in tasks does not keep.
  const run = a.format === 'html' ? runBatch(batch) : await runBatchJobs(batch, a.jobs ?? 1);
  reportIo(run, err);
  const emit = (s: string) => {
    if (a.output) writeFileSync(a.output, s.endsWith('\n') ? s : `${s}\n`);
    else out(s);
  };
  const summary = buildSummary(summaryInputs(run.results));
  switch (a.format) {
    case 'json':
      emit(
        JSON.stringify(
          a.summary ? { summary, files: (toJson(run, a.locale) as { files: unknown }).files } : toJson(run, a.locale),
          null,
          2,
        ),
      );
      break;
    case 'sarif': {
      const sarif = toSarif(run.results, a.locale, a.version) as { runs: { properties?: object }[] };
      if (a.summary) sarif.runs[0].properties = { ...sarif.runs[0].properties, summary };
      emit(JSON.stringify(sarif, null, 2));
      break;
    }
    case 'csv': {
      // The BOM and the CRLF line ends are part of the file: written byte for byte, to a file or stdout.
      const csv = Buffer.from(toCsv(run.results, a.locale), 'utf8');
      if (a.output) writeFileSync(a.output, csv);
      else writeBytes(csv);
      break;
    }
    case 'xlsx': {
      // exceljs lives in its own bundle (dist/xlsx.js), loaded only here.
      const { writeWorkbook } = await import('../output/xlsx');
      const bytes = await writeWorkbook(sheetsOf(run, summary, a.locale));
      if (a.output) writeFileSync(a.output, bytes);
      else writeBytes(bytes);
      break;
    }
    case 'html': {
      // The renderer lives in its own bundle (dist/html.js), loaded only here.
      const { toHtml } = await import('../output/html');
      emit(toHtml(run, summary, a.locale, totalsLine(run, a.locale)));
      break;
    }
    default:
      emit(a.summary ? summaryText(run, summary, a) : text(run, a.locale));
  }
  if (run.ioErrors.length) return 2;
  return run.results.some((r) => r.diags.some((d) => d.severity === 'error')) ? 1 : 0;
}

function totalsLine(run: BatchRun, locale: Locale): string {
  // Import findings (what `nianbao import` could not read) are counted apart from the report's own.
  const counts: Record<string, number> = {};
  let imports = 0;
  for (const r of run.results)
    for (const d of r.diags) {
      if (categoryOf(d.code) === 'import') imports++;
      else counts[d.severity] = (counts[d.severity] ?? 0) + 1;
    }
  const n = (f: (r: FileResult) => number) => run.results.reduce((s, r) => s + f(r), 0);
  return summaryLine(
    run.results.filter((r) => r.kind === 'report').length,
    counts,
    locale,
    n((r) => r.suppressed.length),
    n((r) => r.dismissed.length),
    imports,
  );
}

/** Findings, then the verified ones, the pairing, stale ledger entries, and the totals. */
function text(run: BatchRun, locale: Locale): string {
  const parts: string[] = [];
  for (const r of run.results) if (r.diags.length) parts.push(formatText(r.file, r.diags, locale, r.reviews));
  parts.push(formatDismissed(run.results, locale), formatPairing(run.results, locale), formatStale(run.ledgers, locale));
  parts.push(totalsLine(run, locale));
  return parts.filter(Boolean).join('\n');
}

function summaryText(run: BatchRun, summary: ReturnType<typeof buildSummary>, a: CheckArgs): string {
  return [formatSummary(summary, { locale: a.locale, top: a.top ?? 20 }), formatStale(run.ledgers, a.locale)]
    .filter(Boolean)
    .join('\n');
}
