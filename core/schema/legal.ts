/** Legal references (条例 articles) from the schemas, rendered as names and quoted text. */
import tiaoli from '../../schemas/tiaoli-2019.json';
import type { LegalRef } from './nodes';

interface Article {
  chapter: string;
  paragraphs: string[];
  items: Record<string, string>;
}
const articles = (tiaoli as { articles: Record<string, Article> }).articles;
export const lawTitle: string = (tiaoli as { title: string }).title;

const DIGITS = '零一二三四五六七八九';

/** 1..99 as Chinese numerals: 9 → 九, 20 → 二十, 36 → 三十六. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** 第二十条第（九）项, 第十六条第二款, 第三十六条. */
export function legalName(ref: LegalRef): string {
  let s = `第${chineseNumber(ref.article)}条`;
  if (ref.paragraph) s += `第${chineseNumber(ref.paragraph)}款`;
  if (ref.item) s += `第（${chineseNumber(ref.item)}）项`;
  return s;
}

/** The text of the referenced article, paragraph or item, verbatim from the 条例. */
export function legalText(ref: LegalRef): string | undefined {
  const art = articles[String(ref.article)];
  if (!art) return undefined;
  if (ref.item) {
    const item = art.items[String(ref.item)];
    return item === undefined ? undefined : item.replace(/[；。]$/, '');
  }
  if (ref.paragraph) return art.paragraphs[ref.paragraph - 1];
  return art.paragraphs.join('\n');
}
