/**
 * A report (parsed model + diagnostics) as the official report in HTML: the six sections
 * with their headings, and the tables in the official layout, derived from the schemas:
 * 表二 as stacked sub-tables under their captions, 表三 with three levels of row headers
 * (rowspans) under the 申请人情况 / 法人或其他组织 column groups, 表四 as column groups
 * (行政复议 | 行政诉讼: 未经复议直接起诉, 复议后起诉) over one row of values.
 *
 * Every cell carries `data-path` and `data-line` (0-based source line, for scroll sync);
 * cells with diagnostics are highlighted, the messages in their `title`. Every text is
 * escaped; the page has a strict Content Security Policy (no inline script unless nonce'd,
 * the style block nonce'd or allowed by its hash).
 */
import { createHash } from 'node:crypto';
import { checkText } from '../checks/index';
import type { CheckOptions } from '../checks/options';
import { readCell, type Cell } from '../model/cells';
import { keySpanAt, locate, spanOf, valueNode, type Report } from '../model/report';
import { labelAt, labelPath } from '../schema/labels';
import { FORMATS, groupLabels, nodeAt, x, type CellKind } from '../schema/nodes';
import { sectionsOf, tablesOf, type RowSpec, type TableSpec } from '../schema/tables';
import type { Diagnostic, FormatId, Locale, Severity, Span } from '../types';
import { SCRIPT, STYLE } from './assets';
import { attr, cspToken, esc } from './escape';

export interface RenderOptions {
  locale?: Locale;
  /** Nonce for the style block and the script (webview). Without one the style is allowed by its hash. */
  nonce?: string;
  /** The webview's resource origin (`webview.cspSource`). */
  cspSource?: string;
  /** Include the scroll-sync script (needs a nonce). */
  script?: boolean;
  /** Show the check results (highlights and the findings list); default true. */
  diagnostics?: boolean;
}

export interface RenderInput {
  report: Report;
  diagnostics: Diagnostic[];
  format: FormatId | null;
}

const SEV_ORDER: Severity[] = ['error', 'warning', 'info'];

interface Ctx {
  report: Report;
  diags: Diagnostic[];
  claimed: Set<Diagnostic>;
  locale: Locale;
  line(offset: number): number;
}

/** Renders YAML text: checks it, then renders the result. */
export function renderText(text: string, opts: RenderOptions = {}, check: CheckOptions = {}): string {
  return renderReport(checkText(text, check), opts);
}

