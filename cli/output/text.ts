/**
 * Compiler-style lines: file:line:col severity code message (1-based positions for humans).
 * File names, messages and reviewers' reasons can hold characters from a file: sanitised for
 * the terminal.
 */
import { categoryOf, type Diagnostic, type Locale, type Pairing, type Review } from '../../core';
import type { Dismissed, FileResult, LedgerSummary } from '../batch';
import type { FileCounts } from './json';
import { sanitize } from './sanitize';

function line(file: string, d: Diagnostic, locale: Locale): string {
  return `${sanitize(file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${sanitize(d.message[locale])}`;
}

/** Who decided and when, for a reviewed finding: （张三，2025-03-02）. */
function decided(r: Review, locale: Locale): string {
  const who = [r.by, r.date].filter((x): x is string => !!x).map(sanitize);
  if (!who.length) return '';
  return locale === 'en' ? ` (${who.join(', ')})` : `（${who.join('，')}）`;
}

/**
 * A file's findings: the report's own first, then what the importer could not read (IMPORT-*,
 * recorded by `nianbao import`) under a heading of its own, so that a reviewer never takes an
 * import problem for a defect of the report, nor the reverse.
 */
export function formatText(file: string, diags: Diagnostic[], locale: Locale, reviews?: ReadonlyMap<Diagnostic, Review>): string {
  const shown = (d: Diagnostic) => {
    const r = reviews?.get(d);
    const note = r ? (locale === 'en' ? ` [confirmed: ${sanitize(r.reason)}]` : ` [已确认：${sanitize(r.reason)}]`) : '';
    return `${line(file, d, locale)}${note}`;
  };
  const own = diags.filter((d) => categoryOf(d.code) !== 'import');
  const imported = diags.filter((d) => categoryOf(d.code) === 'import');
  const out = own.map(shown);
  if (imported.length) {
    const name = sanitize(file);
    out.push(
      locale === 'en'
        ? `${name}: ${imported.length} import finding(s): what \`nianbao import\` could not read (not defects of the report):`
        : `${name}：导入发现 ${imported.length} 条（nianbao import 未能确定的读取，不是报告本身的问题）：`,
    );
    out.push(...imported.map((d) => `  ${shown(d)}`));
  }
  return out.join('\n');
}

/** One file's findings dismissed in the review ledger, a line each (listed under dismissedHeading, after every file's findings). */
export function dismissedLines(r: { file: string; dismissed: Dismissed[] }, locale: Locale): string[] {
  return r.dismissed.map(
    ({ diagnostic: d, review }) =>
      `${line(r.file, d, locale)} — ${locale === 'en' ? `verified: ${sanitize(review.reason)}` : `已核实：${sanitize(review.reason)}`}${decided(review, locale)}`,
  );
}

export function dismissedHeading(locale: Locale): string {
  return locale === 'en'
    ? 'Verified (dismissed in the review ledger; not counted):'
    : '已核实（审核记录中已核实，不计入问题数）：';
}

export function formatPairing(results: readonly Pick<FileResult, 'file' | 'pairing'>[], locale: Locale): string {
  const rows = results.filter((r) => r.pairing).map((r) => `  ${pairingLine(r.file, r.pairing!, locale)}`);
  if (!rows.length) return '';
  return [locale === 'en' ? 'Paired with last year’s report:' : '上年度报告配对：', ...rows].join('\n');
}

export function pairingLine(name: string, p: Pairing, locale: Locale): string {
  const en = locale === 'en';
  const file = sanitize(name);
  if (p.status === 'unidentified')
    return en ? `${file}: organ or year unreadable, not paired` : `${file}：读不出机关或年度，未配对`;
  if (!p.previous)
    return en
      ? `${file}: no report of the same organ for ${p.year} among the files`
      : `${file}：所给文件中没有同一机关 ${p.year} 年度的报告`;
  const others = p.candidates.filter((c) => c !== p.previous).map(sanitize);
  const more = others.length
    ? en
      ? ` (also possible: ${others.join(', ')}; the first by name was used)`
      : `（另有 ${others.join('、')} 可配对，取文件名在前的一份）`
    : '';
  return `${file} ← ${sanitize(p.previous)}${more}`;
}

/** Ledger entries whose finding has gone. */
export function formatStale(ledgers: readonly LedgerSummary[], locale: Locale): string {
  return ledgers
    .filter((l) => l.stale.length)
    .map((l) =>
      locale === 'en'
        ? `${sanitize(l.file)}: ${l.stale.length} entr${l.stale.length === 1 ? 'y' : 'ies'} no longer match a finding (nianbao review list shows them)`
        : `${sanitize(l.file)}：${l.stale.length} 条记录已没有对应的问题（nianbao review list 可查看）`,
    )
    .join('\n');
}

/** The last line of the text output: the reports, and the findings of every file counted. */
export function totalsLine(files: readonly { kind: FileResult['kind']; counts: FileCounts }[], locale: Locale): string {
  const sum = (k: keyof FileCounts) => files.reduce((n, f) => n + f.counts[k], 0);
  return summaryLine(
    files.filter((f) => f.kind === 'report').length,
    { error: sum('errors'), warning: sum('warnings'), info: sum('infos') },
    locale,
    sum('suppressed'),
    sum('dismissed'),
    sum('imports'),
  );
}

export function summaryLine(
  files: number,
  counts: Record<string, number>,
  locale: Locale,
  suppressed = 0,
  dismissed = 0,
  imports = 0,
): string {
  const { error = 0, warning = 0, info = 0 } = counts;
  const silenced = suppressed
    ? locale === 'en'
      ? `; ${suppressed} suppressed by comments (--no-inline-config shows them)`
      : `；另有 ${suppressed} 条被忽略注释隐去（--no-inline-config 可显示）`
    : '';
  const verified = dismissed
    ? locale === 'en'
      ? `; ${dismissed} verified in the review ledger`
      : `；${dismissed} 条已核实（审核记录）`
    : '';
  const imported = imports ? (locale === 'en' ? `; ${imports} import finding(s)` : `；导入发现 ${imports} 条`) : '';
  return locale === 'en'
    ? `${files} file(s): ${error} error(s), ${warning} warning(s), ${info} info${imported}${silenced}${verified}`
    : `${files} 个文件：${error} 个错误，${warning} 个警告，${info} 条提示${imported}${silenced}${verified}`;
}
