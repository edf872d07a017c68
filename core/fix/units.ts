/** Unit fixes: "137次" → 137, "1066730.5元" → {value, unit}, "3万元" in a 万元 column → 3, "0 0" → 0. */
import type { CheckResult } from '../checks/index';
import type { CellReader } from '../checks/relations';
import { msg } from '../messages/catalog';
import type { Diagnostic, Fix, FormatId } from '../types';
import { cellEdit, formatNumber } from './edits';

export function unitFixes(result: CheckResult, reader: CellReader, _format: FormatId, d: Diagnostic): Fix[] {
  const data = d.data as {
    path?: string;
    text?: string;
    number?: number;
    unit?: string;
    suggest?: number;
    bare?: boolean;
    state?: string;
  };
  if (!data.path) return [];
  const cell = reader.cell(data.path.split('.'));
  const fix = (text: string, preferred: boolean, title = msg('fix.unit', { text })): Fix | undefined => {
    const edit = cellEdit(result.report, cell, text);
    return edit ? { title, edits: [edit], preferred, kind: 'unit' } : undefined;
  };
  const out: (Fix | undefined)[] = [];
  if (data.suggest === 0 && data.text !== undefined) {
    // Odd zeros are offered, never applied by fix-all: the cell may hide two numbers.
    out.push(fix('0', false, msg('fix.zeroText', { text: data.text })));
  } else if (cell.kind === 'money_unit' && data.number !== undefined) {
    if (data.bare) {
      out.push(fix(`{value: ${formatNumber(data.number)}, unit: 元}`, false));
      out.push(fix(`{value: ${formatNumber(data.number)}, unit: 万元}`, false));
    } else if (data.unit) out.push(fix(`{value: ${formatNumber(data.number)}, unit: ${data.unit}}`, true));
  } else if (data.number !== undefined && data.text !== undefined) {
    // A number typed as text, with or without a unit ("137次", "3.5万元" in a 万元 column, "12").
    out.push(fix(formatNumber(data.number), true));
  }
  return out.filter((f): f is Fix => !!f);
}
