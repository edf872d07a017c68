/** Minimal text edits on scalar tokens; nothing else in the document moves. */
import type { Cell } from '../model/cells';
import type { Report } from '../model/report';
import type { TextEdit } from '../types';

/** Replaces a cell's value token (or inserts at its empty value) with `newText`. */
export function cellEdit(report: Report, cell: Cell, newText: string): TextEdit | undefined {
  const span = cell.editSpan;
  if (!span) return undefined;
  const before = report.text[span.start - 1] ?? ' ';
  // An empty value right after its colon, an anchor (`&a`) or a tag (`!!int`): a space first,
  // or the number would join that token (`&a0` is still an anchor on an empty value).
  const joins = span.start === span.end && !/\s/.test(before);
  const text = cell.needsColon ? `: ${newText}` : joins ? ` ${newText}` : newText;
  return { span, range: report.lines.range(span), newText: text };
}

/** Applies edits (non-overlapping) to a text, last first so offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

/** Numbers as a person writes them in the report: no exponent, no float noise. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toFixed(6)));
}
