/**
 * `nianbao import`: a published report (plain text in the layouts of real reports, HTML,
 * DOCX, PDF) → report YAML that keeps every published defect for `nianbao check` to report.
 * Pure: takes text or bytes, returns text; no file system, no editor. A file that cannot be
 * imported at all (a PDF without text, over a limit, encrypted, damaged) throws ImportFailure.
 */
import { decodeBytes, ENCODING_LABEL } from '../core/text/encoding';
import type { FormatId, Locale } from '../core/types';
import { docxToHtml, isZip } from './docx';
import { coverage, emitYaml } from './emit';
import { extractReport, type ImportedReport } from './extract';
import { htmlSource } from './html';
import { M } from './messages';
import { isBlocking, note, type ImportWarning } from './notes';
import { isImportFailure, type ImportFailure } from './failure';
import { Deadline, LIMITS, tooLarge, unreadable, within } from './limits';
import { textSource, type Source } from './source';
import type { PdfLimits } from './pdf';

export { ImportFailure, isImportFailure } from './failure';

export type { ImportWarning } from './notes';
export type { ImportedReport } from './extract';
export { LIMITS } from './limits';

export interface ImportOptions {
  /** Shown in the header comment, e.g. the file name. */
  sourceName?: string;
  /** Report year when the document does not say (decides the format of an undecidable table). */
  year?: number;
  /** The language of the YAML's comments (default zh-CN). */
  locale?: Locale;
  /** The import's clock (LIMITS.timeMs from the start of the import by default). */
  deadline?: Deadline;
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
  const deadline = opts.deadline ?? new Deadline();
  deadline.check();
  const report = extractReport(src, opts.year);
  deadline.check();
  const warnings = [...extra, ...report.warnings];
  const locale = opts.locale ?? 'zh-CN';
  const yaml = emitYaml(report, opts.sourceName ?? '（未命名）', warnings, locale);
  deadline.check();
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

/** Plain text (the layouts of published reports). Throws ImportFailure past a limit. */
export function importText(text: string, opts: ImportOptions = {}, extra: ImportWarning[] = []): ImportResult {
  const deadline = opts.deadline ?? new Deadline();
  checkText(text);
  let lines = 0;
  let longest = 0;
  for (let i = 0, start = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    longest = Math.max(longest, i - start);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
    lines++;
  }
  within('paragraphs', lines);
  within('lineChars', longest);
  return finish(textSource(text), { ...opts, deadline }, extra);
}

/** HTML (government sites, Word's "save as web page"). Throws ImportFailure past a limit. */
export function importHtml(html: string, opts: ImportOptions = {}, extra: ImportWarning[] = []): ImportResult {
  const deadline = opts.deadline ?? new Deadline();
  checkText(html);
  return finish(htmlSource(html, 'html', deadline), { ...opts, deadline }, extra);
}

/** DOCX. Throws ImportFailure past a limit or when the file is damaged. */
export async function importDocx(bytes: Uint8Array, opts: ImportOptions = {}): Promise<ImportResult> {
  const deadline = opts.deadline ?? new Deadline();
  within('inputBytes', bytes.byteLength);
  const { html, messages } = await docxToHtml(bytes, deadline);
  const extra: ImportWarning[] = messages.map((m) => note(M.docxConversion, { text: m }, { line: 0 }));
  return finish(htmlSource(html, 'docx', deadline), { ...opts, deadline }, extra);
}

/** Text with NUL characters is binary data (a text file would not hold any). */
function checkText(text: string): void {
  const nul = text.indexOf('\u0000');
  if (nul >= 0)
    throw unreadable(
      `不是文本文件：第 ${nul + 1} 个字符是 NUL（二进制数据）`,
      `not a text file: character ${nul + 1} is NUL (binary data)`,
    );
}

/**
 * A PDF, read with its geometry (import/pdf/). The PDF reader (and pdf.js in it) is loaded here,
 * on first use: the CLI and the language server start without it. The bundles load it from
 * their own folder (dist/pdf.js, see esbuild.mjs); tests bundle it in.
 */
export async function importPdf(bytes: Uint8Array, opts: ImportOptions & { limits?: PdfLimits } = {}): Promise<ImportResult> {
  const deadline = opts.deadline ?? new Deadline();
  within('inputBytes', bytes.byteLength);
  const { pdfSource } = await import('./pdf');
  return finish(await pdfSource(bytes, opts.limits), { ...opts, deadline });
}

/**
 * Text from bytes (core/text/encoding.ts): a BOM, UTF-16 by its NUL pattern, strict UTF-8, else
 * GB18030/GBK (common on Chinese sites). A UTF-8 file cut off mid-character loses only the cut
 * bytes, with a warning; bytes that no encoding decodes end the import — no U+FFFD is ever
 * written into a report.
 */
export function decodeSource(bytes: Uint8Array): { text: string; warnings: ImportWarning[] } {
  const d = decodeBytes(bytes, { tolerateTruncatedUtf8: true });
  if (d.invalidAt !== undefined)
    throw unreadable(
      `第 ${d.invalidAt} 字节起既不是 UTF-8、UTF-16 也不是 GB18030/GBK 编码`,
      `from byte ${d.invalidAt} the file is neither UTF-8, UTF-16 nor GB18030/GBK`,
    );
  const warnings: ImportWarning[] = [];
  if (d.truncated) warnings.push(note(M.truncatedUtf8, { bytes: d.truncated }, { line: 0 }, 'warning'));
  if (d.encoding !== 'utf-8') warnings.push(note(M.encodingRead, { encoding: ENCODING_LABEL[d.encoding] }, { line: 0 }));
  return { text: d.text, warnings };
}

/** The text of `decodeSource` alone. */
export function decodeText(bytes: Uint8Array): string {
  return decodeSource(bytes).text;
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
  // The first 2 KB may end mid-character: decoded leniently, only for a look at the start.
  const head = decodeBytes(bytes.subarray(0, 2048), { tolerateTruncatedUtf8: true })
    .text.replace(/^\ufeff/, '')
    .trimStart()
    .slice(0, 512)
    .toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(table|body|p|div)[\s>]/.test(head)) return 'html';
  return 'text';
}

/**
 * Imports a file's bytes, whatever it is. Every limit of import/limits.ts applies; past one, or
 * on input that cannot be read, it rejects with an ImportFailure (never another exception).
 */
export async function importBytes(bytes: Uint8Array, name: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const o = { sourceName: name, ...opts, deadline: opts.deadline ?? new Deadline() };
  try {
    within('inputBytes', bytes.byteLength);
    const kind = sniff(name, bytes);
    if (kind === 'pdf') return await importPdf(bytes, o);
    if (kind === 'docx') return await importDocx(bytes, o);
    const { text, warnings } = decodeSource(bytes);
    return kind === 'html' ? importHtml(text, o, warnings) : importText(text, o, warnings);
  } catch (e) {
    throw asImportFailure(e);
  }
}

/** Any failure of an import as an ImportFailure: a stack overflow or an allocation failure is a limit too. */
export function asImportFailure(e: unknown): ImportFailure {
  if (isImportFailure(e)) return e;
  // The nesting limit keeps the recursive walkers off the stack's end; should one still get there, it is that limit.
  if (e instanceof RangeError && /call stack/i.test(e.message)) return tooLarge('nesting', `> ${LIMITS.nesting.max}`);
  const detail = String((e as Error)?.message ?? e)
    .split('\n')[0]
    .slice(0, 200);
  return unreadable(`导入时出错（${detail}）`, `the import failed (${detail})`);
}
