/**
 * Minimal edits between two versions of a document: a line diff, then a token diff inside
 * each changed line, so a fix-all result becomes a handful of token replacements and the
 * comments, alignment and everything else the fixes did not touch stay byte for byte.
 */
import { LineIndex } from '../core/text/lines';
import type { Span } from '../core';

export interface OffsetEdit {
  span: Span;
  newText: string;
}

/** A differing stretch: a[aStart, aEnd) is replaced by b[bStart, bEnd). */
export interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Myers' O(ND) diff; gives up (one hunk for everything) when more than `maxD` edits are needed. */
export function diffHunks(a: readonly string[], b: readonly string[], maxD = 2000): Hunk[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const n = A.length;
  const m = B.length;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0) return [{ aStart: pre, aEnd: pre + n, bStart: pre, bEnd: pre + m }];
  const limit = Math.min(maxD, n + m);
  const off = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= limit && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(v.slice(off - d, off + d + 1));
  }
  if (found < 0) return [{ aStart: pre, aEnd: pre + n, bStart: pre, bEnd: pre + m }];
  // Walk back through the trace, collecting the matched pairs (in reverse).
  const matches: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1];
    const at = (k: number) => prev[k + d - 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const startX = prevK === k + 1 ? prevX : prevX + 1;
    const startY = startX - k;
    while (x > startX && y > startY) {
      matches.push([x - 1, y - 1]);
      x--;
      y--;
    }
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    matches.push([x - 1, y - 1]);
    x--;
    y--;
  }
  matches.reverse();
  const hunks: Hunk[] = [];
  let ai = 0;
  let bi = 0;
  for (const [mx, my] of [...matches, [n, m] as [number, number]]) {
    if (mx > ai || my > bi) hunks.push({ aStart: pre + ai, aEnd: pre + mx, bStart: pre + bi, bEnd: pre + my });
    ai = mx + 1;
    bi = my + 1;
  }
  return hunks;
}

const TOKEN = /[A-Za-z0-9_.+-]+|\s+|[^\sA-Za-z0-9_.+-]/gu;

function tokens(s: string): string[] {
  return s.match(TOKEN) ?? [];
}

function splitLines(s: string): string[] {
  return s.split(/(?<=\n)/);
}

/** Offset edits that turn `before` into `after`, each as small as a token where lines keep their count. */
export function minimalEdits(before: string, after: string): OffsetEdit[] {
  if (before === after) return [];
  const la = splitLines(before);
  const lb = splitLines(after);
  const startA: number[] = [];
  let o = 0;
  for (const l of la) {
    startA.push(o);
    o += l.length;
  }
  startA.push(o);
  const edits: OffsetEdit[] = [];
  for (const h of diffHunks(la, lb)) {
    const aLen = h.aEnd - h.aStart;
    if (aLen === h.bEnd - h.bStart) {
      for (let i = 0; i < aLen; i++) edits.push(...tokenEdits(la[h.aStart + i], lb[h.bStart + i], startA[h.aStart + i]));
    } else {
      edits.push({ span: { start: startA[h.aStart], end: startA[h.aEnd] }, newText: lb.slice(h.bStart, h.bEnd).join('') });
    }
  }
  // Safety net: if the edits do not reproduce `after`, replace the whole text instead.
  if (apply(before, edits) !== after) return [{ span: { start: 0, end: before.length }, newText: after }];
  return edits;
}

function tokenEdits(a: string, b: string, base: number): OffsetEdit[] {
  const ta = tokens(a);
  const tb = tokens(b);
  const startA: number[] = [];
  let o = 0;
  for (const t of ta) {
    startA.push(o);
    o += t.length;
  }
  startA.push(o);
  return diffHunks(ta, tb).map((h) => ({
    span: { start: base + startA[h.aStart], end: base + startA[h.aEnd] },
    newText: tb.slice(h.bStart, h.bEnd).join(''),
  }));
}

function apply(text: string, edits: readonly OffsetEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((p, q) => q.span.start - p.span.start))
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

/** The same edits as LSP text edits against `before`. */
export function lspEdits(
  before: string,
  edits: readonly OffsetEdit[],
): { range: ReturnType<LineIndex['range']>; newText: string }[] {
  const lines = new LineIndex(before);
  return edits.map((e) => ({ range: lines.range(e.span), newText: e.newText }));
}
