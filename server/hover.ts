/**
 * Hover on any key or value: the official label, where it sits in the report, the legal basis
 * with the article's text, how to fill it, its choices, what it contains and, for a total, its
 * computed value. Everything is read from the schema (titles, descriptions, x-nianbao); the
 * same text documents completion items.
 */
import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { MarkupKind } from 'vscode-languageserver/node';
import { say, UI, type FormatId, type Locale } from '../core';
import { CellReader, pathKey } from '../core/model/cellReader';
import { cellName, labelPath } from '../core/schema/labels';
import { lawTitle, legalName, legalText } from '../core/schema/legal';
import { child, nodeAt, x, type Effective, type LegalRef } from '../core/schema/nodes';
import { cellSpecAt } from '../core/schema/tables';
import type { Analysis } from './documents';
import { pathAt } from './position';
import { sumsOf } from './sums';

/** Punctuation around the headings: full-width in Chinese, ASCII in English. */
const punct = (locale: Locale) =>
  locale === 'en' ? { colon: ': ', semi: '; ', open: ' (', close: ')' } : { colon: '：', semi: '；', open: '（', close: '）' };

/** Long articles (第二十条 has fifteen items) are cut here in hovers. */
const MAX_ARTICLE = 280;

/** Markdown describing the schema node at `path`, or undefined when the schema has none. */
export function describePath(format: FormatId, path: readonly string[], locale: Locale): string | undefined {
  if (!path.length) return undefined;
  const eff = nodeAt(format, path);
  if (!eff) return undefined;
  const key = path[path.length - 1];
  const title = eff.node.title;
  const out: string[] = [];
  out.push(title ? `**${md(title)}** \`${key}\`` : `\`${key}\``);
  const where = labelPath(format, path);
  const p = punct(locale);
  if (where.length > 1) out.push(`${say(locale, UI.hoverWhere)}${p.colon}${where.map(md).join(' / ')}`);

  const legal = legalRefs(format, path);
  const quoted: string[] = [];
  if (legal.length) {
    const lines = [`**${say(locale, UI.hoverLegal)}**`];
    for (const ref of legal) {
      const text = legalText(ref);
      if (text) quoted.push(text);
      lines.push(`- 《${md(lawTitle)}》${legalName(ref)}${text ? `：${md(cut(text))}` : ''}`);
    }
    out.push(lines.join('\n'));
  }

  const help = eff.node.description && withoutQuoted(eff.node.description, quoted);
  if (help) out.push(md(help));

  const cell = cellSpecAt(format, path);
  if (cell) out.push(`**${say(locale, UI.hoverFill)}**${p.colon}${say(locale, UI.cellKind[cell.cell])}`);

  const choices = enumChoices(eff);
  if (choices.length) out.push([`**${say(locale, UI.hoverChoices)}**`, ...choices].join('\n'));

  const contains = childList(eff, x(eff).row === true);
  if (contains.length) out.push([`**${say(locale, UI.hoverContains)}**`, ...contains].join('\n'));
  return out.join('\n\n');
}

/** The node's own legal references; a table cell without any shows its row's. */
function legalRefs(format: FormatId, path: readonly string[]): LegalRef[] {
  const own = x(nodeAt(format, path)).legal;
  if (own || !cellSpecAt(format, path)) return own ?? [];
  return x(nodeAt(format, path.slice(0, -1))).legal ?? [];
}

function enumChoices(eff: Effective): string[] {
  const values = [...new Set((eff.node.enum ?? []).map((v) => String(v)))];
  const labels = x(eff).enumLabels ?? {};
  return values.map((v) => `- \`${v}\`${labels[v] ? ` ${md(labels[v])}` : ''}`);
}

/** Children with their labels and help; a row's columns (or a lone row's) with their meaning. */
function childList(eff: Effective, isRow: boolean): string[] {
  const keys = Object.keys(eff.node.properties ?? {});
  const out: string[] = [];
  for (const k of keys) {
    const c = child(eff, k)!;
    const help = c.node.description ? `：${md(firstSentence(c.node.description))}` : '';
    out.push(`- **${md(c.node.title ?? k)}** \`${k}\`${isRow || keys.length <= 2 ? help : ''}`);
    if (x(c).row && keys.length <= 2) {
      for (const ck of Object.keys(c.node.properties ?? {})) {
        const col = child(c, ck)!;
        const colHelp = col.node.description ? `：${md(firstSentence(col.node.description))}` : '';
        out.push(`  - **${md(col.node.title ?? ck)}** \`${ck}\`${colHelp}`);
      }
    }
  }
  return out;
}

export function hover(a: Analysis, params: HoverParams): Hover | null {
  const report = a.result.report;
  const offset = report.lines.offset(params.position);
  const locale = a.settings.locale;
  const reuse = reuseAt(a, offset, locale);
  const hit = pathAt(report, offset);
  if (!hit) return reuse ? { contents: { kind: MarkupKind.Markdown, value: reuse.value }, range: reuse.range } : null;
  const parts: string[] = [];
  if (reuse) parts.push(reuse.value);
  const described = describePath(a.format, hit.path, locale);
  if (!described && !reuse) return null;
  if (described) parts.push(described);
  const value = valueLine(a, hit.path, locale);
  if (value) parts.push(value);
  const computed = computedLines(a, hit.path, locale);
  if (computed) parts.push(computed);
  const operands = operandLines(a, hit.path, locale);
  if (operands) parts.push(operands);
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') },
    range: report.lines.range(hit.span),
  };
}

/** Characters of each passage an X-REUSE hover shows (a copied section can be long). */
const MAX_PASSAGE = 600;

/**
 * On an X-REUSE finding: this year's and last year's repeated passage side by side, as a
 * two-column table (the finding itself underlines only this year's).
 */
