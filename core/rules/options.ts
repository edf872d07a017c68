/** Check options: per-rule severity, deadlines per organ kind, and how suppression comments are read. */
import type { Severity } from '../types';
import type { RuleCode } from './codes';

export type SeveritySetting = Severity | 'off';

export interface CheckOptions {
  /** Per-rule severity override, e.g. { 'T3-COMPLETE': 'off' }. */
  severity?: Partial<Record<RuleCode, SeveritySetting>>;
  /** Deadline (MM-DD of the year after the report year) per meta.organ_kind (core/facts/deadlines.ts). */
  deadlines?: Record<string, string>;
  /** Honour `# nianbao-disable-next-line` comments (default true; `--no-inline-config` turns it off). */
  inlineConfig?: boolean;
  /** Report directives that silence nothing (DIRECTIVE-UNUSED; `--report-unused-disable-directives`). */
  reportUnusedDirectives?: boolean;
  /** X-REUSE: how much of a section may repeat last year's before it is reported. */
  reuse?: ReuseOptions;
}

export interface ReuseOptions {
  /** Percent of a section's (normalised) characters repeated from last year's same section; default 50. */
  threshold?: number;
  /** Sections shorter than this many normalised characters are not judged; default 100. */
  minChars?: number;
}

/** X-REUSE defaults: the 宿迁 evaluator's rule deducts points above 50 % repeated (SPEC.md §6.1). */
export const REUSE_DEFAULTS: Required<ReuseOptions> = { threshold: 50, minChars: 100 };
