/**
 * Completion: the keys the schema allows at the cursor (minus those present), enum values,
 * cell values (0 for counts, an amount with its unit for money), and on an empty or near-empty
 * document (no top-level keys, or only `format`) the complete skeleton of each format as a
 * snippet. Labels and help come from the schema via hover.ts.
 *
 * People who fill these reports think in the printed labels: an item shows the label
 * (（二）部分公开) and inserts the YAML key (partial), and typing any part of the label (部分,
 * （二）), the key, or the pinyin initials of a label's words (bfgk) finds it (filterText.ts).
 */
import type { CompletionItem, CompletionParams, Range, TextEdit } from 'vscode-languageserver/node';
import { CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver/node';
import { CURRENT_FORMAT, say, skeleton, UI, type FormatId } from '../core';
import { child, FORMATS, nodeAt, rootSchema, x, type Effective } from '../core/schema/nodes';
import type { Analysis } from './documents';
import { describePath } from './hover';
import { filterTextOf } from './filterText';
import { completionContextAt, keyText } from './position';
import { cellSpecAt } from '../core/schema/tables';

export interface CompletionCapabilities {
  snippets: boolean;
  /** The client shows `labelDetails` (the key beside the label). */
  labelDetails?: boolean;
}

export function completion(a: Analysis, params: CompletionParams, caps: CompletionCapabilities): CompletionItem[] {
  const report = a.result.report;
  const offset = report.lines.offset(params.position);
  const items: CompletionItem[] = [];
  if (nearlyEmpty(a)) items.push(...skeletonItems(a, params, caps));
  const ctx = completionContextAt(report, offset);
  if (ctx.kind === 'none') return items;
  const range = report.lines.range(ctx.replace);
  const locale = a.settings.locale;
  if (ctx.kind === 'value') {
    // Right after the colon (completion triggered by ':'): YAML needs the space.
    const space = a.text[ctx.replace.start - 1] === ':' ? ' ' : '';
    const eff = nodeAt(a.format, ctx.path);
    if (!eff?.node.enum) {
      items.push(...cellValueItems(a, ctx.path, range, space, caps));
      return items;
    }
    const labels = x(eff).enumLabels ?? {};
    const values = [...new Set(eff.node.enum.map((v) => String(v)))];
    values.forEach((v, i) => {
      const label = labels[v];
      const title = ctx.path.length === 1 && ctx.path[0] === 'format' && isFormat(v) ? rootSchema(v).title : undefined;
      items.push({
        ...shown(label ?? v, label ? v : title, caps),
        kind: CompletionItemKind.EnumMember,
        detail: label ?? title,
        sortText: String(i).padStart(3, '0'),
        filterText: filterTextOf(v, label ?? title),
        textEdit: { range, newText: space + v },
      });
    });
    return items;
  }
  const parent = nodeAt(a.format, ctx.parent);
  if (!parent?.node.properties) return items;
  Object.keys(parent.node.properties).forEach((key, i) => {
    if (ctx.present.has(key)) return;
    const eff = child(parent, key)!;
    const path = [...ctx.parent, key];
    const title = eff.node.title;
    const doc = describePath(a.format, path, locale);
    const snippet = caps.snippets ? keySnippet(key, eff, ctx.flow) : undefined;
    items.push({
      ...shown(title ?? key, title ? key : undefined, caps),
      kind: kindOf(eff),
      detail: title ? key : undefined,
      documentation: doc ? { kind: MarkupKind.Markdown, value: doc } : undefined,
      sortText: String(i).padStart(3, '0'),
      filterText: filterTextOf(key, title),
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range, newText: snippet ?? `${key}: ` },
    });
  });
  return items;
}

/**
 * What the list shows: the printed label with the YAML key beside it (`labelDetails`), or for
 * clients without label details both in the label.
 */
function shown(
  label: string,
  beside: string | undefined,
  caps: CompletionCapabilities,
): Pick<CompletionItem, 'label' | 'labelDetails'> {
  if (!beside) return { label };
  return caps.labelDetails ? { label, labelDetails: { description: beside } } : { label: `${label}  ${beside}` };
}

