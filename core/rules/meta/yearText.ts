/**
 * META-YEAR-TEXT: prose that states the report's own period with another year — text carried over
 * from an earlier report (SPEC.md §6.1, E14). In a 2023 report:
 *
 *   opening   “2022年，本机关……” at the start of a sentence (a past year only: “2024年，我们将……” is a plan)
 *   self      “本年度（2022年）”, “今年（2022年）”
 *   period    “2022年1月1日至2022年12月31日” outside the statistics-period sentence
 *   as-of     “截至2022年12月31日”
 *   foreword  “现将……2022年度政府信息公开工作年度报告……”
 *
 * Comparisons and history are not faults and are not matched: “较2022年”, “2022年以来”, “上年”,
 * “2022年度报告指出的问题”; an opening whose sentence compares or looks back (以来, 较, 同比,
 * 整改, 指出 …) or names the report's own year is left alone too.
 *
 * The statistics-period sentence (“统计期限自2022年1月1日起至2022年12月31日止”) is META-YEAR's:
 * it states the period exactly, so a wrong year there is an error, reported once, by META-YEAR;
 * this rule skips whatever that sentence covers.
 */
import { sectionsOf } from '../../schema/tables';
import { narrativeOf, sentences, sourceSpan, type Narrative } from '../../text/narrative';
import type { CheckContext } from '../context';
import { periodSentences } from './check';
import { META_YEAR_TEXT, messages } from './specs';

export type YearTextKind = 'opening' | 'self' | 'period' | 'as-of' | 'foreword';

const Y = '((?:19|20)\\d\\d)';
/** Each pattern's first group is the year; `past` = only years before the report's count. */
const PATTERNS: { kind: YearTextKind; re: RegExp; past: boolean }[] = [
  { kind: 'self', re: new RegExp(`(?:本年度|本年|今年|本报告年度)[（(]${Y}年度?[）)]`, 'g'), past: false },
  { kind: 'period', re: new RegExp(`${Y}年1月1日起?(?:至|到|—|－|-|～|~)${Y}年12月31日`, 'g'), past: false },
  { kind: 'as-of', re: new RegExp(`截至${Y}年12月31日`, 'g'), past: true },
  {
    kind: 'foreword',
    re: new RegExp(
      `(?:现将|特向社会公布|向社会公布|特此发布|现予公布|编制)[^。\\n]{0,24}?${Y}年度?(?:政府信息公开|政务公开)工作(?:年度)?报告`,
      'g',
    ),
    past: false,
  },
];
/** “2022年，” / “2022年度，” opening a sentence. */
const OPENING = new RegExp(`^\\s*(?:[（(][一二三四五六七八九十]+[）)]|\\d+[、.．])?\\s*${Y}年度?[，,]`);
/** A sentence that compares with or looks back at an earlier year. */
const LOOKS_BACK = /以来|较|同比|相比|相较|对比|比上年|上年|上一年|去年|往年|整改|指出|提出的问题|反映的问题/;

export function checkYearText(ctx: CheckContext): void {
  const year = ctx.meta.year;
  if (year === undefined) return;
  for (const s of sectionsOf(ctx.format).filter((x) => x.narrative)) {
    const n = narrativeOf(ctx.report, s.key);
    if (!n?.text) continue;
    const owned = periodSentences(ctx.report, s.key);
    const seen = new Set<number>();
    const report = (kind: YearTextKind, at: number, found: number, snippet: string) => {
      const span = sourceSpan(n, at, at + 4);
      if (seen.has(span.start) || owned.some((o) => span.start < o.end && o.start < span.end)) return;
      seen.add(span.start);
      ctx.emit(META_YEAR_TEXT, messages.yearText, { snippet, found, year }, span, { path: s.key, found, year, kind });
    };
    for (const p of PATTERNS) {
      p.re.lastIndex = 0;
      for (let m = p.re.exec(n.text); m; m = p.re.exec(n.text)) {
        // Every year the match states (a period names two).
        for (let g = 1; g < m.length; g++) {
          if (!m[g]) continue;
          const found = Number(m[g]);
          if (found === year || (p.past && found > year)) continue;
          const at = m.index + m[0].indexOf(m[g], g > 1 ? m[0].indexOf(m[g - 1]) + 4 : 0);
          report(p.kind, at, found, m[0]);
        }
      }
    }
    for (const sentence of sentences(n.text)) openings(n, sentence, year, report);
  }
}

function openings(
  n: Narrative,
  sentence: { start: number; end: number },
  year: number,
  report: (kind: YearTextKind, at: number, found: number, snippet: string) => void,
): void {
  const text = n.text.slice(sentence.start, sentence.end);
  const m = OPENING.exec(text);
  if (!m) return;
  const found = Number(m[1]);
  if (found >= year || LOOKS_BACK.test(text) || text.includes(`${year}年`)) return;
  const at = sentence.start + m.index + m[0].lastIndexOf(m[1]);
  const clause = text.slice(m[0].lastIndexOf(m[1]));
  const snippet = clause.slice(0, Math.min(clause.length, OPENING_SNIPPET));
  report('opening', at, found, snippet.length < clause.length ? `${snippet}…` : snippet);
}

/** Characters of an opening quoted in the message. */
const OPENING_SNIPPET = 12;
