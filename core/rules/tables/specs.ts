/**
 * The arithmetic of the tables (勾稽关系): every sum or inequality between cells. The relations
 * themselves are data in the schemas (`x-nianbao.relations`, one generic evaluator in
 * relations.ts); these are the rules they name.
 */
import { both, message } from '../../messages/define';
import { rule } from '../spec';

/** What every relation finding carries: the instance's cells and the sides' known sums. */
export interface RelationData {
  /** The cell the finding sits on (the total, or the balance's anchor). */
  path: string;
  rule: string;
  table: string;
  left: string[];
  right: string[];
  leftSum: number;
  rightSum: number;
  /** Cells of the relation that hold no number (blank, text, missing). */
  unknown: string[];
  anchor: string;
  column?: string;
  row?: string;
  /** Cells left out of `related` because they are 0 or blank (shown as a count). */
  folded?: { zeros: number; blanks: number };
}

/** A total against the sum of its operands. */
export interface SumData extends RelationData {
  target: string;
  reported: number;
  computed: number;
  operands: string[];
}

export const T3_BAL = rule<RelationData>()({
  code: 'T3-BAL',
  severity: 'error',
  title: both('表三勾稽关系：第一项+第二项≠第三项+第四项', 'Table 3 balance: 1st + 2nd ≠ 3rd + 4th'),
  fixAll: [{ phase: 'sums', kind: 'sum' }],
  explain: {
    fires: both(
      '表三每一列（每类申请人及总计）须满足：一、本年新收 + 二、上年结转 = 三、本年度办理结果的（七）总计 + 四、结转下年度继续办理。任一列不成立即报告，诊断落在（七）总计上。',
      'In every column of Table 3 (each applicant type and the total), new this year + carried over from last year must equal the (7) total of results + carried forward to next year. The finding sits on the (7) total.',
    ),
    fix: both(
      '核对该列四个数。快速修复列出“只改一个数就能让所有相关勾稽关系同时成立”的候选；无法唯一确定时不会自动修改，需人工核对原始台账。',
      'Check the four figures of the column. The quick fixes list the single-cell changes after which every related relation holds; when no change is unambiguous, nothing is changed automatically: check the case register.',
    ),
  },
});

export const T3_SUM_V = rule<SumData>()({
  code: 'T3-SUM-V',
  severity: 'error',
  title: both('表三（七）总计与各办理结果之和不符', 'Table 3 (7) total ≠ sum of results'),
  fixAll: [{ phase: 'sums', kind: 'sum' }],
  explain: {
    fires: both(
      '表三每一列中，（七）总计 ≠（一）至（六）各项办理结果之和（含各分项）。',
      'In a Table 3 column, the (7) total differs from the sum of results (1)–(6) including their sub-items.',
    ),
    fix: both(
      '快速修复把（七）总计改为实际之和；若总计是对的，请找出填错的分项。“修复全部勾稽错误”会按依赖顺序一并处理。',
      'The quick fix sets the (7) total to the sum; if the total is right, find the wrong item instead. Fix All handles these in dependency order.',
    ),
  },
});

export const T3_SUM_H = rule<SumData>()({
  code: 'T3-SUM-H',
  severity: 'error',
  title: both('表三总计列与各申请人之和不符', 'Table 3 total column ≠ sum of applicants'),
  fixAll: [{ phase: 'sums', kind: 'sum' }],
  explain: {
    fires: both(
      '表三某一行的“总计”列 ≠ 自然人、五类法人或其他组织之和。',
      'In a Table 3 row, the total column differs from the sum of natural persons and the five kinds of legal persons/organisations.',
    ),
    fix: both('快速修复把总计改为各申请人之和。', 'The quick fix sets the total to the sum of the applicant columns.'),
  },
});

export const T4_SUM = rule<SumData>()({
  code: 'T4-SUM',
  severity: 'error',
  title: both('表四总计与各结果之和不符', 'Table 4 total ≠ sum of outcomes'),
  fixAll: [{ phase: 'sums', kind: 'sum' }],
  explain: {
    fires: both(
      '表四每一组（行政复议、未经复议直接起诉、复议后起诉）中，总计 ≠ 结果维持、结果纠正、其他结果、尚未审结之和。',
      'In each group of Table 4 (review; litigation without review; litigation after review), the total differs from upheld + corrected + other + pending.',
    ),
    fix: both('快速修复把总计改为四项之和。', 'The quick fix sets the total to the sum of the four outcomes.'),
  },
});

export const T2_19_CUM = rule<RelationData>()({
  code: 'T2-19-CUM',
  severity: 'warning',
  title: both('对外公开总数量小于本年新公开数量', 'Total published < newly published this year'),
  explain: {
    fires: both(
      '2019 格式表二第二十条第（一）项：对外公开总数量（累计）小于本年新公开数量。累计数包含本年新公开的，不可能更小。',
      '2019 Table 2, article 20 item (1): the cumulative total published is less than the number newly published this year, which it includes.',
    ),
    fix: both(
      '核对累计数是否误填成了本年数，或两列填反。',
      'Check whether the cumulative column holds this year’s figure, or the two columns are swapped.',
    ),
  },
});

