/**
 * What a rule is: its code, default severity, title, the explanation docs/RULES.md prints, how
 * fix-all treats it, and (through `family`) the check that emits it and the fixes that repair
 * it. A family module (core/rules/<family>/index.ts) exports one `family(...)`; the registry
 * (registry.ts) collects them, and everything else — the rule list, RuleCode, RULES.md, the
 * settings enum, fix-all's phases, the example list — is derived from it.
 */
import type { CheckContext } from './context';
import type { Diagnostic, Fix, FixKind, LocalizedText, Severity, Subject } from '../types';
import type { FixContext } from '../fix/context';

/** Fix-all's phases, in order: units first (so numbers exist), then the totals (core/fix/repair.ts), then the blanks the sums pin. */
export const FIX_PHASES = ['units', 'sums', 'blanks'] as const;
export type FixPhase = (typeof FIX_PHASES)[number];

/** The report's own findings, what the importer could not read, or a reviewer's batch findings. */
export type Category = 'report' | 'import' | 'review';

export interface RuleSpec<C extends string = string, D extends Subject = Subject> {
  readonly code: C;
  readonly severity: Severity;
  readonly title: LocalizedText;
  /** For docs/RULES.md: when the rule fires and how to fix it. */
  readonly explain: { readonly fires: LocalizedText; readonly fix: LocalizedText };
  /** Fix-all applies this rule's preferred fixes of these kinds in these phases. */
  readonly fixAll?: readonly { readonly phase: FixPhase; readonly kind: FixKind }[];
  /** Default 'report'. */
  readonly category?: Category;
  /** Why examples/rules/ has no example of this rule (default: it has one, `<CODE>[-variant].nianbao.yaml` or a folder). */
  readonly noExample?: string;
  /** Phantom: the type of the rule's `data`. Never set. */
  readonly data?: D;
}

/** A rule spec whose data type is `D` (curried so that the code's literal type is inferred). */
export function rule<D extends Subject>() {
  return <const C extends string>(spec: Omit<RuleSpec<C, D>, 'data'>): RuleSpec<C, D> => spec;
}

export interface Family {
  readonly id: string;
  readonly title: LocalizedText;
  /** A typical finding of the family, for the README's rule table. */
  readonly example: string;
  readonly rules: readonly RuleSpec<string, Subject>[];
  /** The family's single-document check; the registry runs them in its order. */
  check?(ctx: CheckContext): void;
  /** Quick fixes for one of this family's findings, from its code and data. */
  fixes?(fx: FixContext, d: Diagnostic): Fix[];
}

export function family(f: Family): Family {
  return f;
}
