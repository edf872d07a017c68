/**
 * Which national format a report year uses (SPEC.md §2.2): the 2019 trial format
 * (国办公开办函〔2019〕60号) for the 2019 and 2020 reports, the 2021 format
 * (国办公开办函〔2021〕30号) from 2021 on. The one place the cut-off is written.
 */
import type { FormatId } from '../types';

/** The first report year under the 2019 条例 and its trial format. */
export const FIRST_REPORT_YEAR = 2019;
/** The first report year in the 2021 format. */
export const FIRST_2021_YEAR = 2021;
/** The format of a new report when nothing else says: the current one. */
export const CURRENT_FORMAT: FormatId = '2021';

export function formatForYear(year: number): FormatId {
  return year < FIRST_2021_YEAR ? '2019' : '2021';
}

/** The years a format covers, for messages and pickers (`last` open-ended for the current format). */
export function yearsOf(format: FormatId): { first: number; last?: number } {
  return format === '2019' ? { first: FIRST_REPORT_YEAR, last: FIRST_2021_YEAR - 1 } : { first: FIRST_2021_YEAR };
}

/**
 * The format to read a report in: as declared, else as its keys say, else as its year says,
 * else the current format.
 */
export function assumedFormat(r: { format: FormatId | null; year?: number }): FormatId {
  if (r.format) return r.format;
  return r.year !== undefined ? formatForYear(r.year) : CURRENT_FORMAT;
}

/** The usual year of a new report in a format: last year, within the format's years. */
export function defaultYear(format: FormatId, now = new Date()): number {
  const { first, last } = yearsOf(format);
  const y = now.getFullYear() - 1;
  return Math.max(first, last !== undefined ? Math.min(last, y) : y);
}

/** Why a typed year does not suit a format; `earlyNewTemplate` is a warning (X-FORMAT), the rest errors. */
export type YearProblem =
  | { kind: 'notYear'; example: number }
  | { kind: 'tooEarly'; first: number }
  | { kind: 'future'; last: number }
  | { kind: 'oldTemplate'; from: number }
  | { kind: 'earlyNewTemplate'; until: number };

/** The problem with `text` as the year of a report in `format`, or undefined when it suits. */
export function yearProblem(format: FormatId, text: string, now = new Date()): YearProblem | undefined {
  if (!/^\s*\d{4}\s*$/.test(text)) return { kind: 'notYear', example: defaultYear(format, now) };
  const year = Number(text.trim());
  const { first, last } = yearsOf(format);
  if (year < FIRST_REPORT_YEAR) return { kind: 'tooEarly', first: FIRST_REPORT_YEAR };
  if (year > now.getFullYear()) return { kind: 'future', last: now.getFullYear() };
  if (last !== undefined && year > last) return { kind: 'oldTemplate', from: last + 1 };
  if (year < first) return { kind: 'earlyNewTemplate', until: first - 1 };
  return undefined;
}
