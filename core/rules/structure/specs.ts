/** X-FORMAT, STRUCT-SECTIONS, STRUCT-ROWS: the template — format against year, sections, rows and columns. */
import { both, message } from '../../messages/define';
import type { FormatId } from '../../types';
import { rule } from '../spec';
import { tableNameEn } from '../../facts/tables';

export type FormatData =
  | { path: 'format'; declared: string; detected: FormatId | null; assumed: FormatId }
  | { path: 'format'; detected: FormatId; assumed: FormatId }
  | { path: 'format'; assumed: FormatId }
  | { path: 'format'; year: number; format: FormatId; expected: FormatId }
  | { path: string; format: FormatId; foreign: FormatId };

export const X_FORMAT = rule<FormatData>()({
  code: 'X-FORMAT',
  severity: 'error',
  title: both('格式与年度不符或混用新旧模板', 'Format does not match the year, or mixed templates'),
  explain: {
    fires: both(
      '`format` 与报告年度不符（2021 年度起应使用 2021 格式；2019、2020 年度使用 2019 试行格式），未声明 `format`，或在一份报告中混用了两种格式的行或列。',
      '`format` does not match the year (reports for 2021 on use the 2021 format; 2019 and 2020 use the 2019 trial format), `format` is missing, or rows or columns of both formats are mixed in one report.',
    ),
    fix: both(
      '声明正确的 `format: 2019` 或 `format: 2021`；按该格式的骨架改写混入的行列。',
      'Declare the right `format: 2019` or `format: 2021`; rewrite the foreign rows after that format’s skeleton.',
    ),
  },
});

export const STRUCT_SECTIONS = rule<{ path: string; missing?: true; outOfOrder?: true; empty?: true }>()({
  code: 'STRUCT-SECTIONS',
  severity: 'error',
  title: both('缺少报告部分或顺序不对', 'Missing or misplaced report section'),
  explain: {
    fires: both(
      '缺少报告的某一部分（一至六部分），或某一部分的位置与模板顺序不同（警告，指出移动了的那一部分）。',
      'A report section (parts 1–6) is missing, or one is out of the template’s order (a warning naming the section that moved).',
    ),
    fix: both(
      '补齐缺少的部分，按模板顺序排列；骨架片段给出完整顺序。',
      'Add the missing section and follow the template order; the skeleton snippet shows it.',
    ),
  },
});

export const STRUCT_ROWS = rule<{ path: string; missing?: true; extra?: true; label?: string }>()({
  code: 'STRUCT-ROWS',
  severity: 'error',
  title: both('表格缺少或多出行列', 'Missing or extra table row or column'),
  explain: {
    fires: both(
      '表格缺少模板规定的行或列，或多出了模板没有的行。',
      'A table lacks a row or column of the template, or has a row the template does not.',
    ),
    fix: both(
      '补齐缺少的行列（可从骨架复制）；确需保留的非模板行移到 `extra_rows` 下。',
      'Add the missing rows or columns (copy them from the skeleton); move genuine extra rows under `extra_rows`.',
    ),
  },
});

export const messages = {
  oldTemplate: message<{ year: number }>(
    (a) => `${a.year} 年度报告应使用 2021 格式（国办公开办函〔2021〕30号），这里用的是 2019 试行格式`,
    (a) => `A ${a.year} report must use the 2021 format; this one uses the 2019 trial format`,
  ),
  newTemplateEarly: message<{ year: number }>(
    (a) => `${a.year} 年度报告应使用 2019 试行格式，这里用的是 2021 格式`,
    (a) => `A ${a.year} report uses the 2019 trial format; this one uses the 2021 format`,
  ),
  mixed: message<{ format: string; other: string; label: string }>(
    (a) => `混用新旧模板：本报告为 ${a.format} 格式，但“${a.label}”是 ${a.other} 格式的写法`,
    (a) => `Mixed templates: the report is in the ${a.format} format but "${a.label}" is from the ${a.other} format`,
  ),
  missingFormat: message<{ format: string }>(
    (a) => `未声明 format，按内容推断为 ${a.format} 格式`,
    (a) => `No format declared; the content looks like the ${a.format} format`,
  ),
  unknownFormat: message(
    () => '未声明 format，也无法从内容推断：请写 format: 2019 或 format: 2021',
    () => 'No format declared and none can be inferred: write format: 2019 or format: 2021',
  ),
  missingSection: message<{ title: string; key: string }>(
    (a) => `缺少“${a.title}”（${a.key}）`,
    (a) => `Missing section "${a.title}" (${a.key})`,
  ),
  sectionOutOfOrder: message<{ title: string; after: string; before: string; afterEn: string; beforeEn: string }>(
    (a) => `“${a.title}”的位置不对：按模板应在${a.after}${a.after && a.before ? '、' : ''}${a.before}`,
    (a) =>
      `Section "${a.title}" is out of order: the template puts it ${a.afterEn}${a.afterEn && a.beforeEn ? ' and ' : ''}${a.beforeEn}`,
  ),
  missingRow: message<{ table: string; label: string; key: string }>(
    (a) => `${a.table}缺少“${a.label}”（${a.key}）`,
    (a) => `${tableNameEn(a.table)} lacks "${a.label}" (${a.key})`,
  ),
  extraRow: message<{ label: string }>(
    (a) => `非模板行“${a.label}”：国家格式中没有这一行`,
    (a) => `Non-template row "${a.label}": the national format has no such row`,
  ),
  extraRowUnlabelled: message<{ index: number }>(
    (a) => `extra_rows 第 ${a.index} 项没有标签（label）：写明原文的行名称`,
    (a) => `extra_rows item ${a.index} has no label: give the row's published label`,
  ),
  unknownInTable: message<{ table: string; key: string }>(
    (a) => `${a.table}中没有“${a.key}”这一行或列`,
    (a) => `${tableNameEn(a.table)} has no row or column "${a.key}"`,
  ),
};

/** The family's rules, in the order docs/RULES.md lists them. */
export const RULES = [X_FORMAT, STRUCT_SECTIONS, STRUCT_ROWS] as const;
