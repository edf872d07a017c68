/** Fixes for one finding, from its code and `data` (never its message): asked of the family that owns the rule. */
import { familyOf } from '../rules/registry';
import type { CheckResult } from '../rules/run';
import type { Diagnostic, Fix } from '../types';
import { makeFixContext, type FixContext } from './context';

const contexts = new WeakMap<CheckResult, FixContext | null>();

/** One fix context per check result (the repair plan and the cell reader are shared by all its fixes). */
export function fixContextOf(result: CheckResult): FixContext | undefined {
  let fx = contexts.get(result);
  if (fx === undefined) {
    fx = !result.format || result.report.fatal ? null : makeFixContext(result.report, result.format, result.diagnostics);
    contexts.set(result, fx);
  }
  return fx ?? undefined;
}

export function fixesFor(result: CheckResult, d: Diagnostic): Fix[] {
  const fx = fixContextOf(result);
  if (!fx) return [];
  return familyOf(d.code).fixes?.(fx, d) ?? [];
}
