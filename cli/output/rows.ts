/**
 * Findings as table rows, for the office formats (CSV, XLSX, the HTML page): one row per finding —
 * those that count, those silenced by a comment and those the ledger dismissed — with the organ,
 * the year, the cell in words and the review status, in the output's language.
 */
import { assumedFormat, rosterSubject, subjectName, type Diagnostic, type Locale, type Review, type Severity } from '../../core';
import type { FileResult } from '../batch';

export type RowStatus = '' | 'suppressed' | 'dismissed' | 'confirmed';

export interface FindingRow {
  file: string;
  /** 1-based. */
  line: number;
  organ: string;
  year: number | '';
  code: string;
  severity: Severity;
  /** The finding's subject in words (a cell's row·column, a section's title). */
  cell: string;
  path: string;
  message: string;
  status: RowStatus;
  /** The reviewer's reason, or the suppression comment. */
  reason: string;
  by: string;
  date: string;
  fingerprint: string;
  diagnostic: Diagnostic;
}

export const COLUMNS = [
  'file',
  'line',
  'organ',
  'year',
  'code',
  'severity',
  'cell',
  'path',
  'message',
  'status',
  'reason',
  'by',
  'date',
  'fingerprint',
] as const;
export type Column = (typeof COLUMNS)[number];

const HEAD_ZH: Record<Column, string> = {
  file: '文件',
  line: '行',
  organ: '机关',
  year: '年度',
  code: '规则',
  severity: '级别',
  cell: '单元格或部分',
  path: '路径',
  message: '问题',
  status: '审核',
  reason: '说明',
  by: '审核人',
  date: '审核日期',
  fingerprint: '指纹',
};

export function heading(c: Column, locale: Locale): string {
  return locale === 'en' ? c : HEAD_ZH[c];
}

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const STATUS_ZH: Record<RowStatus, string> = { '': '', suppressed: '已忽略（注释）', dismissed: '已核实', confirmed: '已确认' };

export function severityText(s: Severity, locale: Locale): string {
  return locale === 'en' ? s : SEVERITY_ZH[s];
}

export function statusText(s: RowStatus, locale: Locale): string {
  return locale === 'en' ? s : STATUS_ZH[s];
}

export function rowsOf(results: readonly FileResult[], locale: Locale): FindingRow[] {
  return results.flatMap((r) => {
    const format = assumedFormat({ format: r.format ?? null, year: r.year });
    const row = (d: Diagnostic, status: RowStatus, review?: Review, reason = ''): FindingRow => {
      // A roster finding is about the organ it names, not about the roster file.
      const organ = (r.kind === 'roster' ? rosterSubject(d)?.organ : undefined) ?? r.organ ?? '';
      return {
        file: r.file,
        line: d.range.start.line + 1,
        organ,
        year: r.year ?? '',
        code: d.code,
        severity: d.severity,
        cell: r.kind === 'roster' ? '' : subjectName(format, d.data.path),
        path: d.data.path,
        message: d.message[locale],
        status,
        reason: review?.reason ?? reason,
        by: review?.by ?? '',
        date: review?.date ?? '',
        fingerprint: r.fingerprints.get(d) ?? '',
        diagnostic: d,
      };
    };
    return [
      ...r.diags.map((d) => {
        const review = r.reviews.get(d);
        return row(d, review ? 'confirmed' : '', review);
      }),
      ...r.suppressed.map((s) =>
        row(s.diagnostic, 'suppressed', undefined, `# nianbao-disable-next-line ${s.directive.codes.join(' ')}`),
      ),
      ...r.dismissed.map((x) => row(x.diagnostic, 'dismissed', x.review)),
    ].sort((a, b) => a.line - b.line || a.code.localeCompare(b.code));
  });
}

/** A row's cells in column order, as text and numbers (the office formats write these). */
export function cellsOf(row: FindingRow, locale: Locale): (string | number)[] {
  return COLUMNS.map((c) => {
    if (c === 'severity') return severityText(row.severity, locale);
    if (c === 'status') return statusText(row.status, locale);
    return row[c];
  });
}
