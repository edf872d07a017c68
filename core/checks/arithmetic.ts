/** Runs every sum relation (T3-BAL, T3-SUM-V, T3-SUM-H, T4-SUM, T2-*) and reports the failing ones. */
import { makeDiagnostic } from '../diagnostic';
import { cellName, labelAt, rowName } from '../schema/labels';
import type { Diagnostic } from '../types';
import type { CheckContext } from './context';
import { evaluate, instancesOf, pathKey, type Outcome } from './relations';

export function checkArithmetic(ctx: CheckContext): void {
  for (const inst of instancesOf(ctx.report, ctx.format)) {
    const o = evaluate(ctx.reader, inst);
    for (const [k, v] of o.pins) if (!ctx.pins.has(k)) ctx.pins.set(k, v);
    if (!o.ok) ctx.out.push(diagnose(ctx, o));
  }
}

function diagnose(ctx: CheckContext, o: Outcome): Diagnostic {
  const { instance: inst } = o;
  const { format, report } = ctx;
  const anchor = ctx.reader.cell(inst.anchor);
  const data: Record<string, unknown> = {
    rule: inst.rule,
    table: inst.table.key,
    left: inst.left.map(pathKey),
    right: inst.right.map(pathKey),
    leftSum: o.leftKnown,
    rightSum: o.rightKnown,
    unknown: o.unknown.map(pathKey),
    anchor: pathKey(inst.anchor),
  };
  if (inst.column) data.column = inst.column;
  if (inst.row) data.row = pathKey(inst.row);
  const related = [...inst.left, ...inst.right]
    .filter((p) => pathKey(p) !== pathKey(inst.anchor))
    .map((p) => {
      const c = ctx.reader.cell(p);
      const name = cellName(format, p);
      const shown = c.state === 'number' ? String(c.value) : '空白';
      return {
        path: pathKey(p),
        span: c.span,
        range: report.lines.range(c.span),
        message: { 'zh-CN': `${name} = ${shown}`, en: `${p.join('.')} = ${c.state === 'number' ? c.value : 'blank'}` },
      };
    });
  let d: Diagnostic;
  if (inst.target) {
    Object.assign(data, {
      target: pathKey(inst.target),
      reported: o.leftKnown,
      computed: o.rightKnown,
      operands: inst.right.map(pathKey),
    });
    const what = inst.row ? ['本行各列', "row's cells"] : ['本列各项', "column's items"];
    d = makeDiagnostic(
      report.lines,
      inst.rule,
      'sum.mismatch',
      {
        rule: inst.rule,
        target: cellName(format, inst.target),
        reported: o.leftKnown,
        computed: o.rightKnown,
        what: what[0],
        whatEn: what[1],
        blanks: o.unknown.length || undefined,
      },
      anchor.span,
      data,
    );
  } else if (inst.kind === 'eq') {
    d = makeDiagnostic(
      report.lines,
      inst.rule,
      'bal.mismatch',
      {
        column: labelAt(format, inst.anchor),
        columnEn: inst.column,
        left: o.leftKnown,
        right: o.rightKnown,
      },
      anchor.span,
      data,
    );
  } else {
    d = makeDiagnostic(
      report.lines,
      inst.rule,
      `ge.${inst.rule}`,
      {
        row: rowName(format, inst.row ?? inst.anchor.slice(0, -1)),
        left: o.leftKnown,
        right: o.rightKnown,
      },
      anchor.span,
      data,
    );
  }
  d.related = related;
  return d;
}
