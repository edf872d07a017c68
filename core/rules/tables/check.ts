/** Runs every sum relation of the schemas and reports the failing ones; records the values sums pin on blanks. */
import { text } from '../../messages/define';
import { cellName, labelAt, rowName } from '../../schema/labels';
import type { RelatedInfo } from '../../types';
import type { CheckContext } from '../context';
import type { RuleSpec } from '../spec';
import { evaluate, instancesOf, pathKey, type Outcome } from './relations';
import {
  T2_19_CUM,
  T2_19_ITEMS,
  T2_21_INFORCE,
  T3_BAL,
  T3_SUM_H,
  T3_SUM_V,
  T4_SUM,
  messages,
  type RelationData,
  type SumData,
} from './specs';

/** The relation rules by the code the schemas name them with. */
const SUMS: Record<string, RuleSpec<string, SumData>> = { 'T3-SUM-V': T3_SUM_V, 'T3-SUM-H': T3_SUM_H, 'T4-SUM': T4_SUM };
const OTHERS: Record<string, { rule: RuleSpec<string, RelationData>; message: typeof messages.cum19 }> = {
  'T2-19-CUM': { rule: T2_19_CUM, message: messages.cum19 },
  'T2-19-ITEMS': { rule: T2_19_ITEMS, message: messages.items19 },
  'T2-21-INFORCE': { rule: T2_21_INFORCE, message: messages.inforce21 },
};
/** Every relation code the schemas may use (a unit test checks the schemas against it). */
export const RELATION_CODES = new Set([...Object.keys(SUMS), ...Object.keys(OTHERS), T3_BAL.code]);

export function checkTables(ctx: CheckContext): void {
  for (const inst of instancesOf(ctx.report, ctx.format)) {
    const o = evaluate(ctx.reader, inst);
    for (const [k, v] of o.pins) if (!ctx.pins.has(k)) ctx.pins.set(k, v);
    if (!o.ok) diagnose(ctx, o);
  }
}

/**
 * Related cells: the ones that decide the finding — the known, non-zero operands — listed; the
 * zeros and blanks folded into one line with their count (the hover shows them all).
 */
export function relatedOf(ctx: CheckContext, o: Outcome): { related: RelatedInfo[]; folded?: { zeros: number; blanks: number } } {
  const { instance: inst } = o;
  const anchor = pathKey(inst.anchor);
  const related: RelatedInfo[] = [];
  let zeros = 0;
  let blanks = 0;
  let firstFolded: RelatedInfo | undefined;
  for (const p of [...inst.left, ...inst.right]) {
    if (pathKey(p) === anchor) continue;
    const c = ctx.reader.cell(p);
    const value = c.state === 'number' ? String(c.value) : '空白';
    const info: RelatedInfo = {
      path: pathKey(p),
      span: c.span,
      range: ctx.report.lines.range(c.span),
      message: text(messages.operand, {
        cell: cellName(ctx.format, p),
        value,
        valueEn: c.state === 'number' ? String(c.value) : 'blank',
        path: p.join('.'),
      }),
    };
    if (c.state === 'number' && c.value !== 0) related.push(info);
    else {
      if (c.state === 'number') zeros++;
      else blanks++;
      firstFolded ??= info;
    }
  }
  if (!firstFolded) return { related };
  related.push({ ...firstFolded, message: text(messages.folded, { zeros, blanks }) });
  return { related, folded: { zeros, blanks } };
}

function diagnose(ctx: CheckContext, o: Outcome): void {
  const { instance: inst } = o;
  const { format } = ctx;
  const anchor = ctx.reader.cell(inst.anchor);
  const { related, folded } = relatedOf(ctx, o);
  const base: RelationData = {
    path: pathKey(inst.anchor),
    rule: inst.rule,
    table: inst.table.key,
    left: inst.left.map(pathKey),
    right: inst.right.map(pathKey),
    leftSum: o.leftKnown,
    rightSum: o.rightKnown,
    unknown: o.unknown.map(pathKey),
    anchor: pathKey(inst.anchor),
    ...(inst.column ? { column: inst.column } : {}),
    ...(inst.row ? { row: pathKey(inst.row) } : {}),
    ...(folded ? { folded } : {}),
  };
  const sum = SUMS[inst.rule];
  if (inst.target && sum) {
    const what = inst.row ? ['本行各列', "row's cells"] : ['本列各项', "column's items"];
    ctx.emit(
      sum,
      messages.sumMismatch,
      {
        target: cellName(format, inst.target),
        reported: o.leftKnown,
        computed: o.rightKnown,
        what: what[0],
        whatEn: what[1],
        blanks: o.unknown.length || undefined,
      },
      anchor.span,
      { ...base, target: pathKey(inst.target), reported: o.leftKnown, computed: o.rightKnown, operands: inst.right.map(pathKey) },
      { related },
    );
    return;
  }
  if (inst.rule === T3_BAL.code) {
    ctx.emit(
      T3_BAL,
      messages.balance,
      { column: labelAt(format, inst.anchor), columnEn: inst.column ?? '', left: o.leftKnown, right: o.rightKnown },
      anchor.span,
      base,
      { related },
    );
    return;
  }
  const other = OTHERS[inst.rule];
  if (!other) throw new Error(`schema relation names unknown rule ${inst.rule}`);
  ctx.emit(
    other.rule,
    other.message,
    { row: rowName(format, inst.row ?? inst.anchor.slice(0, -1)), left: o.leftKnown, right: o.rightKnown },
    anchor.span,
    base,
    { related },
  );
}
