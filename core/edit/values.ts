/**
 * What an input typed or pasted into a cell becomes in the YAML (SPEC §5 and the fix policy:
 * the report is recorded faithfully, then checked). A cell gets a number only when the text is
 * one the cell can hold, as the checker reads it (core/facts/lexicon.ts) and its preferred quick
 * fix writes it (core/rules/cells/number.ts): "12", "１２", "137次", "1,234" in a count; "-3" in a
 * signed cell; "500元" → {value: 500, unit: 元} in an amount with its unit. Anything else — "无",
 * "0 0", "/", "-3" in a count, words — is written as a quoted string, never dropped, for the
 * checker to flag. A blank input writes `~`.
 */
import { readCellText } from '../facts/lexicon';
import { formatNumber } from '../fix/edits';
import { typedNumberText, writableNumber } from '../rules/cells/number';
import type { CellKind, SchemaNode } from '../schema/nodes';
import { stringify } from 'yaml';

/** How the input was written. */
export type Written = 'number' | 'text' | 'blank';

export interface ValueText {
  /** The YAML text of the value. */
  text: string;
  as: Written;
}

const BLANK: ValueText = { text: '~', as: 'blank' };

/** The YAML text for `input` in a table cell of `kind`. */
export function cellValueText(kind: CellKind, input: string): ValueText {
  const reading = readCellText(input);
  if (reading.kind === 'blank') return BLANK;
  if (reading.kind === 'number') {
    // Written as a YAML number would be: a money_unit cell keeps a bare amount (the checker asks for its unit).
    if (reading.plain && writableNumber(kind, reading.value)) return { text: formatNumber(reading.value), as: 'number' };
    const typed = typedNumberText(kind, reading);
    if (typed !== undefined) return { text: typed, as: 'number' };
  }
  return quoted(input.trim());
}

/** A double-quoted YAML string (JSON's escapes are YAML's; line and paragraph separators escaped too). */
export function quoted(s: string): ValueText {
  return {
    text: JSON.stringify(s)
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
    as: 'text',
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The YAML text for `input` in a scalar field of the schema (meta: title, organ, year, dates,
 * organ kind, contact; fee_collection): numbers where the schema types an integer or number and
 * the input is one, an enum value or a date as it is, any other text as a string.
 */
export function fieldValueText(node: SchemaNode, input: string): ValueText {
  const types = new Set([node.type ?? []].flat());
  const t = input.trim();
  if (t === '') return types.has('string') && !types.has('null') ? { text: '""', as: 'blank' } : BLANK;
  const kind = node['x-nianbao']?.cell;
  if (kind) return cellValueText(kind, t);
  const reading = readCellText(t);
  if (reading.kind === 'number' && reading.plain) {
    const n = reading.value;
    if (types.has('integer') && Number.isSafeInteger(n) && !types.has('string')) return { text: formatNumber(n), as: 'number' };
    if (types.has('number') && !types.has('string')) return { text: formatNumber(n), as: 'number' };
  }
  if (node.enum?.includes(t) || (DATE.test(t) && node.pattern !== undefined)) return { text: t, as: 'text' };
  return plainOrQuoted(t);
}

/** A string as YAML writes it: plain when that reads back as the same string, else quoted. */
function plainOrQuoted(s: string): ValueText {
  const plain = stringify(s, { lineWidth: 0 }).replace(/\n$/, '');
  return !plain.includes('\n') && /^[^'"|>!&*]/.test(plain) ? { text: plain, as: 'text' } : quoted(s);
}
