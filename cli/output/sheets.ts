/**
 * The office tables of a run (`--format xlsx`): the findings (one row per finding,
 * cli/output/rows.ts), one row per organ and year (the summary), and with `--roster` who has
 * reported. Written to a workbook by cli/output/xlsx.ts.
 */
import type { Locale } from '../../core';
import type { BatchRun } from '../batch';
import { COLUMNS, cellsOf, heading, rowsOf, type Column } from './rows';
import { pairingCell, type Summary } from './summary';
import type { Sheet } from './xlsx';

/** Column widths in characters (CJK text counts about double). */
const WIDTH: Record<Column, number> = {
  file: 36,
  line: 6,
  organ: 28,
  year: 7,
  code: 16,
  severity: 8,
  cell: 30,
  path: 28,
  message: 70,
  status: 12,
  reason: 30,
  by: 10,
  date: 12,
  fingerprint: 18,
};

export function sheetsOf(run: Pick<BatchRun, 'results' | 'roster'>, summary: Summary, locale: Locale): Sheet[] {
  const en = locale === 'en';
  const sheets: Sheet[] = [
    {
      name: en ? 'Findings' : '问题',
      head: COLUMNS.map((c) => heading(c, locale)),
      widths: COLUMNS.map((c) => WIDTH[c]),
      rows: rowsOf(run.results, locale).map((r) => cellsOf(r, locale)),
      wrap: [COLUMNS.indexOf('message')],
    },
    {
      name: en ? 'By organ and year' : '按机关和年度',
      head: en
        ? ['organ', 'year', 'files', 'errors', 'warnings', 'infos', 'suppressed', 'verified', 'last year', 'rules']
        : ['机关', '年度', '文件', '错误', '警告', '提示', '已忽略', '已核实', '上年度报告', '规则'],
      widths: [28, 7, 36, 7, 7, 7, 8, 8, 20, 60],
      rows: summary.reports.map((r) => [
        r.organ,
        r.year ?? '',
        r.files.join('\n'),
        r.errors,
        r.warnings,
        r.infos,
        r.suppressed,
        r.dismissed,
        r.pairing ? pairingCell(r.pairing) : '',
        r.rules.map((c) => (c.count > 1 ? `${c.code}×${c.count}` : c.code)).join(' '),
      ]),
    },
  ];
  const roster = run.roster;
  if (roster)
    sheets.push({
      name: en ? 'Roster' : '名单',
      head: en ? ['organ', 'kind', 'year', 'reported', 'files'] : ['机关', '类型', '年度', '已报送', '文件'],
      widths: [28, 20, 7, 8, 40],
      rows: roster.status.map((s) => [
        s.organ.name,
        s.organ.kind ?? '',
        roster.roster.year,
        s.files.length ? (en ? 'yes' : '是') : en ? 'no' : '否',
        s.files.join('\n'),
      ]),
    });
  return sheets;
}
