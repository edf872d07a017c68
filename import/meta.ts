/**
 * The report's meta from the document itself, never from the page around it: the title (up
 * to three short lines near the top), the opening lines and the signature. Site chrome (正文,
 * 当前位置, 首页, navigation trails, publishing details, archive headers) is dropped before the
 * title is looked for; Markdown is stripped. The organ's name is kept whole: when the opening
 * lines give the title's organ with its region prefixes (淮安市洪泽区人民政府 for 洪泽区人民政府),
 * the longer name is the organ.
 */
import { organKindOf, sameOrgan } from '../core/facts/organ';
import { isTitle, readTitle } from '../core/facts/title';
import { stripWs } from './normalize';

export interface ImportedMeta {
  title?: string;
  organ?: string;
  /** Where the organ name was read: the signature (落款), the title or the opening lines. */
  organFrom?: 'signature' | 'title' | 'body';
  organKind?: string;
  year?: number;
  period?: { from: string; to: string; inferred: boolean };
  publishedOn?: string;
  contact?: { address?: string; postcode?: string; phone?: string; email?: string };
  signature?: string[];
}

/** Lines of a web page (or of an archive of it) that are not the report: breadcrumbs, labels, tools. */
const CHROME_LINE =
  /^(?:(?:正文|首页|打印|关闭|分享|返回|返回顶部|【打印】|【关闭】|字号[:：]?.*|[大中小]{3})$|(?:当前位置|您当前的位置|您现在的位置|当前的位置|所在位置|位置)[:：]|.*[>›»].*[>›»]|(?:发布时间|发布日期|发文日期|成文日期|来源|信息来源|发布机构|发布单位|文号|索引号|栏目|分类|主题分类|浏览次数|阅读次数|访问量|原文链接|本地目录|标题)[:：]|页面链接与图片|=+.*=+$)/;

