/**
 * The number a cell's typed text stands for, as the cell rules read it and their preferred quick
 * fix writes it: "137次" → 137 in a count, "1066730.5元" → {value: 1066730.5, unit: 元} in an amount
 * with its unit, "3万元" → 3 and "500元" → 0.05 in a 万元 column. The table editor writes a typed
 * number the same way (core/fix/cellInput.ts), so the grid and the quick fix never disagree.
 */
import type { CellText } from '../../facts/lexicon';
import { formatNumber } from '../../fix/edits';
import type { CellKind } from '../../schema/nodes';

/** Largest amount a money cell takes (the checker's exact-decimal bound, core/model/cells.ts). */
const MAX_AMOUNT = 1e9;

/** Can this number go into a cell of the kind: counts take non-negative safe integers only. */
export function writableNumber(kind: CellKind, n: number): boolean {
  if (!Number.isFinite(n)) return false;
  if (kind === 'count') return Number.isSafeInteger(n) && n >= 0;
  if (kind === 'signed') return Number.isSafeInteger(n);
  return n >= 0 && Math.abs(n) < MAX_AMOUNT;
}

/**
 * The YAML text of the number a cell's text means, when the meaning is unambiguous (the
 * preferred fix of a number typed as text, with a unit, full-width digits or separators);
 * undefined when it is not a number the cell can hold, or its unit is not the cell's.
 */
export function typedNumberText(kind: CellKind, reading: CellText): string | undefined {
  if (reading.kind !== 'number') return undefined;
  const { value, unit } = reading;
  // An amount with its unit is written as it was typed (a sign or size is the checker's to judge).
  if (kind === 'money_unit')
    return unit === '元' || unit === '万元' ? `{value: ${formatNumber(value)}, unit: ${unit}}` : undefined;
  if (kind === 'money_wan') {
    if (unit !== undefined && unit !== '元' && unit !== '万元') return undefined;
    const wan = unit === '元' ? value / 10000 : value;
    return writableNumber(kind, wan) ? formatNumber(wan) : undefined;
  }
  return writableNumber(kind, value) ? formatNumber(value) : undefined;
}
