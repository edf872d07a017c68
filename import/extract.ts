/**
 * Blocks → the imported report: section headings (numbered 一、 or （一）, or not numbered,
 * with the title variants and typos of real reports), front matter and meta (title, organ,
 * year, period, contact, the signature's organ and date), narrative sections, the three tables.
 */
import { CURRENT_FORMAT, formatForYear } from '../core/facts/formats';
import type { FormatId } from '../core/types';
import { chooseHeadings, headingCandidates, isTemplateHeading, type HeadingCandidate } from './headings';
import { M } from './messages';
import { type ImportedMeta, readMeta, takeSignature, takeTitle } from './meta';
import { collapseWs, isPageNumber, normLabel, recall, splitNumbering, stripWs } from './normalize';
import { finding, note, type ImportWarning } from './notes';
import type { Block, Layout, Source } from './source';
import { extractTable, type ImportedTable } from './tables';
import { sectionTemplates, tableKeys, tableTemplate, type SectionTemplate } from './templates';

export type { ImportedMeta } from './meta';

export interface ImportedSection {
  key: string;
  /** The heading as published. */
  heading: string;
  line: number;
  paragraphs: string[];
}

export interface ImportedReport {
  layout: Layout;
  /** The report's format: that of its 表二 (else 表三, else by year). */
  format: FormatId;
  meta: ImportedMeta;
  preamble: string[];
  sections: ImportedSection[];
  /** Section headings as published, by key. */
  headings: Record<string, string>;
  tables: ImportedTable[];
  /** Tables whose section was found but no cell could be read, or whose section is missing. */
  unreadable: string[];
  warnings: ImportWarning[];
}

interface Heading {
  section: SectionTemplate;
  block: number;
  text: string;
  line: number;
  /** No heading was printed: the table was found by its first header or row, which starts the zone. */
  located?: boolean;
}

