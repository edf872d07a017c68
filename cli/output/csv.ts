/**
 * CSV for Excel and WPS: UTF-8 with a byte-order mark (without it both read the file in the
 * system's legacy code page and the Chinese turns to mojibake), CRLF line ends and RFC 4180
 * quoting; one row per finding (cli/output/rows.ts). A cell that starts like a formula (= + - @)
 * gets a leading apostrophe, so text from a report is never run as a formula when opened.
 */
import type { Locale } from '../../core';
import type { FileResult } from '../batch';
import { COLUMNS, cellsOf, heading, rowsOf, type FindingRow } from './rows';

export const BOM = '\ufeff';
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(v: string | number): string {
  if (typeof v === 'number') return String(v);
  const s = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(locale: Locale): string {
  return COLUMNS.map((c) => csvCell(heading(c, locale))).join(',');
}

/** A finding's row as a CSV line, without its line end. */
export function csvRow(row: FindingRow, locale: Locale): string {
  return cellsOf(row, locale).map(csvCell).join(',');
}

export function toCsv(results: readonly FileResult[], locale: Locale): string {
  const lines = [csvHeader(locale)];
  for (const row of rowsOf(results, locale)) lines.push(csvRow(row, locale));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
