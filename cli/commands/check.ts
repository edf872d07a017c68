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
import { rosterSubject, type CheckOptions, type Locale } from '../../core';
import { UsageError } from '../args';
import { U } from '../messages';
import { reportIo, runBatch, type BatchRun, type FileResult } from '../batch';
import { runBatchJobs, runBatchPieces } from '../jobs';
import { PIECE_FORMATS, type Rendering } from '../output/pieces';
import { fileSink, writePieces, type PiecesRun } from '../output/stream';
import { toCsv } from '../output/csv';
import { countsOf, toJson } from '../output/json';
import { toSarif } from '../output/sarif';
import { sheetsOf } from '../output/sheets';
import { buildSummary, formatSummary, type SummaryInput } from '../output/summary';
import { formatStale, totalsLine } from '../output/text';
import type { Jobs } from '../workerCount';

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
  /**
   * `--jobs N`: worker threads checking the files (1: in this thread, as html always is); 'auto'
   * (the CLI without `--jobs`): as many as the batch repays on this machine (cli/workerCount.ts).
   */
  jobs?: Jobs;
  /** Whether stdout is a terminal (xlsx is not written to one); default: process.stdout.isTTY. */
  stdoutIsTTY?: boolean;
}

/** Where byte-exact output (json, csv, text and xlsx) goes when there is no `-o` (stdout by default). */
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
  const how = piecesRendering(a);
  if (how) return writeInPieces(await runBatchPieces(batch, a.jobs ?? 1, how), how, a, err, writeBytes);
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
      emit(
        toHtml(
          run,
          summary,
          a.locale,
          totalsLine(
            run.results.map((r) => ({ kind: r.kind, counts: countsOf(r) })),
            a.locale,
          ),
        ),
      );
      break;
    }
    default:
      // text without --summary is written in pieces (above).
      emit(summaryText(run, summary, a));
  }
  if (run.ioErrors.length) return 2;
  return run.results.some((r) => r.diags.some((d) => d.severity === 'error')) ? 1 : 0;
}

/** json, csv and text (without --summary) are written from each file's pieces (cli/output/pieces.ts). */
function piecesRendering(a: CheckArgs): Rendering | undefined {
  const format = PIECE_FORMATS.find((f) => f === a.format);
  return format && !a.summary ? { format, locale: a.locale } : undefined;
}

function writeInPieces(run: PiecesRun, how: Rendering, a: CheckArgs, err: (s: string) => void, writeBytes: WriteBytes): number {
  reportIo(run, err);
  if (a.output) {
    const file = fileSink(a.output);
    try {
      writePieces(run, how, file.write);
    } finally {
      file.close();
    }
  } else writePieces(run, how, writeBytes);
  if (run.ioErrors.length) return 2;
  return run.files.some((f) => f.pieces.failing) ? 1 : 0;
}

function summaryText(run: BatchRun, summary: ReturnType<typeof buildSummary>, a: CheckArgs): string {
  return [formatSummary(summary, { locale: a.locale, top: a.top ?? 20 }), formatStale(run.ledgers, a.locale)]
    .filter(Boolean)
    .join('\n');
}
