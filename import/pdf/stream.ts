/**
 * Tables drawn without ruling lines (a web page's borderless table printed to PDF, tab-aligned
 * text): found by their text alone. A line whose pieces leave a clear gap (wider than the
 * line's usual spacing between characters) falls into chunks; a run of such lines is a table;
 * the x positions where chunks start in two or more lines are its column starts, and each chunk
 * goes to the column its start falls in, spanning the columns its text covers. Each text line is
 * one row: a label wrapped over two lines gives two rows, as in PDF text, which the table reader
 * takes as label fragments around the row's values.
 */
import { along, joinText, type Piece } from './geometry';
import { type Line, makeLine } from './lines';
import { isHeading } from './paragraphs';

export interface StreamCell {
  text: string;
  col: number;
  colspan: number;
}

export interface StreamTable {
  lines: Line[];
  /** Per line, its cells by column. */
  rows: StreamCell[][];
  y0: number;
  y1: number;
}

/** A gap is a column gap when wider than this (em) … */
const COLUMN_GAP_MIN_EM = 0.1;
/** … and either wider than this (em: wider than a word space or justification) … */
const COLUMN_GAP_WIDE_EM = 0.4;
/** … or this many times the line's lower-quartile gap (justified text spaces all characters alike). */
const COLUMN_GAP_RATIO = 3;
/** Lines further apart than this (em, top to top) are not one table. */
const ROW_GAP_MAX_EM = 3;
/** A table has at least this many lines with two or more chunks. */
const MIN_TABLE_LINES = 3;
/** Chunk starts closer than this (em) are one column start. */
const COLUMN_START_TOLERANCE_EM = 0.6;
/** A column start is one where at least this many lines start a chunk (prose breaks at random places). */
const COLUMN_SUPPORT = 3;
/** Share of a run's multi-chunk lines whose chunks start at column starts, for the run to be a table. */
const ALIGNED_SHARE = 0.5;

function chunksOf(line: Line): Line[] {
  const ps = line.pieces;
  if (ps.length < 2) return [line];
  const gaps: number[] = [];
  for (let i = 1; i < ps.length; i++) gaps.push(along(ps[i]) - (along(ps[i - 1]) + (ps[i - 1].x1 - ps[i - 1].x0)));
  const q1 = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 4)];
  const out: Piece[][] = [[ps[0]]];
  gaps.forEach((g, i) => {
    const p = ps[i + 1];
    if (g >= COLUMN_GAP_MIN_EM * p.size && (g >= COLUMN_GAP_WIDE_EM * p.size || g >= COLUMN_GAP_RATIO * Math.max(q1, 0)))
      out.push([p]);
    else out[out.length - 1].push(p);
  });
  return out.map((c) => makeLine(c));
}

/** Splits horizontal flow lines into borderless tables and the rest. */
export function streamTables(lines: Line[], em: number): { tables: StreamTable[]; rest: Line[] } {
  const sorted = [...lines].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const chunks = sorted.map(chunksOf);
  const tables: StreamTable[] = [];
  const used = new Set<number>();
  let i = 0;
  while (i < sorted.length) {
    if (chunks[i].length < 2) {
      i++;
      continue;
    }
    // Grow a run of lines close to each other; single-chunk lines only between multi-chunk ones.
    let j = i;
    let lastMulti = i;
    // A section heading ends a table (two tables under two headings are not one).
    while (
      j + 1 < sorted.length &&
      sorted[j + 1].y0 - sorted[j].y0 <= ROW_GAP_MAX_EM * em &&
      !(chunks[j + 1].length < 2 && isHeading(sorted[j + 1], em))
    ) {
      j++;
      if (chunks[j].length >= 2) lastMulti = j;
    }
    const idx = Array.from({ length: lastMulti - i + 1 }, (_, k) => i + k);
    const multi = idx.filter((k) => chunks[k].length >= 2).length;
    if (multi >= MIN_TABLE_LINES) {
      const t = layOut(
        idx.map((k) => sorted[k]),
        idx.map((k) => chunks[k]),
        em,
      );
      if (t) {
        tables.push(t);
        for (const k of idx) used.add(k);
      }
    }
    i = lastMulti + 1;
  }
  return { tables, rest: sorted.filter((_, k) => !used.has(k)) };
}

function layOut(lines: Line[], chunks: Line[][], em: number): StreamTable | undefined {
  const tol = COLUMN_START_TOLERANCE_EM * em;
  const starts: { x: number; line: number }[] = [];
  chunks.forEach((cs, l) => {
    for (const c of cs) starts.push({ x: c.x0, line: l });
  });
  starts.sort((a, b) => a.x - b.x);
  const groups: { xs: number[]; lines: Set<number> }[] = [];
  for (const s of starts) {
    const g = groups[groups.length - 1];
    if (g && s.x - g.xs[g.xs.length - 1] <= tol) {
      g.xs.push(s.x);
      g.lines.add(s.line);
    } else groups.push({ xs: [s.x], lines: new Set([s.line]) });
  }
  const anchors = groups.filter((g, k) => k === 0 || g.lines.size >= COLUMN_SUPPORT).map((g) => Math.min(...g.xs));
  if (anchors.length < 2) return undefined;
  // A table's rows start their chunks at the column starts; prose that happens to have gaps does not.
  const atAnchor = (x: number) => anchors.some((a) => Math.abs(a - x) <= tol);
  const multi = chunks.filter((cs) => cs.length >= 2);
  const aligned = multi.filter((cs) => cs.filter((c) => atAnchor(c.x0)).length >= 2).length;
  if (aligned < MIN_TABLE_LINES || aligned < ALIGNED_SHARE * multi.length) return undefined;
  const colOf = (x: number) => {
    let c = 0;
    for (let k = 0; k < anchors.length; k++) if (anchors[k] <= x + tol / 2) c = k;
    return c;
  };
  const rows: StreamCell[][] = chunks.map((cs) => {
    const cells: StreamCell[] = [];
    for (const c of cs) {
      const col = colOf(c.x0);
      const end = Math.max(col, colOf(c.x1 - tol));
      const prev = cells[cells.length - 1];
      if (prev && prev.col === col) prev.text = joinText(prev.text, c.text, true);
      else cells.push({ text: c.text, col, colspan: end - col + 1 });
    }
    // A chunk spans only up to the next chunk's column.
    cells.forEach((c, k) => {
      const next = cells[k + 1];
      if (next) c.colspan = Math.max(1, Math.min(c.colspan, next.col - c.col));
    });
    return cells;
  });
  return { lines, rows, y0: Math.min(...lines.map((l) => l.y0)), y1: Math.max(...lines.map((l) => l.y1)) };
}
