/**
 * Quick fixes for the cross-year findings (X-CARRY, X-INFORCE, X-ITEMS-19): write the value
 * the previous year's report implies, read from the diagnostic's data ({ path, expected }).
 */
import type { CheckResult } from '../checks/index';
import type { CellReader } from '../checks/relations';
import { msg } from '../messages/catalog';
import { cellName } from '../schema/labels';
import type { Diagnostic, Fix, FormatId } from '../types';
import { cellEdit, formatNumber } from './edits';

export const CROSS_YEAR_FIX_CODES = new Set(['X-CARRY', 'X-INFORCE', 'X-ITEMS-19']);

export function crossYearFixes(result: CheckResult, reader: CellReader, format: FormatId, d: Diagnostic): Fix[] {
  const data = d.data as { path?: unknown; expected?: unknown; soft?: unknown };
  if (typeof data.path !== 'string' || typeof data.expected !== 'number' || !Number.isFinite(data.expected) || data.expected < 0)
    return [];
  const cell = reader.cell(data.path.split('.'));
  if (cell.state === 'missing') return [];
  const edit = cellEdit(result.report, cell, formatNumber(data.expected));
  if (!edit) return [];
  const title =
    d.code === 'X-CARRY'
      ? msg('fix.crossYear', { value: data.expected })
      : msg('fix.crossYearComputed', { cell: cellName(format, cell.path), value: data.expected });
  return [{ title, edits: [edit], preferred: data.soft !== true, kind: 'carry' }];
}
