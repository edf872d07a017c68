/**
 * Table cells with positions and spans → row cells in the form the HTML reader gives them
 * (import/html.ts), so the table reader sees one shape whatever the input: a label cell that
 * spans rows or columns appears once, in its first row; a value (or blank) cell that spans
 * columns or rows leaves `merged` placeholders in the positions it covers, so the cells of a
 * row keep their columns; a blank cell is an empty cell.
 */
import { classifyCell } from '../normalize';

export interface PlacedCell {
  text: string;
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

export interface RowCell {
  text: string;
  merged?: boolean;
  colspan?: number;
  rowspan?: number;
}

/** Rows 0..rows-1 of the table; a row with no cell of its own (all covered from above) is empty. */
export function spanRows(cells: PlacedCell[], rows: number): RowCell[][] {
  const out: { col: number; cell: RowCell }[][] = Array.from({ length: rows }, () => []);
  for (const c of cells) {
    const value = classifyCell(c.text) !== 'label';
    out[c.row]?.push({ col: c.col, cell: { text: c.text, colspan: c.colspan, rowspan: c.rowspan } });
    if (!value) continue;
    for (let r = c.row; r < c.row + c.rowspan && r < rows; r++) {
      for (let k = 0; k < c.colspan; k++) {
        if (r === c.row && k === 0) continue;
        out[r].push({ col: c.col + k, cell: { text: '', merged: true } });
      }
    }
  }
  return out.map((r) => r.sort((a, b) => a.col - b.col).map((e) => e.cell));
}
