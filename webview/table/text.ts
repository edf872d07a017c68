/** The grid's own words in both locales (everything about the report comes from the server). */
import type { GridLocale } from '../../protocol/table';

const ZH = {
  errors: '错误',
  warnings: '警告',
  infos: '提示',
  noFindings: '检查通过：没有发现问题',
  findings: '检查结果',
  otherFindings: '不在表格中的问题',
  blank: '空',
  missing: '缺少此项',
  sum: '合计',
  sumShould: '各项之和为',
  sumBlanks: '（{0} 项未填）',
  fix: '快速修复',
  fixKey: 'Ctrl+.',
  noFixes: '没有可用的快速修复',
  loadingFixes: '正在查找快速修复…',
  help: '方向键移动 · 直接输入或 F2 编辑 · Enter 确认并下移 · Tab 右移 · Esc 取消 · Delete 清空 · Backspace 清空并编辑（可用输入法） · Ctrl+V 粘贴 Excel/WPS 区域 · Ctrl+. 快速修复 · F8 下一个问题',
  group: '成片空缺：{0} 格',
  absentSection: '（原文缺少此节）',
  absentTable: '（原文缺少此表）',
  pasteClipped: '粘贴区域超出表格，已舍去 {0} 格',
  notApplied: '未能写入：{0}',
  readOnly: '此格不能在表格中编辑',
  narrativePlaceholder: '在此填写本节内容',
  meta: '基本信息',
  source: '在文本中查看（Ctrl+Enter）',
  cellOf: '{0}：{1}',
};

const EN: typeof ZH = {
  errors: 'errors',
  warnings: 'warnings',
  infos: 'notes',
  noFindings: 'No problems found',
  findings: 'Findings',
  otherFindings: 'Not shown in a table',
  blank: 'blank',
  missing: 'missing',
  sum: 'Sum',
  sumShould: 'the items add up to',
  sumBlanks: ' ({0} not filled)',
  fix: 'Quick fix',
  fixKey: 'Ctrl+.',
  noFixes: 'No quick fixes available',
  loadingFixes: 'Looking for quick fixes…',
  help: 'Arrows move · type or F2 to edit · Enter commits and moves down · Tab moves right · Esc cancels · Delete blanks · Backspace clears and edits (for an input method) · Ctrl+V pastes an Excel/WPS range · Ctrl+. quick fix · F8 next problem',
  group: 'Blank as a group: {0} cells',
  absentSection: '(section missing)',
  absentTable: '(table missing)',
  pasteClipped: 'The pasted range ran past the table: {0} cells left out',
  notApplied: 'Not written: {0}',
  readOnly: 'This cell cannot be edited in the table',
  narrativePlaceholder: 'Write this section here',
  meta: 'Report',
  source: 'Show in the text (Ctrl+Enter)',
  cellOf: '{0}: {1}',
};

export type Words = typeof ZH;

export function words(locale: GridLocale): Words {
  return locale === 'en' ? EN : ZH;
}

/** Fills {0}, {1} … */
export function fill(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}
