/**
 * How much of one text repeats another (X-REUSE, SPEC.md §6.1): the share of this year's
 * characters that lie in a passage also found in last year's text, and the longest such passage.
 *
 * Both texts are compared in a normalised form: full-width folded to half-width (NFKC),
 * whitespace and punctuation dropped, and every run of digits masked to one `0`, so that
 * “2023年，我区主动公开政府信息1136条” repeats “2024年，我区主动公开政府信息2428条” — the
 * years and figures are what a copied paragraph changes. A passage counts from MIN_MATCH
 * normalised characters; shorter runs in common are ordinary vocabulary (“政府信息公开工作”).
 *
 * Matching uses the passages' first MIN_MATCH characters as keys (shingles, found by a rolling
 * hash) into last year's text, then extends each hit as far as the texts agree: linear in
 * practice, also for a report copied whole. Offsets come back in the given texts' own coordinates.
 */

/** Normalised characters a repeated passage needs: about half a clause; shorter shared runs are common phrases. */
export const MIN_MATCH = 12;
/** Places in last year's text tried per shingle: repeated boilerplate has many; a few suffice to find the longest. */
const MAX_CANDIDATES = 16;

export interface Normalised {
  /** The normalised characters. */
  chars: string;
  /** pos[i]: index in the original text of chars[i] (for a masked number, of its first digit). */
  pos: number[];
  /** end[i]: index just after the original text of chars[i] (after the whole number for a masked one). */
  end: number[];
}

const KEEP = /[\p{L}\p{N}]/u;
const DIGIT = /\p{Nd}/u;

/** CJK Unified Ideographs (U+4E00–U+9FFF): letters, with no NFKC decomposition and no case. */
const isIdeograph = (u: number) => u >= 0x4e00 && u <= 0x9fff;
const isAsciiDigit = (u: number) => u >= 0x30 && u <= 0x39;
const isAsciiLetter = (u: number) => (u >= 0x41 && u <= 0x5a) || (u >= 0x61 && u <= 0x7a);

