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
}
