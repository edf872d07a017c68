/**
 * Inputs from the table editor (a cell typed, a block pasted, a section or a meta field edited)
 * as minimal text edits: only the value token of each changed path is replaced (or, for a key the
 * document lacks, one pair inserted); comments, key order and layout stay. One edit per path; an
 * input that leaves the text as it is makes none.
 */
import { readCell, type Cell } from '../model/cells';
import { locate, spanOf, type Report } from '../model/report';
import { FORMATS, nodeAt } from '../schema/nodes';
import { cellSpecAt, sectionsOf, tableOf } from '../schema/tables';
import { cellEdit } from '../fix/edits';
import type { FormatId, Span, TextEdit } from '../types';
import { insertPairs, type Missing } from './insert';
import { blockScalar } from './narrative';
import { cellValueText, fieldValueText, type ValueText, type Written } from './values';

export { cellValueText, quoted, type Written } from './values';

export interface CellInput {
  /** Dotted key path: a table cell, a narrative section, or a scalar field (meta.organ). */
  path: string;
  /** What was typed or pasted, as text. */
  input: string;
}

export interface InputOutcome {
  path: string;
  /** How the input was written; `unchanged` when the text already says it; `rejected` when the path takes no input. */
  as: Written | 'unchanged' | 'rejected';
}

export interface InputEdits {
  edits: TextEdit[];
  outcomes: InputOutcome[];
}

export function inputEdits(report: Report, format: FormatId, inputs: readonly CellInput[]): InputEdits {
  // The last input for a path wins (a paste over a cell typed a moment before).
  const last = new Map(inputs.map((i) => [i.path, i]));
  const outcomes: InputOutcome[] = [];
  const raw: { span: Span; newText: string }[] = [];
  const missing: (Missing & { as: Written })[] = [];
  for (const { path, input } of last.values()) {
    const keys = path.split('.');
    const value = valueFor(report, format, keys, String(input ?? ''));
    if (value && !locate(report, keys)) {
      missing.push({ path: keys, valueText: value.text, as: value.as });
      continue;
    }
    const edit = value && slotEdit(report, keys, value.text);
    if (!value || !edit) {
      outcomes.push({ path, as: 'rejected' });
      continue;
    }
    if (report.text.slice(edit.span.start, edit.span.end) === edit.newText) {
      outcomes.push({ path, as: 'unchanged' });
      continue;
    }
    outcomes.push({ path, as: value.as });
    raw.push(edit);
  }
  const inserted = new Set<string>();
  for (const ins of insertPairs(report, missing)) {
    raw.push(ins);
    for (const p of ins.paths) inserted.add(p);
  }
  for (const m of missing) {
    const path = m.path.join('.');
    outcomes.push({ path, as: inserted.has(path) ? m.as : 'rejected' });
  }
  const edits = raw
    .sort((a, b) => a.span.start - b.span.start)
    .map((e) => ({ span: e.span, newText: e.newText, range: report.lines.range(e.span) }));
  return { edits, outcomes };
}

/** What an input to `keys` becomes, by what the schema says the path is; undefined when it takes no input. */
function valueFor(report: Report, format: FormatId, keys: string[], input: string): ValueText | undefined {
  const spec = [format, ...FORMATS.filter((f) => f !== format)].map((f) => cellSpecAt(f, keys)).find(Boolean);
  if (spec) return cellValueText(spec.cell, input);
  if (keys.length === 1 && sectionsOf(format).some((s) => s.narrative && s.key === keys[0])) {
    const loc = locate(report, keys);
    const indent = loc?.keySpan ? ' '.repeat(report.lines.position(loc.keySpan.start).character) : '';
    const eol = report.text.includes('\r\n') ? '\r\n' : '\n';
    const text = blockScalar(input, indent, eol);
    return { text, as: text === '~' ? 'blank' : 'text' };
  }
  // Fields live in the maps beside the tables and sections (meta, fee_collection); `format` is not one.
  if (keys.length < 2 || tableOf(format, keys[0])) return undefined;
  const node = nodeAt(format, keys)?.node;
  // A resolved `$ref` has an empty `properties` even for a scalar.
  const scalar =
    node &&
    !Object.keys(node.properties ?? {}).length &&
    !node.items &&
    [node.type ?? []].flat().some((t) => t !== 'object' && t !== 'array');
  return scalar ? fieldValueText(node, input) : undefined;
}

/** The edit that puts `text` where the value of `keys` goes: its value token, or a new pair. */
function slotEdit(report: Report, keys: string[], text: string): { span: Span; newText: string } | undefined {
  const loc = locate(report, keys);
  if (!loc) return undefined;
  // The cell reader knows where a value goes, also for a key with nothing after it.
  const cell: Cell = readCell(report, keys, 'count');
  const span = cell.editSpan ?? spanOf(loc.value);
  if (!span) return undefined;
  const edit = cellEdit(report, { ...cell, editSpan: span }, text);
  if (!edit) return undefined;
  // A block scalar's span ends with its line break; the new value must keep one.
  const eol = report.text.includes('\r\n') ? '\r\n' : '\n';
  const newText = report.text[span.end - 1] === '\n' && span.end > span.start ? edit.newText + eol : edit.newText;
  return { span, newText };
}