export const T2_19_ITEMS = rule<RelationData>()({
  code: 'T2-19-ITEMS',
  severity: 'warning',
  title: both('上一年项目数量+本年增/减为负', 'Previous items + change is negative'),
  explain: {
    fires: both(
      '2019 格式表二中有“上一年项目数量”和“本年增/减”两列的行（第二十条第（五）（六）（八）项）：两者之和为负数，即本年减少的比上一年现有的还多。',
      'In the 2019 Table 2 rows with “previous year’s items” and “change this year” columns (article 20 items (5), (6), (8)): their sum is negative, i.e. more items were dropped than existed.',
    ),
    fix: both('核对增减数的正负号和上一年项目数量。', 'Check the sign of the change and the previous year’s count.'),
  },
});

export const T2_21_INFORCE = rule<RelationData>()({
  code: 'T2-21-INFORCE',
  severity: 'warning',
  title: both('现行有效件数小于本年制发件数−本年废止件数', 'In force < issued − repealed'),
  explain: {
    fires: both(
      '2021 格式表二第二十条第（一）项：现行有效件数 + 本年废止件数 < 本年制发件数，即本年新制发的文件比现行有效的还多。',
      '2021 Table 2, article 20 item (1): in force + repealed this year < issued this year, i.e. more documents were issued this year than are in force.',
    ),
    fix: both('核对三列是否填错列或漏计。', 'Check whether the columns are swapped or a figure is missing.'),
  },
});

export const messages = {
  sumMismatch: message<{ target: string; reported: number; computed: number; what: string; whatEn: string; blanks?: number }>(
    (a) =>
      `${a.target} 为 ${a.reported}，但${a.what}之和为 ${a.computed}${a.blanks ? `（另有 ${a.blanks} 个空白单元格，至少为 ${a.computed}）` : ''}`,
    (a) =>
      `${a.target} is ${a.reported} but the ${a.whatEn} sum to ${a.computed}${a.blanks ? ` (plus ${a.blanks} blank cells, so at least ${a.computed})` : ''}`,
  ),
  balance: message<{ column: string; columnEn: string; left: number; right: number }>(
    (a) => `${a.column}列勾稽关系不成立：第一项+第二项 = ${a.left}，第三项+第四项 = ${a.right}`,
    (a) => `Balance fails in column ${a.columnEn}: 1st + 2nd = ${a.left}, 3rd + 4th = ${a.right}`,
  ),
  cum19: message<{ row: string; left: number; right: number }>(
    (a) => `${a.row}：对外公开总数量 ${a.left} 小于本年新公开数量 ${a.right}`,
    (a) => `${a.row}: total published ${a.left} < newly published ${a.right}`,
  ),
  items19: message<{ row: string; left: number; right: number }>(
    (a) => `${a.row}：上一年项目数量+本年增/减 = ${a.left}，不能为负`,
    (a) => `${a.row}: previous items + change = ${a.left}, cannot be negative`,
  ),
  inforce21: message<{ row: string; left: number; right: number }>(
    (a) => `${a.row}：现行有效件数+本年废止件数 = ${a.left}，小于本年制发件数 ${a.right}`,
    (a) => `${a.row}: in force + repealed = ${a.left} < issued ${a.right}`,
  ),
  /** Related information: one operand. */
  operand: message<{ cell: string; value: string; valueEn: string; path: string }>(
    (a) => `${a.cell} = ${a.value}`,
    (a) => `${a.path} = ${a.valueEn}`,
  ),
  /** Related information: the operands left out. */
  folded: message<{ zeros: number; blanks: number }>(
    (a) =>
      `另有${a.zeros ? ` ${a.zeros} 个为 0 的单元格` : ''}${a.zeros && a.blanks ? '、' : ''}${a.blanks ? ` ${a.blanks} 个空白单元格` : ''}（悬停查看全部）`,
    (a) =>
      `and${a.zeros ? ` ${a.zeros} zero cell${a.zeros > 1 ? 's' : ''}` : ''}${a.zeros && a.blanks ? ',' : ''}${a.blanks ? ` ${a.blanks} blank cell${a.blanks > 1 ? 's' : ''}` : ''} (hover for all)`,
  ),
  // Fix titles.
  setSum: message<{ cell: string; value: number }>(
    (a) => `将${a.cell} 改为 ${a.value}`,
    (a) => `Change ${a.cell} to ${a.value}`,
  ),
};

/** How a suspect's message names the relations that run through it. */
export const RELATION_NAMES: Record<string, { zh: string; en: string }> = {
  'T3-SUM-H': { zh: '行合计', en: 'its row total' },
  'T3-SUM-V': { zh: '列合计', en: 'its column total' },
  'T3-BAL': { zh: '本列勾稽关系', en: "its column's balance" },
  'T4-SUM': { zh: '合计', en: 'its total' },
};

export const fixMessages = {
  repair: message<{ changes: string; changesEn: string }>(
    (a) => `将${a.changes}`,
    (a) => `Change ${a.changesEn}`,
  ),
  change: message<{ cell: string; value: number }>(
    (a) => `${a.cell} 改为 ${a.value}`,
    (a) => `${a.cell} to ${a.value}`,
  ),
  suspect: message<{ cell: string; value: number; diff: number; relations: string; relationsEn: string }>(
    (a) => `${a.cell} 可能应为 ${a.value}：${a.relations}都差 ${a.diff}`,
    (a) => `${a.cell} may be ${a.value}: ${a.relationsEn} are all off by ${a.diff}`,
  ),
};

/** The family's rules, in the order docs/RULES.md lists them. */
export const RULES = [T3_BAL, T3_SUM_V, T3_SUM_H, T4_SUM, T2_19_CUM, T2_19_ITEMS, T2_21_INFORCE] as const;