/** Values for a table cell: 0 for a count (none is 0, never blank), an amount with its unit for money. */
function cellValueItems(
  a: Analysis,
  path: string[],
  range: Range,
  space: string,
  caps: CompletionCapabilities,
): CompletionItem[] {
  const spec = cellSpecAt(a.format, path);
  if (!spec) return [];
  const locale = a.settings.locale;
  const item = (label: string, newText: string, snippet: boolean, detail: string, i: number): CompletionItem => ({
    label,
    kind: CompletionItemKind.Value,
    detail,
    sortText: String(i).padStart(3, '0'),
    filterText: filterTextOf(label, detail),
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range, newText: space + newText },
  });
  if (spec.cell === 'money_unit')
    return (['元', '万元'] as const).map((unit, i) =>
      item(
        `{value: …, unit: ${unit}}`,
        caps.snippets ? `{value: \${1:0}, unit: ${unit}}` : `{value: 0, unit: ${unit}}`,
        caps.snippets,
        say(locale, UI.valueMoney, { unit }),
        i,
      ),
    );
  const detail = say(locale, spec.cell === 'money_wan' ? UI.valueWan : UI.valueZero);
  return [item('0', '0', false, detail, 0)];
}

function isFormat(v: string): v is FormatId {
  return (FORMATS as string[]).includes(v);
}

function kindOf(eff: Effective): CompletionItemKind {
  const xn = x(eff);
  if (xn.table) return CompletionItemKind.Struct;
  if (xn.section) return CompletionItemKind.Text;
  if (xn.row) return CompletionItemKind.Field;
  if (eff.node.enum) return CompletionItemKind.Enum;
  if (eff.node.properties) return CompletionItemKind.Module;
  return CompletionItemKind.Property;
}

/** What typing the key should insert: a row with its columns, a block scalar, a choice … */
function keySnippet(key: string, eff: Effective, flow: boolean): string {
  const xn = x(eff);
  if (xn.cell === 'money_unit') return `${key}: {value: \${1}, unit: \${2|元,万元|}}`;
  if (xn.row) {
    const cols = Object.keys(eff.node.properties ?? {});
    return `${key}: {${cols.map((c, i) => `${c}: \${${i + 1}:~}`).join(', ')}}`;
  }
  if (flow) return `${key}: \${0}`;
  if (xn.section) return `${key}: |\n  \${0}`;
  if (eff.node.enum) {
    const values = [...new Set(eff.node.enum.map((v) => String(v)))];
    return `${key}: \${1|${values.map((v) => v.replace(/[,|\\$}]/g, (c) => `\\${c}`)).join(',')}|}`;
  }
  if (eff.node.properties) return `${key}:\n  \${0}`;
  return `${key}: \${0}`;
}

/** No top-level keys, or only `format` (and the document is short: a broken big file is not "empty"). */
function nearlyEmpty(a: Analysis): boolean {
  const root = a.result.report.root;
  if (root) {
    const keys = root.items.map((p) => keyText(p.key));
    return keys.every((k) => k === 'format');
  }
  const meaningful = a.text.split(/\r?\n/).filter((l) => l.trim() && !l.trim().startsWith('#'));
  return meaningful.length <= 2;
}

/** One item per format: the whole skeleton replacing the document (snippet with tab stops). */
function skeletonItems(a: Analysis, params: CompletionParams, caps: CompletionCapabilities): CompletionItem[] {
  const lines = a.result.report.lines;
  const line = params.position.line;
  const lineStart = lines.lineStart(line);
  const lineEnd = lines.lineEnd(line);
  const current = a.text.slice(lineStart, lineEnd);
  const range = { start: lines.position(lineStart), end: lines.position(lineEnd) };
  // The rest of the document (a `format:` line, blank lines) goes: the skeleton has all of it.
  // The main edit keeps the cursor line's break, so no other edit starts where it ends.
  const additional: TextEdit[] = [];
  const nextLine = lines.lineStart(line + 1);
  const keepBreak = lineEnd < a.text.length;
  if (lineStart > 0) additional.push({ range: { start: lines.position(0), end: lines.position(lineStart) }, newText: '' });
  if (keepBreak && nextLine < a.text.length)
    additional.push({ range: { start: lines.position(nextLine), end: lines.position(a.text.length) }, newText: '' });
  const declared = a.result.report.declaredFormat;
  return FORMATS.map((format) => {
    const title = rootSchema(format).title ?? format;
    const body = skeleton({ format, snippet: caps.snippets });
    return {
      label: say(a.settings.locale, UI.skeletonLabel, { format }),
      kind: CompletionItemKind.Snippet,
      detail: say(a.settings.locale, UI.skeletonDetail, { title }),
      documentation: {
        kind: MarkupKind.Markdown,
        value: `\`\`\`yaml\n${skeleton({ format }).split('\n').slice(0, 24).join('\n')}\n…\n\`\`\``,
      },
      filterText: `${current} nianbao${format} 年报${format} skeleton ${format}`,
      sortText: `!${format === (declared ?? CURRENT_FORMAT) ? 0 : 1}`,
      preselect: format === (declared ?? CURRENT_FORMAT),
      insertTextFormat: caps.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range, newText: keepBreak ? body.replace(/\n$/, '') : body },
      additionalTextEdits: additional,
    };
  });
}
