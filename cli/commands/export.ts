/**
 * `nianbao export --html|--docx FILE [-o OUT] [--plain]`: the report as a standalone HTML page
 * (strict CSP, no script; the same page as the preview, `--plain` leaves out the check
 * results, for publishing) or as a Word document (the official layout, no check results).
 */
import { writeFileSync } from 'node:fs';
import { checkReport, loadReportBytes, type CheckOptions, type Locale } from '../../core';
import { renderReport } from '../../render';
import { renderDocx } from '../../render/docx';
import { fileAndOutput, UsageError } from '../args';
import { U } from '../messages';
import { readFileBounded } from '../files';
import { sanitize } from '../output/sanitize';

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
  if ((flags.html === true) === (flags.docx === true)) throw new UsageError(U.exportKind, {});
  if (flags.docx === true && !out) throw new UsageError(U.docxNeedsOutput, {});
  return { file, out, as: flags.docx === true ? 'docx' : 'html', plain: flags.plain === true, locale, options };
}

export async function runExport(a: ExportArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const read = readFileBounded(a.file);
  if (read.kind !== 'bytes') {
    const why =
      read.kind === 'error'
        ? read.message
        : read.kind === 'special'
          ? `not a regular file (${read.what})`
          : `too large (${read.size} bytes); not a report`;
    err(`nianbao: cannot read ${sanitize(a.file)}: ${why}`);
    return 2;
  }
  // Decoded like check (any supported encoding); the page and the DOCX are written as UTF-8 / OOXML.
  const result = checkReport(loadReportBytes(read.bytes).report, a.options);
  if (a.as === 'docx') {
    writeFileSync(a.out!, await renderDocx(result, a.locale));
    return 0;
  }
  const html = renderReport(result, { locale: a.locale, diagnostics: !a.plain });
  if (a.out) writeFileSync(a.out, html);
  else out(html.trimEnd());
  return 0;
}
