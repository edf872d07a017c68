/**
 * The rule codes and their data types, at the type level: collected from every family's
 * `RULES` list (the specs alone, which name no check or fix, so the finding type `Diagnostic`
 * can be built from them without a cycle). The runtime registry is registry.ts.
 */
import type { RULES as cells } from './cells/specs';
import type { RULES as content } from './content/specs';
import type { RULES as crossyear } from './crossyear/specs';
import type { RULES as directives } from './directives/specs';
import type { RULES as imports } from './imports/specs';
import type { RULES as meta } from './meta/specs';
import type { RULES as prose } from './prose/specs';
import type { RULES as review } from './review/specs';
import type { RULES as schema } from './schema/specs';
import type { RULES as structure } from './structure/specs';
import type { RULES as tables } from './tables/specs';
import type { RULES as yaml } from './yaml/specs';

type AnyRule = (
  | typeof yaml
  | typeof schema
  | typeof structure
  | typeof tables
  | typeof cells
  | typeof meta
  | typeof content
  | typeof prose
  | typeof crossyear
  | typeof review
  | typeof directives
  | typeof imports
)[number];

/** Every rule code. */
export type RuleCode = AnyRule['code'];

/** The `data` of a finding of rule `C`. */
export type DataOf<C extends RuleCode> = NonNullable<Extract<AnyRule, { code: C }>['data']>;
