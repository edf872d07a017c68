/**
 * A report (parsed model + diagnostics) as the official report in HTML: the six sections with
 * their headings and the tables in the official layout (layout/). Every cell carries
 * `data-path` and `data-line` (0-based source line, for scroll sync); cells with diagnostics
 * are highlighted, the messages in their `title`. Every text is escaped; the page has a strict
 * Content Security Policy (no inline script unless nonce'd, the style block nonce'd or allowed
 * by its hash).
 */
import { createHash } from 'node:crypto';
import { formatOfReport } from '../core/model/meta';
import { keySpanAt, locate, spanOf, valueNode, type Report } from '../core/model/report';
import { labelAt } from '../core/schema/labels';
import type { Diagnostic, FormatId, Locale, Severity, Span } from '../core/types';
import { SCRIPT, STYLE } from './assets';
import { attr, cspToken, esc } from './escape';
import { findingsPanel } from './findings';
import { RENDER } from './messages';
import { htmlPage } from './page';
import { cellOf, cellText, documentLayout, type SectionLayout } from './layout/document';
import type { LayoutCell, LayoutTable } from './layout/model';

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

/** What a page being written knows: the report, its diagnostics, and which of them a cell has shown. */
interface Ctx {
  report: Report;
  diags: Diagnostic[];
  claimed: Set<Diagnostic>;
  locale: Locale;
  line(offset: number): number;
}

