/**
 * One row's cells as its columns: a direct reading when the counts match; otherwise the
 * readings the row's sums allow (readings.ts), with the values' character columns deciding for
 * text rows whose blank cells vanished; run-together digits cut where the columns and sums allow.
 */
import { text } from '../core/messages/define';
import type { LocalizedText } from '../core/types';
import { cellValue, classifyCell, stripWs } from './normalize';
import type { Alignment } from './align';
import { M } from './messages';
import { keepsRow, MAX_READINGS, positions, type RowValues, rowEquations, splits, valuesOf } from './readings';
import type { SrcCell } from './source';
import type { RowTemplate, TableTemplate } from './templates';

export type Reading = {
  values: RowValues;
  read: number;
  notes: LocalizedText[];
  /** Columns read blank next to layout placeholders (ragged merged cells): their value may be in a neighbouring row. */
  doubtful?: number[];
  /** Placed by the values' character columns (text rows whose blank cells vanished). */
  positional?: true;
  /** The doubtful columns are blank beside loose values (not ragged placeholders). */
  loose?: true;
};
export type Outcome = { ok: Reading } | { choices: Reading[]; why: 'ambiguous' } | { none: true; why: 'no-reading' | 'too-many' };

/** A value this close to a column's position (share of the gap to the next column) stands in that column. */
const POSITION_TOLERANCE = 0.5;

/**
 * Text rows (`pdftotext -layout`) keep their cells' character columns: from the rows that fill
 * every column, the median column of each value column, per column count.
 */
export function columnPositions(a: Alignment): Map<number, number[]> {
  const seen = new Map<number, number[][]>();
  a.segs.forEach((s, i) => {
    const j = a.match.get(i);
    if (j === undefined || j < 0) return;
    const n = a.template.rows[j].columns.length;
    const vs = s.values.filter((v) => !v.merged);
    if (vs.length !== n || vs.some((v) => v.x === undefined)) return;
    seen.set(n, [...(seen.get(n) ?? []), vs.map((v) => v.x!)]);
  });
  const out = new Map<number, number[]>();
  for (const [n, xs] of seen) {
    const med = Array.from({ length: n }, (_, c) => {
      const col = xs.map((x) => x[c]).sort((p, q) => p - q);
      return col[Math.floor(col.length / 2)];
    });
    if (med.every((x, c) => c === 0 || x > med[c - 1])) out.set(n, med);
  }
  return out;
}

/** The columns the values stand in by their character columns, when each is clearly in one. */
export function byPosition(cells: SrcCell[], at: number[]): number[] | undefined {
  const gaps = at.slice(1).map((x, c) => x - at[c]);
  const tol = Math.max(1, Math.min(...gaps, Number.POSITIVE_INFINITY) * POSITION_TOLERANCE);
  const cols: number[] = [];
  for (const c of cells) {
    if (c.x === undefined) return undefined;
    let best = 0;
    at.forEach((x, k) => {
      if (Math.abs(x - c.x!) < Math.abs(at[best] - c.x!)) best = k;
    });
    if (Math.abs(at[best] - c.x) > tol || (cols.length && best <= cols[cols.length - 1])) return undefined;
    cols.push(best);
  }
  return cols;
}

