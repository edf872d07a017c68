/**
 * Every text a table may print, for both formats, read from the schemas (templates.ts): to
 * recognise headers and pieces of labels, to peel headers off a run-together label, and to
 * tell a row label from other text.
 */
import { FORMATS } from '../core/schema/nodes';
import { normLabel, recall } from './normalize';
import { tableTemplate } from './templates';

export interface KnownTexts {
  /** All known texts joined by U+0001, for substring tests. */
  joined: string;
  /** Group labels, longest first. */
  groups: string[];
  /** Row labels. */
  rows: string[];
  /** Texts printed before row labels (captions, headers, column labels, groups), longest first. */
  prefixes: string[];
  /** Does the normalised text read as (most of) a row label or another known text? */
  rowLike(norm: string): boolean;
}

/** A label cell whose text covers this share of a row label (in order) reads as that row's label. */
const ROW_LIKE_RECALL = 0.7;
/** …and is at most this many times longer than the label (plus two characters of numbering). */
const ROW_LIKE_LENGTH = 1.6;

const cache = new Map<string, KnownTexts>();

export function knownTexts(key: string): KnownTexts {
  const hit = cache.get(key);
  if (hit) return hit;
  const set = new Set<string>();
  const groups = new Set<string>();
  const rows = new Set<string>();
  for (const f of FORMATS) {
    const t = tableTemplate(f, key);
    if (!t) continue;
    for (const k of t.known) set.add(k);
    set.add(normLabel(t.title));
    set.add(normLabel(t.name));
    for (const r of t.rows) {
      set.add(r.norm);
      rows.add(r.norm);
      for (const g of r.groupNorms) {
        set.add(g);
        groups.add(g);
      }
    }
  }
  const all = [...set];
  const rowList = [...rows];
  // A row label of one format can be a group of the other ((六)其他处理): never peel those.
  const prefixes = all.filter((k) => k.length >= 2 && !rows.has(k)).sort((a, b) => b.length - a.length);
  const out: KnownTexts = {
    joined: all.join('\u0001'),
    groups: [...groups].sort((a, b) => b.length - a.length),
    rows: rowList,
    prefixes,
    rowLike: (n) =>
      rowList.some((r) => recall(r, n) >= ROW_LIKE_RECALL && n.length <= r.length * ROW_LIKE_LENGTH + 2) || set.has(n),
  };
  cache.set(key, out);
  return out;
}

/** Can the text be read as pieces (≥ 2 characters) of known texts? */
export function explained(norm: string, joined: string): boolean {
  if (!norm) return true;
  if (joined.includes(norm)) return true;
  if (norm.length > MAX_EXPLAINED) return false;
  const n = norm.length;
  const ok: boolean[] = new Array(n + 1).fill(false);
  ok[0] = true;
  for (let i = 1; i <= n; i++) {
    for (let j = i - 2; j >= 0 && !ok[i]; j--) if (ok[j] && joined.includes(norm.slice(j, i))) ok[i] = true;
  }
  return ok[n];
}

/** Longer text is prose around a table, not pieces of its labels (and the test is quadratic). */
const MAX_EXPLAINED = 120;

/** The text without the group labels it contains (PDF text interleaves them with row labels). */
export function stripGroups(norm: string, groups: string[]): string {
  let s = norm;
  for (const g of groups) if (g.length >= MIN_GROUP_STRIP) s = s.split(g).join('');
  return s;
}

/** Shorter group labels are too likely to occur inside a row label to be removed from it. */
const MIN_GROUP_STRIP = 3;
