/**
 * Document symbols, hierarchical: the report's sections with their Chinese titles, the tables,
 * their row groups and rows with their Chinese names (cells are not listed), and meta's fields.
 */
import type { DocumentSymbol } from 'vscode-languageserver/node';
import { SymbolKind } from 'vscode-languageserver/node';
import { isMap, isPair, type Node, type Pair } from 'yaml';
import { nodeAt, x } from '../core/schema/nodes';
import type { Analysis } from './documents';
import { keyText } from './position';

export function documentSymbols(a: Analysis): DocumentSymbol[] {
  const report = a.result.report;
  const root = report.doc?.contents as Node | null | undefined;
  if (!isMap(root)) return [];
  const lines = report.lines;
  const symbol = (pair: Pair, path: string[]): DocumentSymbol | undefined => {
    const key = pair.key as Node | null;
    if (!key?.range) return undefined;
    const value = pair.value as Node | null;
    const eff = nodeAt(a.format, path);
    const xn = x(eff);
    const name = eff?.node.title ?? path[path.length - 1];
    const end = value?.range ? Math.max(value.range[1], key.range[1]) : key.range[1];
    const kind =
      path.length === 1
        ? xn.table
          ? SymbolKind.Struct
          : xn.section
            ? SymbolKind.String
            : eff?.node.properties
              ? SymbolKind.Object
              : SymbolKind.Constant
        : xn.row
          ? SymbolKind.Field
          : xn.cell
            ? SymbolKind.Number
            : eff?.node.properties
              ? SymbolKind.Namespace
              : SymbolKind.Property;
    const children: DocumentSymbol[] = [];
    // Rows and money cells are leaves here: their columns are cells, not structure.
    if (isMap(value) && !xn.row && !xn.cell) {
      for (const p of value.items) {
        if (!isPair(p)) continue;
        const s = symbol(p, [...path, keyText(p.key)]);
        if (s) children.push(s);
      }
    }
    return {
      name: name || path[path.length - 1] || '?',
      detail: path[path.length - 1],
      kind,
      range: lines.range({ start: key.range[0], end: trimEnd(report.text, end) }),
      selectionRange: lines.range({ start: key.range[0], end: key.range[1] }),
      children,
    };
  };
  const out: DocumentSymbol[] = [];
  for (const pair of root.items) {
    if (!isPair(pair)) continue;
    const s = symbol(pair, [keyText(pair.key)]);
    if (s) out.push(s);
  }
  return out;
}

/** Node ranges of block values run to the next key's line; symbols end at the last character. */
export function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return e;
}
