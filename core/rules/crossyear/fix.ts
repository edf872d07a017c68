/**
 * Quick fixes for the cross-year findings (X-CARRY, X-INFORCE, X-ITEMS-19): write the value
 * the previous year's report implies, read from the finding's data ({ path, expected }).
 */
import { text } from '../../messages/define';
import { cellEdit, formatNumber } from '../../fix/edits';
import type { FixContext } from '../../fix/context';
import { cellName } from '../../schema/labels';
import type { Diagnostic, Fix } from '../../types';
import { messages } from './specs';

export function crossYearFixes(fx: FixContext, d: Diagnostic): Fix[] {
  if (d.code !== 'X-CARRY' && d.code !== 'X-INFORCE' && d.code !== 'X-ITEMS-19') return [];
  const { expected, soft } = d.data;
  if (expected === undefined || !Number.isSafeInteger(expected) || expected < 0) return [];
  const cell = fx.reader.cell(d.data.path.split('.'));
  if (cell.state === 'missing' || cell.value === expected) return [];
  const edit = cellEdit(fx.report, cell, formatNumber(expected));
  if (!edit) return [];
  const title =
    d.code === 'X-CARRY'
      ? text(messages.useLast, { value: expected })
      : text(messages.useComputed, { cell: cellName(fx.format, cell.path), value: expected });
  return [{ title, edits: [edit], preferred: soft !== true, kind: 'carry' }];
}
