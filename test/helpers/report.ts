/** Test helpers: load example files, build reports from the skeleton, find diagnostics. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, skeleton, type CheckOptions, type Diagnostic, type FormatId } from '../../core';

export const ROOT = join(__dirname, '..', '..', '..');

/** Every YAML file under examples/ and test/fixtures/: the texts the parse tests run over. */
export function exampleAndFixtureFiles(): string[] {
  return ['examples', 'test/fixtures'].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((n) => n.endsWith('.yaml'))
      .map((n) => join(ROOT, dir, n)),
  );
}

export function example(name: string): string {
  return readFileSync(join(ROOT, 'examples', name), 'utf8');
}

export function codes(diags: Diagnostic[], severity?: Diagnostic['severity']): string[] {
  return diags.filter((d) => !severity || d.severity === severity).map((d) => d.code);
}

export function check(text: string, options?: CheckOptions): Diagnostic[] {
  return checkText(text, options).diagnostics;
}

/** The text a diagnostic underlines. */
export function underlined(text: string, d: { span: { start: number; end: number } }): string {
  return text.slice(d.span.start, d.span.end);
}

/** A zero-filled report of the format, with `edits` applied as literal replacements of `key: {…}` rows. */
export function zeroReport(format: FormatId, year = format === '2019' ? 2020 : 2022): string {
  return skeleton({ format, year, organ: '测试乡人民政府', fill: 'zero', organKind: 'township_government' })
    .replace(/^overview:$/m, 'overview: 总体情况。工作考核、社会评议和责任追究结果情况：无。')
    .replace(/^problems:$/m, 'problems: 存在问题及改进措施。上年度问题已整改。')
    .replace(/^other_matters:$/m, 'other_matters: 无。');
}

/** Replaces the first `key: value` of a row line, e.g. setCell(t, 'granted', 'natural', 3). */
export function setCell(text: string, row: string, col: string, value: string | number): string {
  const re = new RegExp(`(^\\s*${row}:\\s*\\{[^}\\n]*?\\b${col}: )([^,}]*)`, 'm');
  if (!re.test(text)) throw new Error(`no cell ${row}.${col}`);
  return text.replace(re, `$1${value}`);
}

/** A finding as tests read it: `data` as a plain record (the assertions check its values). */
export type Finding = Omit<Diagnostic, 'data'> & { data: Record<string, unknown> };

/** Findings with their data as plain records, for assertions over mixed codes. */
export function loose(ds: readonly Diagnostic[]): Finding[] {
  return ds as unknown as Finding[];
}
