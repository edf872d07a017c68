/**
 * Which segment is which template row. Each segment is scored against every row of one format's
 * table by its own label, or — for a line of values without a label — by the fragments around
 * it; a monotone alignment (the template's row order) picks the best assignment for the whole
 * table. A segment whose own label clearly names a row may only take that row (or one scoring
 * as well): a label is never overruled by its position, so a stray row cannot shift the rows
 * below it. The caller runs this once per format; the better score decides the table's format.
 */
import { lcs, recall } from './normalize';
import { blankOnly, type Frag, labelNorm, type Segment } from './segments';
import { stripGroups } from './known';
import { formatSignals, type RowTemplate, type TableTemplate } from './templates';

export interface Alignment {
  template: TableTemplate;
  segs: Segment[];
  /** seg index → row index; −1: 表四 read as one run of values (all rows from this segment). */
  match: Map<number, number>;
  score: number;
}

/** A label naming a row this well is decisive (own-label score, see ownScore). */
export const ANCHOR_MIN = 0.8;
/** Rows within this margin of a decisive label's best row stay open to it (two formats' near-twins). */
const ANCHOR_MARGIN = 0.1;
/** Short labels (行政许可, 规章) must match almost exactly: one character off is another row. */
const SHORT_LABEL = 4;
const SHORT_NEED = 0.99;
/** A longer own label or window must cover this share of the row's label. */
const LONG_NEED = 0.6;
/** …a row of blanks only, more: it carries no value to confirm the guess. */
const BLANK_NEED = 0.8;
/** Fragments on each side of a segment that may name it (long prose around a table says nothing). */
const WINDOW = 6;
/** A window read from neighbours weighs a little less than the segment's own label. */
const WINDOW_WEIGHT_OWN = 0.92;
const WINDOW_WEIGHT_BARE = 0.95;
/** Weight of the column headers only one format prints (表二: 本年新制作数量 vs 本年制发件数). */
const SIGNAL_WEIGHT = 3;
const SIGNAL_RECALL = 0.9;

/** Text in a label beyond the row's own words lowers its score a little (numbering, a note, a typo). */
const EXTRA_TEXT_PENALTY = 0.1;
/** Characters of a label or window compared at most (the longest row label has 37; the rest is prose). */
const MAX_OWN = 200;
const MAX_WINDOW_TEXT = 400;

/** How well an own label names a row: the row label's share found in it, less a little for extra text. */
export function ownScore(row: RowTemplate, own: string): number {
  if (!own) return 0;
  const l = lcs(row.norm, own);
  return l / row.norm.length - EXTRA_TEXT_PENALTY * (1 - l / own.length);
}

/** The segment's own label without the group labels PDF text interleaves with it. */
export function ownLabel(s: Segment, groups: string[]): string {
  return stripGroups(labelNorm(s.labels), groups).slice(0, MAX_OWN);
}

export function align(t: TableTemplate, segsIn: Segment[], groups: string[], frags: Frag[]): Alignment {
  const segs = joinWrappedValues(t, segsIn);
  if (isColumnGroupTable(t)) return alignByValues(t, segs);
  const sim: number[][] = segs.map((s) => {
    const own = ownLabel(s, groups);
    const win = stripGroups(labelNorm([...s.pre.slice(-WINDOW), ...s.labels, ...s.post.slice(0, WINDOW)]), groups).slice(
      0,
      MAX_WINDOW_TEXT,
    );
    const blank = blankOnly(s);
    const owned = t.rows.map((r) => ownScore(r, own));
    const best = Math.max(0, ...owned);
    const anchored = best >= ANCHOR_MIN;
    return t.rows.map((r, j) => {
      if (anchored && owned[j] < best - ANCHOR_MARGIN) return -1;
      let sc = owned[j];
      if (!anchored && sc < 1 && win) sc = Math.max(sc, (own ? WINDOW_WEIGHT_OWN : WINDOW_WEIGHT_BARE) * recall(r.norm, win));
      const need = r.norm.length <= SHORT_LABEL ? SHORT_NEED * (own ? 1 : WINDOW_WEIGHT_BARE) : blank ? BLANK_NEED : LONG_NEED;
      return sc >= need ? sc : -1;
    });
  });
  const match = monotone(sim, t.rows.length);
  let score = [...match].reduce((a, [i, j]) => a + sim[i][j], 0);
  const signals = formatSignals(t.key)[t.format];
  if (signals.length) {
    const text = frags.map((f) => f.norm).join('') + segs.map((s) => labelNorm(s.labels)).join('');
    score += (SIGNAL_WEIGHT * signals.filter((c) => recall(c, text) >= SIGNAL_RECALL).length) / signals.length;
  }
  return { template: t, segs, match, score };
}

