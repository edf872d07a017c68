/**
 * One pass over every table cell: blanks and N/A (T*-COMPLETE, with the value a sum pins;
 * whole blank tables, rows and columns grouped), text and units (T2-19-UNIT, T2-21-UNIT),
 * negatives, fractions and numbers too large to add (T*-NONNEG).
 */
import { text as textOf, type Message } from '../../messages/define';
import { exact, type Cell } from '../../model/cells';
import { pathKey } from '../../model/cellReader';
import { locate, keySpanAt } from '../../model/report';
import { cellName, labelAt, rowName } from '../../schema/labels';
import { groupLabels } from '../../schema/nodes';
import { tablesOf, type TableSpec } from '../../schema/tables';
import type { RelatedInfo } from '../../types';
import type { CheckContext } from '../context';
import type { RuleSpec } from '../spec';
import { leafRows } from '../tables/relations';
import {
  T2_19_NONNEG,
  T2_19_UNIT,
  T2_21_NONNEG,
  T2_21_UNIT,
  T2_COMPLETE,
  T3_BLANK_GROUP,
  T3_COMPLETE,
  T3_NONNEG,
  T4_COMPLETE,
  T4_NONNEG,
  messages,
  type BlankGroupData,
  type CellData,
} from './specs';

type CellRule = RuleSpec<string, CellData>;
type GroupRule = RuleSpec<string, BlankGroupData>;

/** The cell rules by the codes the schemas' table annotations name. */
const CELL_RULES: Record<string, CellRule> = Object.fromEntries(
  [T3_COMPLETE, T4_COMPLETE, T2_COMPLETE, T3_NONNEG, T4_NONNEG, T2_19_NONNEG, T2_21_NONNEG, T2_19_UNIT, T2_21_UNIT].map((r) => [
    r.code,
    r as CellRule,
  ]),
);
const GROUP_RULES: Record<string, GroupRule> = Object.fromEntries(
  [T3_BLANK_GROUP, T2_COMPLETE, T4_COMPLETE].map((r) => [r.code, r as GroupRule]),
);
/** Every code a table annotation may name (a unit test checks the schemas against it). */
export const CELL_CODES = new Set([...Object.keys(CELL_RULES), ...Object.keys(GROUP_RULES)]);

function ruleFor(code: string): CellRule {
  const r = CELL_RULES[code];
  if (!r) throw new Error(`schema names unknown cell rule ${code}`);
  return r;
}

interface TableCells {
  table: TableSpec;
  rows: { path: string[]; cells: Cell[] }[];
}

export function checkCells(ctx: CheckContext): void {
  for (const table of tablesOf(ctx.format)) {
    if (!locate(ctx.report, [table.key])) continue;
    const t: TableCells = {
      table,
      rows: leafRows(ctx.report, table).map((row) => ({
        path: row.path,
        cells: row.cells.map((c) => ctx.reader.cellAt(c.key, c.path)),
      })),
    };
    const grouped = groupBlanks(ctx, t);
    for (const row of t.rows) for (const cell of row.cells) if (!grouped.has(cell)) checkCell(ctx, table, cell);
  }
}

const isEmpty = (c: Cell) => c.state === 'blank' || c.state === 'na';

/**
 * Groups of blank cells that share one cause, each one finding: the whole table; else the
 * wholly blank rows together; else, among the other rows, a column group (法人或其他组织) or a
 * single column that is blank throughout. Returns the cells it reported.
 */
