/**
 * What the text of a table cell means (SPEC.md §5, cell semantics): the one lexicon that the
 * checker (core/model/cells.ts), the importer (import/normalize.ts) and the table editor's paste
 * share. A cell's text is blank, a number (possibly typed with a unit, full-width digits or
 * thousands separators), a "not applicable" mark, a word meaning "none", an oddly typed zero
 * ("00", "0 0"), or other text.
 */

/** Whitespace of every kind: ASCII, NBSP, ideographic space, zero-width space, BOM. */
export const WS = /[\s\u00a0\u3000\u200b\ufeff]+/g;

/** Marks that say "not applicable" (the template has no N/A; the checker asks for 0). */
export const NA_WORDS: ReadonlySet<string> = new Set([
  '/',
  '／',
  '╱',
  '-',
  '－',
  '—',
  '——',
  '--',
  '－－',
  '–',
  '×',
  '╳',
  '不适用',
  'N/A',
  'n/a',
  'NA',
]);
/** Words that say "none": probably 0, but a person confirms (a cell may hide a number). */
export const NONE_WORDS: ReadonlySet<string> = new Set(['无', '没有', '暂无', '零', '〇']);
/** Units seen typed into cells, longest first so 万元 wins over 元. */
export const UNITS = ['亿元', '万元', '元', '人次', '件', '次', '个', '项', '条', '份', '宗', '起', '%'] as const;
export type Unit = (typeof UNITS)[number];

export type CellText =
  | { kind: 'blank' }
  /** `plain`: written exactly as a YAML number would be (no unit, separator, full-width digit or odd sign). */
  | { kind: 'number'; value: number; unit?: Unit; plain: boolean }
  | { kind: 'na'; text: string }
  | { kind: 'none'; text: string }
  | { kind: 'oddZero'; text: string }
  | { kind: 'text'; text: string };

const NUMBER = /^([+-]?)(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

/** Full-width digits and punctuation → ASCII; the minus and dot variants → '-' and '.'. */
export function asciiDigits(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[−－–]/g, '-')
    .replace(/[，]/g, ',')
    .replace(/[。．]/g, '.');
}

export function readCellText(raw: string): CellText {
  const t = raw.replace(WS, ' ').trim();
  if (t === '') return { kind: 'blank' };
  if (NA_WORDS.has(t)) return { kind: 'na', text: t };
  if (NONE_WORDS.has(t)) return { kind: 'none', text: t };
  if (/^[0０](?:[\s]*[0０])+$/.test(t)) return { kind: 'oddZero', text: t };
  const a = asciiDigits(t);
  const unit = UNITS.find((u) => a.endsWith(u) && a.length > u.length);
  const digits = (unit ? a.slice(0, -unit.length) : a).trim();
  const m = NUMBER.exec(digits);
  if (!m) return { kind: 'text', text: t };
  const value = Number(`${m[1]}${m[2].replace(/,/g, '')}${m[3] !== undefined ? `.${m[3]}` : ''}`);
  if (!Number.isFinite(value)) return { kind: 'text', text: t };
  const plain = !unit && a === t && !t.includes(',') && !t.startsWith('+');
  return { kind: 'number', value, unit, plain };
}

/** Does the text stand where a value belongs in a published table (not a label)? */
export function isValueText(raw: string): boolean {
  const k = readCellText(raw).kind;
  return k === 'number' || k === 'na' || k === 'none' || k === 'oddZero';
}

/** What a narrative section says when it says nothing: empty, or only “无”, “暂无”, “没有”. */
const EMPTY_NARRATIVE = new Set(['', '无', '暂无', '没有']);

export function isEmptyNarrative(text: string | undefined): boolean {
  return text === undefined || EMPTY_NARRATIVE.has(text.replace(/[\s\u3000。.．]/g, ''));
}
