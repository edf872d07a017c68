/** Check options: per-rule severity, deadlines per organ kind. Defaults follow SPEC.md §1.2. */
import type { Severity } from '../types';

export type SeveritySetting = Severity | 'off';

export interface CheckOptions {
  /** Per-rule severity override, e.g. { 'T3-COMPLETE': 'off' }. */
  severity?: Record<string, SeveritySetting>;
  /** Deadline (MM-DD of the year after the report year) per meta.organ_kind. */
  deadlines?: Record<string, string>;
}

/**
 * 第四十九条: departments by 1月31日, governments by 3月31日; townships, subdistrict offices and
 * others are set locally, so they default to 3月31日 and are configurable.
 */
export const DEFAULT_DEADLINES: Record<string, string> = {
  department: '01-31',
  county_government: '03-31',
  city_government: '03-31',
  province_government: '03-31',
  township_government: '03-31',
  subdistrict_office: '03-31',
  other: '03-31',
};