function groupBlanks(ctx: CheckContext, t: TableCells): Set<Cell> {
  const done = new Set<Cell>();
  const cells = t.rows.flatMap((r) => r.cells).filter((c) => c.state !== 'missing');
  if (!cells.length) return done;
  const wholeTableRule = t.table.blankGroupRule ?? t.table.blankRule;
  if (cells.every(isEmpty)) {
    emitGroup(ctx, GROUP_RULES[wholeTableRule], t, 'table', [t.table.key], cells, messages.groupTable, {
      table: t.table.name,
      count: cells.length,
      pinned: pinnedCount(ctx, cells),
    });
    for (const c of cells) done.add(c);
    return done;
  }
  const groupRule = t.table.blankGroupRule ? GROUP_RULES[t.table.blankGroupRule] : undefined;
  if (!groupRule) return done; // tables without a group rule report blanks cell by cell
  const blankRows = t.rows.filter((r) => r.cells.length > 1 && r.cells.every((c) => isEmpty(c) || c.state === 'missing'));
  const rowCells = blankRows.flatMap((r) => r.cells.filter(isEmpty));
  if (rowCells.length > 1) {
    emitGroup(
      ctx,
      groupRule,
      t,
      'rows',
      blankRows.map((r) => pathKey(r.path)),
      rowCells,
      messages.groupRows,
      {
        table: t.table.name,
        rows: blankRows.length,
        count: rowCells.length,
        first: rowName(ctx.format, blankRows[0].path),
        pinned: pinnedCount(ctx, rowCells),
      },
    );
    for (const c of rowCells) done.add(c);
  }
  const rest = t.rows.filter((r) => !blankRows.includes(r));
  if (rest.length < 2) return done;
  const column = (key: string) =>
    rest.map((r) => r.cells.find((c) => c.path[c.path.length - 1] === key)).filter((c): c is Cell => !!c);
  const blankColumn = (key: string) => {
    const cs = column(key);
    return cs.length === rest.length && cs.every(isEmpty);
  };
  const claimed = new Set<string>();
  const groups = [...t.table.columnGroups.map((g) => g.columns), ...(t.table.rows[0]?.columns ?? []).map((c) => [c.key])];
  for (const cols of groups) {
    if (cols.some((k) => claimed.has(k)) || !cols.every(blankColumn)) continue;
    if (cols.length === (t.table.rows[0]?.columns.length ?? 0)) continue; // every column: these rows are blank rows
    const gcells = cols.flatMap(column);
    const label = cols.length > 1 ? groupLabelOf(t.table, cols) : labelAt(ctx.format, [...rest[0].path, cols[0]]);
    emitGroup(
      ctx,
      groupRule,
      t,
      'columns',
      cols.map((k) => pathKey([t.table.key, '*', k])),
      gcells,
      messages.groupColumns,
      {
        table: t.table.name,
        columns: label,
        n: cols.length,
        count: gcells.length,
        pinned: pinnedCount(ctx, gcells),
      },
    );
    for (const k of cols) claimed.add(k);
    for (const c of gcells) done.add(c);
  }
  return done;
}

function groupLabelOf(table: TableSpec, cols: string[]): string {
  const g = table.columnGroups.find((x) => x.columns.length === cols.length && x.columns.every((k, i) => k === cols[i]));
  return g ? (groupLabels[g.label] ?? g.label) : cols.join('、');
}

function pinnedOf(ctx: CheckContext, cells: Cell[]): Record<string, number> {
  const pinned: Record<string, number> = {};
  for (const c of cells) {
    const p = ctx.pins.get(pathKey(c.path));
    if (p !== undefined) pinned[pathKey(c.path)] = p;
  }
  return pinned;
}

const pinnedCount = (ctx: CheckContext, cells: Cell[]) => Object.keys(pinnedOf(ctx, cells)).length || undefined;

function emitGroup<A extends Record<string, string | number | undefined>>(
  ctx: CheckContext,
  rule: GroupRule,
  t: TableCells,
  scope: BlankGroupData['scope'],
  members: string[],
  cells: Cell[],
  m: Message<A>,
  args: A,
): void {
  const pinned = pinnedOf(ctx, cells);
  const related: RelatedInfo[] = cells.slice(0, MAX_GROUP_RELATED).map((c) => ({
    path: pathKey(c.path),
    span: c.span,
    range: ctx.report.lines.range(c.span),
    message: textOf(messages.groupCell, { cell: cellName(ctx.format, c.path) }),
  }));
  const anchor = scope === 'table' ? keySpanAt(ctx.report, [t.table.key]) : cells[0].span;
  ctx.emit(
    rule,
    m,
    args,
    anchor,
    {
      path: scope === 'table' || scope === 'rows' ? members[0] : pathKey(cells[0].path),
      table: t.table.key,
      scope,
      members,
      cells: cells.map((c) => pathKey(c.path)),
      pinned,
    },
    { related },
  );
}

/** Related entries a group lists (the cells beyond are in `data.cells`). */
const MAX_GROUP_RELATED = 8;

