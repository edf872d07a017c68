/**
 * Fix all: applies the preferred fixes in dependency order — units first (so numbers exist),
 * then row totals, column totals, the balance, and finally blanks the sums pin — re-checking
 * after each step, until nothing changes.
 */
import { checkText, type CheckResult } from '../checks/index';
import type { CheckOptions } from '../checks/options';
import type { Diagnostic, Fix, TextEdit } from '../types';
import { applyEdits } from './edits';
import { fixesFor } from './quickfix';

const PHASES: { codes: Set<string>; kinds: Set<Fix['kind']> }[] = [
  {
    codes: new Set(['T2-19-UNIT', 'T2-21-UNIT', 'T3-COMPLETE', 'T4-NONNEG', 'T2-19-NONNEG', 'T2-21-NONNEG', 'T3-NONNEG']),
    kinds: new Set(['unit']),
  },
  { codes: new Set(['T3-SUM-H', 'T4-SUM']), kinds: new Set(['sum']) },
  { codes: new Set(['T3-SUM-V']), kinds: new Set(['sum']) },
  { codes: new Set(['T3-BAL']), kinds: new Set(['balance']) },
  { codes: new Set(['T3-COMPLETE', 'T4-COMPLETE', 'T2-COMPLETE']), kinds: new Set(['fill']) },
];

export interface AppliedFix {
  code: string;
  title: Fix['title'];
  edits: TextEdit[];
  line: number;
}

export interface FixAllResult {
  text: string;
  applied: AppliedFix[];
  result: CheckResult;
}

/** Which codes fix-all can act on (for "is there anything to fix?" questions). */
export const FIXALL_CODES = new Set(PHASES.flatMap((p) => [...p.codes]));

export function fixAll(text: string, options: CheckOptions = {}, only?: (d: Diagnostic) => boolean): FixAllResult {
  let current = text;
  let result = checkText(current, options);
  const applied: AppliedFix[] = [];
  for (let round = 0; round < 20; round++) {
    let changed = false;
    for (const phase of PHASES) {
      const edits: TextEdit[] = [];
      for (const d of result.diagnostics) {
        if (!phase.codes.has(d.code) || (only && !only(d))) continue;
        const fix = fixesFor(result, d).find((f) => f.preferred && phase.kinds.has(f.kind));
        if (!fix || fix.edits.some((e) => edits.some((o) => overlaps(o, e)))) continue;
        edits.push(...fix.edits);
        applied.push({ code: d.code, title: fix.title, edits: fix.edits, line: d.range.start.line });
      }
      if (edits.length) {
        current = applyEdits(current, edits);
        result = checkText(current, options);
        changed = true;
        break; // restart from the first phase: later phases depend on earlier ones
      }
    }
    if (!changed) break;
  }
  return { text: current, applied, result };
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return (a.span.start < b.span.end && b.span.start < a.span.end) || a.span.start === b.span.start;
}
