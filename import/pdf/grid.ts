/**
 * Ruled tables: ruling lines → tables of cells. Horizontal and vertical rules are snapped and
 * merged into segments; segments that touch form a table. The x positions of its vertical
 * segments and the y positions of its horizontal ones cut it into a fine grid; two neighbouring
 * grid cells are one cell when no rule separates them (over at least half of their common edge),
 * which gives merged cells with their rowspan and colspan exactly as drawn.
 */
import type { Box } from './geometry';

export interface GridCell extends Box {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

export interface Grid extends Box {
  /** Column boundaries (x) and row boundaries (y) of the fine grid. */
  xs: number[];
  ys: number[];
  cells: GridCell[];
}

interface Seg {
  /** The fixed coordinate (y of a horizontal, x of a vertical segment) and the extent. */
  at: number;
  from: number;
  to: number;
}

/** A rule counts as a cell edge when it covers this share of the edge (broken or dashed lines). */
const EDGE_COVERAGE = 0.5;

/**
 * Finds the ruled tables on a page. `snap` is the distance (points) under which two rules are
 * one (double borders, the two cells' own borders side by side, rounding).
 */
export function gridsOf(rules: Box[], snap: number): Grid[] {
  const hs: Seg[] = [];
  const vs: Seg[] = [];
  for (const r of rules) {
    const w = r.x1 - r.x0;
    const h = r.y1 - r.y0;
    if (w >= h) hs.push({ at: (r.y0 + r.y1) / 2, from: r.x0, to: r.x1 });
    else vs.push({ at: (r.x0 + r.x1) / 2, from: r.y0, to: r.y1 });
  }
  const H = mergeSegs(hs, snap);
  const V = mergeSegs(vs, snap);
  // Connected components of touching segments.
  const parent = [...H, ...V].map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  H.forEach((h, i) => {
    V.forEach((v, j) => {
      if (v.at >= h.from - snap && v.at <= h.to + snap && h.at >= v.from - snap && h.at <= v.to + snap) {
        parent[find(i)] = find(H.length + j);
      }
    });
  });
  const comps = new Map<number, { h: Seg[]; v: Seg[] }>();
  H.forEach((h, i) => {
    const k = find(i);
    if (!comps.has(k)) comps.set(k, { h: [], v: [] });
    comps.get(k)!.h.push(h);
  });
  V.forEach((v, j) => {
    const k = find(H.length + j);
    if (!comps.has(k)) comps.set(k, { h: [], v: [] });
    comps.get(k)!.v.push(v);
  });
  const grids: Grid[] = [];
  for (const { h, v } of comps.values()) {
    if (h.length < 2 || v.length < 2) continue;
    const g = gridOf(h, v, snap);
    // A single framed box is a text frame, not a table.
    if (g && g.cells.length >= 2) grids.push(g);
  }
  return grids.sort((a, b) => a.y0 - b.y0);
}

/** Snaps segments on (nearly) the same line together and joins those that touch or overlap. */
function mergeSegs(segs: Seg[], snap: number): Seg[] {
  const sorted = [...segs].sort((a, b) => a.at - b.at || a.from - b.from);
  const lines: { at: number; segs: Seg[] }[] = [];
  for (const s of sorted) {
    const last = lines[lines.length - 1];
    if (last && s.at - last.at <= snap) last.segs.push(s);
    else lines.push({ at: s.at, segs: [s] });
  }
  const out: Seg[] = [];
  for (const l of lines) {
    const at = l.segs.reduce((t, s) => t + s.at, 0) / l.segs.length;
    const byFrom = [...l.segs].sort((a, b) => a.from - b.from);
    let cur: Seg | undefined;
    for (const s of byFrom) {
      if (cur && s.from <= cur.to + snap) cur.to = Math.max(cur.to, s.to);
      else {
        cur = { at, from: s.from, to: s.to };
        out.push(cur);
      }
    }
  }
  return out;
}

/** Positions closer than `snap` are one boundary. */
function cluster(values: number[], snap: number): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of s) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= snap) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

function covered(segs: Seg[], at: number, from: number, to: number, snap: number): boolean {
  let cov = 0;
  for (const s of segs) {
    if (Math.abs(s.at - at) > snap) continue;
    cov += Math.max(0, Math.min(s.to, to) - Math.max(s.from, from));
  }
  return cov >= EDGE_COVERAGE * (to - from);
}

function gridOf(h: Seg[], v: Seg[], snap: number): Grid | undefined {
  // Rules that run past the outermost rules of the other direction leave the table open on
  // that side: a row cut by a page break (no top or bottom border on this page), a table
  // without outer side borders. Their ends close it.
  const vTop = Math.min(...v.map((s) => s.from));
  const vBottom = Math.max(...v.map((s) => s.to));
  const hLeft = Math.min(...h.map((s) => s.from));
  const hRight = Math.max(...h.map((s) => s.to));
  const xs = cluster([...v.map((s) => s.at), hLeft, hRight], snap);
  const ys = cluster([...h.map((s) => s.at), vTop, vBottom], snap);
  if (xs.length < 2 || ys.length < 2) return undefined;
  const R = ys.length - 1;
  const C = xs.length - 1;
  const id = (r: number, c: number) => r * C + c;
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    // The top-left cell stays the root, so a merged cell is named by its first grid cell.
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && !covered(v, xs[c + 1], ys[r], ys[r + 1], snap)) union(id(r, c), id(r, c + 1));
      if (r + 1 < R && !covered(h, ys[r + 1], xs[c], xs[c + 1], snap)) union(id(r, c), id(r + 1, c));
    }
  }
  const spans = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const k = find(id(r, c));
      const s = spans.get(k);
      if (!s) spans.set(k, { r0: r, c0: c, r1: r, c1: c });
      else {
        s.r0 = Math.min(s.r0, r);
        s.c0 = Math.min(s.c0, c);
        s.r1 = Math.max(s.r1, r);
        s.c1 = Math.max(s.c1, c);
      }
    }
  }
  const cells: GridCell[] = [...spans.values()].map((s) => ({
    row: s.r0,
    col: s.c0,
    rowspan: s.r1 - s.r0 + 1,
    colspan: s.c1 - s.c0 + 1,
    x0: xs[s.c0],
    x1: xs[s.c1 + 1],
    y0: ys[s.r0],
    y1: ys[s.r1 + 1],
  }));
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { xs, ys, cells, x0: xs[0], x1: xs[C], y0: ys[0], y1: ys[R] };
}
