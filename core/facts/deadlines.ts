/**
 * Publication deadlines (条例第四十九条, SPEC.md §1.2): departments by 1月31日, local governments
 * by 3月31日 of the following year; townships, subdistrict offices and others are set locally,
 * so they default to 3月31日 and are configurable per organ kind.
 */
export const DEFAULT_DEADLINES: Readonly<Record<string, string>> = {
  department: '01-31',
  county_government: '03-31',
  city_government: '03-31',
  province_government: '03-31',
  township_government: '03-31',
  subdistrict_office: '03-31',
  other: '03-31',
};

/** The legal basis of a kind's default deadline, for messages. */
export function deadlineBasis(kind: string): 'art49p1' | 'art49p2' | 'local' {
  if (kind === 'department') return 'art49p1';
  if (kind.endsWith('_government') && kind !== 'township_government') return 'art49p2';
  return 'local';
}

/** The deadline (YYYY-MM-DD) for a report of `year` by an organ of `kind`. */
export function deadlineFor(year: number, kind: string, overrides: Readonly<Record<string, string>> = {}): string {
  const mmdd = overrides[kind] ?? DEFAULT_DEADLINES[kind] ?? DEFAULT_DEADLINES.other;
  return `${year + 1}-${mmdd}`;
}

/** MM-DD as the settings and rosters write it. */
export const MMDD = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
