/**
 * Fix all: applies the preferred fixes phase by phase (core/rules/spec.ts FIX_PHASES: units,
 * then the totals of the repair plan, then the blanks the sums pin), re-checking after each
 * step, until nothing changes. Which rules take part in which phase comes from the registry.
 *
 * Guarantees (SPEC.md §6, fix policy): only the preferred fixes (each the one repair consistent
 * with every rule touching its cell); each edit replaces one value token; the same edit is
 * reported once and an edit that changes nothing is not made; a step that would leave more
 * errors than before is undone and ends the run; so a second fix-all changes nothing.
 */
import { checkText, type CheckResult } from '../rules/run';
import type { CheckOptions } from '../rules/options';
import { fixPhaseCodes } from '../rules/registry';
import { FIX_PHASES } from '../rules/spec';
import type { Diagnostic, Fix, TextEdit } from '../types';
import { applyEdits } from './edits';
import { fixesFor } from './quickfix';

export interface AppliedFix {
  code: Diagnostic['code'];
  title: Fix['title'];
  edits: TextEdit[];
  line: number;
}

export interface FixAllResult {
  text: string;
  applied: AppliedFix[];
  result: CheckResult;
}

/** Rounds before giving up (each round makes at least one edit; a report has about 300 cells). */
const MAX_ROUNDS = 50;

const errorsOf = (r: CheckResult) => r.diagnostics.filter((d) => d.severity === 'error').length;

export function fixAll(text: string, options: CheckOptions = {}, only?: (d: Diagnostic) => boolean): FixAllResult {
  let current = text;
  let result = checkText(current, options);
  const applied: AppliedFix[] = [];
  const phases = FIX_PHASES.map(fixPhaseCodes);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const step = nextStep(current, result, phases, only);
    if (!step) break;
    const nextText = applyEdits(current, step.edits);
    const next = checkText(nextText, options);
    if (errorsOf(next) > errorsOf(result)) break; // never leave more errors than were found
    current = nextText;
    result = next;
    applied.push(...step.applied);
  }
  return { text: current, applied, result };
}

/** The first phase with something to do: its edits (no overlaps, no duplicates, no no-ops). */
function nextStep(
  text: string,
  result: CheckResult,
  phases: ReturnType<typeof fixPhaseCodes>[],
  only?: (d: Diagnostic) => boolean,
): { edits: TextEdit[]; applied: AppliedFix[] } | undefined {
  for (const codes of phases) {
    const edits: TextEdit[] = [];
    const applied: AppliedFix[] = [];
    for (const d of result.diagnostics) {
      const kinds = codes.get(d.code);
      if (!kinds || (only && !only(d))) continue;
      const fix = fixesFor(result, d).find((f) => f.preferred && kinds.has(f.kind));
      if (!fix) continue;
      const fresh = fix.edits.filter((e) => text.slice(e.span.start, e.span.end) !== e.newText && !edits.some((o) => same(o, e)));
      if (!fresh.length || fresh.some((e) => edits.some((o) => overlaps(o, e)))) continue;
      edits.push(...fresh);
      applied.push({ code: d.code, title: fix.title, edits: fresh, line: d.range.start.line });
    }
    if (edits.length) return { edits, applied };
  }
  return undefined;
}

const same = (a: TextEdit, b: TextEdit) => a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return (a.span.start < b.span.end && b.span.start < a.span.end) || a.span.start === b.span.start;
}
