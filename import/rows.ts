/**
 * The rows of an imported table and how they are made: a row filled from one reading of its
 * cells (with the findings its reading calls for), a row left blank because its cells could not
 * be placed, and the finding that says why.
 */
import { text } from '../core/messages/define';
import type { LocalizedText } from '../core/types';
import { cellValue, classifyCell, collapseWs, stripWs, type CellValue } from './normalize';
import type { KnownTexts } from './known';
import { M } from './messages';
import { finding, type ImportWarning } from './notes';
import type { Segment } from './segments';
import type { SrcCell } from './source';
import type { RowTemplate, TableTemplate } from './templates';
import type { Reading } from './rowcells';

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

export interface Ctx {
  t: TableTemplate;
  warnings: ImportWarning[];
  known: KnownTexts;
  /** The group labels of this format's table, longest first (the other format's groups can be this one's rows). */
  groups: string[];
}

export const pathOf = (r: RowTemplate) => r.path.join('.');
export const sourceText = (cells: SrcCell[]) =>
  cells
    .filter((c) => !c.merged)
    .map((c) => collapseWs(c.text))
    .join(' | ');

export function filledRow(ctx: Ctx, r: RowTemplate, s: Segment, label: string | undefined, reading: Reading): ImportedRow {
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
export function surplusText(src: SrcCell[], reading: Reading): string {
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

export function blankRow(r: RowTemplate, s: Segment, label: string | undefined, notes: LocalizedText[]): ImportedRow {
  const row: ImportedRow = { template: r, values: r.columns.map(() => null), line: s.line, notes, read: 0, unplaced: true };
  if (label && stripWs(label) !== stripWs(r.label)) row.published = label;
  return row;
}

export function unplacedRow(ctx: Ctx, r: RowTemplate, s: Segment, why: 'ambiguous' | 'no-reading' | 'too-many'): void {
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
