/**
 * The geometry every step of the PDF reader shares. Coordinates are the page's display space
 * (pdf.js viewport at scale 1: origin top-left, y downwards, page rotation applied), in points.
 *
 * A `Piece` is a run of text without whitespace, placed on the page: pdf.js text items are cut at
 * whitespace so that producers who put a whole table row (or a letter-spaced header) into one
 * item and producers who put one character per item give the same pieces.
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Piece extends Box {
  text: string;
  /** Font size (em), in points. */
  size: number;
  /** Unit vector of the reading direction ((1, 0) for horizontal text). */
  dx: number;
  dy: number;
  /** Baseline origin of the piece. */
  px: number;
  py: number;
  /** Position in the page's content stream (ties in reading order keep it). */
  order: number;
}

/** The glyph's "up" vector is the reading direction turned a quarter left (y points down). */
export const upOf = (p: Piece): { ux: number; uy: number } => ({ ux: p.dy, uy: -p.dx });

/** Position along the reading direction and across it (larger = higher on its line stack). */
export const along = (p: Piece): number => p.px * p.dx + p.py * p.dy;
export const across = (p: Piece): number => {
  const { ux, uy } = upOf(p);
  return p.px * ux + p.py * uy;
};

export const isHorizontal = (p: Piece): boolean => Math.abs(p.dy) < AXIS_TOLERANCE && p.dx > 0;

/** Text within this sine of an axis counts as axis-aligned (scanner skew, rounding in producers). */
export const AXIS_TOLERANCE = 0.035;

/** Is the direction one of the four axis directions? Diagonal text is a watermark or a stamp. */
export const isAxisAligned = (p: Piece): boolean => Math.abs(p.dx) < AXIS_TOLERANCE || Math.abs(p.dy) < AXIS_TOLERANCE;

/**
 * Where a glyph's visual middle is: CJK ideographs sit on the baseline and rise about 0.88 em,
 * digits about 0.7 em, so the middle of a line of text is about 0.38 em above the baseline.
 */
export const MIDDLE_EM = 0.38;

export function centre(p: Piece): { x: number; y: number } {
  const { ux, uy } = upOf(p);
  const half = ((p.x1 - p.x0) * Math.abs(p.dx) + (p.y1 - p.y0) * Math.abs(p.dy)) / 2;
  return { x: p.px + p.dx * half + ux * MIDDLE_EM * p.size, y: p.py + p.dy * half + uy * MIDDLE_EM * p.size };
}

export const inside = (x: number, y: number, b: Box): boolean => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;

export function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The size of most text on a page or in a document: the size carrying the most characters. */
export function bodySize(pieces: Piece[]): number {
  const weight = new Map<number, number>();
  for (const p of pieces) {
    const k = Math.round(p.size * 2) / 2;
    weight.set(k, (weight.get(k) ?? 0) + p.text.length);
  }
  let best = 0;
  let bestW = -1;
  for (const [k, v] of weight) if (v > bestW) [best, bestW] = [k, v];
  return best || 10;
}

/** Wide (CJK, full-width) characters: no spaces between them, about 1 em each. */
export const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2014\u2018-\u201d\u2026]/;

/** Joins two texts that follow each other: a space only between two non-CJK words. */
export function joinText(a: string, b: string, gapped: boolean): string {
  if (!a) return b;
  if (!b) return a;
  const space = gapped && !WIDE.test(a[a.length - 1]) && !WIDE.test(b[0]);
  return space ? `${a} ${b}` : a + b;
}
