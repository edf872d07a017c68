/**
 * Text lines → paragraphs and headings. A line continues the one before it (also across a page
 * break) when that one runs to the right margin, the new one starts at the left margin (a
 * Chinese paragraph's first line is indented two characters), both have the same size and the
 * line spacing is the usual one. Larger text, and short numbered section titles, are headings.
 */
import { splitNumbering, stripWs } from '../normalize';
import { joinText, median } from './geometry';
import type { Line } from './lines';

export interface FlowLine {
  line: Line;
  page: number;
  /** Source line number (see index.ts). */
  n: number;
  /** Nothing (a table, a figure) stands between this line and the one before. */
  follows: boolean;
}

export interface Paragraph {
  text: string;
  n: number;
  heading: boolean;
}

/** Text this much larger than the body text is a title or heading. */
const HEADING_SIZE_RATIO = 1.15;
/** A line ending within this many em of the right margin is full (justification, a last punctuation mark). */
const RIGHT_SLACK_EM = 1.5;
/** A line starting within this many em of the left margin is not indented. */
const INDENT_SLACK_EM = 0.6;
/** Sizes within this share are the same size. */
const SIZE_TOLERANCE = 0.1;
/** Extra space over the usual line pitch (em) that separates paragraphs. */
const PITCH_SLACK_EM = 0.4;
/** Lines of body text have at least this many characters when margins are measured. */
const MARGIN_SAMPLE_CHARS = 8;
/** Line pitches above this (em) are gaps, not line spacing. */
const MAX_PITCH_EM = 2.5;

interface Margins {
  left: number;
  right: number;
  pitch: number;
}

function marginsOf(lines: FlowLine[], em: number): Margins | undefined {
  const body = lines.filter(
    (f) => Math.abs(f.line.size - em) <= SIZE_TOLERANCE * em && stripWs(f.line.text).length >= MARGIN_SAMPLE_CHARS,
  );
  if (body.length < 3) return undefined;
  const xs0 = body.map((f) => f.line.x0).sort((a, b) => a - b);
  const xs1 = body.map((f) => f.line.x1).sort((a, b) => a - b);
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i].line.y0 - lines[i - 1].line.y0;
    if (lines[i].page === lines[i - 1].page && d > 0 && d <= MAX_PITCH_EM * em) pitches.push(d);
  }
  return {
    left: xs0[Math.floor(xs0.length * 0.1)],
    right: xs1[Math.floor(xs1.length * 0.9)],
    pitch: median(pitches) || 1.5 * em,
  };
}

export function isHeading(l: Line, em: number): boolean {
  const t = stripWs(l.text);
  if (l.size >= HEADING_SIZE_RATIO * em) return true;
  return t.length <= 30 && /^[一二三四五六七八九十]{1,3}、/.test(t) && !/[。；]/.test(t) && splitNumbering(t).n !== undefined;
}

export function paragraphs(lines: FlowLine[], emOf: (page: number) => number): Paragraph[] {
  const byPage = new Map<number, FlowLine[]>();
  for (const f of lines) {
    if (!byPage.has(f.page)) byPage.set(f.page, []);
    byPage.get(f.page)!.push(f);
  }
  const margins = new Map<number, Margins | undefined>();
  for (const [p, ls] of byPage) margins.set(p, marginsOf(ls, emOf(p)));
  const all = [...margins.values()].filter((m): m is Margins => !!m);
  const fallback: Margins | undefined = all.length
    ? { left: median(all.map((m) => m.left)), right: median(all.map((m) => m.right)), pitch: median(all.map((m) => m.pitch)) }
    : undefined;
  const marginOf = (p: number) => margins.get(p) ?? fallback;

  const out: Paragraph[] = [];
  let prev: FlowLine | undefined;
  for (const f of lines) {
    const heading = isHeading(f.line, emOf(f.page));
    const last = out[out.length - 1];
    if (prev && last && !last.heading && !heading && f.follows && continues(prev, f, marginOf(prev.page), marginOf(f.page))) {
      last.text = joinText(last.text, f.line.text, true);
    } else out.push({ text: f.line.text, n: f.n, heading });
    prev = f;
  }
  return out;
}

function continues(a: FlowLine, b: FlowLine, ma: Margins | undefined, mb: Margins | undefined): boolean {
  if (!ma || !mb) return false;
  const size = a.line.size;
  if (Math.abs(b.line.size - size) > SIZE_TOLERANCE * size) return false;
  if (a.line.x1 < ma.right - RIGHT_SLACK_EM * size) return false;
  if (b.line.x0 > mb.left + INDENT_SLACK_EM * size) return false;
  if (a.page === b.page && b.line.y0 - a.line.y0 > ma.pitch + PITCH_SLACK_EM * size) return false;
  return true;
}
