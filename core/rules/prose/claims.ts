/**
 * Counts stated in the narrative (TXT-T3, TXT-ZERO), read from plain text. Pure: text and the
 * report year in, claims with offsets into that text out.
 *
 * The patterns follow the phrasings seen in the seeds and the corpus:
 *   共收到政府信息公开申请21件 / 全区受理政府信息公开申请二十一件 / 共收到70件申请
 *   上年结转8件 / 含上年度结转申请34件
 *   结转下年度继续办理12件 / 1件结转下年度继续办理 / 另有103件顺延到下年度答复 / 结转至2026年6件
 *   被申请行政复议9件 / 行政复议案件2件 / 被提起行政诉讼9件 / 行政诉讼案件7件
 *   没有收到政府信息公开申请 / 没有收到政府信息公开行政复议、行政诉讼 / 未发生…行政复议、行政诉讼的情况
 *
 * When in doubt a sentence yields nothing: it speaks of another year, a month or quarter, a
 * channel or a subset (其中, 通过网络…), an approximate number (约/近/余), or states two
 * different numbers of the same kind.
 */
import { NUMBER_SOURCE, parseNumeral } from '../../text/numerals';
import { clauseStart, sentences } from '../../text/narrative';

export type ClaimKind = 'new' | 'carried' | 'forward' | 'review' | 'lit' | 'zeroNew' | 'zeroReview' | 'zeroLit';

export interface Claim {
  kind: ClaimKind;
  /** The stated number (absent for the zero claims). */
  value?: number;
  /** What to underline, offsets into the text: the number, or the whole negative phrase. */
  start: number;
  end: number;
  /** The sentence, offsets into the text. */
  sentence: { start: number; end: number };
  /** For `new`: the number includes last year's carry-over (含上年结转…) */
  inclCarry?: boolean;
  /**
   * For `new`: the verb is 新收, which excludes the carry-over. With 收到/受理 a sentence may
   * count last year's carry-over in (平潭 2022: 收到…75件 = 新收 74 + 上年结转 1).
   */
  strict?: boolean;
}

/** Characters; real sentences in these reports are well under this. */
const MAX_SENTENCE = 600;

const N = `(?<num>${NUMBER_SOURCE})`;
const UNIT = '(?:件|宗|起)';
const YR = '(?<yr>(?:19|20)\\d\\d)';
const FILL = '(?:(?:的)?(?:数量|总数|总量))?(?:共计|合计|总计|累计|共|计|为|是|达)*';

const PATTERNS: { kind: ClaimKind; re: RegExp }[] = [
  // 共收到政府信息公开申请21件, 受理依申请公开21件
  {
    kind: 'new',
    re: new RegExp(
      `(?<verb>新收|收到|受理|接收|接到|收悉)(?:了)?(?:各类)?(?:的)?(?:政府信息公开申请|信息公开申请|依申请公开(?:政府信息)?(?:申请|事项)?|公开申请|申请)${FILL}${N}${UNIT}`,
      'dg',
    ),
  },
  // 共收到70件申请
  {
    kind: 'new',
    re: new RegExp(
      `(?<verb>新收|收到|受理|接收|接到)(?:了)?(?:共计|合计|共)?${N}${UNIT}(?:的)?(?:政府信息公开|信息公开|依申请公开)?申请(?!人)`,
      'dg',
    ),
  },
  // 上年结转8件, 含上年度结转申请34件, 2022年结转的申请3件
  {
    kind: 'carried',
    re: new RegExp(
      `(?:上一?年度?|去年|${YR}年度?)(?:未办结)?(?:的)?结转(?:到本年度?|至本年度?)?(?:的)?(?:政府信息公开|信息公开)?(?:申请)?(?:数量)?(?:共计|共|为)?${N}${UNIT}`,
      'dg',
    ),
  },
  // 结转下年度继续办理12件, 结转至2026年6件
  {
    kind: 'forward',
    re: new RegExp(
      `(?:结转|转入|顺延)(?:到|至)?(?:下一?年度?|次年度?|${YR}年度?)(?:继续)?(?:办理|答复|处理)?(?:的)?(?:申请)?(?:共计|共|为)?${N}${UNIT}`,
      'dg',
    ),
  },
  // 1件结转下年度继续办理, 另有103件顺延到下年度答复
  {
    kind: 'forward',
    re: new RegExp(`${N}${UNIT}(?:申请)?(?:需|将|已|被)?(?:结转|转入|顺延)(?:到|至)?(?:下一?年度?|次年度?|${YR}年度?)`, 'dg'),
  },
  { kind: 'review', re: new RegExp(`行政复议(?:案件|申请)?(?:数量)?(?:共计|合计|共|计|为)?${N}${UNIT}`, 'dg') },
  { kind: 'lit', re: new RegExp(`行政诉讼(?:案件)?(?:数量)?(?:共计|合计|共|计|为)?${N}${UNIT}`, 'dg') },
  // 没有收到政府信息公开申请
  {
    kind: 'zeroNew',
    re: /(?<![尚并])(?:没有|未|无)(?:收到|接到|受理|发生|产生)(?:过)?(?:任何)?(?:的)?(?:政府信息公开|信息公开|依申请公开)?(?:的)?申请(?!人)/dg,
  },
  // 没有收到政府信息公开行政复议、行政诉讼 / 未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况
  {
    kind: 'zeroReview',
    re: /(?<!尚)(?:没有|未(?!经)|无(?![论法需须]))(?<mid>[^，。；、,;\d]{0,16}?)(?<what>行政复议(?:[、和及与或](?:被)?(?:提起)?行政诉讼)?|行政诉讼(?:[、和及与或](?:被)?(?:申请)?行政复议)?)/dg,
  },
];

