/**
 * Every diagnostic code with its default severity and a one-line title in both locales.
 * Codes from SPEC.md §6 keep their ids; the YAML-*, SCHEMA-*, T2-COMPLETE and T4-COMPLETE
 * codes are nianbao's own for cases §6 leaves uncovered (see docs/RULES.md).
 */
import type { LocalizedText, Severity } from '../types';

export interface RuleInfo {
  severity: Severity;
  title: LocalizedText;
}

const r = (severity: Severity, zh: string, en: string): RuleInfo => ({ severity, title: { 'zh-CN': zh, en } });

export const RULES: Record<string, RuleInfo> = {
  'YAML-SYNTAX': r('error', 'YAML 语法错误', 'YAML syntax error'),
  'YAML-DUPLICATE-KEY': r('error', '重复的键', 'Duplicate key'),
  'YAML-ALIAS': r('error', '别名（alias）过多或不允许', 'Alias abuse'),
  'YAML-DEPTH': r('error', '嵌套过深', 'Nesting too deep'),
  'YAML-TOO-LARGE': r('error', '文件过大', 'File too large'),
  'YAML-BINARY': r('error', '不是文本文件', 'Not a text file'),
  'SCHEMA-TYPE': r('error', '类型错误', 'Wrong type'),
  'SCHEMA-ENUM': r('error', '取值不在允许范围内', 'Value not allowed'),
  'SCHEMA-UNKNOWN': r('error', '未知的键', 'Unknown key'),
  'SCHEMA-REQUIRED': r('error', '缺少必填项', 'Missing required key'),
  'SCHEMA-RANGE': r('error', '数值超出范围', 'Value out of range'),
  'SCHEMA-FORMAT': r('error', '格式错误', 'Malformed value'),
  'T3-BAL': r('error', '表三勾稽关系：第一项+第二项≠第三项+第四项', 'Table 3 balance: 1st + 2nd ≠ 3rd + 4th'),
  'T3-SUM-V': r('error', '表三（七）总计与各办理结果之和不符', 'Table 3 (7) total ≠ sum of results'),
  'T3-SUM-H': r('error', '表三总计列与各申请人之和不符', 'Table 3 total column ≠ sum of applicants'),
  'T3-NONNEG': r('error', '表三单元格须为非负整数', 'Table 3 cell must be a non-negative integer'),
  'T3-COMPLETE': r('warning', '表三数据空缺', 'Table 3 cell blank'),
  'T4-SUM': r('error', '表四总计与各结果之和不符', 'Table 4 total ≠ sum of outcomes'),
  'T4-NONNEG': r('error', '表四单元格须为非负整数', 'Table 4 cell must be a non-negative integer'),
  'T4-COMPLETE': r('warning', '表四数据空缺', 'Table 4 cell blank'),
  'T2-COMPLETE': r('warning', '表二数据空缺', 'Table 2 cell blank'),
  'T2-19-NONNEG': r('error', '表二（2019）数量须为非负整数', 'Table 2 (2019) count must be a non-negative integer'),
  'T2-19-CUM': r('warning', '对外公开总数量小于本年新公开数量', 'Total published < newly published this year'),
  'T2-19-ITEMS': r('warning', '上一年项目数量+本年增/减为负', 'Previous items + change is negative'),
  'T2-19-UNIT': r('warning', '表二（2019）单位不规范', 'Table 2 (2019) unit problem'),
  'T2-21-NONNEG': r('error', '表二（2021）数值须为非负数', 'Table 2 (2021) value must be non-negative'),
  'T2-21-UNIT': r('warning', '收费金额单位应为万元', 'Fee amount must be in 10k yuan'),
  'T2-21-INFORCE': r('warning', '现行有效件数小于本年制发件数−本年废止件数', 'In force < issued − repealed'),
  'X-FORMAT': r('error', '格式与年度不符或混用新旧模板', 'Format does not match the year, or mixed templates'),
  'STRUCT-SECTIONS': r('error', '缺少或多出报告部分', 'Missing or extra report section'),
  'STRUCT-ROWS': r('error', '表格缺少或多出行列', 'Missing or extra table row or column'),
  'S5-EMPTY': r('warning', '“五、存在的主要问题及改进情况”为空', 'Section 5 is empty'),
  'META-YEAR': r('error', '年份前后不一致', 'Year inconsistent'),
  'META-DEADLINE': r('warning', '发布日期晚于法定期限', 'Published after the deadline'),
  'META-ORGAN': r('warning', '机关名称前后不一致', 'Organ name inconsistent'),
  'META-DATE': r('info', '落款日期早于统计期结束', 'Dated before the period ends'),
  'S1-GOV': r(
    'warning',
    '人民政府年报未报告工作考核、社会评议和责任追究结果情况',
    "A government's report lacks assessment, evaluation and accountability results",
  ),
  'S5-RECTIFY': r('warning', '“五”未报告上年度问题整改情况', "Section 5 does not report rectification of last year's problems"),
  'S6-FEE': r('warning', '“六”未完整报告信息处理费收取情况', 'Section 6 does not fully report information-processing fees'),
  'TXT-T3': r('warning', '正文数字与表格不一致', 'A number in the text disagrees with the tables'),
  'TXT-ZERO': r('info', '正文称“没有”，表格却有数', 'The text says none; the table has some'),
  'X-CARRY': r('warning', '上年结转与上年度报告“结转下年度继续办理”不一致', "Carried over ≠ last year's carried forward"),
  'X-INFORCE': r('warning', '现行有效件数与上年度不衔接', "In-force count does not follow from last year's"),
  'X-ITEMS-19': r(
    'warning',
    '上一年项目数量与上年度报告不衔接',
    "Previous-year item count does not follow from last year's report",
  ),
  'X-19-CUM': r('info', '对外公开总数量小于上年度', 'Total published is below last year'),
  // issue 10 (encodings, limits)
  'YAML-ENCODING': r('info', '文件不是 UTF-8 编码', 'File is not UTF-8'),
  'IMPORT-TOO-LARGE': r('error', '导入的文档超过安全上限', 'Imported document exceeds a safety limit'),
};

export const RULE_CODES = Object.keys(RULES);
