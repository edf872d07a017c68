/**
 * Every table cell on its own: blanks and N/A (T*-COMPLETE, grouped by T3-BLANK-GROUP),
 * numbers typed as text or with units (T2-19-UNIT, T2-21-UNIT), negatives and fractions
 * (T*-NONNEG). Which code a table uses is in its schema annotation (blankRule, nonnegRule,
 * unitRule, textRule, blankGroupRule).
 */
import { both, message } from '../../messages/define';
import type { CellState } from '../../model/cells';
import { rule } from '../spec';
import { tableNameEn } from '../../facts/tables';

/** A finding on one cell. */
export interface CellData {
  path: string;
  state: CellState;
  /** The cell's text (text and N/A cells). */
  text?: string;
  /** The value the sums force on a blank cell. */
  pinned?: number;
  /** A number the text probably means (odd zeros, 无): offered, never applied by fix-all. */
  suggest?: number;
  /** The number read from the text (a unit or full-width digits around it). */
  number?: number;
  unit?: string;
  value?: number;
  /** A money amount without a unit. */
  bare?: true;
  decimals?: number;
}

/** Blank cells grouped by what they share: the whole table, whole rows, or whole columns. */
export interface BlankGroupData {
  /** The table key (scope table or rows) or the first column's path. */
  path: string;
  table: string;
  scope: 'table' | 'rows' | 'columns';
  /** The columns (scope columns) or rows (scope rows) by key path. */
  members: string[];
  /** Every cell of the group. */
  cells: string[];
  /** Values the sums force on some of them. */
  pinned: Record<string, number>;
}

export const T3_COMPLETE = rule<CellData>()({
  code: 'T3-COMPLETE',
  severity: 'warning',
  title: both('表三数据空缺', 'Table 3 cell blank'),
  fixAll: [
    { phase: 'units', kind: 'unit' },
    { phase: 'blanks', kind: 'fill' },
  ],
  explain: {
    fires: both(
      '表三单元格留空（`~`、`null` 或什么都没写）、写了“不适用”“—”等，或带了单位、写成了“无”“零”等文字。模板没有“不适用”，没有的应填 0。若勾稽关系能唯一确定该格的值，诊断会给出该值。整行、整列或整张表留空时合并为一条 T3-BLANK-GROUP。',
      'A Table 3 cell is blank (`~`, `null` or nothing), holds N/A text such as 不适用 or —, carries a unit, or says 无/零. The template has no N/A: write 0 for none. When the sums pin the value, the finding states it. Whole blank rows, columns or tables are one T3-BLANK-GROUP finding instead.',
    ),
    fix: both(
      '填入数字，没有的填 0。由勾稽关系确定的空格可用快速修复填入；带单位或写成“无”的可一键改为数字。',
      'Enter the number, 0 for none. Blanks the sums pin can be filled by the quick fix; units and 无 can be turned into numbers with one click.',
    ),
  },
});

export const T3_BLANK_GROUP = rule<BlankGroupData>()({
  code: 'T3-BLANK-GROUP',
  severity: 'warning',
  title: both('表三成片空缺', 'Table 3 cells blank as a group'),
  fixAll: [{ phase: 'blanks', kind: 'fill' }],
  explain: {
    fires: both(
      '表三整张表、若干整行，或某一列（如“法人或其他组织”五列）的所有单元格都留空或填了“/”等。这些空格合并为一条，说明个数，单元格列在相关信息中；零散的空格仍逐格报告（T3-COMPLETE）。',
      'All of Table 3, whole rows of it, or whole columns (such as the five legal-person columns) are blank or hold N/A marks. They are one finding with their count, the cells listed as related information; scattered blanks are still reported one by one (T3-COMPLETE).',
    ),
    fix: both(
      '填入数字，没有的填 0。快速修复可把这一组空格一次填为 0（仅当勾稽关系允许；由关系确定的格填入确定值）。',
      'Enter the numbers, 0 for none. The quick fix fills the group with 0 in one step (only where the sums allow it; cells the sums pin get their value).',
    ),
  },
});

