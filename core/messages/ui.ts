/**
 * The language server's own texts (hover headings, code lenses, inlay hints, completion,
 * commands): not findings, so they live here rather than with a rule. zh-CN and en side by side.
 */
import { message } from './define';
import { tableNameEn } from '../facts/tables';

export const UI = {
  hoverWhere: message(
    () => '位置',
    () => 'Location',
  ),
  hoverLegal: message(
    () => '法律依据',
    () => 'Legal basis',
  ),
  hoverFill: message(
    () => '填写说明',
    () => 'How to fill',
  ),
  hoverContains: message(
    () => '包含',
    () => 'Contains',
  ),
  hoverChoices: message(
    () => '可选值',
    () => 'Allowed values',
  ),
  hoverComputed: message(
    () => '计算值',
    () => 'Computed',
  ),
  hoverValue: message(
    () => '当前值',
    () => 'Current value',
  ),
  hoverSumRow: message<{ value: number }>(
    (a) => `本行各列之和为 ${a.value}`,
    (a) => `The row's cells sum to ${a.value}`,
  ),
  hoverSumColumn: message<{ value: number }>(
    (a) => `本列各项之和为 ${a.value}`,
    (a) => `The column's items sum to ${a.value}`,
  ),
  hoverSumBlanks: message<{ blanks: number; value: number }>(
    (a) => `另有 ${a.blanks} 个空白单元格，至少为 ${a.value}`,
    (a) => `plus ${a.blanks} blank cells, so at least ${a.value}`,
  ),
  hoverSumOk: message<{ reported: number }>(
    (a) => `与填报值 ${a.reported} 一致`,
    (a) => `agrees with the reported ${a.reported}`,
  ),
  hoverSumBad: message<{ reported: number }>(
    (a) => `填报值为 ${a.reported}，不一致`,
    (a) => `the reported value ${a.reported} disagrees`,
  ),
  hoverSumOpen: message(
    () => '本格未填',
    () => 'this cell is blank',
  ),
  cellKind: {
    count: message(
      () => '计数：非负整数（件），不带单位',
      () => 'Count: a non-negative whole number, no unit',
    ),
    signed: message(
      () => '增减数：整数，可为负（如 -2、+3）',
      () => 'Change: a whole number, may be negative (-2, +3)',
    ),
    money_wan: message(
      () => '金额：数字，单位万元，不带单位',
      () => 'Amount in 10,000 yuan (万元): a plain number, no unit suffix',
    ),
    money_unit: message(
      () => '金额：写成 {value: 数字, unit: 元 或 万元}',
      () => 'Amount: write {value: number, unit: 元 or 万元}',
    ),
  },
  cellState: {
    number: message<{ value: string }>(
      (a) => `数字 ${a.value}`,
      (a) => `number ${a.value}`,
    ),
    blank: message(
      () => '空白（不参与求和）',
      () => 'blank (not counted in sums)',
    ),
    na: message<{ text: string }>(
      (a) => `“${a.text}”（模板没有“不适用”）`,
      (a) => `"${a.text}" (the template has no N/A)`,
    ),
    text: message<{ text: string }>(
      (a) => `文字“${a.text}”（不是数字）`,
      (a) => `text "${a.text}" (not a number)`,
    ),
    missing: message(
      () => '缺少',
      () => 'missing',
    ),
  },
  lensOk: message(
    () => '勾稽 ✓',
    () => 'Sums ✓',
  ),
  lensBad: message<{ count: number }>(
    (a) => `勾稽 ✗ ${a.count}`,
    (a) => `Sums ✗ ${a.count}`,
  ),
  lensFix: message<{ table: string }>(
    (a) => `修复${a.table}的勾稽错误`,
    (a) => `Fix the reconciliation errors in ${tableNameEn(a.table)}`,
  ),
  hintSumRow: message<{ value: string }>(
    (a) => `行和 ${a.value}`,
    (a) => `row Σ ${a.value}`,
  ),
  hintSumColumn: message<{ value: string }>(
    (a) => `列和 ${a.value}`,
    (a) => `column Σ ${a.value}`,
  ),
  skeletonLabel: message<{ format: string }>(
    (a) => `年报${a.format}骨架`,
    (a) => `Report skeleton (${a.format} format)`,
  ),
  skeletonDetail: message<{ title: string }>(
    (a) => `${a.title}：全部部分、表格、行和列`,
    (a) => `${a.title}: every section, table, row and column`,
  ),
  fixDismiss: message<{ code: string }>(
    (a) => `将 ${a.code} 标记为已核实（写入审核记录）…`,
    (a) => `Mark ${a.code} as verified (review ledger)…`,
  ),
  /** Appended to a finding dismissed in the review ledger (shown as a hint). */
  verifiedTag: message<{ reason: string }>(
    (a) => `（已核实：${a.reason}）`,
    (a) => ` (verified: ${a.reason})`,
  ),
  hoverReuse: message<{ share: number; lastYear: number; longest: number }>(
    (a) => `**X-REUSE** 与上年度（${a.lastYear}年）报告重复 ${a.share}%，最长的重复段落 ${a.longest} 字：`,
    (a) =>
      `**X-REUSE** ${a.share}% repeated from last year's (${a.lastYear}) report; the longest passage, ${a.longest} characters:`,
  ),
  hoverReuseThis: message<{ year: number }>(
    (a) => `本年度（${a.year}年）`,
    (a) => `This year (${a.year})`,
  ),
  hoverReuseLast: message<{ year: number }>(
    (a) => `上年度（${a.year}年）`,
    (a) => `Last year (${a.year})`,
  ),
  fixSuppress: message<{ code: string }>(
    (a) => `在下一行忽略 ${a.code}`,
    (a) => `Ignore ${a.code} on the next line`,
  ),
  fixAll: message(
    () => '修复全部勾稽错误',
    () => 'Fix all reconciliation errors',
  ),
  lensFixNamed: message<{ table: string; count: number }>(
    (a) => `修复${a.table}的 ${a.count} 处问题（可撤销）`,
    (a) => `Fix ${a.count} finding(s) in ${tableNameEn(a.table)} (undoable)`,
  ),
  fillRow: message<{ row: string; count: number }>(
    (a) => `将“${a.row}”一行的 ${a.count} 个空格填为 0（合计按勾稽关系填入）`,
    (a) => `Fill the ${a.count} blank cell(s) of the row "${a.row}" with 0 (totals from the sums)`,
  ),
  fillColumns: message<{ columns: string; count: number }>(
    (a) => `将“${a.columns}”列的 ${a.count} 个空格填为 0（合计按勾稽关系填入）`,
    (a) => `Fill the ${a.count} blank cell(s) of the column(s) "${a.columns}" with 0 (totals from the sums)`,
  ),
  fillTable: message<{ table: string; count: number }>(
    (a) => `将${a.table}剩余的 ${a.count} 个空格填为 0（合计按勾稽关系填入）`,
    (a) => `Fill the remaining ${a.count} blank cell(s) of ${tableNameEn(a.table)} with 0 (totals from the sums)`,
  ),
  progress: message<{ table: string; filled: number; total: number }>(
    (a) => `${a.table} 已填 ${a.filled}/${a.total}`,
    (a) => `${tableNameEn(a.table)}: ${a.filled}/${a.total} filled`,
  ),
  yearNotYear: message<{ example: number }>(
    (a) => `请输入四位数的报告年度，如 ${a.example}。`,
    (a) => `Enter the report year as four digits, e.g. ${a.example}.`,
  ),
  yearTooEarly: message<{ first: number }>(
    (a) => `国家年报格式从 ${a.first} 年度报告开始适用。`,
    (a) => `The national report formats start with the ${a.first} reports.`,
  ),
  yearFuture: message<{ last: number }>(
    (a) => `报告年度不能晚于 ${a.last} 年。`,
    (a) => `The report year cannot be later than ${a.last}.`,
  ),
  yearOldTemplate: message<{ from: number }>(
    (a) => `${a.from} 年度起的报告应使用 2021 格式。`,
    (a) => `Reports for ${a.from} and later must use the 2021 format.`,
  ),
  yearEarlyNewTemplate: message<{ until: number }>(
    (a) => `${a.until} 年度及以前的报告使用 2019 试行格式；使用 2021 格式会被提示（X-FORMAT）。`,
    (a) => `Reports up to ${a.until} use the 2019 trial format; the 2021 format will be flagged (X-FORMAT).`,
  ),
  hoverOperands: message<{ count: number; code: string }>(
    (a) => `${a.code} 涉及的 ${a.count} 个单元格`,
    (a) => `The ${a.count} cells of ${a.code}`,
  ),
  valueZero: message(
    () => '没有的填 0（不要留空）',
    () => 'None: write 0 (do not leave it blank)',
  ),
  valueWan: message(
    () => '金额，单位万元，只填数字',
    () => 'Amount in 10,000 yuan: the number only',
  ),
  valueMoney: message<{ unit: string }>(
    (a) => `金额，单位${a.unit}`,
    (a) => `Amount in ${a.unit === '元' ? 'yuan' : '10,000 yuan'}`,
  ),
  hintRowTotal: message<{ label: string; value: string }>(
    (a) => `${a.label} ${a.value} ▸`,
    (a) => `total ${a.value} ▸`,
  ),
};
