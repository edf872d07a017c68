/**
 * Numbers as written in report prose: Arabic (21, ２１, 1,036) and Chinese (二十一, 一百零五,
 * 两, 〇). Used by the prose checks to read counts such as “共收到政府信息公开申请二十一件”.
 */

/** A regex source matching one number token (Arabic, full-width or Chinese). */
export const NUMBER_SOURCE = '(?:[0-9０-９]{1,3}(?:,[0-9]{3})+|[0-9０-９]+|[零〇一二两三四五六七八九十百千万]+)';

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The value of a number token, or undefined when it is not a well-formed number. */
export function parseNumeral(token: string): number | undefined {
  const s = token.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)).replace(/,/g, '');
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (!/^[零〇一二两三四五六七八九十百千万]+$/.test(s)) return undefined;
  const wan = s.split('万');
  if (wan.length > 2) return undefined;
  if (wan.length === 2) {
    const hi = wan[0] === '' ? 1 : section(wan[0]);
    const lo = wan[1] === '' ? 0 : section(wan[1]);
    return hi === undefined || lo === undefined ? undefined : hi * 10000 + lo;
  }
  return section(s);
}

/** A number below 10 000: 二十一, 一百零五, 十一, or digit by digit (二〇二三). */
function section(s: string): number | undefined {
  if (![...s].some((c) => c in UNITS)) {
    let n = 0;
    for (const c of s) n = n * 10 + DIGITS[c];
    return n;
  }
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  for (const c of s) {
    if (c in DIGITS) {
      if (digit !== undefined && digit !== 0 && DIGITS[c] !== 0) return undefined; // 二三百
      digit = DIGITS[c];
    } else {
      const u = UNITS[c];
      if (u >= lastUnit) return undefined; // 十百
      total += (digit === undefined || (digit === 0 && total === 0) ? 1 : digit) * u;
      digit = undefined;
      lastUnit = u;
    }
  }
  return total + (digit ?? 0);
}
