/**
 * Folding ranges: every multi-line map, sequence and block scalar (from its key's line to its
 * last line), and runs of two or more comment lines.
 */
import type { FoldingRange } from 'vscode-languageserver/node';
import { FoldingRangeKind } from 'vscode-languageserver/node';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Analysis } from './documents';
import { trimEnd } from './symbols';

export function foldingRanges(a: Analysis): FoldingRange[] {
  const report = a.result.report;
  const lines = report.lines;
  const text = a.text;
  const out: FoldingRange[] = [];
  const add = (start: number, node: Node | null) => {
    if (!node?.range) return;
    const foldable =
      isMap(node) || isSeq(node) || (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED'));
    if (!foldable) return;
    const startLine = lines.position(start).line;
    const endLine = lines.position(trimEnd(text, node.range[1])).line;
    if (endLine > startLine) out.push({ startLine, endLine });
  };
  const visit = (node: Node | null) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (key?.range) add(key.range[0], value);
        visit(value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items as (Node | null)[]) {
        if (item?.range) add(item.range[0], item);
        visit(item);
      }
    }
  };
  visit((report.doc?.contents as Node | null | undefined) ?? null);
  // Comment blocks.
  let runStart = -1;
  for (let line = 0; line <= lines.lineCount; line++) {
    const isComment = line < lines.lineCount && /^\s*#/.test(text.slice(lines.lineStart(line), lines.lineEnd(line)));
    if (isComment && runStart < 0) runStart = line;
    if (!isComment && runStart >= 0) {
      if (line - 1 > runStart) out.push({ startLine: runStart, endLine: line - 1, kind: FoldingRangeKind.Comment });
      runStart = -1;
    }
  }
  return out.sort((p, q) => p.startLine - q.startLine || q.endLine - p.endLine);
}
