/**
 * pdf.js text items → pieces (see geometry.ts): each item's transform is taken to display space,
 * its string cut at whitespace, and each part given the share of the item's advance width that
 * its characters take (wide characters about 1 em, others about half). Characters that some
 * producers' ToUnicode maps to Kangxi radicals or compatibility ideographs (⾏ for 行) are
 * folded to the unified ideograph, as a reader sees them.
 */
import { type Piece, WIDE } from './geometry';

/** The fields of a pdf.js TextItem that are used. */
export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** Relative advance of a character when an item's width must be shared among its parts. */
function weight(ch: string): number {
  if (/\s/.test(ch)) return WHITESPACE_WEIGHT;
  return WIDE.test(ch) ? 1 : NARROW_WEIGHT;
}
/** A Latin letter or digit is about half as wide as an ideograph in CJK fonts. */
const NARROW_WEIGHT = 0.55;
/** A space in CJK fonts is a quarter to a half em; its exact width only shifts estimated positions. */
const WHITESPACE_WEIGHT = 0.35;

/**
 * Radicals of the CJK Radicals Supplement that fonts share with a whole simplified character
 * (Noto CJK's ToUnicode gives ⻚ for 页): NFKC leaves these alone.
 */
const RADICAL_CHARS: Record<string, string> = {
  '\u2ea0': '民',
  '\u2ec4': '西',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ec8': '讠',
  '\u2ec9': '贝',
  '\u2ecb': '车',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed9': '韦',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2ee2': '马',
  '\u2ee4': '鬼',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee7': '卤',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eea': '黾',
  '\u2eec': '齐',
  '\u2eee': '齿',
  '\u2ef0': '龙',
  '\u2ef3': '龟',
};

/** ⾏ (U+2F8F) → 行, ⻚ → 页, compatibility ideographs → unified ones (NFKC on those blocks only). */
export function foldIdeographs(s: string): string {
  return s.replace(/[\u2e80-\u2fdf\uf900-\ufaff]/g, (c) => RADICAL_CHARS[c] ?? c.normalize('NFKC'));
}

const mul = (m: number[], n: number[]): number[] => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Multiplies transforms the way pdf.js does: the result applies `n` first, then `m`. */
export const transform = mul;

export function applyTransform(m: number[], x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/**
 * Pieces of one item. `viewport` maps PDF user space to display space; `order` numbers items in
 * content order.
 */
export function piecesOf(item: TextItemLike, viewport: number[], order: number): Piece[] {
  const str = foldIdeographs(item.str ?? '');
  if (!/\S/.test(str)) return [];
  const m = mul(viewport, item.transform);
  const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]);
  if (!(size > 0) || !Number.isFinite(size)) return [];
  const norm = Math.hypot(m[0], m[1]) || 1;
  const dx = m[0] / norm;
  const dy = m[1] / norm;
  // The glyph's up vector is (m[2], m[3]) scaled to one em.
  const ux = m[2] / size;
  const uy = m[3] / size;
  const chars = [...str];
  const total = chars.reduce((s, c) => s + weight(c), 0);
  const advance = item.width > 0 ? item.width : total * size;
  const scale = advance / total;
  const out: Piece[] = [];
  let pos = 0;
  let run = '';
  let runStart = 0;
  const flush = (end: number) => {
    if (!run) return;
    const ox = m[4] + dx * runStart;
    const oy = m[5] + dy * runStart;
    const ex = m[4] + dx * end;
    const ey = m[5] + dy * end;
    // Box: from the baseline origin to the end, from a little below the baseline to one em above.
    const xs = [
      ox,
      ex,
      ox + ux * size * ASCENT_EM,
      ex + ux * size * ASCENT_EM,
      ox - ux * size * DESCENT_EM,
      ex - ux * size * DESCENT_EM,
    ];
    const ys = [
      oy,
      ey,
      oy + uy * size * ASCENT_EM,
      ey + uy * size * ASCENT_EM,
      oy - uy * size * DESCENT_EM,
      ey - uy * size * DESCENT_EM,
    ];
    out.push({
      text: run,
      size,
      dx,
      dy,
      px: ox,
      py: oy,
      x0: Math.min(...xs),
      x1: Math.max(...xs),
      y0: Math.min(...ys),
      y1: Math.max(...ys),
      order,
    });
    run = '';
  };
  for (const c of chars) {
    const w = weight(c) * scale;
    if (/\s/.test(c)) flush(pos);
    else {
      if (!run) runStart = pos;
      run += c;
    }
    pos += w;
  }
  flush(pos);
  return out;
}
/** Ideographs rise about 0.88 em above the baseline and descend about 0.12 em below it. */
const ASCENT_EM = 0.88;
const DESCENT_EM = 0.12;
