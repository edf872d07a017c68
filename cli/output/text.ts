/**
 * Compiler-style lines: file:line:col severity code message (1-based positions for humans).
 * File names and messages can hold characters from the file: sanitised for the terminal.
 */
import type { Diagnostic, Locale } from '../../core';
import { sanitize } from './sanitize';

export function formatText(file: string, diags: Diagnostic[], locale: Locale): string {
  const name = sanitize(file);
  return diags
    .map(
      (d) =>
        `${name}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${sanitize(d.message[locale])}`,
    )
    .join('\n');
}

export function summaryLine(files: number, counts: Record<string, number>, locale: Locale, suppressed = 0): string {
  const { error = 0, warning = 0, info = 0 } = counts;
  const silenced = suppressed
    ? locale === 'en'
      ? `; ${suppressed} suppressed by comments (--no-inline-config shows them)`
      : `；另有 ${suppressed} 条被忽略注释隐去（--no-inline-config 可显示）`
    : '';
  return locale === 'en'
    ? `${files} file(s): ${error} error(s), ${warning} warning(s), ${info} info${silenced}`
    : `${files} 个文件：${error} 个错误，${warning} 个警告，${info} 条提示${silenced}`;
}