export function renderReport(input: RenderInput, opts: RenderOptions = {}): string {
  const { report } = input;
  const locale = opts.locale ?? 'zh-CN';
  const format: FormatId = input.format ?? report.format ?? '2021';
  const ctx: Ctx = {
    report,
    diags: opts.diagnostics === false ? [] : input.diagnostics,
    claimed: new Set(),
    locale,
    line: (o) => report.lines.position(o).line,
  };
  const body: string[] = [];
  const value = (report.value ?? {}) as Record<string, unknown>;
  const meta = (value.meta ?? {}) as Record<string, unknown>;
  body.push(renderHead(ctx, meta));
  const sectionsHtml: string[] = [];
  for (const s of sectionsOf(format)) {
    if (s.narrative) sectionsHtml.push(renderNarrative(ctx, s.key, s.title));
    else sectionsHtml.push(renderTableSection(ctx, s.key, s.title, format));
  }
  if (opts.diagnostics !== false) body.push(renderFindings(ctx));
  body.push(...sectionsHtml);
  body.push(`<footer>nianbao · ${esc(labelAt(format, []))}</footer>`);

  const nonce = cspToken(opts.nonce);
  const source = cspToken(opts.cspSource);
  const styleSrc = nonce ? `'nonce-${nonce}'` : `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;
  const csp = [
    "default-src 'none'",
    `style-src ${styleSrc}`,
    `img-src data:${source ? ` ${source}` : ''}`,
    `font-src${source ? ` ${source}` : " 'none'"}`,
    `script-src ${opts.script && nonce ? `'nonce-${nonce}'` : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const title = titleOf(meta, format);
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style${attr('nonce', nonce)}>${STYLE}</style>`,
    '</head>',
    `<body><main class="report">`,
    ...body,
    '</main>',
    opts.script && nonce ? `<script nonce="${nonce}">${SCRIPT}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function titleOf(meta: Record<string, unknown>, format: FormatId): string {
  if (typeof meta.title === 'string' && meta.title) return meta.title;
  const organ = typeof meta.organ === 'string' ? meta.organ : '';
  const year = typeof meta.year === 'number' ? `${meta.year}年` : '';
  return organ || year ? `${organ}${year}政府信息公开工作年度报告` : labelAt(format, []);
}

/** Diagnostics whose span starts inside `span` (inclusive of an empty span's position). */
function claim(ctx: Ctx, span: Span | undefined): Diagnostic[] {
  if (!span) return [];
  const out = ctx.diags.filter((d) => d.span.start >= span.start && (d.span.start < span.end || d.span.start === span.start));
  out.forEach((d) => ctx.claimed.add(d));
  return out;
}

function diagAttrs(ctx: Ctx, ds: Diagnostic[]): { cls: string; title: string } {
  if (!ds.length) return { cls: '', title: '' };
  const worst = SEV_ORDER.find((s) => ds.some((d) => d.severity === s))!;
  return { cls: ` d-${worst}`, title: ds.map((d) => `${d.code} ${d.message[ctx.locale]}`).join('\n') };
}

function renderHead(ctx: Ctx, meta: Record<string, unknown>): string {
  const loc = locate(ctx.report, ['meta']);
  const line = loc?.keySpan ? ctx.line(loc.keySpan.start) : 0;
  const title = titleOf(meta, ctx.report.format ?? '2021');
  const parts: string[] = [];
  if (typeof meta.organ === 'string' && meta.organ) parts.push(`<span>${esc(meta.organ)}</span>`);
  const period = meta.period as { from?: unknown; to?: unknown } | undefined;
  if (period && (period.from || period.to)) parts.push(`<span>统计期限 ${esc(period.from ?? '')} 至 ${esc(period.to ?? '')}</span>`);
  if (meta.published_on) parts.push(`<span>发布日期 ${esc(meta.published_on)}</span>`);
  const contact = meta.contact as Record<string, unknown> | undefined;
  const contactText = contact && typeof contact === 'object' ? Object.values(contact).filter((v) => v !== null && v !== undefined && v !== '').map(String).join('，') : '';
  const ds = diagAttrs(ctx, claim(ctx, loc ? { start: loc.keySpan?.start ?? 0, end: spanOf(loc.value)?.end ?? 0 } : undefined));
  return [
    `<header class="report-head${ds.cls}" data-path="meta" data-line="${line}"${attr('title', ds.title || undefined)}>`,
    `<h1>${esc(title)}</h1>`,
    parts.length ? `<p class="meta">${parts.join('')}</p>` : '',
    contactText ? `<p class="meta"><span>联系方式 ${esc(contactText)}</span></p>` : '',
    '</header>',
  ].join('\n');
}

function sectionLine(ctx: Ctx, key: string): { line: number; span?: Span } {
  const loc = locate(ctx.report, [key]);
  if (!loc) return { line: ctx.line(keySpanAt(ctx.report, [key]).start) };
  return { line: ctx.line(loc.keySpan?.start ?? 0), span: loc.keySpan };
}

function renderNarrative(ctx: Ctx, key: string, title: string): string {
  const loc = locate(ctx.report, [key]);
  const { line } = sectionLine(ctx, key);
  const node = loc ? valueNode(ctx.report, loc) : null;
  const vs = spanOf(node);
  const headDs = diagAttrs(ctx, claim(ctx, loc?.keySpan));
  const text = (ctx.report.value as Record<string, unknown> | undefined)?.[key];
  const out = [`<section class="narrative" data-path="${esc(key)}" data-line="${line}">`, `<h2 class="${headDs.cls.trim()}"${attr('title', headDs.title || undefined)}>${esc(title)}</h2>`];
  if (!loc) {
    out.push(`<p class="absent">（原文缺少此节）</p>`);
  } else if (typeof text !== 'string' || text.trim() === '') {
    const ds = diagAttrs(ctx, claim(ctx, vs));
    out.push(`<p class="absent${ds.cls}" data-line="${line}"${attr('title', ds.title || undefined)}>（空）</p>`);
  } else {
    // A block scalar's content starts on the line after `key: |`; one source line per line.
    const block = vs && /^[|>]/.test(ctx.report.text.slice(vs.start, vs.start + 1));
    const first = vs ? ctx.line(vs.start) + (block ? 1 : 0) : line;
    const lines = text.replace(/\n$/, '').split('\n');
    const lineStarts = lines.map((_, i) => (block ? first + i : first));
    lines.forEach((p, i) => {
      if (p.trim() === '') return;
      const l = lineStarts[i];
      const ds = diagAttrs(ctx, claim(ctx, lineSpan(ctx, l)));
      out.push(`<p data-line="${l}" class="${ds.cls.trim()}"${attr('title', ds.title || undefined)}>${esc(p)}</p>`);
    });
    claim(ctx, vs);
  }
  out.push('</section>');
  return out.join('\n');
}

function lineSpan(ctx: Ctx, line: number): Span {
  const start = ctx.report.lines.offset({ line, character: 0 });
  const end = ctx.report.lines.offset({ line: line + 1, character: 0 });
  return { start, end: end > start ? end : start + 1 };
}

/** The format whose version of the table the document follows (a mixed report keeps the other's keys). */
function tableFormat(ctx: Ctx, key: string, fallback: FormatId): FormatId {
  let best = fallback;
  let bestCount = -1;
  for (const f of [fallback, ...FORMATS.filter((g) => g !== fallback)]) {
    const t = tablesOf(f).find((s) => s.key === key);
    if (!t) continue;
    const count = t.rows.reduce((n, r) => n + r.columns.filter((c) => locate(ctx.report, [...r.path, c.key])).length, 0);
    if (count > bestCount) { best = f; bestCount = count; }
  }
  return best;
}

function renderTableSection(ctx: Ctx, key: string, title: string, reportFormat: FormatId): string {
  const format = tableFormat(ctx, key, reportFormat);
  const spec = tablesOf(format).find((t) => t.key === key)!;
  const { line, span } = sectionLine(ctx, key);
  const headDs = diagAttrs(ctx, claim(ctx, span));
  const out = [`<section class="table-section" data-path="${esc(key)}" data-line="${line}">`, `<h2 class="${headDs.cls.trim()}"${attr('title', headDs.title || undefined)}>${esc(title)}</h2>`];
  if (!locate(ctx.report, [key])) out.push(`<p class="absent">（原文缺少此表）</p>`);
  else if (isColumnGroupTable(spec)) out.push(columnGroupTable(ctx, spec, format));
  else if (spec.rows.every((r) => sameColumns(r, spec.rows[0]))) out.push(matrixTable(ctx, spec, format));
  else out.push(subTables(ctx, spec, format));
  out.push(extraRows(ctx, spec));
  out.push('</section>');
  return out.join('\n');
}

const sameColumns = (a: RowSpec, b: RowSpec) => a.columns.map((c) => c.key).join() === b.columns.map((c) => c.key).join();

function isColumnGroupTable(t: TableSpec): boolean {
  return t.rows.length <= 3 && t.rows[0].columns.length >= 4 && t.rows.every((r) => sameColumns(r, t.rows[0]));
}

function td(ctx: Ctx, path: string[], kind: CellKind, colspan = 1): string {
  const cell = readCell(ctx.report, path, kind);
  const loc = locate(ctx.report, path);
  const start = loc?.keySpan?.start ?? cell.span.start;
  const end = Math.max(cell.span.end, loc?.valueSpan?.end ?? 0, start + 1);
  const ds = diagAttrs(ctx, loc ? claim(ctx, { start, end }) : []);
  const line = ctx.line(loc ? (loc.valueSpan ?? loc.keySpan ?? cell.span).start : cell.span.start);
  return `<td class="${cell.state}${ds.cls}"${attr('colspan', colspan > 1 ? colspan : undefined)} data-path="${esc(path.join('.'))}" data-line="${line}"${attr('title', ds.title || undefined)}>${cellText(cell)}</td>`;
}

function cellText(cell: Cell): string {
  switch (cell.state) {
    case 'number':
      return esc(cell.unit ? `${cell.value} ${cell.unit}` : String(cell.value));
    case 'blank':
      return '';
    case 'missing':
      return '—';
    default:
      return esc(cell.text ?? '');
  }
}

/** A header cell for a row or group path, with the diagnostics on its key. */
function th(ctx: Ctx, path: string[], label: string, cls: string, span: { rowspan?: number; colspan?: number } = {}): string {
  const loc = locate(ctx.report, path);
  const ds = diagAttrs(ctx, loc?.keySpan ? claim(ctx, loc.keySpan) : []);
  const line = ctx.line(loc?.keySpan?.start ?? keySpanAt(ctx.report, path).start);
  return `<th class="${cls}${ds.cls}"${attr('rowspan', span.rowspan && span.rowspan > 1 ? span.rowspan : undefined)}${attr('colspan', span.colspan && span.colspan > 1 ? span.colspan : undefined)} data-path="${esc(path.join('.'))}" data-line="${line}"${attr('title', ds.title || undefined)}>${esc(label)}</th>`;
}

interface HeadNode { id: string; label: string }

/** Header rows for leaves with chains of group nodes above them (outermost first). */
function headerRows(leaves: { chain: HeadNode[]; leaf: HeadNode }[], corner?: string): string[] {
  const H = Math.max(...leaves.map((l) => l.chain.length)) + 1;
  const rows: string[][] = Array.from({ length: H }, () => []);
  if (corner) rows[0].push(corner.replace('%H%', String(H)));
  for (let level = 0; level < H; level++) {
    for (let i = 0; i < leaves.length; i++) {
      const l = leaves[i];
      if (l.chain.length > level) {
        const g = l.chain[level];
        if (i > 0 && leaves[i - 1].chain[level]?.id === g.id) continue;
        let n = 1;
        while (i + n < leaves.length && leaves[i + n].chain[level]?.id === g.id) n++;
        rows[level].push(`<th${attr('colspan', n > 1 ? n : undefined)}>${esc(g.label)}</th>`);
      } else if (l.chain.length === level) {
        rows[level].push(`<th${attr('rowspan', H - level > 1 ? H - level : undefined)}>${esc(l.leaf.label)}</th>`);
      }
    }
  }
  return rows.map((r) => `<tr>${r.join('')}</tr>`);
}

/** 表三: rows under up to three levels of labels, columns under their column groups. */
function matrixTable(ctx: Ctx, spec: TableSpec, format: FormatId): string {
  const xn = x(nodeAt(format, [spec.key]));
  const columns = spec.rows[0].columns;
  const groups = (xn.columnGroups ?? []).slice().sort((a, b) => b.columns.length - a.columns.length);
  const leaves = columns.map((c) => ({
    chain: groups.filter((g) => g.columns.includes(c.key)).map((g) => ({ id: g.label, label: groupLabels[g.label] ?? g.label })),
    leaf: { id: c.key, label: c.label },
  }));
  // Row label levels: the row group (三、本年度办理结果), the groups of the key path, the row.
  const levels = spec.rows.map((r) => {
    const out: { id: string; label: string; path: string[] }[] = [];
    const top = x(nodeAt(format, [spec.key, r.rel[0]]));
    if (top.rowGroup) out.push({ id: `group:${top.rowGroup}`, label: groupLabels[top.rowGroup] ?? top.rowGroup, path: [spec.key] });
    for (let i = 1; i <= r.rel.length; i++) {
      const p = [spec.key, ...r.rel.slice(0, i)];
      out.push({ id: p.join('.'), label: labelAt(format, p), path: p });
    }
    return out;
  });
  const L = Math.max(...levels.map((l) => l.length));
  const corner = `<th class="note" rowspan="%H%"${attr('colspan', L > 1 ? L : undefined)}>${esc(xn.note ?? '')}</th>`;
  const out = [`<table class="official t-matrix" data-path="${esc(spec.key)}">`, '<thead>', ...headerRows(leaves, corner), '</thead>', '<tbody>'];
  spec.rows.forEach((r, i) => {
    const cells: string[] = [];
    levels[i].forEach((lv, j) => {
      if (i > 0 && levels[i - 1][j]?.id === lv.id) return;
      let n = 1;
      while (i + n < spec.rows.length && levels[i + n][j]?.id === lv.id) n++;
      const last = j === levels[i].length - 1;
      const span = { rowspan: n, colspan: last ? L - j : 1 };
      if (lv.id.startsWith('group:')) {
        const line = ctx.line(locate(ctx.report, [...r.path])?.keySpan?.start ?? 0);
        cells.push(`<th class="row-label group"${attr('rowspan', n > 1 ? n : undefined)}${attr('colspan', span.colspan > 1 ? span.colspan : undefined)} data-path="${esc(spec.key)}" data-group="${esc(lv.id.slice(6))}" data-line="${line}">${esc(lv.label)}</th>`);
      } else cells.push(th(ctx, lv.path, lv.label, 'row-label', span));
    });
    for (const c of r.columns) cells.push(td(ctx, [...r.path, c.key], c.cell));
    out.push(`<tr>${cells.join('')}</tr>`);
  });
  out.push('</tbody>', '</table>');
  return out.join('\n');
}

/** 表四: every row is a group of columns side by side; one row of values. */
function columnGroupTable(ctx: Ctx, spec: TableSpec, format: FormatId): string {
  const leaves = spec.rows.flatMap((r) => {
    const lp = labelPath(format, r.path).slice(2);
    const chain = lp.map((label, i) => ({ id: i === lp.length - 1 ? r.path.join('.') : `g:${label}`, label }));
    return r.columns.map((c) => ({ chain, leaf: { id: `${r.path.join('.')}.${c.key}`, label: c.label } }));
  });
  const out = [`<table class="official t-groups" data-path="${esc(spec.key)}">`, '<thead>', ...headerRows(leaves), '</thead>', '<tbody>'];
  const cells = spec.rows.flatMap((r) => r.columns.map((c) => td(ctx, [...r.path, c.key], c.cell)));
  out.push(`<tr>${cells.join('')}</tr>`, '</tbody>', '</table>');
  return out.join('\n');
}

/** 表二: sub-tables stacked in one table, each under its caption and a 信息内容 header row. */
function subTables(ctx: Ctx, spec: TableSpec, format: FormatId): string {
  const M = Math.max(...spec.rows.map((r) => r.columns.length));
  const out = [`<table class="official t-sub" data-path="${esc(spec.key)}">`, '<tbody>'];
  const tops = [...new Set(spec.rows.map((r) => r.rel[0]))];
  for (const g of tops) {
    const rows = spec.rows.filter((r) => r.rel[0] === g);
    const gpath = [spec.key, g];
    const grouped = rows.every((r) => r.rel.length > 1);
    if (grouped) out.push(`<tr>${th(ctx, gpath, labelAt(format, gpath), 'caption', { colspan: M + 1 })}</tr>`);
    const cols = rows[0].columns;
    const span = (i: number) => (i === cols.length - 1 ? M - cols.length + 1 : 1);
    const header = x(nodeAt(format, gpath)).labelHeader ?? '';
    out.push(`<tr><th>${esc(header)}</th>${cols.map((c, i) => `<th${attr('colspan', span(i) > 1 ? span(i) : undefined)}>${esc(c.label)}</th>`).join('')}</tr>`);
    for (const r of rows) {
      const cells = r.columns.map((c, i) => td(ctx, [...r.path, c.key], c.cell, span(i)));
      out.push(`<tr>${th(ctx, r.path, labelAt(format, r.path), 'row-label')}${cells.join('')}</tr>`);
    }
  }
  out.push('</tbody>', '</table>');
  return out.join('\n');
}

/** Rows the template does not have (extra_rows), under the table they were found in. */
function extraRows(ctx: Ctx, spec: TableSpec): string {
  const extra = (ctx.report.value as { extra_rows?: unknown } | undefined)?.extra_rows;
  if (!Array.isArray(extra)) return '';
  const rows: string[] = [];
  extra.forEach((e, i) => {
    if (!e || typeof e !== 'object' || (e as { table?: unknown }).table !== spec.name) return;
    const row = e as { label?: unknown; values?: unknown; value?: unknown };
    const vals = Array.isArray(row.values) ? row.values : 'value' in row ? [row.value] : [];
    const loc = locate(ctx.report, ['extra_rows', String(i)]);
    const span = spanOf(loc?.value);
    const ds = diagAttrs(ctx, claim(ctx, span));
    const line = span ? ctx.line(span.start) : 0;
    rows.push(`<tr data-path="extra_rows.${i}" data-line="${line}" class="${ds.cls.trim()}"${attr('title', ds.title || undefined)}><th class="row-label">${esc(row.label ?? '')}</th>${vals.map((v) => `<td class="${v === null || v === undefined ? 'blank' : typeof v === 'number' ? 'number' : 'text'}">${esc(v ?? '')}</td>`).join('')}</tr>`);
  });
  if (!rows.length) return '';
  return [`<table class="official extra" data-path="extra_rows">`, `<caption>非模板行（${esc(spec.name)}）</caption>`, '<tbody>', ...rows, '</tbody>', '</table>'].join('\n');
}

function renderFindings(ctx: Ctx): string {
  const all = ctx.diags;
  const counts = SEV_ORDER.map((s) => [s, all.filter((d) => d.severity === s).length] as const);
  const names: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
  const summary = counts.map(([s, n]) => `<span class="sev-${s}">${n} ${names[s]}</span>`).join('，');
  // Findings not shown on a cell or heading first, then the others; each links to its line.
  const sorted = [...all.filter((d) => !ctx.claimed.has(d)), ...all.filter((d) => ctx.claimed.has(d))];
  const items = sorted.map((d) => `<li class="sev-${d.severity}" data-line="${d.range.start.line}">${esc(d.code)} ${esc(d.message[ctx.locale])}</li>`);
  const open = all.some((d) => !ctx.claimed.has(d) && d.severity !== 'info');
  return [
    `<details class="findings"${open ? ' open' : ''}>`,
    `<summary>检查结果：${summary}${all.length ? '（标出的单元格悬停可见说明）' : ''}</summary>`,
    items.length ? `<ul>${items.join('')}</ul>` : '',
    '</details>',
  ].join('\n');
}
