/**
 * `nianbao check --summary`: one row per organ and year with its errors and warnings by rule,
 * worst first (errors, then warnings), sized for one screen: the worst `top` rows, one line
 * for the rest, and the totals by rule.
 */
import { basename } from 'node:path';
import {
  categoryOf,
  sameIdentity,
  type Diagnostic,
  type Locale,
  type Pairing,
  type ReportIdentity,
  type Severity,
  type Suppressed,
} from '../../core';
import { sanitize } from './sanitize';

export interface SummaryInput {
  file: string;
  diags: Diagnostic[];
  suppressed?: Suppressed[];
  /** Findings dismissed in the review ledger: counted apart, never as errors. */
  dismissed?: unknown[];
  identity?: ReportIdentity;
  organ?: string;
  year?: number;
  pairing?: Pairing;
  /** A roster organ that sent no report (its ROSTER-MISSING finding is the row's only one). */
  missing?: boolean;
}

export interface RuleCount {
  code: string;
  severity: Severity;
  count: number;
}

export interface ReportSummary {
  organ: string;
  year: number | null;
  files: string[];
  errors: number;
  warnings: number;
  infos: number;
  /** Findings silenced by suppression comments. */
  suppressed: number;
  /** Findings dismissed in the review ledger (已核实). */
  dismissed: number;
  /** Which report of the year before the row's (first) file was compared with, when several files were checked. */
  pairing?: Pairing;
  /** An organ of the roster with no report: listed first, not counted as a report. */
  missing?: true;
  /** Import findings (IMPORT-*, what `nianbao import` could not read): counted apart, not in errors/warnings. */
  imports: number;
  /** The report's own findings by rule: errors first, then warnings, then info; most frequent first. */
  rules: RuleCount[];
  /** The import findings by rule. */
  importRules: RuleCount[];
}

