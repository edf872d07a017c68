/**
 * PDF bytes → Source (layout `pdf-geometry`): text and ruling lines read with pdf.js
 * (pdfjs.ts), each page cut into ruled tables, borderless tables and text lines (page.ts),
 * page furniture dropped (furniture.ts), tables continued over page breaks (continuation.ts),
 * text lines joined into paragraphs (paragraphs.ts), table cells given as rows in the HTML
 * reader's shape (rows.ts).
 *
 * Line numbers: `page × 1000 + n`, n counting the text lines and table rows of the page from 1 in
 * reading order (page furniture included), so line 4012 is the 12th line or row of page 4
 * (`pdfLineLabel`). A paragraph has the number of its first line, a cell the number of its row.
 *
 * This module is loaded lazily (import/index.ts), so nothing loads pdf.js until a PDF is read.
 */
import type { Block, Source, SrcCell } from '../source';
import { classifyCell } from '../normalize';
import { continuesTable, mendContinuation, type TablePart } from './continuation';
import { furnitureOf } from './furniture';
import { bodySize } from './geometry';
import type { Line } from './lines';
import { type Element, layOutPage, type PageLayout } from './page';
import { type FlowLine, paragraphs } from './paragraphs';
import { PDF_LIMITS, type PdfLimits, type PdfPage, readPdf } from './pdfjs';
import { spanRows } from './rows';
import type { StreamTable } from './stream';

export { MAX_PAGES, MAX_PATH_COORDS, MAX_TEXT_ITEMS, MIN_CHARS_PER_PAGE, PDF_LIMITS, type PdfLimits } from './pdfjs';

/** Line numbers per page (see above). */
export const LINES_PER_PAGE = 1000;

export function pdfLineLabel(line: number): { page: number; n: number } {
  return { page: Math.floor(line / LINES_PER_PAGE), n: line % LINES_PER_PAGE };
}

export async function pdfSource(bytes: Uint8Array, limits: PdfLimits = PDF_LIMITS): Promise<Source> {
  return layOutDocument(await readPdf(bytes, limits));
}

type Out = { kind: 'flow'; f: FlowLine } | { kind: 'block'; block: Block };
type GridElement = Extract<Element, { kind: 'grid' }>;

export function layOutDocument(pdfPages: PdfPage[]): Source {
  const docEm = bodySize(pdfPages.flatMap((p) => p.pieces));
  const pages = pdfPages.map((p) => layOutPage(p, docEm));
  const furniture = furnitureOf(pages);
  const flowEm = bodySize(pages.flatMap((p) => p.free));
  const parts = mendTables(pages, furniture);
  const pageNumbers: number[] = [];
  const out: Out[] = [];
  let follows = false;
  for (const page of pages) {
    let n = 0;
    const line = () => page.number * LINES_PER_PAGE + Math.min(++n, LINES_PER_PAGE - 1);
    for (const e of page.elements) {
      if (e.kind === 'line') {
        const ln = line();
        if (furniture.has(e.line)) pageNumbers.push(ln);
        else {
          out.push({ kind: 'flow', f: { line: e.line, page: page.number, n: ln, follows } });
          follows = true;
        }
        continue;
      }
      follows = false;
      const rows =
        e.kind === 'grid'
          ? spanRows(parts.get(e)!.part.cells, parts.get(e)!.part.rows).slice(parts.get(e)!.from)
          : streamRows(e.table);
      for (const cells of rows) {
        const ln = line();
        if (cells.length)
          out.push({ kind: 'block', block: { kind: 'row', cells: cells.map((c) => ({ ...c, line: ln })), line: ln } });
      }
    }
  }
  return { layout: 'pdf-geometry', blocks: toBlocks(out, flowEm), pageNumbers };
}

/**
 * Ruled tables as parts, a part that continues the table at the foot of the page before mended
 * (repeated header rows skipped: `from`; a group label cut by the break joined).
 */
function mendTables(pages: PageLayout[], furniture: Set<Line>): Map<GridElement, { part: TablePart; from: number }> {
  const parts = new Map<GridElement, { part: TablePart; from: number }>();
  let prev: { part: TablePart; page: number } | undefined;
  for (const page of pages) {
    const body = page.elements.filter((e) => !(e.kind === 'line' && furniture.has(e.line)));
    body.forEach((e, i) => {
      if (e.kind !== 'grid') {
        prev = undefined;
        return;
      }
      const part: TablePart = { x0: e.grid.x0, x1: e.grid.x1, xs: e.grid.xs, rows: e.grid.ys.length - 1, cells: e.cells };
      let from = 0;
      if (i === 0 && prev && prev.page === page.number - 1 && continuesTable(prev.part, part, page.em)) {
        from = mendContinuation(prev.part, part, page.em);
      }
      parts.set(e, { part, from });
      prev = { part, page: page.number };
    });
  }
  return parts;
}

/** Flow lines → paragraphs, in place among the table rows. */
function toBlocks(out: Out[], flowEm: number): Block[] {
  const emOf = () => flowEm;
  const blocks: Block[] = [];
  let run: FlowLine[] = [];
  const flush = () => {
    for (const p of paragraphs(run, emOf))
      blocks.push({ kind: 'text', text: p.text, line: p.n, ...(p.heading ? { heading: true } : {}) });
    run = [];
  };
  for (const o of out) {
    if (o.kind === 'flow') run.push(o.f);
    else {
      flush();
      blocks.push(o.block);
    }
  }
  flush();
  return blocks;
}

/**
 * A borderless table's lines as rows: cells by column; an empty column between cells is an
 * empty cell once values start (blank value cells keep the columns aligned), empty label
 * columns before a row's first cell are left out, as the HTML reader leaves out a row label
 * covered by a group above.
 */
function streamRows(t: StreamTable): Omit<SrcCell, 'line'>[][] {
  // Columns where some row has a value: only there is an empty position a blank cell.
  const valueCols = new Set(t.rows.flatMap((r) => r.filter((c) => classifyCell(c.text) === 'value').map((c) => c.col)));
  const firstValue = valueCols.size ? Math.min(...valueCols) : Number.POSITIVE_INFINITY;
  return t.rows.map((r) => {
    const cells: Omit<SrcCell, 'line'>[] = [];
    let col = r.length ? Math.min(r[0].col, firstValue) : 0;
    for (const c of r) {
      for (; col < c.col; col++) if (col >= firstValue && valueCols.has(col)) cells.push({ text: '' });
      const value = classifyCell(c.text) !== 'label';
      cells.push({ text: c.text, colspan: c.colspan });
      if (value) for (let k = 1; k < c.colspan; k++) cells.push({ text: '', merged: true });
      col = c.col + c.colspan;
    }
    return cells;
  });
}