/** Is the line site chrome (navigation, page labels, publishing details, an archive's header) rather than the report? */
export function isChrome(line: string): boolean {
  const t = stripWs(line)
    .replace(/^#+/, '')
    .replace(/\*\*|__/g, '');
  return !t || CHROME_LINE.test(t);
}

/** A short line that may be (part of) a title. */
const MAX_TITLE_LINE = 40;
const TITLE_LINES = 3;

/** The title: up to three short lines near the top that together name a year and end in 报告 (chrome skipped). */
export function takeTitle(front: string[]): { title?: string; rest: string[]; chrome: string[] } {
  const chrome = front.filter(isChrome);
  const kept = front.filter((l) => !isChrome(l));
  const clean = (s: string) =>
    stripWs(s)
      .replace(/^#+/, '')
      .replace(/\*\*|__/g, '');
  for (let start = 0; start < Math.min(TITLE_LINES, kept.length); start++) {
    let acc = '';
    for (let i = start; i < Math.min(start + TITLE_LINES, kept.length); i++) {
      const t = clean(kept[i]);
      if (t.length > MAX_TITLE_LINE || /[。；，,>›»|]|当前位置/.test(t)) break;
      acc += t;
      if (isTitle(acc) && /(?:19|20)\d\d年/.test(acc)) {
        return { title: acc, rest: [...kept.slice(0, start), ...kept.slice(i + 1)], chrome };
      }
    }
  }
  return { rest: kept, chrome };
}

/** A signature is an organ line and a date line, sometimes a department line: at most three lines. */
const SIGNATURE_LINES = 3;
/** An organ's name is short; a longer line ending in 局 or 乡 is a sentence. */
const MAX_SIGNATURE_ORGAN = 30;

/** The signature at the end of the last section: an organ line and/or a date line. */
export function takeSignature(lines: string[]): { rest: string[]; signature?: string[] } {
  const rest = lines.slice();
  const sig: string[] = [];
  for (let k = 0; k < SIGNATURE_LINES && rest.length > 1; k++) {
    const t = stripWs(rest[rest.length - 1]);
    if (
      /^\d{4}年\d{1,2}月\d{1,2}日$/.test(t) ||
      (/(人民政府|办公室|办公厅|委员会|管委会|管理局|局|街道办事处|乡|镇)$/.test(t) && t.length <= MAX_SIGNATURE_ORGAN)
    ) {
      sig.unshift(t);
      rest.pop();
    } else break;
  }
  return sig.length ? { rest, signature: sig } : { rest };
}

const pad = (n: string) => n.padStart(2, '0');

/** Where a longer name of the organ may start: after a function word or punctuation. */
const BOUNDARY = '由与向和及的，。、；：:（(“"\\s';

/** The organ with the region prefixes the opening lines give it (淮安市 + 洪泽区人民政府), if any. */
export function wholeOrgan(organ: string, text: string): string {
  let best = organ;
  const re = new RegExp(`(?:^|[${BOUNDARY}])((?:[^${BOUNDARY}]{1,8}?(?:省|自治区|市|州|盟|县|区|旗))+)${escapeRe(organ)}`, 'g');
  for (const m of text.matchAll(re)) {
    const name = m[1] + organ;
    if (name.length > best.length && sameOrgan({ name }, { name: organ })) best = name;
  }
  return best;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function readMeta(
  title: string | undefined,
  lines: string[],
  signature: string[] | undefined,
  yearHint?: number,
): ImportedMeta {
  const flat = stripWs(lines.join(''));
  const fromTitle = title ? readTitle(title) : {};
  const period = /自?((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日(?:起)?(?:至|到|—|-)((?:19|20)\d\d)?年?(\d{1,2})月(\d{1,2})日/.exec(
    flat,
  );
  const year = fromTitle.year ?? (period ? Number(period[1]) : undefined) ?? yearOf(flat) ?? yearHint;
  const meta: ImportedMeta = { title, year, signature };
  const sigOrgan = signature?.find((s) => !/^\d{4}年/.test(s));
  if (sigOrgan) {
    meta.organ = sigOrgan;
    meta.organFrom = 'signature';
  }
  if (fromTitle.organ) {
    const whole = wholeOrgan(fromTitle.organ, flat);
    // The signature may abbreviate (区政府办); the title's organ, made whole, wins when they are one organ or it is longer.
    if (!meta.organ || (sameOrgan({ name: meta.organ }, { name: whole }) && whole.length >= meta.organ.length)) {
      meta.organ = whole;
      meta.organFrom = 'title';
    }
  }
  if (meta.organ) meta.organKind = organKindOf(meta.organ);
  if (period) {
    meta.period = {
      from: `${period[1]}-${pad(period[2])}-${pad(period[3])}`,
      to: `${period[4] ?? period[1]}-${pad(period[5])}-${pad(period[6])}`,
      inferred: false,
    };
  } else if (year !== undefined) {
    meta.period = { from: `${year}-01-01`, to: `${year}-12-31`, inferred: true };
  }
  const date = signature?.find((s) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(s));
  if (date) {
    const d = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(date)!;
    meta.publishedOn = `${d[1]}-${pad(d[2])}-${pad(d[3])}`;
  }
  const contact: NonNullable<ImportedMeta['contact']> = {};
  const addr = /地址[:：]([^，,。；;）)]{2,60})/.exec(flat);
  if (addr) contact.address = addr[1];
  const post = /邮编[:：]?(\d{6})/.exec(flat) ?? /邮政编码[:：]?(\d{6})/.exec(flat);
  if (post) contact.postcode = post[1];
  const phone = /(?:联系)?电话[:：]?((?:\d{3,4}[-－—])?\d{7,8}(?:[-－—]\d{1,4})?|1\d{10})/.exec(flat);
  if (phone) contact.phone = phone[1].replace(/[－—]/g, '-');
  const email = /(?:电子邮箱|电子邮件|邮箱|E-?mail)[:：]?([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/i.exec(flat);
  if (email) contact.email = email[1];
  if (Object.keys(contact).length) meta.contact = contact;
  return meta;
}

/** The first year the opening lines name (2020年，我区…). */
function yearOf(text: string): number | undefined {
  const m = /((?:19|20)\d\d)年/.exec(text);
  return m ? Number(m[1]) : undefined;
}
