/**
 * Aligned segments → the rows of the imported table. Placement is never silent:
 *
 * - a row whose own label contradicts its slot is not placed (IMPORT-LABEL-MISMATCH);
 * - a row whose cells do not map one to one onto its columns is placed only when one reading
 *   remains after the row's sums (readings.ts), else it is left blank and IMPORT-UNPLACED says
 *   why; web page text's run-together digits likewise, with the table's column sums as a last
 *   judge;
 * - values that fit no row are IMPORT-UNPLACED; a labelled row the template does not have goes
 *   to extra_rows (the report's own structure: STRUCT-ROWS reports it); blank layout rows and
 *   header pieces are dropped with a message.
 */
import { text } from '../core/messages/define';
import type { LocalizedText } from '../core/types';
import { cellValue, classifyCell, collapseWs, editDistance, stripWs, type CellValue } from './normalize';
import { align, ANCHOR_MIN, type Alignment, ownLabel, ownScore } from './align';
import { explained, type KnownTexts, stripGroups } from './known';
import { M } from './messages';
import { finding, note, type ImportWarning } from './notes';
import { columnEquations, keepsRow, MAX_READINGS, positions, type RowValues, rowEquations, splits, valuesOf } from './readings';
import { blankOnly, type Frag, labelNorm, labelText, type Segment } from './segments';
import type { SrcCell } from './source';
import type { RowTemplate, TableTemplate } from './templates';

export { align };

export interface ImportedRow {
  template: RowTemplate;
  values: CellValue[];
  /** The label as printed (whitespace removed), when it differs from the template's. */
  published?: string;
  line: number;
  notes: LocalizedText[];
  /** Template cells that received a source cell (a value, a blank or part of a merged cell). */
  read: number;
  /** The row was found but its cells could not be placed: all blank, see the findings. */
  unplaced?: boolean;
  /** Columns read blank by position beside loose values (their cells may be among those values). */
  gaps?: number[];
}

export interface ExtraRow {
  table: string;
  label: string;
  values: CellValue[];
  line: number;
}

export interface ImportedTable {
  key: string;
  name: string;
  format: TableTemplate['format'];
  rows: ImportedRow[];
  missing: RowTemplate[];
  extra: ExtraRow[];
  /** Source text found in the table that is neither a label nor a value, kept as comments. */
  unplaced: { line: number; text: string }[];
  /** Template cells that received a source cell. */
  cells: number;
  /** Template cells of the table in its format. */
  templateCells: number;
  /** Value cells in the source (non-merged, non-blank). */
  sourceCells: number;
}

/** A cell's text longer than this is a note or prose, kept as a comment rather than as an extra row's label. */
const MAX_EXTRA_LABEL = 80;
/** Pieces of a wrapped label on each side of its values (PDF text wraps a long label over up to four lines). */
const LABEL_PIECES = 4;

/** A label scoring this well on another row than its slot is a contradiction worth stopping for. */
const MISMATCH_MIN = 0.6;
/** …when the slot scores at least this much less. */
const MISMATCH_MARGIN = 0.15;
/** An unplaced labelled row resembling a template row this much is that row, unread (not an extra row). */
const RESEMBLES = 0.6;