export const T4_COMPLETE = rule<CellData | BlankGroupData>()({
  code: 'T4-COMPLETE',
  severity: 'warning',
  title: both('表四数据空缺', 'Table 4 cell blank'),
  fixAll: [{ phase: 'blanks', kind: 'fill' }],
  explain: {
    fires: both(
      '表四单元格留空或写了“不适用”等；整张表留空时为一条。',
      'A Table 4 cell is blank or holds N/A text; a wholly blank table is one finding.',
    ),
    fix: both(
      '填入数字，没有的填 0；由总计确定的空格可用快速修复填入。',
      'Enter the number, 0 for none; blanks the total pins can be filled by the quick fix.',
    ),
  },
});

export const T2_COMPLETE = rule<CellData | BlankGroupData>()({
  code: 'T2-COMPLETE',
  severity: 'warning',
  title: both('表二数据空缺', 'Table 2 cell blank'),
  fixAll: [{ phase: 'blanks', kind: 'fill' }],
  explain: {
    fires: both(
      '表二（主动公开情况）单元格留空或写了“不适用”等；整张表留空时为一条。',
      'A Table 2 (proactive disclosure) cell is blank or holds N/A text; a wholly blank table is one finding.',
    ),
    fix: both('填入数字，没有的填 0。', 'Enter the number, 0 for none.'),
  },
});

export const T3_NONNEG = rule<CellData>()({
  code: 'T3-NONNEG',
  severity: 'error',
  title: both('表三单元格须为非负整数', 'Table 3 cell must be a non-negative integer'),
  fixAll: [{ phase: 'units', kind: 'unit' }],
  explain: {
    fires: both(
      '表三单元格为负数、小数，或数值过大无法精确计算。（表三中的文字、单位和空白由 T3-COMPLETE 报告。）',
      'A Table 3 cell is negative, fractional, or too large to add exactly. (Text, units and blanks in Table 3 are T3-COMPLETE findings.)',
    ),
    fix: both('改为非负整数（件数），不带单位。', 'Write a non-negative whole number (a count), without a unit.'),
  },
});

export const T4_NONNEG = rule<CellData>()({
  code: 'T4-NONNEG',
  severity: 'error',
  title: both('表四单元格须为非负整数', 'Table 4 cell must be a non-negative integer'),
  fixAll: [{ phase: 'units', kind: 'unit' }],
  explain: {
    fires: both(
      '表四单元格为负数、小数或无法读作件数的文字。',
      'A Table 4 cell is negative, fractional, or text that cannot be read as a count.',
    ),
    fix: both('改为非负整数（件数）。', 'Write a non-negative whole number.'),
  },
});

export const T2_19_NONNEG = rule<CellData>()({
  code: 'T2-19-NONNEG',
  severity: 'error',
  title: both('表二（2019）数量须为非负整数', 'Table 2 (2019) count must be a non-negative integer'),
  fixAll: [{ phase: 'units', kind: 'unit' }],
  explain: {
    fires: both(
      '2019 格式表二的件数为负数、小数或文字（“本年增/减”一列可以为负，不在此列）。',
      'A count in the 2019 Table 2 is negative, fractional or text (the “change this year” column may be negative and is exempt).',
    ),
    fix: both('改为非负整数。', 'Write a non-negative whole number.'),
  },
});

export const T2_21_NONNEG = rule<CellData>()({
  code: 'T2-21-NONNEG',
  severity: 'error',
  title: both('表二（2021）数值须为非负数', 'Table 2 (2021) value must be non-negative'),
  fixAll: [{ phase: 'units', kind: 'unit' }],
  explain: {
    fires: both(
      '2021 格式表二的数值为负数、小数件数或文字。',
      'A value in the 2021 Table 2 is negative, a fractional count, or text.',
    ),
    fix: both('改为非负数；件数为整数。', 'Write a non-negative number; counts are whole numbers.'),
  },
});

