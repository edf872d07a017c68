/**
 * The narrative sections as plain text with a map back to the source. A narrative is usually
 * a block scalar (`overview: |`), whose source lines carry indentation; the prose checks read
 * `text` and report `offsets[i]`, the source offset of `text[i]`, so a diagnostic underlines
 * exactly the characters in the file.
 *
 * Lines are joined the way a reader sees them: a line break ends a sentence, except that a
 * long line that stops in the middle of a sentence (a wrapped PDF line) runs on into the next.
 */
import { isScalar, type Scalar } from 'yaml';
import { locate, valueNode, type Report } from '../model/report';

export interface Narrative {
  /** The top-level key, e.g. 'overview'. */
  section: string;
  text: string;
  /** offsets[i] is the source offset of text[i]; offsets[text.length] is the end. */
  offsets: number[];
}

export interface Piece {
  start: number;
  end: number;
}

/** A line shorter than this that stops without punctuation is a heading, not a wrapped line. */
const WRAP_MIN = 20;
const SENTENCE_END = /[。！？!?；;：:]/;

const cache = new WeakMap<Report, Map<string, Narrative | undefined>>();

/** The narrative of a top-level section (cached per loaded report). */
export function narrativeOf(report: Report, section: string): Narrative | undefined {
  let m = cache.get(report);
  if (!m) {
    m = new Map();
    cache.set(report, m);
  }
  if (!m.has(section)) m.set(section, build(report, section));
  return m.get(section);
}

const SPACE = /[ \t\r\u3000\u00a0]/;

function build(report: Report, section: string): Narrative | undefined {
  const loc = locate(report, [section]);
  if (!loc) return undefined;
  const node = valueNode(report, loc);
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const src = report.text;
  let begin = node.range[0];
  let end = node.range[1];
  const type = (node as Scalar).type;
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    const nl = src.indexOf('\n', begin);
    if (nl < 0 || nl >= end) return { section, text: '', offsets: [end] };
    begin = nl + 1;
  } else if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') {
    begin += 1;
    end -= 1;
  }
  const parts: string[] = [];
  const offsets: number[] = [];
  let length = 0;
  let lastChar = '';
  let prevLen = 0;
  let pos = begin;
  while (pos < end) {
    let eol = src.indexOf('\n', pos);
    if (eol < 0 || eol > end) eol = end;
    let s = pos;
    while (s < eol && SPACE.test(src[s])) s++;
    let e = eol;
    while (e > s && SPACE.test(src[e - 1])) e--;
    if (e > s) {
      // A long previous line that stops mid-sentence is a wrapped line: run on without a break.
      if (length && !(prevLen >= WRAP_MIN && !SENTENCE_END.test(lastChar))) {
        parts.push('\n');
        offsets.push(s);
        length++;
      }
      parts.push(src.slice(s, e));
      for (let i = s; i < e; i++) offsets.push(i);
      length += e - s;
      lastChar = src[e - 1];
      prevLen = e - s;
    } else {
      if (length && lastChar !== '\n') {
        parts.push('\n');
        offsets.push(s);
        length++;
        lastChar = '\n';
      }
      prevLen = 0;
    }
    pos = eol + 1;
  }
  offsets.push(end);
  return { section, text: parts.join(''), offsets };
}

/** The source span of text[start, end). */
export function sourceSpan(n: Narrative, start: number, end: number): { start: number; end: number } {
  return { start: n.offsets[start], end: end > start ? n.offsets[end - 1] + 1 : n.offsets[start] };
}

/** Sentences: split at 。！？ and line breaks. */
export function sentences(text: string): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (i === text.length || c === '\n' || c === '。' || c === '！' || c === '？' || c === '!' || c === '?') {
      const end = i === text.length || c === '\n' ? i : i + 1;
      if (text.slice(start, end).trim()) out.push({ start, end });
      start = i + 1;
    }
  }
  return out;
}

/** Where the clause holding text[at] starts (after the last ，；： before it, within the sentence). */
export function clauseStart(text: string, sentenceStart: number, at: number): number {
  for (let i = at - 1; i >= sentenceStart; i--) if ('，,；;：:'.includes(text[i])) return i + 1;
  return sentenceStart;
}