function checkCell(ctx: CheckContext, table: TableSpec, cell: Cell): void {
  if (cell.state === 'number') {
    // Most cells are numbers and most numbers are fine: the cell's name only when one is not.
    numberCell(ctx, table, cell, () => cellName(ctx.format, cell.path));
    return;
  }
  const name = cellName(ctx.format, cell.path);
  const path = pathKey(cell.path);
  const base = { path, state: cell.state };
  const pinned = ctx.pins.get(path);
  switch (cell.state) {
    case 'missing':
      return; // the schema check reports missing rows and columns
    case 'blank':
      ctx.emit(ruleFor(table.blankRule), messages.blank, { cell: name, pinned }, cell.span, { ...base, pinned });
      return;
    case 'na':
      ctx.emit(ruleFor(table.blankRule), messages.na, { cell: name, text: cell.text ?? '' }, cell.span, {
        ...base,
        text: cell.text,
        pinned,
      });
      return;
    case 'text':
      textCell(ctx, table, cell, name, pinned);
      return;
  }
}

function textCell(ctx: CheckContext, table: TableSpec, cell: Cell, name: string, pinned: number | undefined): void {
  const text = cell.text ?? '';
  const base = { path: pathKey(cell.path), state: cell.state, text };
  const reading = cell.reading ?? { kind: 'text', text };
  const textRule = ruleFor(table.textRule);
  if (reading.kind === 'oddZero' || reading.kind === 'none') {
    ctx.emit(textRule, messages.text, { cell: name, text, suggest: 0 }, cell.span, { ...base, suggest: 0, pinned });
    return;
  }
  const unitRule = ruleFor(table.unitRule);
  const number = reading.kind === 'number' ? reading.value : undefined;
  const unit = reading.kind === 'number' ? reading.unit : undefined;
  if (cell.kind === 'money_unit') {
    if (number !== undefined && (unit === '元' || unit === '万元'))
      ctx.emit(unitRule, messages.moneyText, { cell: name, text, number, unit }, cell.span, { ...base, number, unit });
    else ctx.emit(ruleFor(table.nonnegRule), messages.text, { cell: name, text }, cell.span, base);
    return;
  }
  if (cell.kind === 'money_wan') {
    if (number !== undefined && (unit === '元' || unit === '万元' || !unit)) {
      const wan = unit === '元' ? number / 10000 : number;
      ctx.emit(unitRule, messages.wanSuffix, { cell: name, unit: unit ?? '', number: wan }, cell.span, {
        ...base,
        number: wan,
        unit,
      });
    } else ctx.emit(ruleFor(table.nonnegRule), messages.text, { cell: name, text }, cell.span, base);
    return;
  }
  if (number !== undefined && unit && Number.isInteger(number)) {
    ctx.emit(unitRule, messages.unitInCount, { cell: name, unit, number }, cell.span, { ...base, number, unit, pinned });
    return;
  }
  ctx.emit(textRule, messages.text, { cell: name, text, suggest: number }, cell.span, { ...base, number, pinned });
}

function numberCell(ctx: CheckContext, table: TableSpec, cell: Cell, name: () => string): void {
  const v = cell.value!;
  const base = { path: pathKey(cell.path), state: cell.state, value: v };
  const nonneg = ruleFor(table.nonnegRule);
  if (!exact(cell)) {
    ctx.emit(nonneg, messages.tooLarge, { cell: name(), value: v }, cell.span, base);
    return;
  }
  if (cell.kind === 'money_unit') {
    // A zero needs no unit; any other amount is ambiguous without one.
    if (cell.unit !== '元' && cell.unit !== '万元' && v !== 0)
      ctx.emit(ruleFor(table.unitRule), messages.moneyBare, { cell: name(), number: v }, cell.span, {
        ...base,
        number: v,
        bare: true,
      });
    if (v < 0) ctx.emit(nonneg, messages.negative, { cell: name(), value: v }, cell.span, base);
    return;
  }
  if (cell.kind === 'money_wan') {
    if (v < 0) ctx.emit(nonneg, messages.negative, { cell: name(), value: v }, cell.span, base);
    else if (decimals(v) > 4)
      ctx.emit(
        ruleFor(table.unitRule),
        messages.wanDecimals,
        { cell: name(), value: v },
        cell.span,
        { ...base, decimals: decimals(v) },
        { severity: 'info' },
      );
    return;
  }
  if (!Number.isInteger(v)) ctx.emit(nonneg, messages.fraction, { cell: name(), value: v }, cell.span, base);
  else if (v < 0 && cell.kind === 'count') ctx.emit(nonneg, messages.negative, { cell: name(), value: v }, cell.span, base);
}

/** Decimal places of a number as written (no float noise: JS prints the shortest form). */
function decimals(n: number): number {
  const s = String(n);
  const i = s.indexOf('.');
  return i < 0 || s.includes('e') ? 0 : s.length - i - 1;
}
