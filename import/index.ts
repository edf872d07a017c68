/**
 * `nianbao import`: a published report (plain text in the layouts of real reports, HTML,
 * DOCX, PDF) → report YAML that keeps every published defect for `nianbao check` to report.
 * Pure: takes text or bytes, returns text; no file system, no editor. A file that cannot be
 * imported at all (a PDF without text, over a limit, encrypted, damaged) throws ImportFailure.
 */
import type { FormatId, Locale } from '../core/types';
import { docxToHtml, isZip } from './docx';
import { coverage, emitYaml } from './emit';
import { extractReport, type ImportedReport } from './extract';
import { htmlSource } from './html';
import { M } from './messages';
import { isBlocking, note, type ImportWarning } from './notes';
import { textSource, type Source } from './source';
import type { PdfLimits } from './pdf';

export { ImportFailure, isImportFailure, type ImportFailureCode } from './failure';

export type { ImportCode, ImportWarning } from './notes';
export type { ImportedReport } from './extract';

export interface ImportOptions {
  /** Shown in the header comment, e.g. the file name. */
  sourceName?: string;
  /** Report year when the document does not say (decides the format of an undecidable table). */
  year?: number;
  /** The language of the YAML's comments (default zh-CN). */
  locale?: Locale;
}

export interface ImportResult {
  yaml: string;
  /** The report's format (its 表二's). */
  format: FormatId;
  /** Findings (with an IMPORT-* code) and messages, in source order. */
  warnings: ImportWarning[];
  /** False when a table could not be read at all. */
  ok: boolean;
  /** True when every cell was read and placed: no IMPORT-* error (`nianbao import` exits 0). */
  complete: boolean;
  /** Cells read per table: 表二 10/10，表三 175/175，表四 15/15. */
  coverage: string;
  /** Per table: name, format, template cells read, template cells, value cells in the source. */
  tables: { key: string; name: string; format: FormatId; cells: number; templateCells: number; sourceCells: number }[];
  report: ImportedReport;
}

function finish(src: Source, opts: ImportOptions, extra: ImportWarning[] = []): ImportResult {
  const report = extractReport(src, opts.year);
  const warnings = [...extra, ...report.warnings];
  const locale = opts.locale ?? 'zh-CN';
  const yaml = emitYaml(report, opts.sourceName ?? '（未命名）', warnings, locale);
  return {
    yaml,
    format: report.format,
    warnings,
    ok: report.unreadable.length === 0,
    complete: !warnings.some(isBlocking),
    coverage: coverage(report, locale),
    tables: report.tables.map((t) => ({
      key: t.key,
      name: t.name,
      format: t.format,
      cells: t.cells,
      templateCells: t.templateCells,
      sourceCells: t.sourceCells,
    })),
    report,
  };
}

export function importText(text: string, opts: ImportOptions = {}): ImportResult {
  return finish(textSource(text), opts);
}

export function importHtml(html: string, opts: ImportOptions = {}): ImportResult {
  return finish(htmlSource(html), opts);
}

export async function importDocx(bytes: Uint8Array, opts: ImportOptions = {}): Promise<ImportResult> {
  const { html, messages } = await docxToHtml(bytes);
  const extra: ImportWarning[] = messages.map((m) => note(M.docxConversion, { text: m }, { line: 0 }));
  return finish(htmlSource(html, 'docx'), opts, extra);
}

/**
 * A PDF, read with its geometry (import/pdf/). The PDF reader (and pdf.js in it) is loaded here,
 * on first use: the CLI and the language server start without it. The bundles load it from
 * their own folder (dist/pdf.js, see esbuild.mjs); tests bundle it in.
 */
export async function importPdf(bytes: Uint8Array, opts: ImportOptions & { limits?: PdfLimits } = {}): Promise<ImportResult> {
  const { pdfSource } = await import('./pdf');
  return finish(await pdfSource(bytes, opts.limits), opts);
}

/**
 * Text from bytes: UTF-16 with BOM; UTF-8 (with or without BOM, tolerating a few broken
 * sequences such as a character cut at the end); else GB18030 (GBK), common on Chinese sites.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const utf8 = new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
  const broken = (utf8.match(/\ufffd/g) ?? []).length;
  if (broken <= Math.max(2, utf8.length / 1000)) return utf8;
  return new TextDecoder('gb18030').decode(bytes);
}

export type InputKind = 'text' | 'html' | 'docx' | 'pdf';

/** `%PDF-` within the first KiB (the header may follow a few junk bytes). */
function isPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d)
      return true;
  }
  return false;
}

/** What a file is, by its name and its first bytes. */
export function sniff(name: string, bytes: Uint8Array): InputKind {
  if (isPdf(bytes) || /\.pdf$/i.test(name)) return 'pdf';
  if (isZip(bytes) || /\.docx$/i.test(name)) return 'docx';
  if (/\.x?html?$/i.test(name)) return 'html';
  const head = decodeText(bytes.subarray(0, 2048)).trimStart().slice(0, 512).toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(table|body|p|div)[\s>]/.test(head)) return 'html';
  return 'text';
}

/** Imports a file's bytes, whatever it is. */
export async function importBytes(bytes: Uint8Array, name: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const o = { sourceName: name, ...opts };
  const kind = sniff(name, bytes);
  if (kind === 'pdf') return importPdf(bytes, o);
  if (kind === 'docx') return importDocx(bytes, o);
  const text = decodeText(bytes);
  return kind === 'html' ? importHtml(text, o) : importText(text, o);
}
