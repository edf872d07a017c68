/**
 * Fixes of cell findings: fill a blank the sums pin; numbers typed as text or with a unit
 * ("137次" → 137, "1066730.5元" → {value, unit}, "3万元" in a 万元 column → 3); odd zeros and 无
 * (offered, never applied by fix-all: the cell may hide a number); a group of blanks filled
 * with the pinned values, or with 0 where every relation still holds.
 */
import { text } from '../../messages/define';
import type { Cell } from '../../model/cells';
import { cellEdit, formatNumber } from '../../fix/edits';
import type { FixContext } from '../../fix/context';
import { cellName } from '../../schema/labels';
import type { Diagnostic, Fix, TextEdit } from '../../types';
import { evaluate, instancesByCell, instancesOf } from '../tables/relations';
import { typedNumberText } from './number';
import { messages, type BlankGroupData, type CellData } from './specs';

const CELL_CODES = new Set([
  'T3-COMPLETE',
  'T4-COMPLETE',
  'T2-COMPLETE',
  'T3-NONNEG',
  'T4-NONNEG',
  'T2-19-NONNEG',
  'T2-21-NONNEG',
  'T2-19-UNIT',
  'T2-21-UNIT',
]);

export function cellFixes(fx: FixContext, d: Diagnostic): Fix[] {
  if (d.code === 'T3-BLANK-GROUP' || ((d.code === 'T2-COMPLETE' || d.code === 'T4-COMPLETE') && 'scope' in d.data))
    return groupFixes(fx, d.data as BlankGroupData);
  if (!CELL_CODES.has(d.code) || !('state' in d.data)) return [];
  const data = d.data as CellData;
  const cell = fx.reader.cell(data.path.split('.'));
  if (cell.state === 'missing') return [];
  if (data.pinned !== undefined && (cell.state === 'blank' || cell.state === 'na')) {
    if (!holds(cell.kind, data.pinned)) return []; // pinned through a fractional or inexact cell: no fill
    const fix = one(
      fx,
      cell,
      formatNumber(data.pinned),
      true,
      'fill',
      text(messages.fill, { cell: cellName(fx.format, cell.path), value: data.pinned }),
    );
    return fix ? [fix] : [];
  }
  return unitFixes(fx, cell, data);
}

/** Can a cell of this kind take the value: counts whole and non-negative, all exact. */
function holds(kind: Cell['kind'], v: number): boolean {
  if (kind === 'count') return Number.isSafeInteger(v) && v >= 0;
  if (kind === 'signed') return Number.isSafeInteger(v);
  return Number.isFinite(v) && v >= 0;
}

function one(
  fx: FixContext,
  cell: Cell,
  newText: string,
  preferred: boolean,
  kind: Fix['kind'],
  title: Fix['title'],
): Fix | undefined {
  const edit = cellEdit(fx.report, cell, newText);
  if (!edit || fx.report.text.slice(edit.span.start, edit.span.end) === edit.newText) return undefined;
  return { title, edits: [edit], preferred, kind };
}

function unitFixes(fx: FixContext, cell: Cell, data: CellData): Fix[] {
  const out: (Fix | undefined)[] = [];
  const fix = (t: string, preferred: boolean, title = text(messages.unit, { text: t })) =>
    one(fx, cell, t, preferred, 'unit', title);
  if (data.suggest === 0 && data.text !== undefined) {
    // Odd zeros and 无 are offered, never applied by fix-all: the cell may hide a number.
    out.push(fix('0', false, text(messages.zeroText, { text: data.text })));
  } else if (cell.kind === 'money_unit' && data.bare && data.number !== undefined) {
    // A bare amount: which unit is for a person to say. A negative one is wrong whatever its
    // unit (its own finding says so): a fix writes only values the cell may hold.
    if (!holds(cell.kind, data.number)) return [];
    out.push(fix(`{value: ${formatNumber(data.number)}, unit: 元}`, false));
    out.push(fix(`{value: ${formatNumber(data.number)}, unit: 万元}`, false));
  } else if (cell.state === 'text' && cell.reading) {
    // A number typed as text, with or without a unit ("137次", "3.5万元" in a 万元 column, "12").
    const typed = typedNumberText(cell.kind, cell.reading);
    if (typed !== undefined) out.push(fix(typed, true));
  }
  return out.filter((f): f is Fix => !!f);
}

/** Fill a group: the pinned cells (preferred), or every cell with its pinned value or 0 when all relations still hold. */
function groupFixes(fx: FixContext, g: BlankGroupData): Fix[] {
  const edits = (values: Map<string, number>): TextEdit[] | undefined => {
    const out: TextEdit[] = [];
    for (const [path, v] of values) {
      const edit = cellEdit(fx.report, fx.reader.cell(path.split('.')), formatNumber(v));
      if (!edit) return undefined;
      out.push(edit);
    }
    return out;
  };
  const out: Fix[] = [];
  const pinned = new Map(Object.entries(g.pinned));
  if ([...pinned].some(([p, v]) => !holds(fx.reader.cell(p.split('.')).kind, v))) return [];
  const zero = new Map(g.cells.map((p) => [p, pinned.get(p) ?? 0]));
  const byCell = instancesByCell(instancesOf(fx.report, fx.format));
  const touched = new Set(g.cells.flatMap((p) => byCell.get(p) ?? []));
  // With every cell pinned, filling "with 0 where free" is the pinned fill itself: offer it once.
  const free = g.cells.some((p) => !pinned.has(p));
  if (free && [...touched].every((i) => evaluate(fx.reader, i, zero).ok)) {
    const e = edits(zero);
    if (e?.length)
      out.push({ title: text(messages.fillGroupZero, { count: e.length }), edits: e, preferred: false, kind: 'fill' });
  }
  if (pinned.size) {
    const e = edits(pinned);
    if (e?.length)
      out.push({ title: text(messages.fillGroupPinned, { count: e.length }), edits: e, preferred: true, kind: 'fill' });
  }
  return out;
}
