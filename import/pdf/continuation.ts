/**
 * A ruled table that goes on over a page break: the last element of one page and the first of
 * the next are tables with the same left and right edges. The part on the new page may repeat
 * the header rows (dropped here), and a row-group label may be cut by the break (`（四）无` at the
 * foot of one page, `法提供` at the head of the next): the two pieces are one label.
 */
import { classifyCell, splitNumbering, stripWs } from '../normalize';
import type { PlacedCell } from './rows';

export interface TablePart {
  x0: number;
  x1: number;
  xs: number[];
  rows: number;
  cells: PlacedCell[];
}

/** Table edges (and cell edges) within this many em are the same. */
const SAME_EDGE_EM = 1;
/** Two parts of one table overlap over at least this share of the narrower one's width (ragged right edges). */
const SAME_WIDTH_SHARE = 0.8;

export function continuesTable(a: TablePart, b: TablePart, em: number): boolean {
  const overlap = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  return Math.abs(a.x0 - b.x0) <= SAME_EDGE_EM * em && overlap >= SAME_WIDTH_SHARE * Math.min(a.x1 - a.x0, b.x1 - b.x0);
}

const rowText = (t: TablePart, r: number) =>
  t.cells
    .filter((c) => c.row === r)
    .map((c) => stripWs(c.text))
    .join('|');

/**
 * Mends `b`, the part on the next page: drops the header rows it repeats from `a`'s top, and
 * joins a group label cut by the break into `a`'s cell. Returns the rows of `b` to keep (from).
 */
export function mendContinuation(a: TablePart, b: TablePart, em: number): number {
  let skip = 0;
  while (skip < b.rows - 1 && skip < a.rows - 1 && rowText(b, skip) !== '' && rowText(b, skip) === rowText(a, skip)) skip++;
  const lastA = a.rows - 1;
  const tol = SAME_EDGE_EM * em;
  const xOf = (t: TablePart, c: PlacedCell) => [t.xs[c.col], t.xs[c.col + c.colspan]];
  for (const cb of b.cells.filter((c) => c.row === skip)) {
    const t = stripWs(cb.text);
    // An empty cell under a label cut by the break is the rest of that label's cell.
    if (t !== '' && classifyCell(cb.text) !== 'label') continue;
    if (splitNumbering(t).n !== undefined || /^\d/.test(t)) continue;
    const [bx0, bx1] = xOf(b, cb);
    const ca = a.cells.find((c) => {
      if (c.row + c.rowspan - 1 !== lastA || classifyCell(c.text) !== 'label') return false;
      const [ax0, ax1] = xOf(a, c);
      return Math.abs(ax0 - bx0) <= tol && Math.abs(ax1 - bx1) <= tol;
    });
    // Only a label that spans rows on either side is a group label; two row labels stay two.
    if (!ca || (t !== '' && ca.rowspan < 2 && cb.rowspan < 2)) continue;
    ca.text += cb.text;
    b.cells = b.cells.filter((c) => c !== cb);
  }
  return skip;
}
