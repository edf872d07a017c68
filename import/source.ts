/**
 * Every input becomes one list of blocks in document order: text lines/paragraphs and table
 * rows of cells, each with the 1-based source line it came from. Plain text comes in the
 * layouts found in published reports:
 *
 * - `cells`: one cell per line, each cell line starting with a tab, rows separated by blank
 *   lines; a header broken over two lines continues on a line without the tab (Word → text);
 * - `pdf`: one PDF line per line, cells of a line separated by tabs, headers letter-spaced,
 *   labels wrapped over several lines, group labels one character per line, page numbers;
 * - `pipe`: `| a | b |` tables (Markdown and plain-text exports);
 * - `prose`: no table markup at all (rows of `pdftotext -layout` and "行政许可 97" lines are
 *   read as rows by the table reader);
 * - `runs`: web page text, the whole report on one line with cells run together (runtogether.ts).
 */
import { classifyCell, isPageNumber, splitNumbering, stripWs } from './normalize';
import { isRunTogether, runTogetherSource } from './runtogether';

export interface SrcCell {
  text: string;
  line: number;
  /** A cell that only continues a merged (rowspan/colspan) cell: no content of its own. */
  merged?: boolean;
  colspan?: number;
  rowspan?: number;
  /** Web page text: the digits of several cells run together, cut by the table reader (runtogether.ts). */
  run?: true;
  /** A value read from a text line (`pdftotext -layout`): its character column, which tells its table column. */
  x?: number;
}

export type Block =
  | { kind: 'text'; text: string; line: number; heading?: boolean }
  | { kind: 'row'; cells: SrcCell[]; line: number };

/** `pdf-geometry`: a PDF file read with its geometry (import/pdf/), as opposed to `pdf`, PDF text. */
export type Layout = 'cells' | 'pdf' | 'pipe' | 'prose' | 'runs' | 'html' | 'docx' | 'pdf-geometry';

export interface Source {
  layout: Layout;
  blocks: Block[];
  /** Lines that were recognised as page numbers and skipped. */
  pageNumbers: number[];
}

export function detectLayout(text: string): Layout {
  const lines = text.split(/\r\n|\r|\n/);
  let cellLines = 0;
  let tabbed = 0;
  let pipes = 0;
  for (const l of lines) {
    if (/^\t[^\t]*$/.test(l)) cellLines++;
    if (/\S\t+\S/.test(l)) tabbed++;
    if (/^\s*\|.*\|\s*$/.test(l)) pipes++;
  }
  if (pipes >= 5 && pipes >= cellLines && pipes >= tabbed) return 'pipe';
  if (cellLines >= 20 && cellLines >= tabbed) return 'cells';
  if (tabbed >= 5) return 'pdf';
  return 'prose';
}

export function textSource(text: string): Source {
  if (isRunTogether(text)) return runTogetherSource(text);
  const layout = detectLayout(text);
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  if (layout === 'cells') return cellsLayout(lines);
  if (layout === 'pipe') return pipeLayout(lines);
  return lineLayout(lines, layout);
}

const blank = (s: string) => stripWs(s) === '';

/** One cell per line (tab-prefixed), rows separated by blank lines. */
function cellsLayout(lines: string[]): Source {
  const blocks: Block[] = [];
  let row: SrcCell[] | null = null;
  const flush = () => {
    if (row?.length) blocks.push({ kind: 'row', cells: row, line: row[0].line });
    row = null;
  };
  const nextNonBlank = (i: number): number => {
    for (let j = i + 1; j < lines.length; j++) if (!blank(lines[j])) return j;
    return -1;
  };
  let lastCellLine = -10;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.startsWith('\t')) {
      if (!row) row = [];
      for (const part of l.slice(1).split('\t')) row.push({ text: part, line: i + 1 });
      lastCellLine = i;
      continue;
    }
    if (blank(l)) {
      // A blank line ends a row, unless a header continuation follows (e.g. 上一年 / ⏎ / 项目数量).
      const j = nextNonBlank(i);
      if (j >= 0 && row && isContinuation(lines, j, lastCellLine)) continue;
      flush();
      continue;
    }
    if (row && isContinuation(lines, i, lastCellLine)) {
      const last = (row as SrcCell[])[(row as SrcCell[]).length - 1];
      last.text += `\n${l}`;
      lastCellLine = i;
      continue;
    }
    flush();
    blocks.push({ kind: 'text', text: l, line: i + 1 });
  }
  flush();
  return { layout: 'cells', blocks, pageNumbers: [] };
}

/** A short line without a tab right after a cell line, followed by more cells: a wrapped cell. */
function isContinuation(lines: string[], i: number, lastCellLine: number): boolean {
  const l = lines[i];
  if (l.startsWith('\t') || blank(l)) return false;
  if (i - lastCellLine > 2) return false;
  const t = stripWs(l);
  if (t.length > 16 || /[。；]/.test(t)) return false;
  if (classifyCell(t) !== 'label' || splitNumbering(t).n !== undefined) return false;
  for (let j = i + 1; j < lines.length; j++) {
    if (blank(lines[j])) continue;
    return lines[j].startsWith('\t');
  }
  return false;
}

/** Tab-separated lines (PDF text) and plain prose: one block per line. */
function lineLayout(lines: string[], layout: Layout): Source {
  const blocks: Block[] = [];
  const pageNumbers: number[] = [];
  lines.forEach((l, i) => {
    if (blank(l)) return;
    if (isPageNumber(l)) {
      pageNumbers.push(i + 1);
      return;
    }
    if (/\S\t+\S/.test(l) || /^\t/.test(l)) {
      const cells = l.split('\t').filter((c, k, all) => !(blank(c) && (k === 0 || k === all.length - 1)));
      blocks.push({ kind: 'row', cells: cells.map((c) => ({ text: c, line: i + 1 })), line: i + 1 });
    } else blocks.push({ kind: 'text', text: l, line: i + 1 });
  });
  return { layout, blocks, pageNumbers };
}

/** `| a | b |` rows; separator rows `|---|---|` are skipped. */
function pipeLayout(lines: string[]): Source {
  const blocks: Block[] = [];
  const pageNumbers: number[] = [];
  lines.forEach((l, i) => {
    if (blank(l)) return;
    if (isPageNumber(l)) {
      pageNumbers.push(i + 1);
      return;
    }
    const m = /^\s*\|(.*)\|\s*$/.exec(l);
    if (!m) {
      blocks.push({ kind: 'text', text: l, line: i + 1 });
      return;
    }
    const parts = m[1].split('|');
    if (parts.every((p) => /^\s*:?-{2,}:?\s*$/.test(p))) return;
    blocks.push({ kind: 'row', cells: parts.map((p) => ({ text: p, line: i + 1 })), line: i + 1 });
  });
  return { layout: 'pipe', blocks, pageNumbers };
}
