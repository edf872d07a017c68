/**
 * `nianbao export --html|--docx FILE [-o OUT] [--plain]`: the report as a standalone HTML page
 * (strict CSP, no script; the same page as the preview, `--plain` leaves out the check
 * results, for publishing) or as a Word document (the official layout, no check results).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { checkText, type CheckOptions, type Locale } from '../../core';
import { renderText } from '../../render';
import { renderDocx } from '../../render/docx';
import { fileAndOutput, UsageError } from '../args';

export interface ExportArgs {
  file: string;
  out?: string;
  as: 'html' | 'docx';
  plain: boolean;
  locale: Locale;
  options: CheckOptions;
}

export function exportArgs(
  positionals: string[],
  flags: Record<string, string | true>,
  locale: Locale,
  options: CheckOptions,
): ExportArgs {
  const { file, out } = fileAndOutput(positionals, flags, 'export');
  if ((flags.html === true) === (flags.docx === true)) throw new UsageError('export needs --html or --docx');
  if (flags.docx === true && !out) throw new UsageError('export --docx needs -o OUT.docx');
  return { file, out, as: flags.docx === true ? 'docx' : 'html', plain: flags.plain === true, locale, options };
}

export async function runExport(a: ExportArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let text: string;
  try {
    text = readFileSync(a.file, 'utf8');
  } catch (e) {
    err(`nianbao: cannot read ${a.file}: ${(e as Error).message}`);
    return 2;
  }
  if (a.as === 'docx') {
    writeFileSync(a.out!, await renderDocx(checkText(text, a.options)));
    return 0;
  }
  const html = renderText(text, { locale: a.locale, diagnostics: !a.plain }, a.options);
  if (a.out) writeFileSync(a.out, html);
  else out(html.trimEnd());
  return 0;
}
