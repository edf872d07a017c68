/**
 * Web page text as archives store it: the whole report on one line after a header, section
 * headings mid-line, and the cells of each table row run together ("2000002" = 2·0·0·0·0·0·2;
 * a blank cell simply vanishes). The line is cut at its section headings; inside a table's
 * section, into label text and runs of digits. A run becomes a row whose cells are flagged
 * `run`: the table reader cuts them where the columns and the sums allow one reading only
 * (readings.ts), and otherwise leaves the row unplaced and says so.
 */
import { headingCandidates } from './headings';
import { stripWs } from './normalize';
import type { Block, Source, SrcCell } from './source';
import { sectionTemplates, tableKeys } from './templates';

/** A line this long holding several section headings is a whole report on one line. */
const MIN_RUN_LINE = 1000;
const MIN_INLINE_HEADINGS = 3;
/** Longest heading text looked for after a numeral (the longest template title has 17 characters). */
const MAX_INLINE_HEADING = 24;
/** Numerals looked at in one line at most: a report has a few dozen (hostile input could have millions). */
const MAX_NUMERALS = 2000;
/** A heading inside running text must match its title closely (there is no line break to go by). */
const MIN_INLINE_SCORE = 0.8;

interface Inline {
  start: number;
  end: number;
  index: number;
}

/** The section headings inside a long line, in order. */
export function inlineHeadings(line: string): Inline[] {
  const out: Inline[] = [];
  let after = 0;
  const numeral = /[一二三四五六七八九十]{1,2}[、.．]/g;
  let seen = 0;
  for (let m = numeral.exec(line); m && seen++ < MAX_NUMERALS; m = numeral.exec(line)) {
    let best: { end: number; score: number; index: number } | undefined;
    for (let len = 2; len <= MAX_INLINE_HEADING && m.index + m[0].length + len <= line.length; len++) {
      const text = line.slice(m.index, m.index + m[0].length + len);
      const c = headingCandidates(text).find((x) => x.section.index > after);
      if (c && c.score >= MIN_INLINE_SCORE && (!best || c.score > best.score))
        best = { end: m.index + text.length, score: c.score, index: c.section.index };
    }
    if (best) {
      out.push({ start: m.index, end: best.end, index: best.index });
      after = best.index;
      numeral.lastIndex = best.end;
    }
  }
  return out;
}

export function isRunTogether(text: string): boolean {
  return text.split(/\r\n|\r|\n/).some((l) => l.length >= MIN_RUN_LINE && inlineHeadings(l).length >= MIN_INLINE_HEADINGS);
}

/** A run of cells: digits, signs, decimals and a unit; spaces between cells are kept (they separate chunks). */
const RUN = /-?\d[\d\s.-]*(?:万元|亿元|元|%)?/g;

/** Splits a table's text into label pieces and rows of run-together cells. */
function tableBlocks(text: string, line: number): Block[] {
  const out: Block[] = [];
  let label = '';
  let at = 0;
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    let run = m[0];
    // A numbered label (1.属于国家秘密) starts with the run's last digit: leave it to the label.
    const numbering = /(\d)[.．、]$/.exec(run.trimEnd());
    if (numbering && m.index + run.length < text.length && !/\d/.test(text[m.index + run.length]))
      run = run.trimEnd().slice(0, -2);
    if (!stripWs(run)) continue; // the numbering alone: label text, read on
    const end = m.index + run.length;
    label += text.slice(at, m.index);
    at = end;
    RUN.lastIndex = end;
    const cells: SrcCell[] = run
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((c) => ({ text: c, line, run: true }));
    if (stripWs(label)) out.push({ kind: 'row', cells: [{ text: label.trim(), line }, ...cells], line });
    else out.push({ kind: 'row', cells, line });
    label = '';
  }
  label += text.slice(at);
  if (stripWs(label)) out.push({ kind: 'text', text: label.trim(), line });
  return out;
}

/** The title at the start of the body, up to 年度报告 (the text runs on after it). */
const TITLE_AT_START = /^\s*(\S.{3,60}?(?:工作年度报告|年度报告|年报))/;

export function runTogetherSource(text: string): Source {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  const tables = new Set(tableKeys());
  lines.forEach((l, i) => {
    const line = i + 1;
    const heads = l.length >= MIN_RUN_LINE ? inlineHeadings(l) : [];
    if (heads.length < MIN_INLINE_HEADINGS) {
      if (stripWs(l)) blocks.push({ kind: 'text', text: l, line });
      return;
    }
    let front = l.slice(0, heads[0].start);
    const title = TITLE_AT_START.exec(front);
    if (title) {
      blocks.push({ kind: 'text', text: title[1], line, heading: true });
      front = front.slice(title[0].length);
    }
    if (stripWs(front)) blocks.push({ kind: 'text', text: front.trim(), line });
    heads.forEach((h, k) => {
      blocks.push({ kind: 'text', text: l.slice(h.start, h.end), line, heading: true });
      const body = l.slice(h.end, heads[k + 1]?.start ?? l.length);
      const key = sectionTemplates().find((s) => s.index === h.index)?.key ?? '';
      if (tables.has(key)) blocks.push(...tableBlocks(body, line));
      else if (stripWs(body)) blocks.push({ kind: 'text', text: body.trim(), line });
    });
  });
  return { layout: 'runs', blocks, pageNumbers: [] };
}
