/**
 * Filling part of a table as a form: the blank cells of a row, a column group or a whole table
 * become 0, except where the sums then decide a cell (a total whose operands are now all known
 * gets their sum; the one open cell of a balance gets what balances it). Offered only when
 * every sum relation those cells take part in holds afterwards: a fill never writes a
 * contradiction. Returns the values per cell path, or undefined when the sums do not allow it.
 */
import type { CellReader } from '../model/cellReader';
import { pathKey } from '../model/cellReader';
import type { Report } from '../model/report';
import { evaluate, instancesByCell, instancesOf, type Instance } from '../rules/tables/relations';
import type { FormatId } from '../types';

/** Cells a fill may write: blank or N/A (never a number or a text the author typed). */
const isOpen = (reader: CellReader, path: string[]) => {
  const s = reader.cell(path).state;
  return s === 'blank' || s === 'na';
};

export function fillValues(
  report: Report,
  format: FormatId,
  reader: CellReader,
  cells: readonly string[][],
): Map<string, number> | undefined {
  const open = cells.filter((p) => isOpen(reader, p));
  if (!open.length) return undefined;
  const byCell = instancesByCell(instancesOf(report, format));
  const touched = new Set<Instance>(open.flatMap((p) => byCell.get(pathKey(p)) ?? []));
  const mine = new Set(open.map(pathKey));
  const values = new Map<string, number>();
  /** Takes every value the relations now force on the cells being filled. */
  const propagate = () => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const inst of touched) {
        for (const [k, v] of evaluate(reader, inst, values).pins) {
          if (!mine.has(k) || values.has(k) || v < 0) continue;
          values.set(k, v);
          changed = true;
        }
      }
    }
  };
  // Operands first, totals last: zeroing a total before its operands would force them to 0.
  const targets = new Set([...touched].flatMap((i) => (i.target ? [pathKey(i.target)] : [])));
  const order = [...open].sort((a, b) => Number(targets.has(pathKey(a))) - Number(targets.has(pathKey(b))));
  propagate();
  for (const p of order) {
    const k = pathKey(p);
    if (values.has(k)) continue;
    values.set(k, 0);
    propagate();
  }
  for (const inst of touched) {
    const o = evaluate(reader, inst, values);
    if (!o.decided || !o.ok) return undefined;
  }
  return values;
}