export function normaliseForReuse(text: string): Normalised {
  const chars: string[] = [];
  const pos: number[] = [];
  const end: number[] = [];
  let i = 0;
  while (i < text.length) {
    // Fast paths, same result: a CJK ideograph and ASCII fold (NFKC) to themselves.
    const u = text.charCodeAt(i);
    if (isIdeograph(u)) {
      chars.push(text[i]);
      pos.push(i);
      end.push(i + 1);
      i++;
      continue;
    }
    if (u < 0x80 && !isAsciiDigit(u)) {
      if (isAsciiLetter(u)) {
        chars.push(text[i].toLowerCase());
        pos.push(i);
        end.push(i + 1);
      }
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const raw = String.fromCodePoint(cp);
    const step = raw.length;
    const folded = raw.normalize('NFKC');
    if (DIGIT.test(folded)) {
      const start = i;
      i += step;
      while (i < text.length) {
        const v = text.charCodeAt(i);
        if (isAsciiDigit(v)) {
          i++;
          continue;
        }
        if (v < 0x80 || isIdeograph(v)) break;
        const next = String.fromCodePoint(text.codePointAt(i)!);
        if (!DIGIT.test(next.normalize('NFKC'))) break;
        i += next.length;
      }
      chars.push('0');
      pos.push(start);
      end.push(i);
      continue;
    }
    for (const c of folded) {
      if (!KEEP.test(c)) continue;
      chars.push(c.toLowerCase());
      pos.push(i);
      end.push(i + step);
    }
    i += step;
  }
  return { chars: chars.join(''), pos, end };
}

export interface Passage {
  /** In this year's text. */
  start: number;
  end: number;
  /** In last year's text. */
  lastStart: number;
  lastEnd: number;
  /** Normalised characters. */
  length: number;
}

export interface Reuse {
  /** Normalised characters of this year's text. */
  length: number;
  /** Of those, how many lie in a passage found in last year's text. */
  repeated: number;
  /** repeated / length (0 for an empty text). */
  share: number;
  /** The longest repeated passage; undefined when nothing repeats. */
  longest?: Passage;
}

/** How much of `current` repeats `last` (both as given; normalised here). */
export function compareTexts(current: string, last: string): Reuse {
  return compareNormalised(normaliseForReuse(current), normaliseForReuse(last));
}

export function compareNormalised(a: Normalised, b: Normalised): Reuse {
  const n = a.chars.length;
  const none: Reuse = { length: n, repeated: 0, share: 0 };
  if (n < MIN_MATCH || b.chars.length < MIN_MATCH) return none;
  const index = new Shingles(b.chars);
  const covered = new Uint8Array(n);
  let best: { i: number; j: number; len: number } | undefined;
  const hashes = shingleHashes(a.chars);
  let i = 0;
  while (i + MIN_MATCH <= n) {
    const hits = index.get(hashes[i], a.chars, i);
    if (!hits) {
      i++;
      continue;
    }
    let len = 0;
    let at = -1;
    for (const j of hits) {
      let l = MIN_MATCH;
      while (i + l < n && j + l < b.chars.length && a.chars[i + l] === b.chars[j + l]) l++;
      if (l > len) {
        len = l;
        at = j;
      }
    }
    covered.fill(1, i, i + len);
    if (!best || len > best.len) best = { i, j: at, len };
    // Later shingles inside this passage would find it again; its last MIN_MATCH − 1 characters may start another.
    i += Math.max(1, len - MIN_MATCH + 1);
  }
  const repeated = covered.reduce((s, c) => s + c, 0);
  if (!best) return none;
  return {
    length: n,
    repeated,
    share: repeated / n,
    longest: {
      start: a.pos[best.i],
      end: a.end[best.i + best.len - 1],
      lastStart: b.pos[best.j],
      lastEnd: b.end[best.j + best.len - 1],
      length: best.len,
    },
  };
}

/** Multiplier of the shingle hash (an odd constant; the hash is exact-checked, never trusted). */
const BASE = 0x9e3779b1;

/** The hash of every shingle (MIN_MATCH code units) of a text, by its start: one rolling pass. */
function shingleHashes(text: string): Int32Array {
  const count = Math.max(0, text.length - MIN_MATCH + 1);
  const out = new Int32Array(count);
  if (!count) return out;
  // BASE^(MIN_MATCH − 1): the weight of the code unit that leaves the window.
  let top = 1;
  for (let k = 1; k < MIN_MATCH; k++) top = Math.imul(top, BASE);
  let h = 0;
  for (let k = 0; k < MIN_MATCH; k++) h = (Math.imul(h, BASE) + text.charCodeAt(k)) | 0;
  out[0] = h;
  for (let j = 1; j < count; j++) {
    h = (Math.imul(h - Math.imul(text.charCodeAt(j - 1), top), BASE) + text.charCodeAt(j + MIN_MATCH - 1)) | 0;
    out[j] = h;
  }
  return out;
}

/**
 * Last year's shingles: for each distinct run of MIN_MATCH code units, its first MAX_CANDIDATES
 * places. Keyed by a rolling hash instead of the run's text (no string per place); runs whose
 * hashes collide are told apart by comparing their characters.
 */
class Shingles {
  private readonly byHash = new Map<number, number[][]>();
  constructor(private readonly text: string) {
    const hashes = shingleHashes(text);
    for (let j = 0; j < hashes.length; j++) {
      let lists = this.byHash.get(hashes[j]);
      if (!lists) {
        lists = [];
        this.byHash.set(hashes[j], lists);
      }
      const list = lists.find((l) => sameRun(text, l[0], text, j));
      if (!list) lists.push([j]);
      else if (list.length < MAX_CANDIDATES) list.push(j);
    }
  }

  /** The places of the run of `other` at `at` (whose hash is `hash`), or undefined. */
  get(hash: number, other: string, at: number): number[] | undefined {
    return this.byHash.get(hash)?.find((l) => sameRun(this.text, l[0], other, at));
  }
}

function sameRun(x: string, i: number, y: string, j: number): boolean {
  for (let k = 0; k < MIN_MATCH; k++) if (x.charCodeAt(i + k) !== y.charCodeAt(j + k)) return false;
  return true;
}
