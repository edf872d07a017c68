/**
 * `nianbao import FILE [-o OUT] [--year Y] [--locale zh-CN|en]`: a published report (text, HTML, DOCX, PDF) → report YAML.
 * Loaded by cli/main.ts only when `nianbao import` runs (it brings mammoth, htmlparser2).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Locale } from '../../core';
import { say } from '../../core/messages/define';
import { importBytes, isImportFailure } from '../../import';
import { M } from '../../import/messages';
import { fileAndOutput, UsageError } from '../args';

export interface ImportArgs {
  file: string;
  out?: string;
  year?: number;
  locale: Locale;
  quiet?: boolean;
}

export async function runImport(a: ImportArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(a.file);
  } catch (e) {
    err(`nianbao: cannot read ${a.file}: ${(e as Error).message}`);
    return 2;
  }
  let res: Awaited<ReturnType<typeof importBytes>>;
  try {
    res = await importBytes(bytes, basename(a.file), { year: a.year, locale: a.locale });
  } catch (e) {
    // A file that cannot be imported at all (no text layer, over a limit, damaged): one line.
    if (!isImportFailure(e)) throw e;
    err(`${a.file}: error ${e.code}: ${e.text[a.locale]}`);
    return 2;
  }
  if (a.out) writeFileSync(a.out, res.yaml);
  else out(res.yaml.trimEnd());
  for (const w of res.warnings) {
    if (a.quiet && w.severity === 'info') continue;
    err(`${a.file}:${w.line || 1}: ${w.severity} ${w.code ?? 'import'}: ${w.message[a.locale]}${w.text ? ` [${w.text}]` : ''}`);
  }
  const findings = res.warnings.filter((w) => w.code).length;
  err(
    say(a.locale, M.summary, {
      file: a.file,
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
  if (year !== undefined && !Number.isInteger(year)) throw new UsageError('--year must be a year such as 2024');
  return { file, out, year, locale, quiet: flags.quiet === true };
}
