/**
 * Quick fixes for the relation findings, from the repair plan (core/fix/repair.ts): the
 * component's unique repair (preferred; what fix-all applies), the suspect cell as a
 * suggestion, and otherwise each single-cell change after which every relation touching the
 * cell still holds (offered, never preferred: choosing among them is a person's call).
 */
import { text } from '../../messages/define';
import { pathKey } from '../../model/cellReader';
import { cellEdit, formatNumber } from '../../fix/edits';
import type { FixContext } from '../../fix/context';
import { repairPlan, type CellChange } from '../../fix/repair';
import { cellName } from '../../schema/labels';
import type { Diagnostic, Fix, TextEdit } from '../../types';
import { evaluate, instancesByCell, instancesOf, type Instance } from './relations';
import { fixMessages, messages, RELATION_NAMES } from './specs';

const RELATION_CODES = new Set(['T3-BAL', 'T3-SUM-V', 'T3-SUM-H', 'T4-SUM']);

export function relationFixes(fx: FixContext, d: Diagnostic): Fix[] {
  if (!RELATION_CODES.has(d.code) || !('rule' in d.data)) return [];
  const data = d.data;
  const inst = instancesOf(fx.report, fx.format).find(
    (i) =>
      i.rule === data.rule &&
      pathKey(i.anchor) === data.anchor &&
      (i.column ?? '') === (data.column ?? '') &&
      pathKey(i.row ?? []) === (data.row ?? ''),
  );
  if (!inst) return [];
  const plan = repairPlan(fx);
  const comp = plan.byInstance.get(inst);
  const out: Fix[] = [];
  for (const s of comp?.suspects ?? []) {
    const fix = changeFix(fx, [s], 'suspect', false, () =>
      text(fixMessages.suspect, {
        cell: cellName(fx.format, s.path.split('.')),
        value: s.value,
        diff: s.diff,
        relations: [...new Set(comp!.failing.map((i) => RELATION_NAMES[i.rule]?.zh ?? i.rule))].join('与'),
        relationsEn: [...new Set(comp!.failing.map((i) => RELATION_NAMES[i.rule]?.en ?? i.rule))].join(' and '),
      }),
    );
    if (fix) out.push(fix);
  }
  if (comp?.repair) {
    const fix = changeFix(fx, comp.repair, 'sum', true);
    // A suspect that is the repair itself (a derived cell both failing relations run through)
    // is the same edit: offer it once, as the preferred fix.
    const same = (f: Fix) => f.edits.length === fix!.edits.length && f.edits.every((e, i) => sameEdit(e, fix!.edits[i]));
    if (fix) return [fix, ...out.filter((f) => !same(f))];
  }
  return [...out, ...singleCellFixes(fx, inst, comp?.suspects ?? [])];
}

const sameEdit = (a: TextEdit, b: TextEdit) =>
  a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;

/** A fix writing `changes`; undefined when a cell cannot be edited or nothing would change. */
function changeFix(
  fx: FixContext,
  changes: CellChange[],
  kind: Fix['kind'],
  preferred: boolean,
  title?: () => Fix['title'],
): Fix | undefined {
  const edits: TextEdit[] = [];
  for (const c of changes) {
    const cell = fx.reader.cell(c.path.split('.'));
    if (cell.state === 'missing' || cell.value === c.value) continue;
    const edit = cellEdit(fx.report, cell, formatNumber(c.value));
    if (!edit) return undefined;
    edits.push(edit);
  }
  if (!edits.length) return undefined;
  const names = changes.map((c) => ({ cell: cellName(fx.format, c.path.split('.')), value: c.value }));
  const t =
    title?.() ??
    (names.length === 1
      ? text(messages.setSum, names[0])
      : text(fixMessages.repair, {
          changes: names.map((n) => text(fixMessages.change, n)['zh-CN']).join('，'),
          changesEn: names.map((n) => text(fixMessages.change, n).en).join(', '),
        }));
  return { title: t, edits, preferred, kind };
}

/** Each known cell of the relation whose change alone makes it hold and keeps every relation it is in. */
function singleCellFixes(fx: FixContext, inst: Instance, suspects: CellChange[]): Fix[] {
  if (inst.kind !== 'eq') return [];
  const o = evaluate(fx.reader, inst);
  if (o.unknown.length) return [];
  const diff = o.leftKnown - o.rightKnown;
  const byCell = instancesByCell(instancesOf(fx.report, fx.format));
  const out: Fix[] = [];
  for (const [side, paths] of [
    [1, inst.left],
    [-1, inst.right],
  ] as const) {
    for (const p of paths) {
      const k = pathKey(p);
      const cell = fx.reader.cell(p);
      if (cell.state !== 'number' || suspects.some((s) => s.path === k)) continue;
      const next = cell.value! - side * diff;
      if (!Number.isSafeInteger(next) || (next < 0 && cell.kind !== 'signed')) continue;
      const overrides = new Map([[k, next]]);
      if (!(byCell.get(k) ?? []).every((i) => evaluate(fx.reader, i, overrides).ok)) continue;
      const fix = changeFix(fx, [{ path: k, value: next }], 'balance', false);
      if (fix) out.push(fix);
    }
  }
  return out;
}