export interface Summary {
  files: number;
  reports: ReportSummary[];
  totals: {
    errors: number;
    warnings: number;
    infos: number;
    suppressed: number;
    dismissed: number;
    /** Organs of the roster with no report. */
    missing: number;
    imports: number;
    reportsWithImports: number;
    reportsWithErrors: number;
    reportsWithWarningsOnly: number;
    clean: number;
  };
  byRule: (RuleCount & { reports: number })[];
  /** Import findings by rule, apart from the report's own. */
  byImportRule: (RuleCount & { reports: number })[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function byRule(a: RuleCount, b: RuleCount): number {
  return RANK[a.severity] - RANK[b.severity] || b.count - a.count || a.code.localeCompare(b.code);
}

export function buildSummary(results: SummaryInput[]): Summary {
  type Group = ReportSummary & {
    counts: Map<string, RuleCount>;
    importCounts: Map<string, RuleCount>;
    identity?: ReportIdentity;
  };
  const groups: Group[] = [];
  const bySlot = new Map<string, Group[]>();
  for (const r of results) {
    // Reports of one organ and year meet in one row, whatever the spelling of the organ's name.
    const slot = r.identity ? `${r.identity.key}\u0000${r.identity.year}` : undefined;
    let g = slot ? bySlot.get(slot)?.find((x) => x.identity && sameIdentity(x.identity, r.identity!)) : undefined;
    if (!g) {
      g = {
        organ: r.organ ?? r.file,
        year: r.year ?? null,
        files: [],
        errors: 0,
        warnings: 0,
        infos: 0,
        suppressed: 0,
        dismissed: 0,
        imports: 0,
        ...(r.pairing ? { pairing: r.pairing } : {}),
        ...(r.missing ? { missing: true as const } : {}),
        rules: [],
        importRules: [],
        counts: new Map(),
        importCounts: new Map(),
        identity: r.identity,
      };
      groups.push(g);
      if (slot) bySlot.set(slot, [...(bySlot.get(slot) ?? []), g]);
    }
    g.files.push(r.file);
    g.suppressed += r.suppressed?.length ?? 0;
    g.dismissed += r.dismissed?.length ?? 0;
    for (const d of r.diags) {
      if (categoryOf(d.code) === 'import') {
        g.imports++;
        tally(g.importCounts, d);
        continue;
      }
      if (d.severity === 'error') g.errors++;
      else if (d.severity === 'warning') g.warnings++;
      else g.infos++;
      tally(g.counts, d);
    }
  }
  const reports = groups.map(({ counts, importCounts, identity: _identity, ...g }) => ({
    ...g,
    rules: [...counts.values()].sort(byRule),
    importRules: [...importCounts.values()].sort(byRule),
  }));
  // Who has not reported comes first: the reviewer's first question.
  reports.sort(
    (a, b) =>
      Number(!!b.missing) - Number(!!a.missing) ||
      b.errors - a.errors ||
      b.warnings - a.warnings ||
      b.infos - a.infos ||
      a.organ.localeCompare(b.organ) ||
      (a.year ?? 0) - (b.year ?? 0),
  );
  const filed = reports.filter((r) => !r.missing);
  return {
    files: new Set(results.filter((r) => !r.missing).map((r) => r.file)).size,
    reports,
    totals: {
      errors: reports.reduce((s, r) => s + r.errors, 0),
      warnings: reports.reduce((s, r) => s + r.warnings, 0),
      infos: reports.reduce((s, r) => s + r.infos, 0),
      suppressed: reports.reduce((s, r) => s + r.suppressed, 0),
      dismissed: reports.reduce((s, r) => s + r.dismissed, 0),
      missing: reports.length - filed.length,
      imports: reports.reduce((s, r) => s + r.imports, 0),
      reportsWithImports: filed.filter((r) => r.imports).length,
      reportsWithErrors: filed.filter((r) => r.errors).length,
      reportsWithWarningsOnly: filed.filter((r) => !r.errors && r.warnings).length,
      clean: filed.filter((r) => !r.errors && !r.warnings).length,
    },
    byRule: totalsByRule(reports.map((r) => r.rules)),
    byImportRule: totalsByRule(reports.map((r) => r.importRules)),
  };
}

function tally(counts: Map<string, RuleCount>, d: Diagnostic): void {
  const k = `${d.code}\u0000${d.severity}`;
  const c = counts.get(k) ?? { code: d.code, severity: d.severity, count: 0 };
  c.count++;
  counts.set(k, c);
}

/** Findings per rule over all reports, and in how many reports. */
function totalsByRule(perReport: RuleCount[][]): (RuleCount & { reports: number })[] {
  const all = new Map<string, RuleCount & { reports: number }>();
  for (const rules of perReport) {
    for (const c of rules) {
      const k = `${c.code}\u0000${c.severity}`;
      const t = all.get(k) ?? { code: c.code, severity: c.severity, count: 0, reports: 0 };
      t.count += c.count;
      t.reports++;
      all.set(k, t);
    }
  }
  return [...all.values()].sort(byRule);
}

/** Terminal columns of a string: CJK and full-width characters take two. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

function fit(s: string, cols: number): string {
  if (width(s) <= cols) return s + ' '.repeat(cols - width(s));
  let out = '';
  for (const ch of s) {
    if (width(out + ch) > cols - 1) break;
    out += ch;
  }
  return `${out}…${' '.repeat(Math.max(0, cols - width(out) - 1))}`;
}

const right = (s: string | number, cols: number) => ' '.repeat(Math.max(0, cols - width(String(s)))) + String(s);

function ruleList(rules: RuleCount[], cols: number): string {
  const shown = rules.filter((r) => r.severity !== 'info');
  const parts = shown.map((r, i) => {
    const p = r.count > 1 ? `${r.code}×${r.count}` : r.code;
    // A dot between the last error rule and the first warning rule.
    return i > 0 && shown[i - 1].severity === 'error' && r.severity === 'warning' ? `· ${p}` : p;
  });
  let out = '';
  for (const p of parts) {
    const next = out ? `${out} ${p}` : p;
    if (width(next) > cols) return width(`${out} …`) <= cols ? `${out} …` : out;
    out = next;
  }
  return out;
}

/** A row's count of findings silenced by suppression comments, shown first so it cannot pass unseen. */
function silenced(n: number, en: boolean): string {
  return n ? (en ? `[${n} suppressed] ` : `[忽略 ${n}] `) : '';
}

/** A row's count of findings dismissed in the review ledger. */
function verified(n: number, en: boolean): string {
  return n ? (en ? `[${n} verified] ` : `[已核实 ${n}] `) : '';
}

/** A row's count of import findings, apart from its errors and warnings. */
function imported(n: number, en: boolean): string {
  return n ? (en ? `[${n} import] ` : `[导入 ${n}] `) : '';
}

/** Width of the 上年度 column: a report file's name without its extension, cut to fit. */
const PREV = 16;

/** The 上年度 cell: last year's file (its name), — when none; +N when N other files could have paired. */
export function pairingCell(p: Pairing | undefined): string {
  if (!p?.previous) return '—';
  const name = sanitize(basename(p.previous).replace(/\.nianbao\.ya?ml$/i, ''));
  const more = p.candidates.length > 1 ? ` +${p.candidates.length - 1}` : '';
  return `${name}${more}`;
}

export interface SummaryFormat {
  locale: Locale;
  top: number;
  columns?: number;
}

export function formatSummary(s: Summary, f: SummaryFormat): string {
  const en = f.locale === 'en';
  const total = f.columns ?? 100;
  const ORG = 28;
  const paired = s.reports.some((r) => r.pairing);
  const prevCols = paired ? PREV + 1 : 0;
  const rulesCols = Math.max(20, total - ORG - 6 - 6 - 6 - 4 - prevCols);
  const L: string[] = [];
  const t = s.totals;
  const filed = s.reports.length - t.missing;
  const extra = [
    t.missing ? (en ? `${t.missing} organ(s) on the roster sent no report` : `名单上 ${t.missing} 个机关未报送`) : '',
    t.suppressed ? (en ? `${t.suppressed} suppressed by comments` : `另有 ${t.suppressed} 条被忽略注释隐去`) : '',
    t.dismissed ? (en ? `${t.dismissed} verified in the review ledger` : `${t.dismissed} 条已核实（审核记录）`) : '',
    t.imports
      ? en
        ? `${t.imports} import finding(s) in ${t.reportsWithImports} report(s), counted apart`
        : `另有导入发现 ${t.imports} 条（${t.reportsWithImports} 份报告，单独计数）`
      : '',
  ].filter(Boolean);
  L.push(
    en
      ? `${filed} report(s) in ${s.files} file(s): ${t.reportsWithErrors} with errors, ${t.reportsWithWarningsOnly} with warnings only, ${t.clean} clean — ${t.errors} error(s), ${t.warnings} warning(s), ${t.infos} info${extra.length ? `; ${extra.join('; ')}` : ''}`
      : `${s.files} 个文件，${filed} 份报告：${t.reportsWithErrors} 份有错误，${t.reportsWithWarningsOnly} 份仅有警告，${t.clean} 份无问题；共 ${t.errors} 个错误，${t.warnings} 个警告，${t.infos} 条提示${extra.length ? `；${extra.join('；')}` : ''}`,
  );
  L.push('');
  const prevHead = paired ? ` ${fit(en ? 'last year' : '上年度报告', PREV)}` : '';
  L.push(
    `${fit(en ? 'organ' : '机关', ORG)} ${right(en ? 'year' : '年度', 5)} ${right(en ? 'err' : '错误', 5)} ${right(en ? 'warn' : '警告', 5)}${prevHead}  ${en ? 'rules (errors first)' : '规则（错误在前）'}`,
  );
  const shown = f.top > 0 ? s.reports.slice(0, f.top) : s.reports;
  for (const r of shown) {
    const name = sanitize(r.organ);
    const organ = r.files.length > 1 ? `${name} (${r.files.length})` : name;
    const prev = paired ? ` ${fit(r.missing ? '' : pairingCell(r.pairing), PREV)}` : '';
    L.push(
      `${fit(organ, ORG)} ${right(r.year ?? '—', 5)} ${right(r.errors, 5)} ${right(r.warnings, 5)}${prev}  ${silenced(r.suppressed, en)}${verified(r.dismissed, en)}${imported(r.imports, en)}${ruleList(r.rules, rulesCols)}`,
    );
  }
  const rest = s.reports.slice(shown.length);
  if (rest.length) {
    const e = rest.reduce((a, r) => a + r.errors, 0);
    const w = rest.reduce((a, r) => a + r.warnings, 0);
    L.push(
      en
        ? `… ${rest.length} more report(s) with ${e} error(s) and ${w} warning(s) (--top 0 lists all, --format json gives every row)`
        : `…… 另有 ${rest.length} 份报告，共 ${e} 个错误、${w} 个警告（--top 0 列出全部，--format json 输出每一行）`,
    );
  }
  if (paired)
    L.push(
      en
        ? `Last year: the report of the year before each was compared with (— none among the files; +N other candidates, the first by name was used).`
        : `上年度报告：与之对照的上一年度报告（— 表示所给文件中没有；+N 表示另有 N 份可配对，取文件名在前的一份）。`,
    );
  if (s.byRule.length) {
    L.push('');
    L.push(en ? 'By rule (findings / reports):' : '按规则（次数 / 报告数）：');
    const items = s.byRule.map(
      (r) => `${r.code} ${r.count}/${r.reports}${r.severity === 'info' ? (en ? ' (info)' : '（提示）') : ''}`,
    );
    let line = ' ';
    for (const it of items) {
      if (width(line) + width(it) + 2 > total) {
        L.push(line);
        line = ' ';
      }
      line += ` ${it} `;
    }
    if (line.trim()) L.push(line);
  }
  if (s.byImportRule.length) {
    L.push('');
    L.push(
      en
        ? 'Import findings by rule (findings / reports), not defects of the reports:'
        : '导入发现按规则（次数 / 报告数），不是报告本身的问题：',
    );
    L.push(`  ${s.byImportRule.map((r) => `${r.code} ${r.count}/${r.reports}`).join('  ')}`);
  }
  return L.map((l) => l.trimEnd()).join('\n');
}
