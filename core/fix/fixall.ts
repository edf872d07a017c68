/**
 * Fix all: applies the preferred fixes phase by phase (core/rules/spec.ts FIX_PHASES: units,
 * then the totals of the repair plan, then the blanks the sums pin), re-checking after each
 * step, until nothing changes. Which rules take part in which phase comes from the registry.
 *
 * Guarantees (SPEC.md §6, fix policy): only the preferred fixes (each the one repair consistent
 * with every rule touching its cell); each edit replaces one value token; the same edit is
 * reported once and an edit that changes nothing is not made; a fix already applied to a
 * finding is not applied to it again (it did not take); a step that would leave more errors
 * than before is undone and ends the run; so a second fix-all changes nothing.
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
  /** In the coordinates of the text this round started from. */
  edits: TextEdit[];
  line: number;
  /** The round (0-based) the edit was made in: replaying the rounds in order gives `text`. */
  round: number;
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
  const done = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const step = nextStep(current, result, phases, round, done, only);
    if (!step) break;
    const nextText = applyEdits(current, step.edits);
    const next = checkText(nextText, options);
    if (errorsOf(next) > errorsOf(result)) break; // never leave more errors than were found
    current = nextText;
    result = next;
    applied.push(...step.applied.map(({ key: _, ...a }) => a));
    for (const a of step.applied) done.add(a.key);
  }
  return { text: current, applied, result };
}

/** The first phase with something to do: its edits (no overlaps, no duplicates, no no-ops). */
function nextStep(
  text: string,
  result: CheckResult,
  phases: ReturnType<typeof fixPhaseCodes>[],
  round: number,
  done: ReadonlySet<string>,
  only?: (d: Diagnostic) => boolean,
): { edits: TextEdit[]; applied: (AppliedFix & { key: string })[] } | undefined {
  for (const codes of phases) {
    const edits: TextEdit[] = [];
    const applied: (AppliedFix & { key: string })[] = [];
    for (const d of result.diagnostics) {
      const kinds = codes.get(d.code);
      if (!kinds || (only && !only(d))) continue;
      const fix = fixesFor(result, d).find((f) => f.preferred && kinds.has(f.kind));
      if (!fix) continue;
      const fresh = fix.edits.filter((e) => text.slice(e.span.start, e.span.end) !== e.newText && !edits.some((o) => same(o, e)));
      if (!fresh.length || fresh.some((e) => edits.some((o) => overlaps(o, e)))) continue;
      // The same fix for the same finding again: the first did not take (the text still reads
      // as before, e.g. a value typed into a tag that keeps it text). Once is enough.
      const key = `${d.code}|${d.data.path}|${fix.title['zh-CN']}`;
      if (done.has(key)) continue;
      edits.push(...fresh);
      applied.push({ code: d.code, title: fix.title, edits: fresh, line: d.range.start.line, round, key });
    }
    if (edits.length) return { edits, applied };
  }
  return undefined;
}

const same = (a: TextEdit, b: TextEdit) => a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return (a.span.start < b.span.end && b.span.start < a.span.end) || a.span.start === b.span.start;
}
