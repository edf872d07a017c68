/**
 * Pieces → lines of text. Pieces of one orientation are clustered by their position across the
 * reading direction (the baseline's y for horizontal text), then ordered along it; this is the
 * same for text rotated by a quarter turn (a label printed upwards in a narrow column). Text is
 * joined without spaces between CJK characters, so letter-spaced headers (`商 业 企 业`) read as
 * written, and with one space between Latin words.
 */
import { across, along, type Box, joinText, type Piece } from './geometry';

export interface Line extends Box {
  pieces: Piece[];
  text: string;
  /** Largest font size on the line. */
  size: number;
  /** Position across the reading direction (baseline) of the first piece. */
  base: number;
}

/**
 * Two pieces are on one line when their baselines differ by less than this share of the smaller
 * font size: mixed fonts and raised digits shift a little, the next line is a whole line away.
 */
const SAME_LINE_EM = 0.5;
/** A gap along the line wider than this (em) separates two words (a space in Latin text). */
const WORD_GAP_EM = 0.2;

/** Orientation key: pieces with the same reading direction, to the nearest degree. */
const orientation = (p: Piece) => Math.round((Math.atan2(p.dy, p.dx) * 180) / Math.PI);

export function linesOf(pieces: Piece[]): Line[] {
  const groups = new Map<number, Piece[]>();
  for (const p of pieces) {
    const k = orientation(p);
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  const out: Line[] = [];
  for (const group of groups.values()) {
    // Highest line first: larger `across` is higher on the stack.
    const sorted = [...group].sort((a, b) => across(b) - across(a) || along(a) - along(b));
    const lines: { base: number; size: number; pieces: Piece[] }[] = [];
    for (const p of sorted) {
      const a = across(p);
      const line = lines.find((l) => Math.abs(l.base - a) < SAME_LINE_EM * Math.min(l.size, p.size));
      if (line) {
        line.pieces.push(p);
        line.size = Math.max(line.size, p.size);
      } else lines.push({ base: a, size: p.size, pieces: [p] });
    }
    for (const l of lines) out.push(makeLine(l.pieces, l.base));
  }
  return out;
}

export function makeLine(pieces: Piece[], base = across(pieces[0])): Line {
  const ps = [...pieces].sort((a, b) => along(a) - along(b) || a.order - b.order);
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const p of ps) {
    const start = along(p);
    text = joinText(text, p.text, start - end > WORD_GAP_EM * p.size);
    end = start + Math.abs((p.x1 - p.x0) * p.dx) + Math.abs((p.y1 - p.y0) * p.dy);
  }
  return {
    pieces: ps,
    text,
    size: Math.max(...ps.map((p) => p.size)),
    base,
    x0: Math.min(...ps.map((p) => p.x0)),
    y0: Math.min(...ps.map((p) => p.y0)),
    x1: Math.max(...ps.map((p) => p.x1)),
    y1: Math.max(...ps.map((p) => p.y1)),
  };
}

/** The text of pieces that share a cell: their lines in order, joined (a wrapped label is one text). */
export function cellText(pieces: Piece[]): string {
  if (!pieces.length) return '';
  const lines = linesOf(pieces);
  // Horizontal lines top to bottom; rotated ones after, in their own stacking order.
  lines.sort((a, b) => {
    const ha = Math.abs(a.pieces[0].dy) < 0.5 ? 0 : 1;
    const hb = Math.abs(b.pieces[0].dy) < 0.5 ? 0 : 1;
    return ha - hb || (ha === 0 ? a.y0 - b.y0 || a.x0 - b.x0 : b.base - a.base);
  });
  return lines.reduce((t, l) => joinText(t, l.text, true), '');
}
