import type { Message } from '../core/messages/define';
import { isValueText, readCellText } from '../core/facts/lexicon';
import { M } from './messages';

/**
 * Label normalisation (SPEC.md §5) and the fuzzy matching the importer uses to recognise
 * published labels: whitespace (incl. U+3000 and NBSP) removed, bracket and quote variants
 * folded, 釆→采, 、/， folded, list numbering `1、` / `1．` folded to `1.`.
 */

const WS = /[\s\u00a0\u3000\u200b\ufeff]+/g;

/** Removes every kind of whitespace (layout only: PDF letter spacing, line breaks, padding). */
export function stripWs(s: string): string {
  return s.replace(WS, '');
}

/** Collapses whitespace runs to one ASCII space and trims (for text cells and comments). */
export function collapseWs(s: string): string {
  return s.replace(WS, ' ').trim();
}

/** The matching form of a label. */
export function normLabel(s: string): string {
  let t = stripWs(s).normalize('NFKC');
  t = t
    .replace(/^#+/, '') // a Markdown heading
    .replace(/\*\*|__/g, '') // Markdown emphasis
    .replace(/釆/g, '采')
    .replace(/[“”„‟"'‘’「」『』〝〞]/g, '"')
    .replace(/[〔【［[]/g, '(')
    .replace(/[〕】］\]]/g, ')')
    .replace(/[、，,]/g, ',')
    .replace(/[：:]/g, ':')
    .replace(/[—－–-]+/g, '-')
    .replace(/(^|[^\d])(\d{1,2})[,.](?=[^\d])/g, '$1$2.');
  return t;
}

/** Length of the longest common subsequence of two strings. */
export function lcs(a: string, b: string): number {
  if (!a.length || !b.length) return 0;
  const m = b.length;
  let prev = new Uint16Array(m + 1);
  let cur = new Uint16Array(m + 1);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      cur[j] = ca === b.charCodeAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m];
}

/** How much of `label` appears, in order, in `text` (0..1). Both already normalised. */
export function recall(label: string, text: string): number {
  return label.length ? lcs(label, text) / label.length : 0;
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  const m = b.length;
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= m; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[m];
}

/** A published cell, classified by the cell lexicon (core/facts/lexicon.ts), which the checker reads with too. */
export type CellClass = 'blank' | 'value' | 'label';

export function classifyCell(text: string): CellClass {
  if (readCellText(text).kind === 'blank') return 'blank';
  return isValueText(text) ? 'value' : 'label';
}

/** Page numbers of PDF text: `-3-`, `- 3 -`, `第 3 页`, `3 / 12`. */
export function isPageNumber(line: string): boolean {
  const t = line.replace(WS, '');
  return /^[-－—]\d{1,3}[-－—]$/.test(t) || /^第\d{1,3}页(?:共\d{1,3}页)?$/.test(t) || /^\d{1,3}\/\d{1,3}$/.test(t);
}

export type CellValue = number | string | null;

/**
 * The YAML value of a published value cell: a number when the text is one plainly (digits,
 * optional sign, optional decimals, full-width digits or thousands separators, which `note`
 * then records), else the text as published (whitespace collapsed) for the checker to read
 * with the same lexicon: units, N/A marks, 无, odd zeros.
 */
export function cellValue(text: string): { value: CellValue; raw: string; note?: Message<{ column: string; raw: string }> } {
  const raw = collapseWs(text);
  const r = readCellText(raw);
  if (r.kind === 'blank') return { value: null, raw };
  if (r.kind === 'number' && !r.unit) {
    if (r.plain) return { value: r.value, raw };
    return { value: r.value, raw, note: raw.includes(',') || raw.includes('，') ? M.noteThousands : M.noteReadAs };
  }
  return { value: raw, raw };
}

/** The leading numeral of a heading: 一、 / （一） / (一) / 1、 → its number, and the rest. */
export function splitNumbering(s: string): { n?: number; rest: string } {
  const m = /^(?:([一二三四五六七八九十]{1,3})[、.．]|[（(]([一二三四五六七八九十]{1,3})[）)]|(\d{1,2})[、.．])\s*/.exec(s);
  if (!m) return { rest: s };
  const n = m[3] ? Number(m[3]) : chineseToNumber(m[1] ?? m[2]);
  return { n, rest: s.slice(m[0].length) };
}

function chineseToNumber(s: string): number {
  const d = '零一二三四五六七八九';
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + d.indexOf(s[1]);
  if (s.length === 1) return d.indexOf(s);
  if (s.endsWith('十')) return d.indexOf(s[0]) * 10;
  return d.indexOf(s[0]) * 10 + d.indexOf(s[2]);
}
