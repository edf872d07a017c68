/**
 * Cell semantics (SPEC.md §5): every table cell is a number, blank, not-applicable, text,
 * or missing. Only numbers take part in sums; the others are unknown values.
 */
import { isMap, isScalar } from 'yaml';
import type { CellKind } from '../schema/nodes';
import type { Span } from '../types';
import { keySpanAt, locate, spanOf, valueNode, type Report } from './report';

export type CellState = 'number' | 'blank' | 'na' | 'text' | 'missing';

export interface Cell {
  path: string[];
  kind: CellKind;
  state: CellState;
  /** The number (for money_unit: in `unit`). */
  value?: number;
  unit?: string;
  /** The raw text of a text/na cell. */
  text?: string;
  /** What to underline: the value, or the key when the value is empty or absent. */
  span: Span;
  /** The span an edit replaces (the value token, or an insertion point after the colon). */
  editSpan?: Span;
  /** For money_unit cells written as a map, the span of the number inside it. */
  numberSpan?: Span;
}

const NA = new Set(['/', '-', '—', '－', '－－', '--', '不适用', 'N/A', 'n/a', '／']);

export function readCell(report: Report, path: string[], kind: CellKind): Cell {
  const loc = locate(report, path);
  if (!loc) return { path, kind, state: 'missing', span: keySpanAt(report, path) };
  const node = valueNode(report, loc);
  const keySpan = loc.keySpan ?? { start: 0, end: 0 };
  if (node === null || (isScalar(node) && node.value === null)) {
    const vs = spanOf(node);
    const empty = !vs || vs.end === vs.start;
    return { path, kind, state: 'blank', span: empty ? keySpan : vs, editSpan: vs ?? insertionAfter(report, keySpan) };
  }
  const span = spanOf(node) ?? keySpan;
  if (kind === 'money_unit' && isMap(node)) return moneyMap(report, path, span);
  if (!isScalar(node)) return { path, kind, state: 'text', text: report.text.slice(span.start, span.end), span, editSpan: span };
  const v = node.value;
  if (typeof v === 'number' && Number.isFinite(v))
    return { path, kind, state: 'number', value: v, span, editSpan: span, numberSpan: span };
  const text = String(v);
  if (NA.has(text.trim())) return { path, kind, state: 'na', text, span, editSpan: span };
  if (text.trim() === '') return { path, kind, state: 'blank', text, span, editSpan: span };
  return { path, kind, state: 'text', text, span, editSpan: span };
}

/** `{value: 606.05, unit: 万元}`: a number when both parts are right, else text. */
function moneyMap(report: Report, path: string[], span: Span): Cell {
  const value = locate(report, [...path, 'value']);
  const unit = locate(report, [...path, 'unit']);
  const vNode = value ? valueNode(report, value) : null;
  const uNode = unit ? valueNode(report, unit) : null;
  const num = isScalar(vNode) && typeof vNode.value === 'number' ? vNode.value : undefined;
  const u = isScalar(uNode) ? String(uNode.value) : undefined;
  if (isScalar(vNode) && vNode.value === null && num === undefined) {
    return { path, kind: 'money_unit', state: 'blank', span: value?.keySpan ?? span, unit: u };
  }
  if (num === undefined)
    return { path, kind: 'money_unit', state: 'text', text: report.text.slice(span.start, span.end), span, unit: u };
  return { path, kind: 'money_unit', state: 'number', value: num, unit: u, span, editSpan: span, numberSpan: spanOf(vNode) };
}

/** Where to insert a value for `key:` with nothing after it: right after the colon. */
function insertionAfter(report: Report, keySpan: Span): Span {
  const colon = report.text.indexOf(':', keySpan.end);
  const at = colon >= 0 ? colon + 1 : keySpan.end;
  return { start: at, end: at };
}

/** Does a cell hold a usable number for arithmetic? */
export function known(cell: Cell): boolean {
  return (
    cell.state === 'number' &&
    cell.value !== undefined &&
    (cell.kind !== 'count' || (Number.isInteger(cell.value) && cell.value >= 0))
  );
}
