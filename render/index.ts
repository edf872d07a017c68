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
import { checkText } from '../core/rules/run';
import type { CheckOptions } from '../core/rules/options';
import { readCell, type Cell } from '../core/model/cells';
import { keySpanAt, locate, spanOf, valueNode, type Report } from '../core/model/report';
import { labelAt, labelPath } from '../core/schema/labels';
import { FORMATS, groupLabels, nodeAt, x, type CellKind } from '../core/schema/nodes';
import { sectionsOf, tablesOf, type RowSpec, type TableSpec } from '../core/schema/tables';
import type { Diagnostic, FormatId, Locale, Severity, Span } from '../core/types';
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
  const value = (report.value ?? {}) as Record<string, unknown>;
  const meta = (value.meta ?? {}) as Record<string, unknown>;
  const body = renderBody(input, opts).html;
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
    body,
    '</main>',
    opts.script && nonce ? `<script nonce="${nonce}">${SCRIPT}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export interface BodyOptions extends RenderOptions {
  /** Prefix of an `id` on every element with a `data-path` (the first of each path), so a page can link to a cell. */
  anchor?: string;
  /** List the findings above the report (default: when diagnostics are shown). */
  findingsList?: boolean;
}

/**
 * The report's body — its header, the findings list and the six sections — without the page
 * around it, for embedding (the batch review page, cli/output/html.ts). `anchors` are the
 * subject paths that got an id.
 */
export function renderBody(input: RenderInput, opts: BodyOptions = {}): { html: string; anchors: Set<string> } {
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
  if (opts.diagnostics !== false && opts.findingsList !== false) body.push(renderFindings(ctx));
  body.push(...sectionsHtml);
  body.push(`<footer>nianbao · ${esc(labelAt(format, []))}</footer>`);
  const anchors = new Set<string>();
  let html = body.join('\n');
  if (opts.anchor !== undefined) {
    const prefix = opts.anchor;
    // data-path values are already escaped; the id repeats them behind the prefix.
    html = html.replace(/ data-path="([^"]*)"/g, (m, path: string) => {
      if (anchors.has(path)) return m;
      anchors.add(path);
      return ` id="${esc(prefix)}${path}"${m}`;
    });
  }
  return { html, anchors };
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
  for (const d of out) ctx.claimed.add(d);
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
  if (period && (period.from || period.to))
    parts.push(`<span>统计期限 ${esc(period.from ?? '')} 至 ${esc(period.to ?? '')}</span>`);
  if (meta.published_on) parts.push(`<span>发布日期 ${esc(meta.published_on)}</span>`);
  const contact = meta.contact as Record<string, unknown> | undefined;
  const contactText =
    contact && typeof contact === 'object'
      ? Object.values(contact)
          .filter((v) => v !== null && v !== undefined && v !== '')
          .map(String)
          .join('，')
      : '';
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
  const out = [
    `<section class="narrative" data-path="${esc(key)}" data-line="${line}">`,
    `<h2 class="${headDs.cls.trim()}"${attr('title', headDs.title || undefined)}>${esc(title)}</h2>`,
  ];
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
    if (count > bestCount) {
      best = f;
      bestCount = count;
    }
  }
  return best;
}

function renderTableSection(ctx: Ctx, key: string, title: string, reportFormat: FormatId): string {
  const { line, span } = sectionLine(ctx, key);
  const headDs = diagAttrs(ctx, claim(ctx, span));
  const out = [
    `<section class="table-section" data-path="${esc(key)}" data-line="${line}">`,
    `<h2 class="${headDs.cls.trim()}"${attr('title', headDs.title || undefined)}>${esc(title)}</h2>`,
  ];
  const tables = tableLayout(ctx, key, reportFormat);
  if (!tables) out.push(`<p class="absent">（原文缺少此表）</p>`);
  else out.push(...tables.map(tableHtml));
  out.push('</section>');
  return out.join('\n');
}

/** A cell of the official layout, independent of HTML (also written to DOCX). */
export interface LCell {
  tag: 'th' | 'td';
  /** Plain text (not escaped). */
  text: string;
  rowspan?: number;
  colspan?: number;
  cls: string;
  attrs: Record<string, string | number | undefined>;
}

export interface LTable {
  cls: string;
  path: string;
  caption?: string;
  head: LCell[][];
  body: LCell[][];
}

function tableHtml(t: LTable): string {
  const row = (r: LCell[]) => `<tr>${r.map(cellHtml).join('')}</tr>`;
  return [
    `<table class="official ${t.cls}" data-path="${esc(t.path)}">`,
    t.caption !== undefined ? `<caption>${esc(t.caption)}</caption>` : '',
    t.head.length ? `<thead>\n${t.head.map(row).join('\n')}\n</thead>` : '',
    `<tbody>\n${t.body.map(row).join('\n')}\n</tbody>`,
    '</table>',
  ]
    .filter(Boolean)
    .join('\n');
}

function cellHtml(c: LCell): string {
  const attrs = Object.entries(c.attrs)
    .map(([k, v]) => attr(k, v))
    .join('');
  return `<${c.tag}${attr('class', c.cls || undefined)}${attr('rowspan', c.rowspan && c.rowspan > 1 ? c.rowspan : undefined)}${attr('colspan', c.colspan && c.colspan > 1 ? c.colspan : undefined)}${attrs}>${esc(c.text)}</${c.tag}>`;
}

/** The tables of a section in the official layout (表 plus its non-template rows), or undefined when absent. */
function tableLayout(ctx: Ctx, key: string, reportFormat: FormatId): LTable[] | undefined {
  if (!locate(ctx.report, [key])) return undefined;
  const format = tableFormat(ctx, key, reportFormat);
  const spec = tablesOf(format).find((t) => t.key === key)!;
  const main = isColumnGroupTable(spec)
    ? columnGroupTable(ctx, spec, format)
    : spec.rows.every((r) => sameColumns(r, spec.rows[0]))
      ? matrixTable(ctx, spec, format)
      : subTables(ctx, spec, format);
  const extra = extraRows(ctx, spec);
  return extra ? [main, extra] : [main];
}

const sameColumns = (a: RowSpec, b: RowSpec) => a.columns.map((c) => c.key).join() === b.columns.map((c) => c.key).join();

function isColumnGroupTable(t: TableSpec): boolean {
  return t.rows.length <= 3 && t.rows[0].columns.length >= 4 && t.rows.every((r) => sameColumns(r, t.rows[0]));
}

function td(ctx: Ctx, path: string[], kind: CellKind, colspan = 1): LCell {
  const cell = readCell(ctx.report, path, kind);
  const loc = locate(ctx.report, path);
  const start = loc?.keySpan?.start ?? cell.span.start;
  const end = Math.max(cell.span.end, loc?.valueSpan?.end ?? 0, start + 1);
  const ds = diagAttrs(ctx, loc ? claim(ctx, { start, end }) : []);
  const line = ctx.line(loc ? (loc.valueSpan ?? loc.keySpan ?? cell.span).start : cell.span.start);
  return {
    tag: 'td',
    text: cellText(cell),
    colspan,
    cls: `${cell.state}${ds.cls}`,
    attrs: { 'data-path': path.join('.'), 'data-line': line, title: ds.title || undefined },
  };
}

function cellText(cell: Cell): string {
  switch (cell.state) {
    case 'number':
      return cell.unit ? `${cell.value} ${cell.unit}` : String(cell.value);
    case 'blank':
      return '';
    case 'missing':
      return '—';
    default:
      return cell.text ?? '';
  }
}

/** A header cell for a row or group path, with the diagnostics on its key. */
function th(ctx: Ctx, path: string[], label: string, cls: string, span: { rowspan?: number; colspan?: number } = {}): LCell {
  const loc = locate(ctx.report, path);
  const ds = diagAttrs(ctx, loc?.keySpan ? claim(ctx, loc.keySpan) : []);
  const line = ctx.line(loc?.keySpan?.start ?? keySpanAt(ctx.report, path).start);
  return {
    tag: 'th',
    text: label,
    ...span,
    cls: `${cls}${ds.cls}`,
    attrs: { 'data-path': path.join('.'), 'data-line': line, title: ds.title || undefined },
  };
}

const plainTh = (text: string, span: { rowspan?: number; colspan?: number } = {}, cls = ''): LCell => ({
  tag: 'th',
  text,
  ...span,
  cls,
  attrs: {},
});

interface HeadNode {
  id: string;
  label: string;
}

/** Header rows for leaves with chains of group nodes above them (outermost first). */
function headerRows(leaves: { chain: HeadNode[]; leaf: HeadNode }[], corner?: (h: number) => LCell): LCell[][] {
  const H = Math.max(...leaves.map((l) => l.chain.length)) + 1;
  const rows: LCell[][] = Array.from({ length: H }, () => []);
  if (corner) rows[0].push(corner(H));
  for (let level = 0; level < H; level++) {
    for (let i = 0; i < leaves.length; i++) {
      const l = leaves[i];
      if (l.chain.length > level) {
        const g = l.chain[level];
        if (i > 0 && leaves[i - 1].chain[level]?.id === g.id) continue;
        let n = 1;
        while (i + n < leaves.length && leaves[i + n].chain[level]?.id === g.id) n++;
        rows[level].push(plainTh(g.label, { colspan: n }));
      } else if (l.chain.length === level) {
        rows[level].push(plainTh(l.leaf.label, { rowspan: H - level }));
      }
    }
  }
  return rows;
}

/** 表三: rows under up to three levels of labels, columns under their column groups. */
function matrixTable(ctx: Ctx, spec: TableSpec, format: FormatId): LTable {
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
    if (top.rowGroup)
      out.push({ id: `group:${top.rowGroup}`, label: groupLabels[top.rowGroup] ?? top.rowGroup, path: [spec.key] });
    for (let i = 1; i <= r.rel.length; i++) {
      const p = [spec.key, ...r.rel.slice(0, i)];
      out.push({ id: p.join('.'), label: labelAt(format, p), path: p });
    }
    return out;
  });
  const L = Math.max(...levels.map((l) => l.length));
  const head = headerRows(leaves, (H) => plainTh(xn.note ?? '', { rowspan: H, colspan: L }, 'note'));
  const body = spec.rows.map((r, i) => {
    const cells: LCell[] = [];
    levels[i].forEach((lv, j) => {
      if (i > 0 && levels[i - 1][j]?.id === lv.id) return;
      let n = 1;
      while (i + n < spec.rows.length && levels[i + n][j]?.id === lv.id) n++;
      const span = { rowspan: n, colspan: j === levels[i].length - 1 ? L - j : 1 };
      if (lv.id.startsWith('group:')) {
        const line = ctx.line(locate(ctx.report, [...r.path])?.keySpan?.start ?? 0);
        cells.push({
          tag: 'th',
          text: lv.label,
          ...span,
          cls: 'row-label group',
          attrs: { 'data-path': spec.key, 'data-group': lv.id.slice(6), 'data-line': line },
        });
      } else cells.push(th(ctx, lv.path, lv.label, 'row-label', span));
    });
    for (const c of r.columns) cells.push(td(ctx, [...r.path, c.key], c.cell));
    return cells;
  });
  return { cls: 't-matrix', path: spec.key, head, body };
}

/** 表四: every row is a group of columns side by side; one row of values. */
function columnGroupTable(ctx: Ctx, spec: TableSpec, format: FormatId): LTable {
  const leaves = spec.rows.flatMap((r) => {
    const lp = labelPath(format, r.path).slice(2);
    const chain = lp.map((label, i) => ({ id: i === lp.length - 1 ? r.path.join('.') : `g:${label}`, label }));
    return r.columns.map((c) => ({ chain, leaf: { id: `${r.path.join('.')}.${c.key}`, label: c.label } }));
  });
  const cells = spec.rows.flatMap((r) => r.columns.map((c) => td(ctx, [...r.path, c.key], c.cell)));
  return { cls: 't-groups', path: spec.key, head: headerRows(leaves), body: [cells] };
}

/** 表二: sub-tables stacked in one table, each under its caption and a 信息内容 header row. */
function subTables(ctx: Ctx, spec: TableSpec, format: FormatId): LTable {
  const M = Math.max(...spec.rows.map((r) => r.columns.length));
  const body: LCell[][] = [];
  const tops = [...new Set(spec.rows.map((r) => r.rel[0]))];
  for (const g of tops) {
    const rows = spec.rows.filter((r) => r.rel[0] === g);
    const gpath = [spec.key, g];
    if (rows.every((r) => r.rel.length > 1)) body.push([th(ctx, gpath, labelAt(format, gpath), 'caption', { colspan: M + 1 })]);
    const cols = rows[0].columns;
    const span = (i: number) => (i === cols.length - 1 ? M - cols.length + 1 : 1);
    const header = x(nodeAt(format, gpath)).labelHeader ?? '';
    body.push([plainTh(header), ...cols.map((c, i) => plainTh(c.label, { colspan: span(i) }))]);
    for (const r of rows)
      body.push([
        th(ctx, r.path, labelAt(format, r.path), 'row-label'),
        ...r.columns.map((c, i) => td(ctx, [...r.path, c.key], c.cell, span(i))),
      ]);
  }
  return { cls: 't-sub', path: spec.key, head: [], body };
}

/** Rows the template does not have (extra_rows), under the table they were found in. */
function extraRows(ctx: Ctx, spec: TableSpec): LTable | undefined {
  const extra = (ctx.report.value as { extra_rows?: unknown } | undefined)?.extra_rows;
  if (!Array.isArray(extra)) return undefined;
  const body: LCell[][] = [];
  extra.forEach((e, i) => {
    if (!e || typeof e !== 'object' || (e as { table?: unknown }).table !== spec.name) return;
    const row = e as { label?: unknown; values?: unknown; value?: unknown };
    const vals = Array.isArray(row.values) ? row.values : 'value' in row ? [row.value] : [];
    const loc = locate(ctx.report, ['extra_rows', String(i)]);
    const span = spanOf(loc?.value);
    const ds = diagAttrs(ctx, claim(ctx, span));
    const line = span ? ctx.line(span.start) : 0;
    const attrs = { 'data-path': `extra_rows.${i}`, 'data-line': line, title: ds.title || undefined };
    body.push([
      { tag: 'th', text: String(row.label ?? ''), cls: `row-label${ds.cls}`, attrs },
      ...vals.map(
        (v): LCell => ({
          tag: 'td',
          text: v === null || v === undefined ? '' : String(v),
          cls: v === null || v === undefined ? 'blank' : typeof v === 'number' ? 'number' : 'text',
          attrs: {},
        }),
      ),
    ]);
  });
  if (!body.length) return undefined;
  return { cls: 'extra', path: 'extra_rows', caption: `非模板行（${spec.name}）`, head: [], body };
}

/** The report's narrative and tables as plain structures (for the DOCX export). */
export interface ReportLayout {
  title: string;
  meta: string[];
  sections: { key: string; title: string; paragraphs?: string[]; tables?: LTable[] }[];
}

export function reportLayout(input: RenderInput): ReportLayout {
  const { report } = input;
  const format: FormatId = input.format ?? report.format ?? '2021';
  const ctx: Ctx = { report, diags: [], claimed: new Set(), locale: 'zh-CN', line: (o) => report.lines.position(o).line };
  const value = (report.value ?? {}) as Record<string, unknown>;
  const meta = (value.meta ?? {}) as Record<string, unknown>;
  const period = meta.period as { from?: unknown; to?: unknown } | undefined;
  const metaLines = [
    typeof meta.organ === 'string' ? meta.organ : '',
    period && (period.from || period.to) ? `统计期限 ${period.from ?? ''} 至 ${period.to ?? ''}` : '',
    meta.published_on ? `发布日期 ${meta.published_on}` : '',
  ].filter(Boolean) as string[];
  const sections = sectionsOf(format).map((s) => {
    if (s.narrative) {
      const t = value[s.key];
      return {
        key: s.key,
        title: s.title,
        paragraphs: typeof t === 'string' ? t.split('\n').filter((p) => p.trim() !== '') : [],
      };
    }
    return { key: s.key, title: s.title, tables: tableLayout(ctx, s.key, format) ?? [] };
  });
  return { title: titleOf(meta, format), meta: metaLines, sections };
}

function renderFindings(ctx: Ctx): string {
  const all = ctx.diags;
  const counts = SEV_ORDER.map((s) => [s, all.filter((d) => d.severity === s).length] as const);
  const names: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
  const summary = counts.map(([s, n]) => `<span class="sev-${s}">${n} ${names[s]}</span>`).join('，');
  // Findings not shown on a cell or heading first, then the others; each links to its line.
  const sorted = [...all.filter((d) => !ctx.claimed.has(d)), ...all.filter((d) => ctx.claimed.has(d))];
  const items = sorted.map(
    (d) => `<li class="sev-${d.severity}" data-line="${d.range.start.line}">${esc(d.code)} ${esc(d.message[ctx.locale])}</li>`,
  );
  const open = all.some((d) => !ctx.claimed.has(d) && d.severity !== 'info');
  return [
    `<details class="findings"${open ? ' open' : ''}>`,
    `<summary>检查结果：${summary}${all.length ? '（标出的单元格悬停可见说明）' : ''}</summary>`,
    items.length ? `<ul>${items.join('')}</ul>` : '',
    '</details>',
  ].join('\n');
}
