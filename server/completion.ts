/**
 * Completion: the keys the schema allows at the cursor (minus those present), enum values,
 * and on an empty or near-empty document (no top-level keys, or only `format`) the complete
 * skeleton of each format as a snippet. Labels and help come from the schema via hover.ts.
 */
import type { CompletionItem, CompletionParams, TextEdit } from 'vscode-languageserver/node';
import { CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver/node';
import { CURRENT_FORMAT, say, skeleton, UI, type FormatId } from '../core';
import { child, FORMATS, nodeAt, rootSchema, x, type Effective } from '../core/schema/nodes';
import type { Analysis } from './documents';
import { describePath } from './hover';
import { completionContextAt, keyText } from './position';

export interface CompletionCapabilities {
  snippets: boolean;
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
    if (!eff?.node.enum) return items;
    const labels = x(eff).enumLabels ?? {};
    const values = [...new Set(eff.node.enum.map((v) => String(v)))];
    values.forEach((v, i) => {
      const detail =
        labels[v] ?? (ctx.path.length === 1 && ctx.path[0] === 'format' && isFormat(v) ? rootSchema(v).title : undefined);
      items.push({
        label: v,
        kind: CompletionItemKind.EnumMember,
        detail,
        sortText: String(i).padStart(3, '0'),
        filterText: detail ? `${v} ${detail}` : v,
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
      label: key,
      kind: kindOf(eff),
      detail: title,
      documentation: doc ? { kind: MarkupKind.Markdown, value: doc } : undefined,
      sortText: String(i).padStart(3, '0'),
      filterText: title ? `${key} ${title}` : key,
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range, newText: snippet ?? `${key}: ` },
    });
  });
  return items;
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