export const T2_19_UNIT = rule<CellData>()({
  code: 'T2-19-UNIT',
  severity: 'warning',
  title: both('表二（2019）单位不规范', 'Table 2 (2019) unit problem'),
  fixAll: [{ phase: 'units', kind: 'unit' }],
  explain: {
    fires: both(
      '2019 格式表二的件数带了单位（如“12件”），或第二十条第（九）项采购总金额没有写明单位（元或万元）、写成了文字。',
      'A 2019 Table 2 count carries a unit (e.g. 12件), or the article 20 item (9) procurement amount states no unit (元 or 万元) or is written as text.',
    ),
    fix: both(
      '件数只填数字；金额写成 `{value: 12.5, unit: 万元}`。快速修复可一键改写。',
      'Counts are bare numbers; amounts are written `{value: 12.5, unit: 万元}`. The quick fix rewrites them.',
    ),
  },
});

export const T2_21_UNIT = rule<CellData>()({
  code: 'T2-21-UNIT',
  severity: 'warning',
  title: both('收费金额单位应为万元', 'Fee amount must be in 10k yuan'),
  fixAll: [{ phase: 'units', kind: 'unit' }],
  explain: {
    fires: both(
      '2021 格式表二收费金额一栏的单位固定为万元：填写时带了“元”“万元”等单位，或小数超过 4 位（多半误按元填写）。',
      'The fee column of the 2021 Table 2 is in 万元 (10,000 yuan): the cell carries a unit such as 元 or 万元, or has more than 4 decimals (probably entered in yuan).',
    ),
    fix: both(
      '只填以万元为单位的数字；按元填写的请除以 10000。快速修复会换算。',
      'Write just the number in 万元; divide amounts in yuan by 10,000. The quick fix converts.',
    ),
  },
});

const pinnedZh = (n: number | undefined) => (n ? `；其中 ${n} 格的值由勾稽关系确定` : '');
const pinnedEn = (n: number | undefined) => (n ? `; the sums determine ${n} of them` : '');