type Reading = {
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
type Outcome = { ok: Reading } | { choices: Reading[]; why: 'ambiguous' } | { none: true; why: 'no-reading' | 'too-many' };

interface Ctx {
  t: TableTemplate;
  warnings: ImportWarning[];
  known: KnownTexts;
  /** The group labels of this format's table, longest first (the other format's groups can be this one's rows). */
  groups: string[];
}

const pathOf = (r: RowTemplate) => r.path.join('.');
const sourceText = (cells: SrcCell[]) =>
  cells
    .filter((c) => !c.merged)
    .map((c) => collapseWs(c.text))
    .join(' | ');

export function place(
  a: Alignment,
  known: KnownTexts,
  frags: Frag[],
  sourceCells: number,
): { table: ImportedTable; warnings: ImportWarning[] } {
  const t = a.template;
  const groups = [...new Set(t.rows.flatMap((r) => r.groupNorms))].sort((x, y) => y.length - x.length);
  const ctx: Ctx = { t, warnings: [], known, groups };
  const rows: ImportedRow[] = [];
  const extra: ExtraRow[] = [];
  const strays: { line: number; text: string }[] = [];
  const assigned = new Set<number>();
  const open: { j: number; s: Segment; label: string; choices: Reading[] }[] = [];
  const unmatched: Segment[] = [];
  const columnsAt = columnPositions(a);
  /** Rows placed by the fragments around their values (no label of their own): the column sums must confirm them. */
  const byContext = new Set<ImportedRow>();
  a.segs.forEach((s, i) => {
    const j = a.match.get(i);
    if (j === undefined) {
      unmatched.push(s);
      return;
    }
    for (const f of s.labels) f.used = true;
    if (j === -1) {
      placeRun(ctx, s, rows, assigned);
      return;
    }
    const r = t.rows[j];
    assigned.add(j);
    const label = publishedLabel(r, s, ctx.groups);
    const mismatch = contradicts(t, s, j, ctx.groups);
    if (mismatch) {
      ctx.warnings.push(
        finding(
          'IMPORT-LABEL-MISMATCH',
          M.labelMismatch,
          { table: t.name, label: labelText(s.labels), slot: r.label, best: mismatch.label },
          { line: s.line, path: pathOf(r), table: t.name, text: sourceText(s.values) },
        ),
      );
      rows.push(blankRow(r, s, label, [text(M.noteNotPlaced, { text: sourceText(s.values) })]));
      return;
    }
    const out = readRow(t, r, s.values, columnsAt.get(r.columns.length));
    if ('ok' in out) {
      // Blank columns of a row read by position, followed by loose values: those may be its cells.
      const next = a.segs[i + 1];
      if (out.ok.positional && next && !next.labels.length && !a.match.has(i + 1))
        out.ok.doubtful = out.ok.values.flatMap((v, k) => (v === null || v === undefined ? [k] : []));
      if (out.ok.positional) out.ok.loose = true;
      const row = filledRow(ctx, r, s, label, out.ok);
      if (!ownLabel(s, ctx.groups)) byContext.add(row);
      rows.push(row);
      return;
    }
    if ('choices' in out) {
      open.push({ j, s, label: label ?? r.label, choices: out.choices });
      return;
    }
    unplacedRow(ctx, r, s, out.why);
    rows.push(blankRow(r, s, label, [text(M.noteNotPlaced, { text: sourceText(s.values) })]));
  });
  decideByColumns(ctx, open, rows);
  const assembled = assembleLoose(ctx, rows, unmatched, assigned, columnsAt);
  unmatched.splice(0, unmatched.length, ...unmatched.filter((x) => !assembled.has(x)));
  confirmBySums(ctx, rows, byContext);
  for (const s of unmatched) leftOver(ctx, s, extra);
  blankRows(ctx, frags, assigned, rows);
  for (const f of frags) {
    if (f.used || explained(f.norm, known.joined)) continue;
    const text = collapseWs(f.text);
    if (!text) continue;
    if (f.fromRow && text.length <= MAX_EXTRA_LABEL) {
      extra.push({ table: t.name, label: text, values: [], line: f.line });
      ctx.warnings.push(note(M.extraRow, { label: text, table: t.name }, { line: f.line, table: t.name }));
    } else {
      strays.push({ line: f.line, text });
      ctx.warnings.push(note(M.strayText, { table: t.name }, { line: f.line, text, table: t.name }, 'warning'));
    }
  }
  const missing = t.rows.filter((_, j) => !assigned.has(j) && !rows.some((x) => x.template === t.rows[j]));
  // A row not found is not read: absent from the report (its defect) or unreadable; the reviewer tells which.
  for (const r of missing) {
    ctx.warnings.push(
      finding(
        'IMPORT-UNPLACED',
        M.rowNotFound,
        { label: r.label, table: t.name },
        { line: a.segs[0]?.line ?? 0, path: pathOf(r), table: t.name },
      ),
    );
  }
  rows.sort((x, y) => t.rows.indexOf(x.template) - t.rows.indexOf(y.template));
  const templateCells = t.rows.reduce((n, r) => n + r.columns.length, 0);
  const cells = rows.reduce((n, r) => n + r.read, 0);
  return {
    table: {
      key: t.key,
      name: t.name,
      format: t.format,
      rows,
      missing,
      extra,
      unplaced: strays,
      cells,
      templateCells,
      sourceCells,
    },
    warnings: ctx.warnings,
  };
}

/**
 * A template row whose label stands in the table with no value after it (a row left blank in
 * text, where blank cells vanish): the row, read as blank.
 */
function blankRows(ctx: Ctx, frags: Frag[], assigned: Set<number>, rows: ImportedRow[]): void {
  const t = ctx.t;
  for (let i = 0; i < frags.length; i++) {
    // A label wrapped over up to three lines: consecutive unused pieces.
    for (let k = i; k < Math.min(i + BLANK_ROW_PIECES, frags.length) && !frags[k].used; k++) {
      const pieces = frags.slice(i, k + 1);
      const own = stripGroups(labelNorm(pieces), ctx.groups);
      if (!own) continue;
      const scores = t.rows.map((r) => ownScore(r, own));
      let b = 0;
      scores.forEach((v, j) => {
        if (v > scores[b]) b = j;
      });
      if (scores[b] < ANCHOR_MIN || assigned.has(b) || rows.some((x) => x.template === t.rows[b])) continue;
      // Only a whole label: a piece of one (PDF text wraps labels) is not a row.
      if (own.length < t.rows[b].norm.length * BLANK_ROW_LABEL) continue;
      for (const f of pieces) f.used = true;
      assigned.add(b);
      const r = t.rows[b];
      rows.push({
        template: r,
        values: r.columns.map(() => null),
        line: frags[i].line,
        notes: [text(M.noteBlankRow)],
        read: r.columns.length,
      });
      break;
    }
  }
}

/** A label standing alone may be wrapped over this many lines. */
const BLANK_ROW_PIECES = 3;
/** A label standing alone must be this much of the row's label to be read as that row, blank. */
const BLANK_ROW_LABEL = 0.9;

/** Ways to hand loose value lines to rows at most (beyond: too many to judge, nothing assembled). */
const MAX_ASSEMBLIES = 5000;

/**
 * Text rows whose cells a converter scattered over several lines (pdftotext interleaves two
 * rows of a borderless table): value lines without a label, placed by their character columns,
 * are handed to the rows that lack exactly those columns — rows read blank by position beside
 * them, and template rows not found. Taken only when the loose values fill every gap exactly,
 * every way of handing them out gives each row the same values, and each row keeps its sums.
 */
function assembleLoose(
  ctx: Ctx,
  rows: ImportedRow[],
  unmatched: Segment[],
  assigned: Set<number>,
  columnsAt: Map<number, number[]>,
): Set<Segment> {
  const none = new Set<Segment>();
  const t = ctx.t;
  const n = t.rows[0].columns.length;
  const at = columnsAt.get(n);
  if (!at || t.rows.some((r) => r.columns.length !== n)) return none;
  const loose: { seg: Segment; cols: number[] }[] = [];
  for (const seg of unmatched) {
    if (seg.labels.length || blankOnly(seg)) continue;
    const cells = seg.values.filter((v) => !v.merged);
    const cols = byPosition(cells, at);
    if (cols) loose.push({ seg, cols }); // a line whose values stand between columns stays loose (reported)
  }
  if (!loose.length) return none;
  const needy: { r: RowTemplate; gaps: number[]; row?: ImportedRow }[] = [
    ...rows.filter((x) => x.gaps?.length).map((x) => ({ r: x.template, gaps: x.gaps!, row: x })),
    ...t.rows
      .filter((r, j) => !assigned.has(j) && !rows.some((x) => x.template === r))
      .map((r) => ({ r, gaps: r.columns.map((_, k) => k) })),
  ];
  // The loose values must fill the gaps exactly, column by column.
  for (let c = 0; c < n; c++) {
    const have = loose.filter((l) => l.cols.includes(c)).length;
    const need = needy.filter((x) => x.gaps.includes(c)).length;
    if (have !== need) return none;
  }
  const results: string[] = [];
  let tried = 0;
  const fill: (string | undefined)[][] = needy.map(() => new Array(n).fill(undefined));
  const go = (k: number): boolean => {
    if (++tried > MAX_ASSEMBLIES) return false;
    if (k === loose.length) {
      results.push(JSON.stringify(fill));
      return new Set(results).size === 1;
    }
    const { seg, cols } = loose[k];
    const texts = seg.values.filter((v) => !v.merged).map((v) => v.text);
    for (let i = 0; i < needy.length; i++) {
      if (!cols.every((c) => needy[i].gaps.includes(c) && fill[i][c] === undefined)) continue;
      cols.forEach((c, m) => {
        fill[i][c] = texts[m];
      });
      const ok = go(k + 1);
      for (const c of cols) fill[i][c] = undefined;
      if (!ok) return false;
    }
    return true;
  };
  if (!go(0) || new Set(results).size !== 1) return none;
  const filled = JSON.parse(results[0]) as (string | null)[][];
  const eqs = rowEquations(
    t.spec,
    t.rows[0].columns.map((c) => c.key),
  );
  const merged = needy.map((x, i) => {
    const values = x.row ? x.row.values.slice() : new Array(n).fill(null);
    x.gaps.forEach((c) => {
      values[c] = filled[i][c] === null ? null : cellValue(filled[i][c]!).value;
    });
    return values;
  });
  if (!merged.every((v) => keepsRow(v, eqs))) return none;
  needy.forEach((x, i) => {
    const note = text(M.noteAssembled, { lines: loose.map((l) => l.seg.line).join('、') });
    if (x.row) {
      x.row.values = merged[i];
      x.row.read += x.gaps.length;
      x.row.notes.push(note);
      delete x.row.gaps;
      const paths = new Set(x.gaps.map((c) => `${pathOf(x.r)}.${x.r.columns[c].key}`));
      ctx.warnings.splice(0, ctx.warnings.length, ...ctx.warnings.filter((w) => !(w.path && paths.has(w.path))));
    } else {
      assigned.add(t.rows.indexOf(x.r));
      rows.push({ template: x.r, values: merged[i], line: loose[0].seg.line, notes: [note], read: n });
    }
  });
  return new Set(loose.map((l) => l.seg));
}

/** Does the segment's own label name another row clearly better than its slot? */
function contradicts(t: TableTemplate, s: Segment, j: number, groups: string[]): RowTemplate | undefined {
  const own = ownLabel(s, groups);
  if (!own) return undefined;
  const scores = t.rows.map((r) => ownScore(r, own));
  let b = 0;
  scores.forEach((v, k) => {
    if (v > scores[b]) b = k;
  });
  if (b === j || scores[b] < MISMATCH_MIN || scores[j] >= scores[b] - MISMATCH_MARGIN) return undefined;
  return t.rows[b];
}

/** A value this close to a column's position (share of the gap to the next column) stands in that column. */
const POSITION_TOLERANCE = 0.5;

/**
 * Text rows (`pdftotext -layout`) keep their cells' character columns: from the rows that fill
 * every column, the median column of each value column, per column count.
 */
function columnPositions(a: Alignment): Map<number, number[]> {
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
function byPosition(cells: SrcCell[], at: number[]): number[] | undefined {
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
function readRow(t: TableTemplate, r: RowTemplate, src: SrcCell[], at?: number[]): Outcome {
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

function decide(readings: Reading[]): Outcome {
  const distinct = uniqueReadings(readings);
  if (distinct.length === 1) return { ok: distinct[0] };
  if (!distinct.length) return { none: true, why: 'no-reading' };
  return { choices: distinct, why: 'ambiguous' };
}

function uniqueReadings(readings: Reading[]): Reading[] {
  const seen = new Map<string, Reading>();
  for (const r of readings) seen.set(JSON.stringify(r.values), r);
  return [...seen.values()];
}

/** Run-together digits: the cuts into n numbers the row's sums allow (blank cells vanished: fewer numbers, any columns). */
function readRun(cells: SrcCell[], n: number, eqs: { target: number; operands: number[] }[]): Outcome {
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

function direct(r: RowTemplate, cells: SrcCell[]): Reading {
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

function filledRow(ctx: Ctx, r: RowTemplate, s: Segment, label: string | undefined, reading: Reading): ImportedRow {
  const row: ImportedRow = {
    template: r,
    values: reading.values.map((v) => v ?? null),
    line: s.line,
    notes: reading.notes,
    read: reading.read,
  };
  if (label && stripWs(label) !== stripWs(r.label)) row.published = label;
  if (reading.loose && reading.doubtful?.length) row.gaps = reading.doubtful;
  for (const k of reading.doubtful ?? []) {
    const col = r.columns[k];
    ctx.warnings.push(
      finding(
        'IMPORT-UNPLACED',
        reading.loose ? M.doubtfulLoose : M.doubtfulBlank,
        { label: r.label, column: col.label, table: ctx.t.name },
        { line: s.line, path: `${pathOf(r)}.${col.key}`, table: ctx.t.name, text: sourceText(s.values) },
      ),
    );
    row.read--;
  }
  const surplus =
    s.values.filter((v) => !v.merged && classifyCell(v.text) !== 'blank').length -
    reading.values.filter((v) => v !== null && v !== undefined).length;
  if (surplus > 0 && !s.values.some((c) => c.run)) {
    ctx.warnings.push(
      finding(
        'IMPORT-UNPLACED',
        M.surplus,
        { label: r.label, count: s.values.filter((v) => !v.merged).length, n: r.columns.length, table: ctx.t.name },
        { line: s.line, path: pathOf(r), table: ctx.t.name, text: surplusText(s.values, reading) },
      ),
    );
    row.notes.push(text(M.noteSurplusCells, { cells: surplusText(s.values, reading) }));
  }
  return row;
}

/** The source cells a reading left out (by value, in order). */
function surplusText(src: SrcCell[], reading: Reading): string {
  const used = reading.values.filter((v) => v !== null && v !== undefined).map(String);
  const out: string[] = [];
  for (const c of src) {
    if (c.merged || classifyCell(c.text) === 'blank') continue;
    const v = String(cellValue(c.text).value);
    const k = used.indexOf(v);
    if (k >= 0) used.splice(k, 1);
    else out.push(collapseWs(c.text));
  }
  return out.join('、');
}

function blankRow(r: RowTemplate, s: Segment, label: string | undefined, notes: LocalizedText[]): ImportedRow {
  const row: ImportedRow = { template: r, values: r.columns.map(() => null), line: s.line, notes, read: 0, unplaced: true };
  if (label && stripWs(label) !== stripWs(r.label)) row.published = label;
  return row;
}

function unplacedRow(ctx: Ctx, r: RowTemplate, s: Segment, why: 'ambiguous' | 'no-reading' | 'too-many'): void {
  const count = s.values.filter((v) => !v.merged).length;
  const run = s.values.some((c) => c.run);
  const m = run
    ? why === 'ambiguous'
      ? M.runAmbiguous
      : why === 'too-many'
        ? M.runTooMany
        : M.runNoReading
    : why === 'ambiguous'
      ? M.cellsAmbiguous
      : M.cellsNoReading;
  ctx.warnings.push(
    finding(
      'IMPORT-UNPLACED',
      m,
      { label: r.label, count, n: r.columns.length, table: ctx.t.name },
      { line: s.line, path: pathOf(r), table: ctx.t.name, text: sourceText(s.values) },
    ),
  );
}

/** Rows with several readings that keep their own sums: the table's column sums choose, or nobody does. */
function decideByColumns(
  ctx: Ctx,
  open: { j: number; s: Segment; label: string; choices: Reading[] }[],
  rows: ImportedRow[],
): void {
  if (!open.length) return;
  const t = ctx.t;
  const eqs = columnEquations(t.spec);
  const combos = open.reduce((n, o) => n * Math.max(1, o.choices.length), 1);
  const fixed = new Map<string, RowValues>();
  for (const r of rows) if (!r.unplaced) fixed.set(r.template.path.join('.'), r.values);
  let winners: number[][] = [];
  if (eqs.length && combos <= MAX_READINGS && open.every((o) => o.choices.length)) {
    const pick: number[] = new Array(open.length).fill(0);
    for (let c = 0; c < combos; c++) {
      let x = c;
      for (let k = 0; k < open.length; k++) {
        pick[k] = x % open[k].choices.length;
        x = Math.floor(x / open[k].choices.length);
      }
      const values = new Map(fixed);
      open.forEach((o, k) => {
        values.set(t.rows[o.j].path.join('.'), o.choices[pick[k]].values);
      });
      if (keepsColumns(t, eqs, values, open)) winners.push(pick.slice());
      if (winners.length > 1) break;
    }
  } else winners = [];
  if (winners.length === 1) {
    open.forEach((o, k) => {
      const reading = o.choices[winners[0][k]];
      reading.notes = [...reading.notes, text(M.noteByColumns)];
      rows.push(filledRow(ctx, t.rows[o.j], o.s, o.label, reading));
    });
    return;
  }
  for (const o of open) {
    unplacedRow(ctx, t.rows[o.j], o.s, 'ambiguous');
    rows.push(blankRow(t.rows[o.j], o.s, o.label, [text(M.noteNotPlaced, { text: sourceText(o.s.values) })]));
  }
}

/**
 * Rows placed by the text around them rather than by a label of their own: when a column sum
 * that involves them fails, an exchange of two such rows that makes every sum hold is taken
 * (the sums decide where the labels leave a choice); otherwise they are not placed — a sum
 * error can then only follow an import that said it was unsure.
 */
function confirmBySums(ctx: Ctx, rows: ImportedRow[], byContext: Set<ImportedRow>): void {
  const t = ctx.t;
  const eqs = columnEquations(t.spec);
  const ctxRows = [...byContext].filter((r) => !r.unplaced);
  if (!eqs.length || !ctxRows.length || t.rows.some((r) => r.columns.length !== t.rows[0].columns.length)) return;
  const values = () => new Map(rows.filter((r) => !r.unplaced).map((r) => [r.template.path.join('.'), r.values] as const));
  const failing = failingTops(t, eqs, values());
  const involved = ctxRows.filter((r) => failing.has(r.template.path[1]));
  if (!involved.length) return;
  const fixes: [ImportedRow, ImportedRow][] = [];
  for (let i = 0; i < ctxRows.length; i++) {
    for (let j = i + 1; j < ctxRows.length; j++) {
      const [x, y] = [ctxRows[i], ctxRows[j]];
      [x.values, y.values] = [y.values, x.values];
      if (!failingTops(t, eqs, values()).size) fixes.push([x, y]);
      [x.values, y.values] = [y.values, x.values];
    }
  }
  if (fixes.length === 1 && failing.size) {
    const [x, y] = fixes[0];
    [x.values, y.values] = [y.values, x.values];
    for (const r of [x, y]) r.notes.push(text(M.noteExchanged));
    return;
  }
  for (const r of involved) {
    ctx.warnings.push(
      finding(
        'IMPORT-UNPLACED',
        M.contextUnconfirmed,
        { label: r.template.label, table: t.name },
        {
          line: r.line,
          path: pathOf(r.template),
          table: t.name,
          text: r.values.map((v) => (v === null ? '' : String(v))).join(' | '),
        },
      ),
    );
    r.notes.push(text(M.noteNotPlaced, { text: r.values.map((v) => (v === null ? '' : String(v))).join(' | ') }));
    r.values = r.values.map(() => null);
    r.read = 0;
    r.unplaced = true;
  }
}

/** The top-level rows (keys) of the column equalities that fail (blank = 0; a text or missing cell leaves one open). */
function failingTops(t: TableTemplate, eqs: { left: string[]; right: string[] }[], values: Map<string, RowValues>): Set<string> {
  const out = new Set<string>();
  const n = t.rows[0].columns.length;
  const side = (keys: string[], c: number): number | undefined => {
    let sum = 0;
    for (const r of t.rows.filter((x) => keys.includes(x.path[1]))) {
      const v = values.get(r.path.join('.'));
      if (!v) return undefined;
      const x = v[c];
      if (typeof x === 'number') sum += x;
      else if (x !== null && x !== undefined) return undefined;
    }
    return sum;
  };
  for (const e of eqs) {
    for (let c = 0; c < n; c++) {
      const l = side(e.left, c);
      const r = side(e.right, c);
      if (l !== undefined && r !== undefined && Math.abs(l - r) > 1e-9) for (const k of [...e.left, ...e.right]) out.add(k);
    }
  }
  return out;
}

/** Do the column equalities that involve an open row hold (blank = 0; a text or missing cell leaves one open)? */
function keepsColumns(
  t: TableTemplate,
  eqs: { left: string[]; right: string[] }[],
  values: Map<string, RowValues>,
  open: { j: number }[],
): boolean {
  const openTops = new Set(open.map((o) => t.rows[o.j].path[1]));
  const n = t.rows[0].columns.length;
  for (const e of eqs) {
    if (![...e.left, ...e.right].some((k) => openTops.has(k))) continue;
    const side = (keys: string[], c: number): number | undefined => {
      let sum = 0;
      for (const r of t.rows.filter((x) => keys.includes(x.path[1]))) {
        const v = values.get(r.path.join('.'));
        if (!v) return undefined;
        const x = v[c];
        if (typeof x === 'number') sum += x;
        else if (x !== null && x !== undefined) return undefined;
      }
      return sum;
    };
    for (let c = 0; c < n; c++) {
      const l = side(e.left, c);
      const r = side(e.right, c);
      if (l !== undefined && r !== undefined && Math.abs(l - r) > 1e-9) return false;
    }
  }
  return true;
}

/** 表四 read as one run of values in template order (no row labels next to the values). */
function placeRun(ctx: Ctx, s: Segment, rows: ImportedRow[], assigned: Set<number>): void {
  const t = ctx.t;
  const per = t.rows[0].columns.length;
  const need = per * t.rows.length;
  // The run as one long row whose sums are each group's.
  const flat: RowTemplate = {
    ...t.rows[0],
    columns: t.rows.flatMap((r, k) => r.columns.map((c) => ({ ...c, key: `${k}.${c.key}` }))),
  };
  const eqs = t.rows.flatMap((r, k) =>
    rowEquations(
      t.spec,
      r.columns.map((c) => c.key),
    ).map((e) => ({ target: e.target + k * per, operands: e.operands.map((o) => o + k * per) })),
  );
  const cells = s.values.filter((v) => !v.merged);
  let out: Outcome;
  if (cells.some((c) => c.run)) out = readRun(cells, need, eqs);
  else if (cells.length === need) out = { ok: direct(flat, cells) };
  else {
    const texts = cells.map((c) => c.text);
    const fits =
      cells.length < need
        ? positions(cells.length, need).map((pos) => {
            const row: (string | undefined)[] = new Array(need).fill(undefined);
            pos.forEach((p, k) => {
              row[p] = texts[k];
            });
            return row;
          })
        : positions(need, cells.length).map((keep) => keep.map((k) => texts[k]));
    out = decide(
      fits
        .filter((row) => keepsRow(valuesOf(row), eqs))
        .map((row) => ({
          values: valuesOf(row),
          read: Math.min(need, cells.length),
          notes: [text(M.noteBySums, { count: cells.length, n: need })],
        })),
    );
  }
  for (let k = 0; k < t.rows.length; k++) assigned.add(k);
  if (!('ok' in out)) {
    ctx.warnings.push(
      finding(
        'IMPORT-UNPLACED',
        M.groupRunUnplaced,
        { table: t.name, need, count: cells.length },
        { line: s.line, path: t.key, table: t.name, text: sourceText(cells) },
      ),
    );
    for (const r of t.rows) rows.push(blankRow(r, s, undefined, [text(M.noteNotPlaced, { text: sourceText(cells) })]));
    return;
  }
  const reading = out.ok;
  t.rows.forEach((r, k) => {
    const values = reading.values.slice(k * per, (k + 1) * per).map((v) => v ?? null);
    rows.push({ template: r, values, line: s.line, notes: k === 0 ? reading.notes : [], read: per });
  });
}

/** A segment no row took: layout residue, values that fit nowhere, an unread template row, or a row the template lacks. */
function leftOver(ctx: Ctx, s: Segment, extra: ExtraRow[]): void {
  const t = ctx.t;
  const label = labelText(s.labels);
  const norm = labelNorm(s.labels);
  for (const f of s.labels) f.used = true;
  const blank = blankOnly(s);
  if (blank && (!label || explained(norm, ctx.known.joined))) {
    if (!label && s.values.filter((v) => !v.merged).length >= 2)
      ctx.warnings.push(note(M.layoutResidue, { count: s.values.length }, { line: s.line, table: t.name }));
    return;
  }
  const own = ownLabel(s, ctx.groups);
  const like = own ? t.rows.reduce((b, r) => (ownScore(r, own) > ownScore(b, own) ? r : b), t.rows[0]) : undefined;
  if (!label || (like && ownScore(like, own) >= Math.min(RESEMBLES, ANCHOR_MIN))) {
    if (blank) return;
    ctx.warnings.push(
      finding(
        'IMPORT-UNPLACED',
        label ? M.rowUnplaced : M.valuesUnlabelled,
        { label, table: t.name, like: like?.label ?? '' },
        { line: s.line, path: like && label ? pathOf(like) : t.key, table: t.name, text: sourceText(s.values) },
      ),
    );
    return;
  }
  const values = s.values.filter((v) => !v.merged).map((v) => cellValue(v.text).value);
  extra.push({ table: t.name, label, values, line: s.line });
  ctx.warnings.push(note(M.extraRow, { label, table: t.name }, { line: s.line, table: t.name, text: sourceText(s.values) }));
}

/**
 * The row label as printed: the fragments around the segment (and its own label cells) whose
 * concatenation is closest to the template label, skipping pieces of group labels
 * interleaved by PDF text. Marks the fragments used.
 */
function publishedLabel(r: RowTemplate, s: Segment, groups: string[]): string | undefined {
  const pre = s.pre.slice(-LABEL_PIECES);
  const post = s.post.slice(0, LABEL_PIECES);
  const F = [...pre, ...s.labels, ...post];
  if (!F.length) return undefined;
  const firstOwn = s.labels.length ? pre.length : -1;
  const lastOwn = s.labels.length ? pre.length + s.labels.length - 1 : -1;
  const isGroupPiece = (f: Frag) =>
    !r.norm.includes(f.norm) && (r.groupNorms.some((g) => g.includes(f.norm)) || groups.some((g) => g === f.norm));
  let best: { d: number; a: number; b: number; text: string } | undefined;
  for (let a0 = 0; a0 < F.length; a0++) {
    for (let b0 = a0; b0 < F.length; b0++) {
      if (firstOwn >= 0 && (a0 > firstOwn || b0 < lastOwn)) continue;
      const kept = F.slice(a0, b0 + 1).filter((f) => !isGroupPiece(f));
      if (!kept.length) continue;
      const norm = kept.map((f) => f.norm).join('');
      const d = editDistance(norm, r.norm);
      if (!best || d < best.d || (d === best.d && b0 - a0 < best.b - best.a))
        best = { d, a: a0, b: b0, text: kept.map((f) => stripWs(f.text)).join('') };
    }
  }
  if (!best) return undefined;
  // Only claim fragments outside the own cells when they bring the label closer.
  const ownNorm = s.labels
    .filter((f) => !isGroupPiece(f))
    .map((f) => f.norm)
    .join('');
  if (s.labels.length && editDistance(ownNorm, r.norm) <= best.d) {
    return (
      s.labels
        .filter((f) => !isGroupPiece(f))
        .map((f) => stripWs(f.text))
        .join('') || undefined
    );
  }
  for (const f of F.slice(best.a, best.b + 1)) f.used = true;
  return best.text;
}