export function renderReport(input: RenderInput, opts: RenderOptions = {}): string {
  const locale = opts.locale ?? 'zh-CN';
  const { html, title } = bodyOf(input, opts);
  const nonce = cspToken(opts.nonce);
  const source = cspToken(opts.cspSource);
  const styleSrc = nonce ? `'nonce-${nonce}'` : `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;
  return htmlPage({
    locale,
    csp: [
      "default-src 'none'",
      `style-src ${styleSrc}`,
      `img-src data:${source ? ` ${source}` : ''}`,
      `font-src${source ? ` ${source}` : " 'none'"}`,
      `script-src ${opts.script && nonce ? `'nonce-${nonce}'` : "'none'"}`,
      "base-uri 'none'",
      "form-action 'none'",
    ],
    title,
    style: STYLE,
    nonce: nonce || undefined,
    body: ['<body><main class="report">', html, '</main>'],
    script: opts.script ? SCRIPT : undefined,
  });
}

export interface BodyOptions extends RenderOptions {
  /** Prefix of an `id` on every element with a `data-path` (the first of each path), so a page can link to a cell. */
  anchor?: string;
  /** List the findings above the report (default: when diagnostics are shown). */
  findingsList?: boolean;
}

/** The body of the page (header, findings panel, the six sections, footer) and the report's title. */
function bodyOf(input: RenderInput, opts: BodyOptions): { html: string; title: string } {
  const { report } = input;
  const locale = opts.locale ?? 'zh-CN';
  const format: FormatId = input.format ?? formatOfReport(report);
  const ctx: Ctx = {
    report,
    diags: opts.diagnostics === false ? [] : input.diagnostics,
    claimed: new Set(),
    locale,
    line: (o) => report.lines.position(o).line,
  };
  const layout = documentLayout(report, format, locale);
  const sectionsHtml = layout.sections.map((s) => (s.narrative ? narrative(ctx, s) : tableSection(ctx, s)));
  const body = [head(ctx, layout.title, layout.meta, layout.contact)];
  // The findings panel lists first what no cell or heading showed: it is written after them.
  if (opts.diagnostics !== false && opts.findingsList !== false) body.push(findingsPanel(ctx.diags, ctx.claimed, locale));
  body.push(...sectionsHtml, `<footer>nianbao · ${esc(labelAt(format, []))}</footer>`);
  return { html: body.join('\n'), title: layout.title };
}

/**
 * The report's body — its header, the findings list and the six sections — without the page
 * around it, for embedding (the batch review page, cli/output/html.ts). `anchors` are the
 * subject paths that got an id.
 */
export function renderBody(input: RenderInput, opts: BodyOptions = {}): { html: string; anchors: Set<string> } {
  let { html } = bodyOf(input, opts);
  const anchors = new Set<string>();
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

function head(ctx: Ctx, title: string, meta: string[], contact: string): string {
  const loc = locate(ctx.report, ['meta']);
  const line = loc?.keySpan ? ctx.line(loc.keySpan.start) : 0;
  const ds = diagAttrs(ctx, claim(ctx, loc ? { start: loc.keySpan?.start ?? 0, end: spanOf(loc.value)?.end ?? 0 } : undefined));
  return [
    `<header class="report-head${ds.cls}" data-path="meta" data-line="${line}"${attr('title', ds.title || undefined)}>`,
    `<h1>${esc(title)}</h1>`,
    meta.length ? `<p class="meta">${meta.map((m) => `<span>${esc(m)}</span>`).join('')}</p>` : '',
    contact ? `<p class="meta"><span>联系方式 ${esc(contact)}</span></p>` : '',
    '</header>',
  ].join('\n');
}

function sectionLine(ctx: Ctx, key: string): { line: number; span?: Span } {
  const loc = locate(ctx.report, [key]);
  if (!loc) return { line: ctx.line(keySpanAt(ctx.report, [key]).start) };
  return { line: ctx.line(loc.keySpan?.start ?? 0), span: loc.keySpan };
}

function narrative(ctx: Ctx, s: SectionLayout): string {
  const loc = locate(ctx.report, [s.key]);
  const { line } = sectionLine(ctx, s.key);
  const node = loc ? valueNode(ctx.report, loc) : null;
  const vs = spanOf(node);
  const headDs = diagAttrs(ctx, claim(ctx, loc?.keySpan));
  const out = [
    `<section class="narrative" data-path="${esc(s.key)}" data-line="${line}">`,
    `<h2 class="${headDs.cls.trim()}"${attr('title', headDs.title || undefined)}>${esc(s.title)}</h2>`,
  ];
  if (s.absent) {
    out.push(`<p class="absent">${esc(RENDER.sectionMissing[ctx.locale])}</p>`);
  } else if (s.text.trim() === '') {
    const ds = diagAttrs(ctx, claim(ctx, vs));
    out.push(
      `<p class="absent${ds.cls}" data-line="${line}"${attr('title', ds.title || undefined)}>${esc(RENDER.sectionEmpty[ctx.locale])}</p>`,
    );
  } else {
    // A block scalar's content starts on the line after `key: |`; one source line per line.
    const block = vs && /^[|>]/.test(ctx.report.text.slice(vs.start, vs.start + 1));
    const first = vs ? ctx.line(vs.start) + (block ? 1 : 0) : line;
    s.text
      .replace(/\n$/, '')
      .split('\n')
      .forEach((p, i) => {
        if (p.trim() === '') return;
        const l = block ? first + i : first;
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

function tableSection(ctx: Ctx, s: SectionLayout): string {
  const { line, span } = sectionLine(ctx, s.key);
  const headDs = diagAttrs(ctx, claim(ctx, span));
  const out = [
    `<section class="table-section" data-path="${esc(s.key)}" data-line="${line}">`,
    `<h2 class="${headDs.cls.trim()}"${attr('title', headDs.title || undefined)}>${esc(s.title)}</h2>`,
  ];
  if (s.absent) out.push(`<p class="absent">${esc(RENDER.tableMissing[ctx.locale])}</p>`);
  else out.push(...s.tables.map((t) => table(ctx, t)));
  out.push('</section>');
  return out.join('\n');
}

const TABLE_CLASS: Record<LayoutTable['layout'], string> = {
  matrix: 't-matrix',
  sideBySide: 't-groups',
  stacked: 't-sub',
  extra: 'extra',
};

function table(ctx: Ctx, t: LayoutTable): string {
  const row = (r: LayoutCell[]) => `<tr>${r.map((c) => cellHtml(ctx, c)).join('')}</tr>`;
  return [
    `<table class="official ${TABLE_CLASS[t.layout]}" data-path="${esc(t.key)}">`,
    t.caption !== undefined ? `<caption>${esc(t.caption)}</caption>` : '',
    t.head.length ? `<thead>\n${t.head.map(row).join('\n')}\n</thead>` : '',
    `<tbody>\n${t.body.map(row).join('\n')}\n</tbody>`,
    '</table>',
  ]
    .filter(Boolean)
    .join('\n');
}

interface HtmlCell {
  tag: 'th' | 'td';
  text: string;
  cls: string;
  attrs: Record<string, string | number | undefined>;
}

function cellHtml(ctx: Ctx, c: LayoutCell): string {
  const h = htmlCell(ctx, c);
  const attrs = Object.entries(h.attrs)
    .map(([k, v]) => attr(k, v))
    .join('');
  const span = attr('rowspan', c.rowspan > 1 ? c.rowspan : undefined) + attr('colspan', c.colspan > 1 ? c.colspan : undefined);
  return `<${h.tag}${attr('class', h.cls || undefined)}${span}${attrs}>${esc(h.text)}</${h.tag}>`;
}

function htmlCell(ctx: Ctx, c: LayoutCell): HtmlCell {
  switch (c.role) {
    case 'value':
      return valueHtml(ctx, c);
    case 'row':
    case 'caption': {
      const cls = c.role === 'caption' ? 'caption' : 'row-label';
      if (c.path?.[0] === 'extra_rows') return extraRowHtml(ctx, c);
      const loc = locate(ctx.report, c.path!);
      const ds = diagAttrs(ctx, loc?.keySpan ? claim(ctx, loc.keySpan) : []);
      const line = ctx.line(loc?.keySpan?.start ?? keySpanAt(ctx.report, c.path!).start);
      return { tag: 'th', text: c.label, cls: `${cls}${ds.cls}`, attrs: pathAttrs(c.path!, line, ds.title) };
    }
    case 'group': {
      const line = ctx.line(locate(ctx.report, c.firstRow!)?.keySpan?.start ?? 0);
      return {
        tag: 'th',
        text: c.label,
        cls: 'row-label group',
        attrs: { 'data-path': c.path!.join('.'), 'data-group': c.group, 'data-line': line },
      };
    }
    case 'extra':
      return { tag: 'td', text: c.label, cls: c.label === '' ? 'blank' : c.kind ? 'number' : 'text', attrs: {} };
    case 'note':
      return { tag: 'th', text: c.label, cls: 'note', attrs: {} };
    default:
      return { tag: 'th', text: c.label, cls: '', attrs: {} };
  }
}

const pathAttrs = (path: string[], line: number, title: string) => ({
  'data-path': path.join('.'),
  'data-line': line,
  title: title || undefined,
});

function valueHtml(ctx: Ctx, c: LayoutCell): HtmlCell {
  const cell = cellOf(ctx.report, c);
  const loc = locate(ctx.report, c.path!);
  const start = loc?.keySpan?.start ?? cell.span.start;
  const end = Math.max(cell.span.end, loc?.valueSpan?.end ?? 0, start + 1);
  const ds = diagAttrs(ctx, loc ? claim(ctx, { start, end }) : []);
  const line = ctx.line(loc ? (loc.valueSpan ?? loc.keySpan ?? cell.span).start : cell.span.start);
  return { tag: 'td', text: cellText(cell), cls: `${cell.state}${ds.cls}`, attrs: pathAttrs(c.path!, line, ds.title) };
}

/** An extra row's label: the diagnostics of the whole entry. */
function extraRowHtml(ctx: Ctx, c: LayoutCell): HtmlCell {
  const span = spanOf(locate(ctx.report, c.path!)?.value);
  const ds = diagAttrs(ctx, claim(ctx, span));
  const line = span ? ctx.line(span.start) : 0;
  return { tag: 'th', text: c.label, cls: `row-label${ds.cls}`, attrs: pathAttrs(c.path!, line, ds.title) };
}