export const messages = {
  blank: message<{ cell: string; pinned?: number }>(
    (a) => `${a.cell} 为空${a.pinned !== undefined ? `，按勾稽关系应为 ${a.pinned}` : '，没有的请填 0'}`,
    (a) => `${a.cell} is blank${a.pinned !== undefined ? `; the sums require ${a.pinned}` : '; write 0 if there were none'}`,
  ),
  na: message<{ cell: string; text: string }>(
    (a) => `${a.cell} 填了“${a.text}”：模板没有“不适用”，没有的请填 0`,
    (a) => `${a.cell} holds "${a.text}": the template has no N/A, write 0`,
  ),
  text: message<{ cell: string; text: string; suggest?: number }>(
    (a) => `${a.cell} 不是数字：“${a.text}”${a.suggest !== undefined ? `（可能是 ${a.suggest}）` : ''}`,
    (a) => `${a.cell} is not a number: "${a.text}"${a.suggest !== undefined ? ` (perhaps ${a.suggest})` : ''}`,
  ),
  negative: message<{ cell: string; value: number }>(
    (a) => `${a.cell} 为 ${a.value}，不能为负数`,
    (a) => `${a.cell} is ${a.value}; it cannot be negative`,
  ),
  fraction: message<{ cell: string; value: number }>(
    (a) => `${a.cell} 为 ${a.value}，件数应为整数`,
    (a) => `${a.cell} is ${a.value}; counts are whole numbers`,
  ),
  tooLarge: message<{ cell: string; value: number }>(
    (a) => `${a.cell} 为 ${a.value}，数值过大，无法精确计算（请核对是否多打了数字）`,
    (a) => `${a.cell} is ${a.value}, too large to add exactly (check for extra digits)`,
  ),
  unitInCount: message<{ cell: string; unit: string; number: number }>(
    (a) => `${a.cell} 带了单位“${a.unit}”：只填数字 ${a.number}`,
    (a) => `${a.cell} carries the unit "${a.unit}": write just the number ${a.number}`,
  ),
  moneyText: message<{ cell: string; text: string; number: number; unit: string }>(
    (a) => `${a.cell} 写成了文字“${a.text}”：应写成 {value: ${a.number}, unit: ${a.unit}}`,
    (a) => `${a.cell} is written as text "${a.text}": use {value: ${a.number}, unit: ${a.unit}}`,
  ),
  moneyBare: message<{ cell: string; number: number }>(
    (a) => `${a.cell} 只有数字 ${a.number}，没有单位：模板未规定单位，请写明 元 或 万元`,
    (a) => `${a.cell} is a bare number ${a.number}: the template sets no unit, state 元 or 万元`,
  ),
  wanSuffix: message<{ cell: string; unit: string; number: number }>(
    (a) => `${a.cell} 带了“${a.unit}”：本栏单位为万元，只填数字 ${a.number}`,
    (a) => `${a.cell} carries "${a.unit}": this column is in 万元, write just ${a.number}`,
  ),
  wanDecimals: message<{ cell: string; value: number }>(
    (a) => `${a.cell} 为 ${a.value}：小数超过 4 位，单位应为万元，是否误填了元？`,
    (a) => `${a.cell} is ${a.value}: more than 4 decimals in a 万元 column; was it entered in yuan?`,
  ),
  groupTable: message<{ table: string; count: number; pinned?: number }>(
    (a) => `${a.table}全部 ${a.count} 格均未填写：没有的请填 0${pinnedZh(a.pinned)}`,
    (a) => `All ${a.count} cells of ${tableNameEn(a.table)} are blank: write 0 where there were none${pinnedEn(a.pinned)}`,
  ),
  groupRows: message<{ table: string; rows: number; count: number; first: string; pinned?: number }>(
    (a) => `${a.table}有 ${a.rows} 行（共 ${a.count} 格）整行未填写，自“${a.first}”起${pinnedZh(a.pinned)}`,
    (a) =>
      `${a.rows} row(s) of ${tableNameEn(a.table)} (${a.count} cells) are wholly blank, starting with "${a.first}"${pinnedEn(a.pinned)}`,
  ),
  groupColumns: message<{ table: string; columns: string; n: number; count: number; pinned?: number }>(
    (a) => `${a.table}“${a.columns}”${a.n > 1 ? `${a.n} 列` : '一列'}全部为空（共 ${a.count} 格）${pinnedZh(a.pinned)}`,
    (a) =>
      `${a.n > 1 ? `The ${a.n} columns` : 'The column'} "${a.columns}" of ${tableNameEn(a.table)} ${a.n > 1 ? 'are' : 'is'} wholly blank (${a.count} cells)${pinnedEn(a.pinned)}`,
  ),
  groupCell: message<{ cell: string }>(
    (a) => `${a.cell}（空白）`,
    (a) => `${a.cell} (blank)`,
  ),
  // Fix titles.
  fill: message<{ cell: string; value: number }>(
    (a) => `将空白的${a.cell} 填为 ${a.value}`,
    (a) => `Fill the blank ${a.cell} with ${a.value}`,
  ),
  fillGroupZero: message<{ count: number }>(
    (a) => `将这 ${a.count} 个空格填为 0`,
    (a) => `Fill these ${a.count} blank cells with 0`,
  ),
  fillGroupPinned: message<{ count: number }>(
    (a) => `按勾稽关系填入其中 ${a.count} 格`,
    (a) => `Fill the ${a.count} cell(s) the sums determine`,
  ),
  unit: message<{ text: string }>(
    (a) => `改为 ${a.text}`,
    (a) => `Change to ${a.text}`,
  ),
  zeroText: message<{ text: string }>(
    (a) => `将“${a.text}”改为 0`,
    (a) => `Change "${a.text}" to 0`,
  ),
};

/** The family's rules, in the order docs/RULES.md lists them. */
export const RULES = [
  T3_COMPLETE,
  T3_BLANK_GROUP,
  T4_COMPLETE,
  T2_COMPLETE,
  T3_NONNEG,
  T4_NONNEG,
  T2_19_NONNEG,
  T2_21_NONNEG,
  T2_19_UNIT,
  T2_21_UNIT,
] as const;
