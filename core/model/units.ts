/** Reading numbers that were typed with units or stray characters ("137次", "606.05万元", "0 0"). */

export interface UnitReading {
  number: number;
  unit?: string;
}

const NUMBER_WITH_UNIT =
  /^[\s\u00a0\u3000]*([+-]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)[\s\u00a0\u3000]*(万元|元|件|次|个|项|条|份)?[\s\u00a0\u3000]*$/;

function halfWidth(s: string): string {
  return s
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/[,，]/g, '');
}

/** A number with an optional unit; undefined when the text is something else. */
export function readNumberWithUnit(text: string): UnitReading | undefined {
  const m = NUMBER_WITH_UNIT.exec(text);
  if (!m) return undefined;
  const n = Number(halfWidth(m[1]));
  return Number.isFinite(n) ? { number: n, unit: m[2] } : undefined;
}

/** "00", "0 0", "０": zeros typed oddly. Probably 0, but a person must confirm (not automatic). */
export function looksLikeZero(text: string): boolean {
  return /^[0０][0０\s\u00a0\u3000]*$/.test(text) && text.trim() !== '0';
}

/** Converts between 元 and 万元. */
export function toUnit(value: number, from: string, to: string): number {
  if (from === to) return value;
  return from === '元' && to === '万元' ? value / 10000 : value * 10000;
}

export function decimals(n: number): number {
  const s = String(n);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}