/** Texts that start a table in the official layout: 表二's first caption, 表三's note and column group, 表四's first group. */
function tableMarkers(key: string): string[] {
  const out = new Set<string>();
  for (const f of ['2019', '2021'] as FormatId[]) {
    const t = tableTemplate(f, key);
    if (!t) continue;
    const first = t.rows[0];
    if (first.groupNorms.length) out.add(first.groupNorms[0]);
    else out.add(first.norm);
    t.known
      .filter((k) => k.length >= NOTE_MIN && /[（(]/.test(k))
      .forEach((k) => {
        out.add(k);
      }); // the 勾稽 note
  }
  return [...out];
}

function startsTable(b: Block, markers: string[]): boolean {
  const texts = b.kind === 'text' ? [b.text] : b.cells.map((c) => c.text);
  return texts.some((t) => {
    const n = normLabel(t);
    return (
      n.length >= 2 &&
      markers.some(
        (m) =>
          n === m ||
          (n.length >= m.length * MARKER_SHORTER && n.length <= m.length * MARKER_LONGER && recall(m, n) >= MARKER_RECALL),
      )
    );
  });
}

function blockText(b: Block): string {
  return b.kind === 'text'
    ? b.text
    : b.cells
        .map((c) => c.text)
        .filter((t) => stripWs(t) !== '')
        .join(' ');
}

export function extractReport(src: Source, yearHint?: number): ImportedReport {
  const blocks = src.blocks;
  const warnings: ImportWarning[] = [];
  // 1. Headings, by meaning (headings.ts).
  const lines: { item: { block: number; text: string; line: number }; candidates: HeadingCandidate[] }[] = [];
  blocks.forEach((b, i) => {
    const single = b.kind === 'row' ? b.cells.filter((c) => stripWs(c.text) !== '') : [];
    const text = b.kind === 'text' ? b.text : single.length === 1 ? single[0].text : '';
    if (!text) return;
    const candidates = headingCandidates(text);
    // The heading as published, without Markdown (# and emphasis are markup, not wording).
    const shown = collapseWs(text.replace(/^\s*#{1,6}\s*/, '').replace(/\*\*|__/g, ''));
    if (candidates.length) lines.push({ item: { block: i, text: shown, line: b.line }, candidates });
  });
  const headings: Heading[] = chooseHeadings(lines).map(({ item, candidate }) => ({
    section: candidate.section,
    block: item.block,
    text: item.text,
    line: item.line,
  }));
  for (const h of headings) {
    if (isTemplateHeading(h.text, h.section)) continue;
    warnings.push(
      finding(
        'IMPORT-HEADING',
        M.headingVariant,
        { title: h.section.title, published: h.text },
        { line: h.line, path: h.section.key, text: h.text },
      ),
    );
  }
  // A table whose heading is missing (or unreadable) is found by its first header or row.
  for (const key of tableKeys()) {
    if (headings.some((h) => h.section.key === key)) continue;
    const section = sectionTemplates().find((t) => t.key === key)!;
    const prev = [...headings].reverse().find((h) => h.section.index < section.index);
    const next = headings.find((h) => h.section.index > section.index);
    const from = prev ? prev.block + 1 : 0;
    const to = next ? next.block : blocks.length;
    const markers = tableMarkers(key);
    for (let i = from; i < to; i++) {
      if (!startsTable(blocks[i], markers)) continue;
      headings.push({ section, block: i, text: '', line: blocks[i].line, located: true });
      headings.sort((a, b) => a.block - b.block || a.section.index - b.section.index);
      warnings.push(note(M.headingLocated, { title: section.title }, { line: blocks[i].line, path: key }, 'warning'));
      break;
    }
  }
  const start = (h: Heading) => h.block + (h.located ? 0 : 1);
  const zoneOf = (key: string): Block[] | undefined => {
    const k = headings.findIndex((h) => h.section.key === key);
    if (k < 0) return undefined;
    const end = headings[k + 1]?.block ?? blocks.length;
    return blocks.slice(start(headings[k]), end);
  };
  // 2. Front matter: chrome dropped, the title, the preamble.
  const firstBlock = headings[0]?.block ?? blocks.length;
  const frontBlocks = blocks.slice(0, firstBlock).filter((b) => stripWs(blockText(b)) !== '');
  const front = frontBlocks.map((b) => blockText(b).trim());
  const { title, rest: preambleLines, chrome } = takeTitle(front);
  if (chrome.length)
    warnings.push(note(M.chromeBefore, {}, { line: frontBlocks[front.indexOf(chrome[0])]?.line ?? 0, text: chrome.join(' | ') }));
  const pdf = src.layout === 'pdf' || src.layout === 'prose';
  const width = pdf ? lineWidth(blocks) : 0;
  const preamble = pdf ? joinWrapped(preambleLines, width) : preambleLines;
  // 3. Narrative sections.
  const sections: ImportedSection[] = [];
  let signature: string[] | undefined;
  headings.forEach((h, k) => {
    if (!h.section.narrative) return;
    const zone = blocks.slice(start(h), headings[k + 1]?.block ?? blocks.length);
    let lines = zone
      .map(blockText)
      .map((t) => t.trim())
      .filter((t) => stripWs(t) !== '' && !isPageNumber(t));
    if (k === headings.length - 1) {
      while (lines.length && CHROME.test(lines[lines.length - 1])) {
        const dropped = lines.pop()!;
        warnings.push(note(M.chrome, {}, { line: zone.find((b) => blockText(b).trim() === dropped)?.line ?? 0, text: dropped }));
      }
      const sig = takeSignature(lines);
      lines = sig.rest;
      signature = sig.signature;
    }
    sections.push({ key: h.section.key, heading: h.text, line: h.line, paragraphs: pdf ? joinWrapped(lines, width) : lines });
  });
  // 4. Meta, from the title, the opening lines and the signature.
  const meta = readMeta(
    title,
    [...preambleLines, ...(sections[0]?.paragraphs.slice(0, OPENING_PARAGRAPHS) ?? [])],
    signature,
    yearHint,
  );
  const missingMeta =
    !meta.organ && meta.year === undefined ? 'both' : !meta.organ ? 'organ' : meta.year === undefined ? 'year' : '';
  if (missingMeta) warnings.push(finding('IMPORT-META', M.metaMissing, { what: missingMeta }, { line: 0, path: 'meta' }));
  // 5. Tables. The report's format is its 表二's; 表三 may be of the other format (mixed).
  const byYear: FormatId = meta.year !== undefined ? formatForYear(meta.year) : CURRENT_FORMAT;
  const tables: ImportedTable[] = [];
  const unreadable: string[] = [];
  let hint: FormatId = byYear;
  for (const key of tableKeys()) {
    const zone = zoneOf(key);
    const name = sectionTemplates().find((s) => s.key === key)?.title ?? key;
    if (!zone) {
      unreadable.push(key);
      warnings.push(finding('IMPORT-MISSING-TABLE', M.missingSection, { name }, { line: 0, path: key }));
      continue;
    }
    const res = extractTable(key, zone, hint);
    if (!res || res.table.cells === 0) {
      unreadable.push(key);
      const line = headings.find((h) => h.section.key === key)?.line ?? 0;
      warnings.push(finding('IMPORT-MISSING-TABLE', M.noCells, { name }, { line, path: key }));
      if (!res) continue;
    }
    warnings.push(...res.warnings);
    tables.push(res.table);
    if (tables.length === 1) hint = res.table.format;
  }
  const format = tables[0]?.format ?? byYear;
  for (const s of sectionTemplates().filter((x) => x.narrative)) {
    if (!sections.some((x) => x.key === s.key)) warnings.push(note(M.sectionAbsent, { name: s.title }, { line: 0, path: s.key }));
  }
  warnings.sort((a, b) => a.line - b.line);
  const headingTexts = Object.fromEntries(headings.map((h) => [h.section.key, h.text]));
  return { layout: src.layout, format, meta, preamble, sections, headings: headingTexts, tables, unreadable, warnings };
}

/** The 勾稽 note is the long parenthesised header of 表三 (shorter parenthesised texts are labels). */
const NOTE_MIN = 8;
/** A table's first header may be printed a little shorter or longer than the template's (wrapped, numbered). */
const MARKER_SHORTER = 0.8;
const MARKER_LONGER = 1.25;
const MARKER_RECALL = 0.9;
/** Lines shorter than this are headings or list items, not the page width. */
const WIDTH_MIN_LINE = 10;
/** Fewer long lines than this say nothing about the page width. */
const WIDTH_MIN_LINES = 5;
/** Most full lines reach the page width; a few run longer (a URL, a number). */
const WIDTH_PERCENTILE = 0.9;
/** A line this close to the page width was wrapped by it (not ended by the author). */
const FULL_LINE = 0.85;

/** Paragraphs of 一、总体情况 that may name the year when the title does not (2020年，我区…). */
const OPENING_PARAGRAPHS = 2;

/** Web page furniture after the report (footer, site map, ICP): not part of the report. */
const CHROME =
  /主办单位|承办单位|版权所有|网站地图|ICP备|技术支持|网站标识码|公网安备|联系我们|关闭窗口|打印本页|【打印】|【关闭】/;

/** The page width of PDF text in characters: the 90th percentile of the text lines' lengths. */
function lineWidth(blocks: Block[]): number {
  const lens = blocks
    .filter((b) => b.kind === 'text')
    .map((b) => stripWs((b as { text: string }).text).length)
    .filter((n) => n >= WIDTH_MIN_LINE)
    .sort((a, b) => a - b);
  return lens.length < WIDTH_MIN_LINES ? 0 : lens[Math.floor(lens.length * WIDTH_PERCENTILE)];
}

/**
 * PDF text breaks paragraphs at the page width: join a line with the next when it fills the
 * width and does not end a sentence, unless the next line starts a numbered item.
 */
export function joinWrapped(lines: string[], width: number): string[] {
  if (!width) return lines;
  const out: string[] = [];
  let cur = '';
  lines.forEach((l, i) => {
    const t = l.trim();
    cur = cur ? cur + t : t;
    const next = lines[i + 1];
    const full = stripWs(t).length >= Math.floor(width * FULL_LINE);
    const ends = /[。：:；;！？!?]$/.test(t);
    const numbered = next !== undefined && splitNumbering(stripWs(next)).n !== undefined;
    if (!full || ends || next === undefined || numbered) {
      out.push(cur);
      cur = '';
    }
  });
  if (cur) out.push(cur);
  return out;
}
