/**
 * The renderer's own words, in zh-CN and en (core/messages/define.ts): the findings panel and
 * the notes it writes into the page where the document has nothing (a missing section, an empty
 * one, rows the template does not have). The document's own text — titles, labels, the meta
 * lines under the title — is the official form's and stays as printed.
 */
import { both, message } from '../core/messages/define';
import { tableNameEn } from '../core/facts/tables';

export const RENDER = {
  error: both('错误', 'error(s)'),
  warning: both('警告', 'warning(s)'),
  info: both('提示', 'info'),
  findings: message<{ counts: string }>(
    (a) => `检查结果：${a.counts}`,
    (a) => `Findings: ${a.counts}`,
  ),
  hoverHint: both('（标出的单元格悬停可见说明）', ' (hover over a marked cell for the reason)'),
  sectionMissing: both('（原文缺少此节）', '(this section is missing from the document)'),
  sectionEmpty: both('（空）', '(empty)'),
  tableMissing: both('（原文缺少此表）', '(this table is missing from the document)'),
  extraRows: message<{ table: string }>(
    (a) => `非模板行（${a.table}）`,
    (a) => `Rows not in the template (${tableNameEn(a.table)})`,
  ),
};