/** The cells of a row as its columns: one reading, several (for the column sums), or none. */
export function readRow(t: TableTemplate, r: RowTemplate, src: SrcCell[], at?: number[]): Outcome {
  const n = r.columns.length;
  const cells = src.slice();
  // Placeholders of a merged cell beyond the row's columns are layout (e.g. colspan=3 in 2021 表二).
  const placeholderAt = cells.length > n ? cells.findIndex((c) => c.merged) : -1;
  while (cells.length > n && cells.some((c) => c.merged)) cells.splice(cells.map((c) => c.merged).lastIndexOf(true), 1);
  // Blank cells between the label and the values (a converter's empty group-label columns) are layout.
  while (cells.length > n && classifyCell(cells[0].text) === 'blank' && !cells[0].merged) cells.shift();
  // Blank cells beyond the row's columns are layout too.
  while (cells.length > n && classifyCell(cells[cells.length - 1].text) === 'blank' && !cells[cells.length - 1].merged)
    cells.pop();
  const eqs = rowEquations(
    t.spec,
    r.columns.map((c) => c.key),
  );
  if (cells.some((c) => c.run)) return readRun(cells, n, eqs);
  if (cells.length === n) {
    const reading = direct(r, cells);
    // A blank cell among the placeholders of a merged cell the row had too many of: the layout is ragged here.
    if (placeholderAt >= 0) {
      const doubtful = cells.flatMap((c, k) => (k >= placeholderAt && !c.merged && classifyCell(c.text) === 'blank' ? [k] : []));
      if (doubtful.length) reading.doubtful = doubtful;
    }
    return { ok: reading };
  }
  if (cells.every((c) => c.merged || classifyCell(c.text) === 'blank'))
    return { ok: { values: new Array(n).fill(null), read: n, notes: [] } };
  if (cells.length < n) {
    const texts = cells.map((c) => (c.merged ? '' : c.text));
    const cols = at && byPosition(cells, at);
    if (cols) {
      const row: (string | undefined)[] = new Array(n).fill(undefined);
      cols.forEach((p, k) => {
        row[p] = texts[k];
      });
      const values = valuesOf(row);
      if (keepsRow(values, eqs))
        return { ok: { values, read: n, notes: [text(M.noteByPosition, { count: cells.length, n })], positional: true } };
    }
    if (!eqs.length) return { choices: [], why: 'ambiguous' };
    const fits = positions(cells.length, n)
      .map((pos) => {
        const row: (string | undefined)[] = new Array(n).fill(undefined);
        pos.forEach((p, k) => {
          row[p] = texts[k];
        });
        return row;
      })
      .filter((row) => keepsRow(valuesOf(row), eqs));
    return decide(
      fits.map((row) => ({ values: valuesOf(row), read: cells.length, notes: [text(M.noteBySums, { count: cells.length, n })] })),
    );
  }
  // More cells than columns: which n belong to the row (the others are unplaced values).
  if (!eqs.length) return { choices: [], why: 'ambiguous' };
  const fits = positions(n, cells.length)
    .map((keep) => keep.map((k) => cells[k].text))
    .filter((row) => keepsRow(valuesOf(row), eqs));
  return decide(
    fits.map((row) => ({ values: valuesOf(row), read: n, notes: [text(M.noteSurplus, { count: cells.length, n })] })),
  );
}

export function decide(readings: Reading[]): Outcome {
  const distinct = uniqueReadings(readings);
  if (distinct.length === 1) return { ok: distinct[0] };
  if (!distinct.length) return { none: true, why: 'no-reading' };
  return { choices: distinct, why: 'ambiguous' };
}

export function uniqueReadings(readings: Reading[]): Reading[] {
  const seen = new Map<string, Reading>();
  for (const r of readings) seen.set(JSON.stringify(r.values), r);
  return [...seen.values()];
}

/** Run-together digits: the cuts into n numbers the row's sums allow (blank cells vanished: fewer numbers, any columns). */
export function readRun(cells: SrcCell[], n: number, eqs: { target: number; operands: number[] }[]): Outcome {
  const chunks = cells.filter((c) => !c.merged).map((c) => stripWs(c.text));
  const full = splits(chunks, n);
  if (full.length >= MAX_READINGS) return { none: true, why: 'too-many' };
  const note = (k: number) => [text(M.noteRunSplit, { run: chunks.join(' '), count: k, n })];
  if (full.length) {
    if (full.length === 1) return { ok: { values: valuesOf(full[0]), read: n, notes: note(n) } };
    return decide(
      full.filter((row) => keepsRow(valuesOf(row), eqs)).map((row) => ({ values: valuesOf(row), read: n, notes: note(n) })),
    );
  }
  const fits: Reading[] = [];
  for (let k = n - 1; k >= 1 && fits.length < MAX_READINGS; k--) {
    const cuts = splits(chunks, k);
    if (cuts.length >= MAX_READINGS) return { none: true, why: 'too-many' };
    for (const cut of cuts) {
      for (const pos of positions(k, n)) {
        const row: (string | undefined)[] = new Array(n).fill(undefined);
        pos.forEach((p, i) => {
          row[p] = cut[i];
        });
        const values = valuesOf(row);
        if (keepsRow(values, eqs)) fits.push({ values, read: n, notes: note(k) });
        if (fits.length >= MAX_READINGS) return { none: true, why: 'too-many' };
      }
    }
  }
  return decide(fits);
}

export function direct(r: RowTemplate, cells: SrcCell[]): Reading {
  const notes: LocalizedText[] = [];
  const values = r.columns.map((col, k) => {
    const c = cells[k];
    if (c.merged) {
      notes.push(text(M.noteMerged, { column: col.label }));
      return null;
    }
    const v = cellValue(c.text);
    if (v.note) notes.push(text(v.note, { column: col.label, raw: v.raw }));
    return v.value;
  });
  return { values, read: r.columns.length, notes };
}
