/**
 * Cell semantics (SPEC.md §5): every table cell is a number, blank, not-applicable, text,
 * or missing. Only numbers take part in sums; the others are unknown values.
 */
import { isMap, isScalar } from '../parse/yamlNodes';
import { readCellText, type CellText } from '../facts/lexicon';
import type { CellKind } from '../schema/nodes';
import type { Span } from '../types';
import { keySpanAt, locate, spanOf, valueNode, type Located, type Report } from './report';

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
  /** What the text of a text/na cell means (core/facts/lexicon.ts). */
  reading?: CellText;
  /** What to underline: the value, or the key when the value is empty or absent. */
  span: Span;
  /** The span an edit replaces (the value token, or an insertion point after the colon). */
  editSpan?: Span;
  /** The key has no colon (a flow-map key without a value): an edit writes `: value`. */
  needsColon?: true;
  /** For money_unit cells written as a map, the span of the number inside it. */
  numberSpan?: Span;
}

/** The cell at `path`; `loc` is `locate(report, path)` when the caller has it. */
export function readCell(report: Report, path: string[], kind: CellKind, loc: Located | undefined = locate(report, path)): Cell {
  if (!loc) return { path, kind, state: 'missing', span: keySpanAt(report, path) };
  const node = valueNode(report, loc);
  const keySpan = loc.keySpan ?? { start: 0, end: 0 };
  if (node === null || (isScalar(node) && node.value === null)) {
    const vs = spanOf(node);
    const empty = !vs || vs.end === vs.start;
    const at = vs ? undefined : insertionAfter(report, keySpan);
    const editSpan = vs ?? { start: at!.start, end: at!.end };
    return { path, kind, state: 'blank', span: empty ? keySpan : vs, editSpan, ...(at?.needsColon ? { needsColon: true } : {}) };
  }
  const span = spanOf(node) ?? keySpan;
  if (kind === 'money_unit' && isMap(node)) return moneyMap(report, path, span);
  if (!isScalar(node)) {
    const text = report.text.slice(span.start, span.end);
    return { path, kind, state: 'text', text, reading: { kind: 'text', text }, span, editSpan: span };
  }
  const v = node.value;
  if (typeof v === 'number' && Number.isFinite(v))
    return { path, kind, state: 'number', value: v, span, editSpan: span, numberSpan: span };
  const text = String(v);
  const reading = readCellText(text);
  if (reading.kind === 'blank') return { path, kind, state: 'blank', text, span, editSpan: span };
  return { path, kind, state: reading.kind === 'na' ? 'na' : 'text', text, reading, span, editSpan: span };
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
  if (num === undefined) {
    const text = report.text.slice(span.start, span.end);
    return { path, kind: 'money_unit', state: 'text', text, reading: { kind: 'text', text }, span, unit: u };
  }
  return { path, kind: 'money_unit', state: 'number', value: num, unit: u, span, editSpan: span, numberSpan: spanOf(vNode) };
}

/**
 * Where a value goes for a key with nothing after it: right after the key's own colon
 * (`corrected:` → `corrected: 1`). A key that lost its colon (`{upheld: 5, corrected, other: 2}`,
 * a flow-map key with no value) gets the colon with the value (`corrected: 1`), never the next
 * key's colon.
 */
function insertionAfter(report: Report, keySpan: Span): Span & { needsColon?: true } {
  let at = keySpan.end;
  while (report.text[at] === ' ' || report.text[at] === '\t') at++;
  if (report.text[at] === ':') return { start: at + 1, end: at + 1 };
  return { start: keySpan.end, end: keySpan.end, needsColon: true };
}

/** Does a cell hold a usable number for arithmetic? */
export function known(cell: Cell): boolean {
  return exact(cell) && (cell.kind !== 'count' || (Number.isInteger(cell.value) && cell.value! >= 0));
}

/** Largest magnitude of a decimal amount that sums and compares exactly enough (to 1e-6). */
const MAX_EXACT_DECIMAL = 1e9;

/**
 * Can the cell's number take part in sums exactly? Integers beyond 2^53 and huge decimals
 * cannot: adding them loses digits, so no rule judges them and no fix writes a sum of them.
 */
export function exact(cell: Cell): boolean {
  const v = cell.value;
  if (cell.state !== 'number' || v === undefined) return false;
  return Number.isInteger(v) ? Number.isSafeInteger(v) : Math.abs(v) < MAX_EXACT_DECIMAL;
}
