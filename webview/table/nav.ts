/**
 * Where each value cell sits on its table's grid (row, first and last column, spans resolved),
 * and moving between them like a spreadsheet: arrows to the neighbouring value cell, Tab in
 * reading order, rectangles for selection, copy and paste. Header cells are never landed on.
 */
import type { GridCell, GridTable } from '../../protocol/table';

export interface NavCell {
  path: string;
  table: number;
  /** Index of the row in `Nav.rows`. */
  row: number;
  c0: number;
  c1: number;
}

export interface Nav {
  /** Rows holding value cells, in document order; each sorted left to right. */
  rows: NavCell[][];
  byPath: Map<string, NavCell>;
  /** Value cells in reading order. */
  order: NavCell[];
}

export type Direction = 'up' | 'down' | 'left' | 'right';

export function buildNav(tables: GridTable[]): Nav {
  const rows: NavCell[][] = [];
  tables.forEach((t, ti) => {
    const grid = [...t.head, ...t.body];
    const occupied: boolean[][] = [];
    const byRow = new Map<number, NavCell[]>();
    grid.forEach((cells: GridCell[], r) => {
      occupied[r] ??= [];
      let c = 0;
      for (const cell of cells) {
        while (occupied[r][c]) c++;
        for (let i = 0; i < cell.rowspan; i++)
          for (let j = 0; j < cell.colspan; j++) {
            occupied[r + i] ??= [];
            occupied[r + i][c + j] = true;
          }
        if (cell.role === 'value' && cell.path) {
          const list = byRow.get(r) ?? [];
          list.push({ path: cell.path, table: ti, row: -1, c0: c, c1: c + cell.colspan });
          byRow.set(r, list);
        }
        c += cell.colspan;
      }
    });
    for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
      const list = byRow.get(r)!.sort((a, b) => a.c0 - b.c0);
      for (const n of list) n.row = rows.length;
      rows.push(list);
    }
  });
  const order = rows.flat();
  return { rows, order, byPath: new Map(order.map((n) => [n.path, n])) };
}

/** The cell in `row` under column `c` (or the nearest one). */
function atColumn(row: NavCell[], c: number): NavCell {
  return (
    row.find((n) => n.c0 <= c && c < n.c1) ?? row.reduce((best, n) => (Math.abs(n.c0 - c) < Math.abs(best.c0 - c) ? n : best))
  );
}

export function move(nav: Nav, path: string, dir: Direction): string | undefined {
  const cur = nav.byPath.get(path);
  if (!cur) return nav.order[0]?.path;
  const row = nav.rows[cur.row];
  const i = row.indexOf(cur);
  switch (dir) {
    case 'left':
      return row[i - 1]?.path;
    case 'right':
      return row[i + 1]?.path;
    case 'up':
    case 'down': {
      const next = nav.rows[cur.row + (dir === 'up' ? -1 : 1)];
      if (!next) return undefined;
      // Within a table by column; into another table (other columns) by position in the row.
      return next[0].table === cur.table ? atColumn(next, cur.c0).path : next[Math.min(i, next.length - 1)].path;
    }
  }
}

/** The cells of the rectangle between two cells, row by row. */
export function rect(nav: Nav, a: string, b: string): string[][] {
  const x = nav.byPath.get(a);
  const y = nav.byPath.get(b);
  if (!x || !y) return x ? [[x.path]] : [];
  const [r0, r1] = [Math.min(x.row, y.row), Math.max(x.row, y.row)];
  const [c0, c1] = [Math.min(x.c0, y.c0), Math.max(x.c1, y.c1)];
  const out: string[][] = [];
  for (let r = r0; r <= r1; r++) {
    const cells = nav.rows[r].filter((n) => n.c0 < c1 && n.c1 > c0).map((n) => n.path);
    if (cells.length) out.push(cells);
  }
  return out;
}

/**
 * Where a pasted block goes: row i of the block into the i-th row below the anchor, value j into
 * the j-th value cell from the anchor's column rightwards, all within the anchor's table. Values
 * that fall outside the table are counted, not written.
 */
export function pasteTargets(
  nav: Nav,
  anchor: string,
  block: string[][],
): { changes: { path: string; input: string }[]; clipped: number } {
  const start = nav.byPath.get(anchor);
  const changes: { path: string; input: string }[] = [];
  let clipped = 0;
  if (!start) return { changes, clipped: block.flat().length };
  block.forEach((values, i) => {
    const row = nav.rows[start.row + i];
    const cells = row && row[0].table === start.table ? row.filter((n) => n.c1 > start.c0) : [];
    values.forEach((input, j) => {
      if (cells[j]) changes.push({ path: cells[j].path, input });
      else clipped++;
    });
  });
  return { changes, clipped };
}
