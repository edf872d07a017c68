/**
 * One pass over every table cell: blanks and N/A (T*-COMPLETE, with the value a sum pins),
 * text and units (T2-19-UNIT, T2-21-UNIT), negatives and fractions (T*-NONNEG).
 */
import { makeDiagnostic } from '../diagnostic';
import type { Cell } from '../model/cells';
import { decimals, looksLikeZero, readNumberWithUnit } from '../model/units';
import { cellName } from '../schema/labels';
import { tablesOf, type TableSpec } from '../schema/tables';
import type { Severity } from '../types';
import type { CheckContext } from './context';
import { leafRows, pathKey } from './relations';
import { locate } from '../model/report';

export function checkCells(ctx: CheckContext): void {
  for (const table of tablesOf(ctx.format)) {
    if (!locate(ctx.report, [table.key])) continue;
    for (const row of leafRows(ctx.report, table)) {
      for (const col of row.columns) checkCell(ctx, table, ctx.reader.cell([...row.path, col.key]));
    }
  }
}

function checkCell(ctx: CheckContext, table: TableSpec, cell: Cell): void {
  const name = cellName(ctx.format, cell.path);
  const emit = (
    code: string,
    id: string,
    args: Record<string, string | number | undefined>,
    data: Record<string, unknown>,
    severity?: Severity,
  ) =>
    ctx.out.push(
      makeDiagnostic(
        ctx.report.lines,
        code,
        id,
        { cell: name, ...args },
        cell.span,
        { path: pathKey(cell.path), state: cell.state, ...data },
        severity,
      ),
    );
  switch (cell.state) {
    case 'missing':
      return; // the schema check reports missing rows and columns
    case 'blank':
    case 'na': {
      const pinned = ctx.pins.get(pathKey(cell.path));
      if (cell.state === 'na') emit(table.blankRule, 'cell.na', { text: cell.text }, { text: cell.text, pinned });
      else emit(table.blankRule, 'cell.blank', { pinned }, { pinned });
      return;
    }
    case 'text':
      textCell(ctx, table, cell, emit);
      return;
    case 'number':
      numberCell(cell, emit, table);
      return;
  }
}

type Emit = (
  code: string,
  id: string,
  args: Record<string, string | number | undefined>,
  data: Record<string, unknown>,
  severity?: Severity,
) => void;

function unitRule(ctx: CheckContext): string {
  return ctx.format === '2019' ? 'T2-19-UNIT' : 'T2-21-UNIT';
}

function textCell(ctx: CheckContext, table: TableSpec, cell: Cell, emit: Emit): void {
  const text = cell.text ?? '';
  const pinned = ctx.pins.get(pathKey(cell.path));
  if (looksLikeZero(text)) {
    const code = table.key === 'applications' ? table.blankRule : table.nonnegRule;
    emit(code, 'cell.text', { text, suggest: 0 }, { text, suggest: 0, pinned });
    return;
  }
  const reading = readNumberWithUnit(text);
  if (cell.kind === 'money_unit') {
    if (reading && (reading.unit === '元' || reading.unit === '万元')) {
      emit(
        'T2-19-UNIT',
        'unit.moneyText',
        { text, number: reading.number, unit: reading.unit },
        { text, number: reading.number, unit: reading.unit },
      );
    } else emit(table.nonnegRule, 'cell.text', { text }, { text });
    return;
  }
  if (cell.kind === 'money_wan') {
    if (reading && (reading.unit === '元' || reading.unit === '万元' || !reading.unit)) {
      const wan = reading.unit === '元' ? reading.number / 10000 : reading.number;
      emit('T2-21-UNIT', 'unit.wanSuffix', { unit: reading.unit ?? '', number: wan }, { text, number: wan, unit: reading.unit });
    } else emit(table.nonnegRule, 'cell.text', { text }, { text });
    return;
  }
  if (reading?.unit && Number.isInteger(reading.number)) {
    const code = table.name === '表二' ? unitRule(ctx) : table.key === 'applications' ? table.blankRule : table.nonnegRule;
    emit(
      code,
      'unit.inCount',
      { unit: reading.unit, number: reading.number },
      { text, number: reading.number, unit: reading.unit, pinned },
    );
    return;
  }
  const code = table.key === 'applications' ? table.blankRule : table.nonnegRule;
  emit(code, 'cell.text', { text, suggest: reading?.number }, { text, number: reading?.number, pinned });
}

function numberCell(cell: Cell, emit: Emit, table: TableSpec): void {
  const v = cell.value!;
  if (cell.kind === 'money_unit') {
    // A zero needs no unit; any other amount is ambiguous without one.
    if (cell.unit !== '元' && cell.unit !== '万元' && v !== 0)
      emit('T2-19-UNIT', 'unit.moneyBare', { number: v }, { number: v, bare: true });
    if (v < 0) emit(table.nonnegRule, 'cell.negative', { value: v }, { value: v });
    return;
  }
  if (cell.kind === 'money_wan') {
    if (v < 0) emit(table.nonnegRule, 'cell.negative', { value: v }, { value: v });
    else if (decimals(v) > 4) emit('T2-21-UNIT', 'unit.wanDecimals', { value: v }, { value: v, decimals: decimals(v) }, 'info');
    return;
  }
  if (!Number.isInteger(v)) emit(table.nonnegRule, 'cell.fraction', { value: v }, { value: v });
  else if (v < 0 && cell.kind === 'count') emit(table.nonnegRule, 'cell.negative', { value: v }, { value: v });
}
