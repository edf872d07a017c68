/**
 * The possible readings of a row whose cells do not map one to one onto its columns, and the
 * sums that choose between them (SPEC.md §6: the schemas' sum relations):
 *
 * - fewer values than columns (a blank cell vanished in text, or a merged cell): which columns
 *   the values stand in, in order;
 * - more values than columns: which of them belong to the row;
 * - web page text that runs the cells of a row together ("2000002" = 2·0·0·0·0·0·2): where to
 *   cut the digits, a cut never inside a number with a leading zero ("007" is 0·0·7).
 *
 * A reading is taken only when it is the only one (or the only one the sums allow); otherwise
 * the row is left unplaced and the import says so.
 */
import type { Relation } from '../core/schema/nodes';
import type { TableSpec } from '../core/schema/tables';
import { cellValue, type CellValue } from './normalize';

/** Readings enumerated at most for one row or table (beyond, the row is left unplaced: too many to judge). */
export const MAX_READINGS = 20000;

/** Steps of the search for cuts at most, whatever the readings found (hostile input: thousands of digits). */
const MAX_STEPS = 200000;

/** Row values by column key (null: blank). */
export type RowValues = (CellValue | undefined)[];

/** Positions: for k values and n columns, every increasing choice of k columns. */
export function positions(k: number, n: number): number[][] {
  const out: number[][] = [];
  const pick = (start: number, acc: number[]) => {
    if (out.length >= MAX_READINGS) return;
    if (acc.length === k) {
      out.push(acc.slice());
      return;
    }
    for (let c = start; c <= n - (k - acc.length); c++) {
      acc.push(c);
      pick(c + 1, acc);
      acc.pop();
    }
  };
  pick(0, []);
  return out;
}

/** A number as run-together text may hold it: `0`, or no leading zero; decimals and a unit allowed at the end. */
const PIECE = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:万元|亿元|元|%)?$/;

/**
 * Every way to cut run-together chunks (whitespace already separated them) into exactly `n`
 * numbers. A chunk is cut only between digits; a minus sign always starts a number.
 */
export function splits(chunks: string[], n: number): string[][] {
  const out: string[][] = [];
  let steps = 0;
  const exhausted = () => {
    // Too much work to judge (hostile input: thousands of digits): as if there were too many readings.
    while (out.length < MAX_READINGS) out.push([]);
  };
  // Every chunk yields at least one number and at most n: cut each into 1…n pieces.
  const cutsOf = (chunk: string, most: number): string[][] | undefined => {
    const res: string[][] = [];
    const go = (i: number, acc: string[]): boolean => {
      if (++steps > MAX_STEPS) return false;
      if (i === chunk.length) {
        res.push(acc.slice());
        return res.length < MAX_READINGS;
      }
      if (acc.length >= most || chunk.length - i > (most - acc.length) * MAX_PIECE) return true;
      for (let j = i + 1; j <= Math.min(chunk.length, i + MAX_PIECE); j++) {
        const piece = chunk.slice(i, j);
        if (!PIECE.test(piece)) continue;
        // A cut must fall between two digits (never inside `.90`, before a unit or after a sign).
        if (j < chunk.length && !(/\d/.test(chunk[j - 1]) && /[\d-]/.test(chunk[j]))) continue;
        acc.push(piece);
        const more = go(j, acc);
        acc.pop();
        if (!more) return false;
      }
      return true;
    };
    return go(0, []) ? res : undefined;
  };
  const per: string[][][] = [];
  for (let k = 0; k < chunks.length; k++) {
    const cuts = cutsOf(chunks[k], n - (chunks.length - 1));
    if (!cuts) {
      exhausted();
      return out;
    }
    per.push(cuts);
  }
  const walk = (k: number, acc: string[]): boolean => {
    if (++steps > MAX_STEPS) return false;
    if (acc.length + (per.length - k) > n) return true;
    if (k === per.length) {
      if (acc.length === n) out.push(acc.slice());
      return out.length < MAX_READINGS;
    }
    for (const c of per[k]) if (!walk(k + 1, [...acc, ...c])) return false;
    return true;
  };
  if (!walk(0, [])) exhausted();
  return out;
}

/** Longest text of one cut-out number: 15 digits, a decimal point and decimals, a unit. */
const MAX_PIECE = 20;

/** The equalities within a row (T3-SUM-H, T4-SUM): total = Σ operands, by column index. */
export function rowEquations(spec: TableSpec, columns: string[]): { target: number; operands: number[] }[] {
  return spec.relations
    .filter((r: Relation) => r.each === 'row' && (r.kind ?? 'eq') === 'eq' && r.target)
    .map((r) => ({ target: columns.indexOf(r.target!), operands: (r.operands ?? []).map((o) => columns.indexOf(o)) }))
    .filter((e) => e.target >= 0 && e.operands.every((o) => o >= 0));
}

const num = (v: CellValue | undefined): number | undefined =>
  typeof v === 'number' ? v : v === null || v === undefined ? 0 : undefined;

/** Does a reading keep the row's equalities? Blank cells count as 0; a text cell leaves an equality open. */
export function keepsRow(values: RowValues, eqs: { target: number; operands: number[] }[]): boolean {
  for (const e of eqs) {
    const t = num(values[e.target]);
    const parts = e.operands.map((o) => num(values[o]));
    if (t === undefined || parts.some((p) => p === undefined)) continue;
    const sum = parts.reduce((a, b) => a! + b!, 0)!;
    if (Math.abs(sum - t) > 1e-9) return false;
  }
  return true;
}

/** A reading's values from its texts. */
export function valuesOf(texts: (string | undefined)[]): RowValues {
  return texts.map((t) => (t === undefined ? null : cellValue(t).value));
}

/** The column equalities of a table (T3-SUM-V, T3-BAL): Σ left rows = Σ right rows, by top-level row key. */
export function columnEquations(spec: TableSpec): { left: string[]; right: string[] }[] {
  return spec.relations
    .filter((r) => r.each === 'column' && (r.kind ?? 'eq') === 'eq')
    .map((r) => (r.target ? { left: [r.target], right: r.operands ?? [] } : { left: r.left ?? [], right: r.right ?? [] }));
}
