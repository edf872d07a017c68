/**
 * The registry: every rule family in the order its check runs (the tables before the cells,
 * which read the values the sums pin). Everything that lists rules is derived from here: the
 * rule codes and their data types, RULES.md, the settings enum, fix-all's phases, the rule
 * examples the tests expect.
 *
 * To add a rule: add its spec (and check) to its family's module; a new family is one import
 * and one entry below. See docs/ARCHITECTURE.md.
 */
import { cellsFamily } from './cells';
import { contentFamily } from './content';
import { crossyearFamily } from './crossyear';
import { directivesFamily } from './directives';
import { importFamily } from './imports';
import { metaFamily } from './meta';
import { proseFamily } from './prose';
import { reviewFamily } from './review';
import { schemaFamily } from './schema';
import type { RuleCode } from './codes';
import type { Category, Family, FixPhase, RuleSpec } from './spec';
import { structureFamily } from './structure';
import { tablesFamily } from './tables';
import { yamlFamily } from './yaml';

export const FAMILIES: readonly Family[] = [
  yamlFamily,
  structureFamily,
  schemaFamily,
  tablesFamily,
  cellsFamily,
  metaFamily,
  contentFamily,
  proseFamily,
  crossyearFamily,
  reviewFamily,
  directivesFamily,
  importFamily,
];

export type { RuleCode } from './codes';

export const RULES: ReadonlyMap<RuleCode, RuleSpec<RuleCode>> = new Map(
  FAMILIES.flatMap((f) => f.rules.map((r) => [r.code as RuleCode, r as RuleSpec<RuleCode>] as const)),
);

export const RULE_CODES: readonly RuleCode[] = [...RULES.keys()];

export function isRuleCode(s: string): s is RuleCode {
  return RULES.has(s as RuleCode);
}

/** Whose finding it is: the report's own, the importer's (shown apart), or a reviewer's batch finding. */
export function categoryOf(code: string): Category {
  return (isRuleCode(code) ? RULES.get(code)?.category : undefined) ?? 'report';
}

/** The family a rule belongs to. */
export function familyOf(code: RuleCode): Family {
  return FAMILIES.find((f) => f.rules.some((r) => r.code === code))!;
}

/** For fix-all: in each phase, the codes whose preferred fixes of which kind it applies. */
export function fixPhaseCodes(phase: FixPhase): Map<RuleCode, Set<string>> {
  const out = new Map<RuleCode, Set<string>>();
  for (const [code, r] of RULES) {
    const kinds = (r.fixAll ?? []).filter((s) => s.phase === phase).map((s) => s.kind);
    if (kinds.length) out.set(code, new Set(kinds));
  }
  return out;
}

/** Codes fix-all can act on (for "is there anything to fix?"). */
export const FIXALL_CODES: ReadonlySet<RuleCode> = new Set(
  [...RULES.values()].filter((r) => r.fixAll?.length).map((r) => r.code),
);
