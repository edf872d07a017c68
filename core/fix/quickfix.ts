/**
 * Fixes for one diagnostic, computed from its code and `data` (never its message):
 * set a total to its sum, fill a pinned blank, the single operand edit that makes a balance
 * and every related rule hold, unit normalisation, odd zeros.
 */
import type { CheckResult } from '../checks/index';
import { CellReader, evaluate, instancesOf, pathKey, type Instance } from '../checks/relations';
import { msg } from '../messages/catalog';
import { cellName } from '../schema/labels';
import type { Diagnostic, Fix, FormatId } from '../types';
import { cellEdit, formatNumber } from './edits';
import { unitFixes } from './units';
import { CROSS_YEAR_FIX_CODES, crossYearFixes } from './crossyear';

const SUM_RULES = new Set(['T3-SUM-H', 'T3-SUM-V', 'T4-SUM']);
const BLANK_RULES = new Set(['T3-COMPLETE', 'T4-COMPLETE', 'T2-COMPLETE']);

export function fixesFor(result: CheckResult, d: Diagnostic): Fix[] {
  const format = result.format;
  if (!format || result.report.fatal) return [];
  const reader = new CellReader(result.report, format);
  const data = d.data as Record<string, unknown>;
  if (CROSS_YEAR_FIX_CODES.has(d.code)) return crossYearFixes(result, reader, format, d);
  if (SUM_RULES.has(d.code) && typeof data.target === 'string') return sumFix(result, reader, format, data);
  if (d.code === 'T3-BAL') return balanceFixes(result, reader, format, data);
  if (BLANK_RULES.has(d.code) && typeof data.pinned === 'number' && typeof data.path === 'string') {
    const cell = reader.cell(String(data.path).split('.'));
    const edit = cellEdit(result.report, cell, formatNumber(data.pinned));
    if (edit)
      return [
        {
          title: msg('fix.fill', { cell: cellName(format, cell.path), value: data.pinned }),
          edits: [edit],
          preferred: true,
          kind: 'fill',
        },
      ];
  }
  return unitFixes(result, reader, format, d);
}

/** Set the total to the sum of its known operands (blank operands count as 0). */
function sumFix(result: CheckResult, reader: CellReader, format: FormatId, data: Record<string, unknown>): Fix[] {
  const target = reader.cell(String(data.target).split('.'));
  if (target.state === 'missing') return [];
  const value = Number(data.computed);
  const edit = cellEdit(result.report, target, formatNumber(value));
  if (!edit) return [];
  return [
    { title: msg('fix.setSum', { cell: cellName(format, target.path), value }), edits: [edit], preferred: true, kind: 'sum' },
  ];
}

/**
 * For a failing balance, each known cell of the equation could be changed to make it hold;
 * offer the ones after which every relation touching that cell still holds.
 */
function balanceFixes(result: CheckResult, reader: CellReader, format: FormatId, data: Record<string, unknown>): Fix[] {
  const left = (data.left as string[]) ?? [];
  const right = (data.right as string[]) ?? [];
  const diff = Number(data.leftSum) - Number(data.rightSum);
  const all = instancesOf(result.report, format);
  const fixes: Fix[] = [];
  for (const [side, paths] of [
    [1, left],
    [-1, right],
  ] as const) {
    for (const p of paths) {
      const cell = reader.cell(p.split('.'));
      if (cell.state !== 'number') continue;
      const next = cell.value! - side * diff;
      if (next < 0 || !Number.isInteger(next)) continue;
      if (!holdsAfter(reader, all, p, next)) continue;
      const edit = cellEdit(result.report, cell, formatNumber(next));
      if (edit)
        fixes.push({
          title: msg('fix.setSum', { cell: cellName(format, cell.path), value: next }),
          edits: [edit],
          preferred: false,
          kind: 'balance',
        });
    }
  }
  if (fixes.length === 1) fixes[0].preferred = true;
  return fixes;
}

function holdsAfter(reader: CellReader, all: Instance[], path: string, value: number): boolean {
  const overrides = new Map([[path, value]]);
  return all
    .filter((i) => [...i.left, ...i.right].some((p) => pathKey(p) === path))
    .every((i) => evaluate(reader, i, overrides).ok);
}
