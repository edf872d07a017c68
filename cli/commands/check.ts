/**
 * `nianbao check [--format text|json|sarif] [--locale zh-CN|en] [--summary [--top N]] PATH...`
 * With several files, each report is also checked against the same organ's report of the
 * year before when that report is among the files given (cross-year rules X-*).
 */
import {
  checkCrossYear,
  checkReport,
  identityOf,
  loadReportBytes,
  ReportIndex,
  type CheckOptions,
  type DecodedText,
  type Diagnostic,
  type Locale,
  type Report,
  type ReportIdentity,
  type Suppressed,
} from '../../core';
import { fileTooLarge } from '../../core/parse/parse';
import { UsageError } from '../args';
import { expandPaths, readFileBounded } from '../files';
import { toJson } from '../output/json';
import { toSarif } from '../output/sarif';
import { sanitize } from '../output/sanitize';
import { buildSummary, formatSummary } from '../output/summary';
import { formatText, summaryLine } from '../output/text';

export interface CheckArgs {
  paths: string[];
  format: string;
  locale: Locale;
  options: CheckOptions;
  version: string;
  summary?: boolean;
  top?: number;
}

export interface FileResult {
  file: string;
  diags: Diagnostic[];
  /** Findings silenced by suppression comments: counted and listed, never hidden. */
  suppressed: Suppressed[];
  text?: string;
  report?: Report;
  identity?: ReportIdentity;
  organ?: string;
  year?: number;
  /** The file as read and as decoded (fix writes back in the same encoding). */
  bytes?: Uint8Array;
  decoded?: DecodedText;
}

export interface CheckedFiles {
  results: FileResult[];
  /** I/O errors (exit code 2); the other files were still checked. */
  ioErrors: string[];
  /** Files skipped on purpose (not regular files, folders seen before): said on stderr. */
  notes: string[];
}

export function checkFiles(paths: string[], options: CheckOptions, crossYear = false): CheckedFiles {
  const { files, errors, notes } = expandPaths(paths);
  const ioErrors = [...errors];
  const results: FileResult[] = [];
  for (const file of files) {
    const read = readFileBounded(file);
    if (read.kind === 'error') {
      ioErrors.push(`${file}: ${read.message}`);
      continue;
    }
    if (read.kind === 'special') {
      notes.push(`${file}: skipped, not a regular file (${read.what})`);
      continue;
    }
    if (read.kind === 'too-large') {
      results.push({ file, diags: [fileTooLarge(read.size)], suppressed: [] });
      continue;
    }
    // The one decoding path for checking (core): a non-UTF-8 file gets its YAML-ENCODING finding.
    const { report, decoded } = loadReportBytes(read.bytes);
    const checked = checkReport(report, options);
    const id = identityOf(checked.report);
    results.push({
      file,
      text: decoded.text,
      diags: checked.diagnostics,
      suppressed: checked.suppressed,
      report: checked.report,
      identity: id,
      organ: id?.organ,
      year: id?.year,
      bytes: read.bytes,
      decoded,
    });
  }
  if (crossYear && results.length > 1) addCrossYear(results, options);
  return { results, ioErrors, notes };
}

/** Indexes the given files by organ and year and adds each report's cross-year findings. */
function addCrossYear(results: FileResult[], options: CheckOptions): void {
  const index = new ReportIndex();
  for (const r of results) if (r.report) index.add(r.file, r.report);
  for (const r of results) {
    if (!r.report || r.year === undefined) continue;
    const extra = checkCrossYear(
      r.report,
      (organ, year) => {
        const hit = index.find(organ, year).find((e) => e.uri !== r.file);
        return hit ? { file: hit.uri, report: hit.report } : undefined;
      },
      options,
    );
    r.suppressed = [...r.suppressed, ...extra.suppressed];
    if (extra.diagnostics.length)
      r.diags = [...r.diags, ...extra.diagnostics].sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  }
}

export function runCheck(a: CheckArgs, out: (s: string) => void, err: (s: string) => void): number {
  if (!['text', 'json', 'sarif'].includes(a.format)) throw new UsageError(`--format must be text, json or sarif`);
  if (!a.paths.length) throw new UsageError('check needs at least one file or folder');
  const { results, ioErrors, notes } = checkFiles(a.paths, a.options, true);
  reportIo(ioErrors, notes, err);
  if (a.summary) {
    const summary = buildSummary(results);
    if (a.format === 'json') out(JSON.stringify({ summary }, null, 2));
    else if (a.format === 'sarif') {
      const sarif = toSarif(results, a.locale, a.version) as { runs: { properties?: object }[] };
      sarif.runs[0].properties = { ...sarif.runs[0].properties, summary };
      out(JSON.stringify(sarif, null, 2));
    } else out(formatSummary(summary, { locale: a.locale, top: a.top ?? 20 }));
  } else if (a.format === 'json')
    out(
      JSON.stringify(
        results.flatMap((r) => toJson(r.file, r.diags, a.locale, r.suppressed)),
        null,
        2,
      ),
    );
  else if (a.format === 'sarif') out(JSON.stringify(toSarif(results, a.locale, a.version), null, 2));
  else {
    for (const r of results) if (r.diags.length) out(formatText(r.file, r.diags, a.locale));
    const counts: Record<string, number> = {};
    for (const r of results) for (const d of r.diags) counts[d.severity] = (counts[d.severity] ?? 0) + 1;
    out(
      summaryLine(
        results.length,
        counts,
        a.locale,
        results.reduce((n, r) => n + r.suppressed.length, 0),
      ),
    );
  }
  if (ioErrors.length) return 2;
  return results.some((r) => r.diags.some((d) => d.severity === 'error')) ? 1 : 0;
}

/** I/O errors and notes on stderr, one sanitised line each (file names can hold control characters). */
export function reportIo(ioErrors: string[], notes: string[], err: (s: string) => void): void {
  for (const n of notes) err(`nianbao: note: ${sanitize(n)}`);
  for (const e of ioErrors) err(`nianbao: ${sanitize(e)}`);
}