/** Words that make a clause speak of a subset, a channel or a condition. */
const SUBSET = /其中|通过|当面|信函|网络|网上|邮寄|传真|电子邮件|平台|窗口|现场|如果|如|若/;
/** Words before a review/lawsuit count that make it a count of one outcome or route. */
const OUTCOME = /纠正|纠错|撤销|维持|败诉|胜诉|确认违法|直接起诉|复议后|审结|结果/;
const APPROX_BEFORE = /(?:约|近|逾|超过|将近|大约|余)$/;
const ZERO_MID_BAD = /纠|撤销|维持|败诉|胜诉|结果|审结|决定|复议|起诉|诉讼|经/;
const ZERO_AFTER_OK = /^(?:案件|事项)?(?:的)?(?:情况|情形|案件|事件)?(?:发生)?(?=[，。；,;）)\n]|$)/;

/** Does the sentence speak of a period other than the report year? Carry-over phrases aside. */
function otherPeriod(sentence: string, year: number | undefined): boolean {
  const s = sentence
    .replace(/(?:(?:19|20)\d\d年)?1月1日(?:起)?(?:至|到|—|－|-|~)(?:(?:19|20)\d\d年)?12月31日(?:止)?/g, '')
    .replace(/截(?:至|止)(?:(?:19|20)\d\d年)?12月(?:31日|底)/g, '')
    .replace(/(?:比|较|与)(?:上一?年度?|去年)(?:同期)?(?:相比)?|同比/g, '')
    .replace(/(?:上一?年度?|去年|(?:19|20)\d\d年度?)(?:未办结)?(?:的)?结转/g, '结转')
    .replace(/(?:结转|转入|顺延)(?:到|至)?(?:下一?年度?|次年度?|(?:19|20)\d\d年度?)/g, '结转');
  if (year !== undefined) {
    for (const m of s.matchAll(/((?:19|20)\d\d)年/g)) if (Number(m[1]) !== year) return true;
  }
  if (
    /上一?年|去年|往年|前年|上年度|下一?年度?|明年|季度|上半年|下半年|(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})月份?(?!日)/.test(
      s,
    )
  )
    return true;
  return false;
}

export function extractClaims(text: string, year?: number): Claim[] {
  const out: Claim[] = [];
  for (const sent of sentences(text)) {
    // Longer than any real sentence: broken text (a table flattened into prose). Stay silent.
    if (sent.end - sent.start > MAX_SENTENCE) continue;
    const s = text.slice(sent.start, sent.end);
    if (otherPeriod(s, year)) continue;
    const found: Claim[] = [];
    for (const { kind, re } of PATTERNS) {
      re.lastIndex = 0;
      for (let m = re.exec(s); m; m = re.exec(s)) {
        const g = m.groups ?? {};
        const at = m.index;
        const clause = s.slice(clauseStart(s, 0, at), at);
        const after = s.slice(at + m[0].length);
        if (kind === 'zeroNew') {
          if (SUBSET.test(clause) || /^(?:的情况下|时)/.test(after) || /^[0-9０-９零〇一二两三四五六七八九十]/.test(after))
            continue;
          found.push({ kind, start: sent.start + at, end: sent.start + at + m[0].length, sentence: sent });
          continue;
        }
        if (kind === 'zeroReview') {
          if (ZERO_MID_BAD.test(g.mid ?? '') || !ZERO_AFTER_OK.test(after) || SUBSET.test(clause.replace(/如实/g, ''))) continue;
          const what = g.what ?? '';
          const start = sent.start + at;
          const end = start + m[0].length;
          if (what.includes('行政复议')) found.push({ kind: 'zeroReview', start, end, sentence: sent });
          if (what.includes('行政诉讼')) found.push({ kind: 'zeroLit', start, end, sentence: sent });
          continue;
        }
        if (g.yr !== undefined && year !== undefined) {
          const want = kind === 'carried' ? year - 1 : year + 1;
          if (Number(g.yr) !== want) continue;
        }
        const value = parseNumeral(g.num);
        if (value === undefined) continue;
        const numStart = (m as RegExpExecArray & { indices: { groups: Record<string, [number, number]> } }).indices.groups.num[0];
        if (
          SUBSET.test(clause) ||
          APPROX_BEFORE.test(s.slice(0, numStart)) ||
          /^(?:件|宗|起)?(?:左右|余|多)/.test(s.slice(numStart + g.num.length))
        )
          continue;
        if (/[0-9０-９.．第]$/.test(s.slice(0, numStart))) continue;
        if ((kind === 'review' || kind === 'lit') && OUTCOME.test(clause)) continue;
        if (kind === 'review' && /行政诉讼(?:案件)?[、和及与]$/.test(s.slice(0, at))) continue;
        if (kind === 'lit' && /行政复议(?:案件)?[、和及与]$/.test(s.slice(0, at))) continue;
        const claim: Claim = {
          kind,
          value,
          start: sent.start + numStart,
          end: sent.start + numStart + g.num.length,
          sentence: sent,
        };
        if (kind === 'new') {
          const afterNum = s.slice(at + m[0].length);
          claim.inclCarry =
            /^(?:申请)?[（(]\s*(?:含|包括|包含)[^）)]*结转/.test(afterNum) || /(?:含|包括|连同)[^，。；]*结转/.test(clause);
          claim.strict = g.verb === '新收';
        }
        found.push(claim);
      }
    }
    // Two different numbers of one kind in a sentence: a breakdown, not a total. Stay silent.
    const byKind = new Map<ClaimKind, Claim[]>();
    for (const c of found) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
    for (const c of found) {
      const same = byKind.get(c.kind)!;
      if (same[0] !== c || same.some((o) => o.value !== c.value)) continue; // first of its kind only
      out.push(c);
    }
  }
  return out;
}
