/** Compiler-style lines: file:line:col severity code message (1-based positions for humans). */
import { categoryOf, type Diagnostic, type Locale } from '../../core';

function line(file: string, d: Diagnostic, locale: Locale): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message[locale]}`;
}

/**
 * A file's findings: the report's own first, then what the importer could not read (IMPORT-*,
 * recorded by `nianbao import`) under a heading of its own, so that a reviewer never takes an
 * import problem for a defect of the report, nor the reverse.
 */
export function formatText(file: string, diags: Diagnostic[], locale: Locale): string {
  const own = diags.filter((d) => categoryOf(d.code) !== 'import');
  const imported = diags.filter((d) => categoryOf(d.code) === 'import');
  const out = own.map((d) => line(file, d, locale));
  if (imported.length) {
    out.push(
      locale === 'en'
        ? `${file}: ${imported.length} import finding(s): what \`nianbao import\` could not read (not defects of the report):`
        : `${file}：导入发现 ${imported.length} 条（nianbao import 未能确定的读取，不是报告本身的问题）：`,
    );
    out.push(...imported.map((d) => `  ${line(file, d, locale)}`));
  }
  return out.join('\n');
}

/** `counts` are the report's own findings by severity; `imports` the import findings, counted apart. */
export function summaryLine(files: number, counts: Record<string, number>, locale: Locale, suppressed = 0, imports = 0): string {
  const { error = 0, warning = 0, info = 0 } = counts;
  const silenced = suppressed
    ? locale === 'en'
      ? `; ${suppressed} suppressed by comments (--no-inline-config shows them)`
      : `；另有 ${suppressed} 条被忽略注释隐去（--no-inline-config 可显示）`
    : '';
  const imported = imports ? (locale === 'en' ? `; ${imports} import finding(s)` : `；导入发现 ${imports} 条`) : '';
  return locale === 'en'
    ? `${files} file(s): ${error} error(s), ${warning} warning(s), ${info} info${imported}${silenced}`
    : `${files} 个文件：${error} 个错误，${warning} 个警告，${info} 条提示${imported}${silenced}`;
}
