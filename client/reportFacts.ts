/**
 * Plain facts the New Report dialog needs, free of the vscode API so unit tests can run them:
 * which years a format covers (the rule X-FORMAT checks), the default year, and a guess of the
 * organ kind from the organ's name.
 */
export type Format = '2019' | '2021';

export type YearProblem =
  | { kind: 'notYear' }
  | { kind: 'tooEarly'; first: number }
  | { kind: 'future'; last: number }
  | { kind: 'oldTemplate'; from: number }
  | { kind: 'earlyNewTemplate'; until: number };

/** The 2019 trial format covers the 2019 and 2020 reports; the 2021 format 2021 on. */
export const FIRST_YEAR = 2019;
export const FIRST_2021_YEAR = 2021;

export function defaultYear(format: Format, now = new Date()): number {
  return format === '2019' ? FIRST_2021_YEAR - 1 : Math.max(FIRST_2021_YEAR, now.getFullYear() - 1);
}

/** Why a typed year does not suit the format; `earlyNewTemplate` is a warning, the rest errors. */
export function yearProblem(format: Format, text: string, now = new Date()): YearProblem | undefined {
  if (!/^\s*\d{4}\s*$/.test(text)) return { kind: 'notYear' };
  const year = Number(text.trim());
  if (year < FIRST_YEAR) return { kind: 'tooEarly', first: FIRST_YEAR };
  if (year > now.getFullYear()) return { kind: 'future', last: now.getFullYear() };
  if (format === '2019' && year >= FIRST_2021_YEAR) return { kind: 'oldTemplate', from: FIRST_2021_YEAR };
  if (format === '2021' && year < FIRST_2021_YEAR) return { kind: 'earlyNewTemplate', until: FIRST_2021_YEAR - 1 };
  return undefined;
}

const MUNICIPALITIES = /^(北京|天津|上海|重庆)市人民政府$/;

/** The `meta.organ_kind` an organ's name suggests, e.g. 某某县某某镇人民政府 → township_government. */
export function guessOrganKind(organ: string): string | undefined {
  const name = organ.trim().replace(/[（(][^）)]*[）)]$/, '');
  if (!name) return undefined;
  if (/街道办事处$|街道$/.test(name)) return 'subdistrict_office';
  if (MUNICIPALITIES.test(name)) return 'province_government';
  const gov = /(自治区|自治州|自治县|[乡镇县区旗市州盟省])人民政府$/.exec(name);
  if (gov) {
    const unit = gov[1];
    if (unit === '乡' || unit === '镇') return 'township_government';
    if (unit === '省' || unit === '自治区') return 'province_government';
    if (unit === '市' || unit === '州' || unit === '盟' || unit === '自治州') return 'city_government';
    return 'county_government';
  }
  if (/(行政公署)$/.test(name)) return 'city_government';
  if (/(厅|局|委员会|委|办公室|办|署|中心|部)$/.test(name)) return 'department';
  return undefined;
}