function reuseAt(a: Analysis, offset: number, locale: Locale): { value: string; range: Hover['range'] } | undefined {
  const d = a.result.diagnostics.find((x) => x.code === 'X-REUSE' && x.span.start <= offset && offset <= x.span.end);
  if (d?.code !== 'X-REUSE') return undefined;
  const { share, longest, year, previousYear, passage, lastPassage } = d.data;
  const cell = (s: string) =>
    md(s.length > MAX_PASSAGE ? `${s.slice(0, MAX_PASSAGE - 1)}…` : s)
      .replace(/ {2}\n/g, ' ')
      .replace(/\|/g, '\\|');
  const value = [
    say(locale, UI.hoverReuse, { share, lastYear: previousYear, longest }),
    '',
    `| ${say(locale, UI.hoverReuseThis, { year })} | ${say(locale, UI.hoverReuseLast, { year: previousYear })} |`,
    '|---|---|',
    `| ${cell(passage)} | ${cell(lastPassage)} |`,
  ].join('\n');
  return { value, range: d.range };
}

/** For a table cell: how the checker reads its value. */
function valueLine(a: Analysis, path: string[], locale: Locale): string | undefined {
  const spec = cellSpecAt(a.format, path);
  if (!spec || a.result.report.fatal) return undefined;
  const cell = new CellReader(a.result.report, a.format).cell(path);
  if (cell.state === 'missing') return undefined;
  const value = cell.unit && cell.state === 'number' ? `${cell.value} ${cell.unit}` : String(cell.value ?? '');
  return `**${say(locale, UI.hoverValue)}**${punct(locale).colon}${md(stateText(locale, cell.state, value, cell.text))}`;
}

/** For a total: Σ of its operands and whether the reported value agrees. */
function computedLines(a: Analysis, path: string[], locale: Locale): string | undefined {
  const infos = sumsOf(a).get(pathKey(path));
  if (!infos?.length) return undefined;
  const p = punct(locale);
  const lines = infos.map((s) => {
    let line = say(locale, s.each === 'row' ? UI.hoverSumRow : UI.hoverSumColumn, { value: s.computed });
    if (s.blanks) line += `${p.open}${say(locale, UI.hoverSumBlanks, { blanks: s.blanks, value: s.computed })}${p.close}`;
    if (s.reported === undefined) line += `${p.semi}${say(locale, UI.hoverSumOpen)}`;
    else line += `${p.semi}${say(locale, s.ok ? UI.hoverSumOk : UI.hoverSumBad, { reported: s.reported })} ${s.ok ? '✓' : '✗'}`;
    return `- ${line}`;
  });
  return [`**${say(locale, UI.hoverComputed)}**`, ...lines].join('\n');
}

/**
 * For the cell a relation finding underlines: every cell of the relation with its value. The
 * finding's related information lists only the cells that decide it and folds the zeros and
 * blanks ("悬停查看全部"): here is the full list, on demand.
 */
function operandLines(a: Analysis, path: string[], locale: Locale): string | undefined {
  const key = pathKey(path);
  const reader = new CellReader(a.result.report, a.format);
  const blocks: string[] = [];
  for (const d of a.result.diagnostics) {
    if (d.data.path !== key || !('left' in d.data) || !('right' in d.data)) continue;
    const { left, right } = d.data as { left: string[]; right: string[] };
    const cells = [...left, ...right].filter((p) => p !== key);
    if (!cells.length) continue;
    const lines = cells.map((p) => {
      const cell = reader.cell(p.split('.'));
      const value = cell.state === 'number' ? String(cell.value) : stateText(locale, cell.state, '', cell.text);
      return `- ${md(cellName(a.format, cell.path))}${punct(locale).colon}${md(value)}`;
    });
    blocks.push([`**${say(locale, UI.hoverOperands, { count: cells.length, code: d.code })}**`, ...lines].join('\n'));
  }
  return blocks.length ? blocks.join('\n\n') : undefined;
}

/** Comparison form: no whitespace or punctuation. */
const bare = (s: string) => s.replace(/[\s\p{P}]/gu, '');

/**
 * The help text without its sentences that only repeat an article already quoted above it
 * (条例第二十条第（九）项：政府集中采购项目的目录、标准及实施情况。): a hover says each thing once.
 */
function withoutQuoted(description: string, quoted: readonly string[]): string {
  if (!quoted.length) return description;
  const texts = quoted.map(bare);
  return description
    .split(/(?<=。)/)
    .filter((sentence) => {
      const body = bare(sentence.replace(/^\s*(?:《?条例》?)?第[^：:]*?[条项款][：:]/, ''));
      return !body || !texts.some((t) => t.includes(body));
    })
    .join('')
    .trim();
}

function firstSentence(s: string): string {
  const i = s.indexOf('。');
  return i > 0 && i < s.length - 1 ? s.slice(0, i + 1) : s;
}

function cut(s: string): string {
  return s.length > MAX_ARTICLE ? `${s.slice(0, MAX_ARTICLE - 1)}…` : s;
}

/** Escapes the few characters Markdown would eat in labels and help text. */
function md(s: string): string {
  return s.replace(/([\\`*_[\]<>])/g, '\\$1').replace(/\n/g, '  \n');
}

/** How a cell's current content reads, in words. */
function stateText(locale: Locale, state: keyof typeof UI.cellState, value: string, text: string | undefined): string {
  switch (state) {
    case 'number':
      return say(locale, UI.cellState.number, { value });
    case 'na':
      return say(locale, UI.cellState.na, { text: text ?? '' });
    case 'text':
      return say(locale, UI.cellState.text, { text: text ?? '' });
    default:
      return say(locale, UI.cellState[state]);
  }
}
