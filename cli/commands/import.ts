/** `nianbao import FILE [-o OUT] [--year Y] [--locale zh-CN|en]`: a published report (text, HTML, DOCX) → report YAML. */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Locale } from '../../core';
import { asImportFailure, importBytes, LIMITS, type ImportResult } from '../../import';
import { tooLarge } from '../../import/limits';
import { fileAndOutput, UsageError } from '../args';
import { readFileBounded } from '../files';
import { sanitize } from '../output/sanitize';

export interface ImportArgs {
  file: string;
  out?: string;
  year?: number;
  locale: Locale;
  quiet?: boolean;
}

/**
 * Hostile or broken input ends in one line on stderr (`nianbao: FILE: …`, with IMPORT-TOO-LARGE
 * when a limit of import/limits.ts was passed) and exit code 2; nothing is written.
 */
export async function runImport(a: ImportArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const name = sanitize(a.file);
  const read = readFileBounded(a.file, LIMITS.inputBytes.max);
  if (read.kind === 'error' || read.kind === 'special') {
    err(`nianbao: cannot read ${name}: ${read.kind === 'error' ? read.message : `not a regular file (${read.what})`}`);
    return 2;
  }
  let res: ImportResult;
  try {
    if (read.kind === 'too-large') throw tooLarge('inputBytes', read.size);
    res = await importBytes(read.bytes, basename(a.file), { year: a.year });
  } catch (e) {
    const ie = asImportFailure(e);
    err(`nianbao: ${name}: ${ie.code ? `${ie.code} ` : ''}${sanitize(ie.text[a.locale])}`);
    return 2;
  }
  if (a.out) writeFileSync(a.out, res.yaml);
  else out(res.yaml.trimEnd());
  for (const w of res.warnings) {
    if (a.quiet && w.severity === 'info') continue;
    err(
      `${name}:${w.line || 1}: ${w.severity} import: ${sanitize(w.message[a.locale])}${w.text ? ` [${sanitize(w.text)}]` : ''}`,
    );
  }
  const cells = res.tables.map((t) => `${t.name} ${t.format}: ${t.cells}`).join(', ');
  err(
    a.locale === 'en'
      ? `${name}: format ${res.format}; cells placed: ${cells || 'none'}; ${res.warnings.length} warning(s)${res.ok ? '' : '; a table could not be read'}`
      : `${name}：格式 ${res.format}；放入单元格：${cells || '无'}；导入警告 ${res.warnings.length} 条${res.ok ? '' : '；有表格无法读取'}`,
  );
  return res.ok ? 0 : 1;
}

export function importArgs(positionals: string[], flags: Record<string, string | true>, locale: Locale): ImportArgs {
  const { file, out } = fileAndOutput(positionals, flags, 'import');
  const year = flags.year === undefined ? undefined : Number(flags.year);
  if (year !== undefined && !Number.isInteger(year)) throw new UsageError('--year must be a year such as 2024');
  return { file, out, year, locale, quiet: flags.quiet === true };
}
