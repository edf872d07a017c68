/**
 * The failures issue 10 lists, as report texts made from the examples: the fixture replay
 * (test/unit/fuzz-fixtures.test.ts) runs every property on them even when test/fixtures/fuzz/
 * is empty, and test/unit/fix-regressions.test.ts asserts what each one must do.
 */

const C19 = 'clean-2019.nianbao.yaml';
const S4 = 'seed-004-shagou-2020.nianbao.yaml';
const REVIEW_ROW = /review: +\{upheld: 2, corrected: 1, other: 0, pending: 1, total: 4\}/;

export interface KnownCase {
  name: string;
  text: (examples: ReadonlyMap<string, string>) => string;
}

const from = (examples: ReadonlyMap<string, string>, name: string): string => {
  const t = examples.get(name);
  if (t === undefined) throw new Error(`no example ${name}`);
  return t;
};

/** clean-2019 with `granted.natural` (予以公开·自然人, 17) replaced. */
export const grantedNatural = (examples: ReadonlyMap<string, string>, value: string): string => {
  const t = from(examples, C19);
  if (!t.includes('granted:        {natural: 17,')) throw new Error('clean-2019 changed: granted row not found');
  return t.replace('granted:        {natural: 17,', `granted:        {natural: ${value},`);
};

/** clean-2019 with its 行政复议 row replaced by `row` (the map after `review: `). */
export const reviewRow = (examples: ReadonlyMap<string, string>, row: string): string => {
  const t = from(examples, C19);
  if (!REVIEW_ROW.test(t)) throw new Error('clean-2019 changed: review row not found');
  return t.replace(REVIEW_ROW, `review: ${row}`);
};

/** The lost-colon rows of the issue and their looping variants. */
export const LOST_COLON_ROWS = [
  '{upheld: 5, corrected, other: 2, pending: 1, total: 9}',
  '{upheld: 5, corrected, other, pending: 1, total: 9}',
  '{upheld, corrected, other, pending, total: 9}',
  '{upheld: 0, corrected, other, pending, total: 0}',
  '{upheld: 5, corrected other: 2, pending: 1, total: 9}',
  '{upheld: 5, corrected, other: 2, pending, total}',
  '{upheld: 5, corrected,other: 2, pending: 1, total: 9}',
  '{upheld: 5, corrected , other: 2, pending: 1, total: 9}',
  '{upheld: 5, corrected: , other: 2, pending: 1, total: 9}',
];

const lines = (t: string, eol: string) => t.replace(/\n/g, eol);

export const KNOWN_CASES: KnownCase[] = [
  { name: 'clean-2019, 71 typed for 17 in 予以公开·自然人', text: (e) => grantedNatural(e, '71') },
  ...LOST_COLON_ROWS.map((row) => ({
    name: `lost colon: review: ${row}`,
    text: (e: ReadonlyMap<string, string>) => reviewRow(e, row),
  })),
  { name: 'a fractional cell (167.5)', text: (e) => grantedNatural(e, '167.5') },
  {
    name: 'a fractional total (207.5)',
    text: (e) => from(e, C19).replace('other_org: 1, total: 23}', 'other_org: 1, total: 207.5}'),
  },
  { name: 'a cell above 2^53', text: (e) => grantedNatural(e, '9007199254740993') },
  { name: 'a sum above 2^53', text: (e) => grantedNatural(e, '9007199254740990') },
  {
    name: 'two cells summing past 2^53',
    text: (e) => grantedNatural(e, '9007199254740990').replace('commercial: 3, research: 1', 'commercial: 30, research: 1'),
  },
  { name: 'seed 004 (fix-all applies several rounds)', text: (e) => from(e, S4) },
  { name: 'seed 004 with CRLF line ends', text: (e) => lines(from(e, S4), '\r\n') },
  { name: 'seed 004 with CR line ends', text: (e) => lines(from(e, S4), '\r') },
  { name: 'clean-2019, 71 for 17, CRLF', text: (e) => lines(grantedNatural(e, '71'), '\r\n') },
  {
    name: 'a blank cell at the end of a CRLF line',
    text: (e) => lines(reviewRow(e, '{upheld: 2, corrected: 1, other: 0, pending: 1, total:}'), '\r\n'),
  },
  {
    name: 'a bare suppression comment above 合计 in seed 004',
    text: (e) => from(e, S4).replace(/^(\s+)(total_processed:)/m, '$1# nianbao-disable-next-line\n$1$2'),
  },
  {
    name: 'a suppression directive inside a quoted string',
    text: (e) =>
      from(e, S4).replace(/^(\s+)(total_processed:)/m, '$1x_note: "# nianbao-disable-next-line T3-BAL T3-SUM-V"\n$1$2'),
  },
];
