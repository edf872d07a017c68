/**
 * The totals of a document and their computed values, read from the core's relation evaluator
 * (the same one the arithmetic check uses), for hover and `inlayHints.sums: always`.
 */
import { CellReader, pathKey } from '../core/model/cellReader';
import { evaluate, instancesOf } from '../core/rules/tables/relations';
import { memo, type Analysis } from './documents';

export interface SumInfo {
  rule: string;
  each: 'row' | 'column';
  target: string[];
  /** The total as written, when it is a number. */
  reported?: number;
  /** Σ of the known operands. */
  computed: number;
  /** Operands that are blank, text or missing. */
  blanks: number;
  ok: boolean;
}

/** Every sum relation (target = Σ operands) of the document, by target path key. */
export function sumsOf(a: Analysis): Map<string, SumInfo[]> {
  return memo(a, 'sums', () => {
    const out = new Map<string, SumInfo[]>();
    const report = a.result.report;
    if (report.fatal || !report.root) return out;
    const reader = new CellReader(report, a.format);
    for (const inst of instancesOf(report, a.format)) {
      if (!inst.target) continue;
      const o = evaluate(reader, inst);
      const cell = reader.cell(inst.target);
      const info: SumInfo = {
        rule: inst.rule,
        each: inst.row ? 'row' : 'column',
        target: inst.target,
        reported: cell.state === 'number' ? cell.value : undefined,
        computed: o.rightKnown,
        blanks: inst.right.filter((p) => reader.cell(p).state !== 'number').length,
        ok: o.ok,
      };
      const k = pathKey(inst.target);
      out.set(k, [...(out.get(k) ?? []), info]);
    }
    return out;
  });
}
