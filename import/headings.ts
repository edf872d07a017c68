/**
 * The six section headings, recognised by their wording rather than an exact string: variant
 * wordings (…及整改措施 / 改进措施 / 整改情况), missing, shifted or other numbering (一、 （一）
 * 1.), Markdown `#` and emphasis, spaces inside. A line is a heading candidate when most of its
 * words are the section title's words in order and it covers enough of the title; the headings
 * of a document are the best increasing sequence of candidates in one numbering style (so the
 * sub-items （一）主动公开情况 of 一、总体情况 are not taken for section 二).
 */
import { lcs, normLabel, splitNumbering, stripWs } from './normalize';
import { sectionTemplates, type SectionTemplate } from './templates';

/** Variant words of section titles met in real reports, and the template word each stands for. */
const VARIANT_WORDS: [RegExp, string][] = [
  [/整改/g, '改进'],
  [/措施/g, '情况'],
];

/** The subject some headings repeat before the title (五、政府信息公开工作存在的主要问题及改进情况). */
const SUBJECT = /^政府信息公开工作/;

/** Share of the heading's characters that must be the title's (in order): the rest is variant wording. */
const MIN_PRECISION = 0.85;
/** Share of the title the heading must cover (存在的主要问题及改进情况 covers 12 of 20). */
const MIN_RECALL = 0.4;
/** A heading line is short; longer lines are sentences that mention a section. */
const MAX_HEADING = 40;
/** A candidate this close to the title is taken as exact for the choice of numbering style. */
const EXACT = 0.9;

export type Numbering = 'dun' | 'paren' | 'arabic' | 'none';

export interface HeadingCandidate {
  section: SectionTemplate;
  /** Dice similarity of the heading's words (after variant words) and the title's. */
  score: number;
  numbering: Numbering;
  n?: number;
  /** A Markdown heading (`#`): a heading whatever its numbering. */
  markdown: boolean;
}

/** The heading text without Markdown, trailing punctuation and whitespace. */
export function headingText(text: string): { text: string; markdown: boolean } {
  const t = stripWs(text);
  const markdown = /^#{1,6}/.test(t);
  const clean = t
    .replace(/^#{1,6}/, '')
    .replace(/\*\*|__/g, '')
    .replace(/[:：。.]+$/, '');
  return { text: clean, markdown };
}

function numberingOf(s: string): { numbering: Numbering; n?: number; rest: string } {
  const sp = splitNumbering(s);
  if (sp.n === undefined) return { numbering: 'none', rest: s };
  const numbering: Numbering = /^[（(]/.test(s) ? 'paren' : /^\d/.test(s) ? 'arabic' : 'dun';
  return { numbering, n: sp.n, rest: sp.rest };
}

/** Every section a line could be the heading of, best first. */
export function headingCandidates(line: string): HeadingCandidate[] {
  const { text, markdown } = headingText(line);
  if (!text || text.length > MAX_HEADING) return [];
  const { numbering, n, rest } = numberingOf(text);
  let words = normLabel(rest);
  for (const [re, to] of VARIANT_WORDS) words = words.replace(re, to);
  if (words.length < 2) return [];
  const forms = [words, words.replace(SUBJECT, '')].filter((w) => w.length >= 2);
  const out: HeadingCandidate[] = [];
  for (const s of sectionTemplates()) {
    let best = 0;
    for (const w of forms) {
      const l = lcs(s.rest, w);
      if (l / w.length < MIN_PRECISION || l / s.rest.length < MIN_RECALL) continue;
      best = Math.max(best, (2 * l) / (s.rest.length + w.length));
    }
    if (best > 0) out.push({ section: s, score: best, numbering, n, markdown });
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * The headings of a document: from every line's candidates, the best sequence of increasing
 * sections whose numbering style is the document's (the style of most near-exact candidates;
 * unnumbered and Markdown headings fit any style).
 */
export function chooseHeadings<T>(
  lines: { item: T; candidates: HeadingCandidate[] }[],
): { item: T; candidate: HeadingCandidate }[] {
  const votes = new Map<Numbering, number>();
  for (const l of lines)
    for (const c of l.candidates)
      if (c.score >= EXACT && c.numbering !== 'none') votes.set(c.numbering, (votes.get(c.numbering) ?? 0) + 1);
  const style = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const fits = (c: HeadingCandidate) => c.markdown || c.numbering === 'none' || !style || c.numbering === style;
  // Longest path over (line, section), sections strictly increasing: the best chain ending in each section so far.
  type Node = { line: number; c: HeadingCandidate; total: number; prev?: Node };
  const bestBySection = new Map<number, Node>();
  let top: Node | undefined;
  lines.forEach((l, i) => {
    const made: Node[] = [];
    for (const c of l.candidates) {
      if (!fits(c)) continue;
      let prev: Node | undefined;
      for (const [index, b] of bestBySection) if (index < c.section.index && (!prev || b.total > prev.total)) prev = b;
      made.push({ line: i, c, total: (prev?.total ?? 0) + c.score, prev });
    }
    for (const node of made) {
      const k = node.c.section.index;
      const cur = bestBySection.get(k);
      if (!cur || node.total > cur.total) bestBySection.set(k, node);
      if (!top || node.total > top.total) top = node;
    }
  });
  const out: { item: T; candidate: HeadingCandidate }[] = [];
  for (let n = top; n; n = n.prev) out.unshift({ item: lines[n.line].item, candidate: n.c });
  return out;
}

/** Does the published heading say the template's title, numbering included (whitespace and Markdown aside)? */
export function isTemplateHeading(published: string, s: SectionTemplate): boolean {
  return normLabel(headingText(published).text) === normLabel(s.title);
}
