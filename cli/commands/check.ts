/** `nianbao check [--format text|json|sarif] [--locale zh-CN|en] PATH...` */
import { readFileSync } from 'node:fs';
import { checkText, type CheckOptions, type Diagnostic, type Locale } from '../../core';
import { expandPaths } from '../files';
import { toJson } from '../output/json';
import { toSarif } from '../output/sarif';
import { formatText, summaryLine } from '../output/text';
import { UsageError } from '../args';

export interface CheckArgs { paths: string[]; format: string; locale: Locale; options: CheckOptions; version: string }

export interface FileResult { file: string; diags: Diagnostic[]; text?: string }

export function checkFiles(paths: string[], options: CheckOptions): { results: FileResult[]; ioErrors: string[] } {
  const { files, missing } = expandPaths(paths);
  const ioErrors = missing.map((p) => `${p}: no such file or directory`);
  const results: FileResult[] = [];
  for (const file of files) {
    let text: string;
    try { text = readFileSync(file, 'utf8'); } catch (e) { ioErrors.push(`${file}: ${(e as Error).message}`); continue; }
    results.push({ file, text, diags: checkText(text, options).diagnostics });
  }
  return { results, ioErrors };
}

export function runCheck(a: CheckArgs, out: (s: string) => void, err: (s: string) => void): number {
  if (!['text', 'json', 'sarif'].includes(a.format)) throw new UsageError(`--format must be text, json or sarif`);
  if (!a.paths.length) throw new UsageError('check needs at least one file or folder');
  const { results, ioErrors } = checkFiles(a.paths, a.options);
  for (const e of ioErrors) err(e);
  if (a.format === 'json') out(JSON.stringify(results.flatMap((r) => toJson(r.file, r.diags, a.locale)), null, 2));
  else if (a.format === 'sarif') out(JSON.stringify(toSarif(results, a.locale, a.version), null, 2));
  else {
    for (const r of results) if (r.diags.length) out(formatText(r.file, r.diags, a.locale));
    const counts: Record<string, number> = {};
    for (const r of results) for (const d of r.diags) counts[d.severity] = (counts[d.severity] ?? 0) + 1;
    out(summaryLine(results.length, counts, a.locale));
  }
  if (ioErrors.length) return 2;
  return results.some((r) => r.diags.some((d) => d.severity === 'error')) ? 1 : 0;
}
