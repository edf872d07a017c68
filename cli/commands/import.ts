/**
 * `nianbao import FILE [-o OUT] [--year Y] [--locale zh-CN|en]`: a published report (text, HTML, DOCX, PDF) → report YAML.
 * Loaded by cli/main.ts only when `nianbao import` runs (it brings mammoth, htmlparser2).
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Locale } from '../../core';
import { say } from '../../core/messages/define';
import { asImportFailure, importBytes, LIMITS, type ImportResult } from '../../import';
import { tooLarge } from '../../import/limits';
import { M } from '../../import/messages';
import { fileAndOutput, UsageError } from '../args';
import { U } from '../messages';
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
    res = await importBytes(read.bytes, basename(a.file), { year: a.year, locale: a.locale });
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
      `${name}:${w.line || 1}: ${w.severity} ${w.code ?? 'import'}: ${sanitize(w.message[a.locale])}${w.text ? ` [${sanitize(w.text)}]` : ''}`,
    );
  }
  const findings = res.warnings.filter((w) => w.code).length;
  err(
    say(a.locale, M.summary, {
      file: name,
      format: res.format,
      coverage: res.coverage,
      findings,
      notes: res.warnings.length - findings,
      complete: res.complete ? 'y' : '',
    }),
  );
  // Exit 1 when a cell was not read or placed: a false 勾稽 error can only follow an import that said so.
  return res.ok && res.complete ? 0 : 1;
}

export function importArgs(positionals: string[], flags: Record<string, string | true>, locale: Locale): ImportArgs {
  const { file, out } = fileAndOutput(positionals, flags, 'import');
  const year = flags.year === undefined ? undefined : Number(flags.year);
  if (year !== undefined && !Number.isInteger(year)) throw new UsageError(U.year, {});
  return { file, out, year, locale, quiet: flags.quiet === true };
}
