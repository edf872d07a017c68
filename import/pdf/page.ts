/**
 * One page → its elements in reading order: ruled tables (cells with their text), borderless
 * tables, and the remaining text lines. Pieces go to the table cell their middle falls in;
 * diagonal text (watermarks, stamps) is dropped.
 */
import { bodySize, centre, inside, isAxisAligned, isHorizontal, type Piece } from './geometry';
import { type Grid, gridsOf } from './grid';
import { cellText, type Line, linesOf } from './lines';
import type { PdfPage } from './pdfjs';
import type { PlacedCell } from './rows';
import { type StreamTable, streamTables } from './stream';

export type Element =
  | { kind: 'grid'; y0: number; grid: Grid; cells: PlacedCell[] }
  | { kind: 'stream'; y0: number; table: StreamTable }
  | { kind: 'line'; y0: number; line: Line };

export interface PageLayout {
  number: number;
  /** Pieces outside ruled tables (for the size of the body text). */
  free: Piece[];
  height: number;
  /** Body text size (em) of the page. */
  em: number;
  elements: Element[];
  /** Diagonal pieces dropped. */
  dropped: number;
}

/** Rules closer than this (em) are one line: double borders, each cell drawing its own border. */
const SNAP_EM = 0.3;

export function layOutPage(page: PdfPage, docEm: number): PageLayout {
  const pieces = page.pieces.filter(isAxisAligned);
  const dropped = page.pieces.length - pieces.length;
  const em = pieces.length >= 20 ? bodySize(pieces) : docEm;
  const snap = SNAP_EM * em;
  const grids = gridsOf(page.rules, snap);
  const buckets = grids.map((g) => g.cells.map(() => [] as Piece[]));
  const free: Piece[] = [];
  for (const p of pieces) {
    const { x, y } = centre(p);
    const gi = grids.findIndex((g) => inside(x, y, g));
    if (gi < 0) {
      free.push(p);
      continue;
    }
    const ci = grids[gi].cells.findIndex((c) => inside(x, y, c));
    if (ci < 0) free.push(p);
    else buckets[gi][ci].push(p);
  }
  const elements: Element[] = [];
  grids.forEach((g, gi) => {
    const cells = g.cells.map((c, ci) => ({ ...c, text: cellText(buckets[gi][ci]) }));
    // A frame around one piece of text (or an empty drawing) is not a table: its text flows.
    if (cells.filter((c) => c.text !== '').length < 2) {
      for (const b of buckets[gi]) free.push(...b);
      return;
    }
    elements.push({ kind: 'grid', y0: g.y0, grid: g, cells });
  });
  const lines = linesOf(free);
  const horizontal = lines.filter((l) => isHorizontal(l.pieces[0]));
  const { tables, rest } = streamTables(horizontal, em);
  for (const t of tables) elements.push({ kind: 'stream', y0: t.y0, table: t });
  for (const l of [...rest, ...lines.filter((l) => !isHorizontal(l.pieces[0]))])
    elements.push({ kind: 'line', y0: l.y0, line: l });
  elements.sort((a, b) => a.y0 - b.y0 || (a.kind === 'line' && b.kind === 'line' ? a.line.x0 - b.line.x0 : 0));
  return { number: page.number, free, height: page.height, em, elements, dropped };
}