/** A row of values wrapped onto two lines: a short unlabelled run joined with the next. */
function joinWrappedValues(t: TableTemplate, segsIn: Segment[]): Segment[] {
  const n = Math.max(...t.rows.map((r) => r.columns.length));
  const uniform = t.rows.every((r) => r.columns.length === n);
  if (!uniform || n <= 1) return segsIn;
  const segs: Segment[] = [];
  for (let i = 0; i < segsIn.length; i++) {
    const s = segsIn[i];
    const nx = segsIn[i + 1];
    if (nx && s.values.length < n && !nx.labels.length && s.values.length + nx.values.length === n && !s.post.length) {
      segs.push({ ...s, values: [...s.values, ...nx.values], post: nx.post });
      i++;
    } else segs.push(s);
  }
  return segs;
}

/** The best monotone one-to-one assignment of segments to rows (−1: not allowed). */
function monotone(sim: number[][], R: number): Map<number, number> {
  const S = sim.length;
  const dp: number[][] = Array.from({ length: S + 1 }, () => new Array(R + 1).fill(0));
  const how: number[][] = Array.from({ length: S + 1 }, () => new Array(R + 1).fill(0));
  for (let i = 1; i <= S; i++) {
    for (let j = 1; j <= R; j++) {
      let v = dp[i - 1][j];
      let h = 1;
      if (dp[i][j - 1] > v) {
        v = dp[i][j - 1];
        h = 2;
      }
      const s = sim[i - 1][j - 1];
      if (s >= 0 && dp[i - 1][j - 1] + s > v) {
        v = dp[i - 1][j - 1] + s;
        h = 3;
      }
      dp[i][j] = v;
      how[i][j] = h;
    }
  }
  const match = new Map<number, number>();
  for (let i = S, j = R; i > 0 && j > 0; ) {
    const h = how[i][j];
    if (h === 3) {
      match.set(i - 1, j - 1);
      i--;
      j--;
    } else if (h === 2) j--;
    else i--;
  }
  return match;
}

/**
 * A table whose few rows share the same columns is printed as column groups side by side with
 * one row of values under them (表四: 行政复议 | 行政诉讼 / 未经复议直接起诉 | 复议后起诉).
 */
export function isColumnGroupTable(t: TableTemplate): boolean {
  const keys = (r: RowTemplate) => r.columns.map((c) => c.key).join(',');
  return t.rows.length <= 3 && t.rows[0].columns.length >= 4 && t.rows.every((r) => keys(r) === keys(t.rows[0]));
}

/** A labelled group of 表四 must name its row this well. */
const GROUP_LABEL_MIN = 0.8;

/** 表四: labelled groups of five (行政复议 0 0 0 0 0), else all values in one run in template order. */
function alignByValues(t: TableTemplate, segs: Segment[]): Alignment {
  const match = new Map<number, number>();
  const n = t.rows[0].columns.length;
  const labelled = segs.map((s) => {
    const own = labelNorm(s.labels);
    if (!own || s.values.filter((v) => !v.merged).length !== n) return -1;
    let best = -1;
    let bestScore = GROUP_LABEL_MIN;
    t.rows.forEach((r, j) => {
      const sc = own === r.norm ? 1.01 : recall(r.norm, own) - EXTRA_TEXT_PENALTY * (1 - lcs(r.norm, own) / own.length);
      if (sc > bestScore) {
        best = j;
        bestScore = sc;
      }
    });
    return best;
  });
  const hits = labelled.filter((j) => j >= 0);
  if (hits.length === t.rows.length && new Set(hits).size === t.rows.length) {
    labelled.forEach((j, i) => {
      if (j >= 0) match.set(i, j);
    });
    return { template: t, segs, match, score: t.rows.length };
  }
  // One virtual segment of every run that holds a value, in order.
  const runs = segs.filter((s) => !blankOnly(s) || s.values.length >= n * t.rows.length);
  const values = runs.flatMap((s) => s.values);
  if (!values.length) return { template: t, segs, match, score: 0 };
  const virtual: Segment = { labels: runs.flatMap((s) => s.labels), values, line: runs[0].line, pre: [], post: [] };
  const out = [virtual, ...segs.filter((s) => !runs.includes(s))];
  match.set(0, -1);
  return { template: t, segs: out, match, score: values.length === n * t.rows.length ? t.rows.length : 1 };
}
