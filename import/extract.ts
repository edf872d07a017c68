/**
 * Blocks → the imported report: section headings (numbered 一、 or （一）, or not numbered,
 * with the title variants and typos of real reports), front matter and meta (title, organ,
 * year, period, contact, the signature's organ and date), narrative sections, the three tables.
 */
import type { FormatId } from '../core/types';
import { collapseWs, isPageNumber, lcs, normLabel, recall, splitNumbering, stripWs } from './normalize';
import type { Block, Layout, Source } from './source';
import { extractTable, type ImportedTable, type ImportWarning } from './tables';
import { sectionTemplates, tableKeys, tableTemplate, type SectionTemplate } from './templates';

export interface ImportedMeta {
  title?: string;
  organ?: string;
  /** Where the organ name was read: the signature (落款), the title or the body. */
  organFrom?: 'signature' | 'title' | 'body';
  organKind?: string;
  year?: number;
  period?: { from: string; to: string; inferred: boolean };
  publishedOn?: string;
  contact?: { address?: string; postcode?: string; phone?: string; email?: string };
  signature?: string[];
}

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
      .filter((k) => k.length >= 8 && /[（(]/.test(k))
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
      markers.some((m) => n === m || (n.length >= m.length * 0.8 && n.length <= m.length * 1.25 && recall(m, n) >= 0.9))
    );
  });
}

/** Does the line read as the heading of a section after `after` (its index)? */
export function matchHeading(text: string, after: number): SectionTemplate | undefined {
  const raw = stripWs(text).replace(/[:：。.]+$/, '');
  if (!raw || raw.length > 40) return undefined;
  const sp = splitNumbering(raw);
  const rest = normLabel(sp.rest);
  if (!rest) return undefined;
  let best: { s: SectionTemplate; score: number } | undefined;
  for (const s of sectionTemplates()) {
    if (s.index <= after) continue;
    if (sp.n !== undefined && sp.n !== s.index) continue;
    const l = lcs(s.rest, rest);
    const f = (2 * l) / (s.rest.length + rest.length);
    const rec = l / s.rest.length;
    const ok =
      sp.n !== undefined
        ? f >= 0.8 || (rec >= 0.95 && rest.length <= s.rest.length + 10)
        : f >= 0.9 || (rec >= 1 && rest.length <= s.rest.length + 8);
    if (ok && (!best || f > best.score)) best = { s, score: f };
  }
  return best?.s;
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
  // 1. Headings, in order.
  const headings: Heading[] = [];
  let after = 0;
  blocks.forEach((b, i) => {
    const single = b.kind === 'row' ? b.cells.filter((c) => stripWs(c.text) !== '') : [];
    const text = b.kind === 'text' ? b.text : single.length === 1 ? single[0].text : '';
    if (!text) return;
    const s = matchHeading(text, after);
    if (!s) return;
    headings.push({ section: s, block: i, text: collapseWs(text), line: b.line });
    after = s.index;
  });
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
      warnings.push({
        line: blocks[i].line,
        severity: 'warning',
        message: {
          'zh-CN': `找不到“${section.title}”标题，按表格内容定位`,
          en: `No heading “${section.title}”: the table was found by its content`,
        },
      });
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
  // 2. Front matter and meta.
  const firstBlock = headings[0]?.block ?? blocks.length;
  const front = blocks
    .slice(0, firstBlock)
    .map(blockText)
    .map((t) => t.trim())
    .filter((t) => stripWs(t) !== '');
  const { title, rest: preambleLines } = takeTitle(front);
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
        warnings.push({
          line: zone.find((b) => blockText(b).trim() === dropped)?.line ?? 0,
          severity: 'info',
          message: {
            'zh-CN': '报告末尾的网页附带文字（页脚等）未导入',
            en: 'Web page furniture after the report (footer etc.) was not imported',
          },
          text: dropped,
        });
      }
      const sig = takeSignature(lines);
      lines = sig.rest;
      signature = sig.signature;
    }
    sections.push({ key: h.section.key, heading: h.text, line: h.line, paragraphs: pdf ? joinWrapped(lines, width) : lines });
  });
  // 4. Tables. The report's format is its 表二's; 表三 may be of the other format (mixed).
  const allText = [title ?? '', ...front, ...sections.flatMap((s) => s.paragraphs)].join('\n');
  const year = yearOf(title, allText) ?? yearHint;
  const byYear: FormatId = year !== undefined && year <= 2020 ? '2019' : '2021';
  const tables: ImportedTable[] = [];
  const unreadable: string[] = [];
  let hint: FormatId = byYear;
  for (const key of tableKeys()) {
    const zone = zoneOf(key);
    const name = sectionTemplates().find((s) => s.key === key)?.title ?? key;
    if (!zone) {
      unreadable.push(key);
      warnings.push({
        line: 0,
        severity: 'warning',
        message: { 'zh-CN': `找不到“${name}”一节，无法读取该表`, en: `Section “${name}” not found: its table could not be read` },
      });
      continue;
    }
    const res = extractTable(key, zone, hint);
    if (!res || res.table.cells === 0) {
      unreadable.push(key);
      const line = headings.find((h) => h.section.key === key)?.line ?? 0;
      warnings.push({
        line,
        severity: 'warning',
        message: { 'zh-CN': `“${name}”一节中没有可读的表格单元格`, en: `No table cells could be read under “${name}”` },
      });
      if (!res) continue;
    }
    warnings.push(...res.warnings);
    tables.push(res.table);
    if (tables.length === 1) hint = res.table.format;
  }
  const format = tables[0]?.format ?? byYear;
  // 5. Meta.
  const meta = readMeta(title, [...front, ...sections.flatMap((s) => s.paragraphs)], signature, year);
  for (const key of sectionTemplates()
    .filter((s) => s.narrative)
    .map((s) => s.key)) {
    if (!sections.some((s) => s.key === key)) {
      const name = sectionTemplates().find((s) => s.key === key)!.title;
      warnings.push({
        line: 0,
        severity: 'info',
        message: { 'zh-CN': `原文没有“${name}”一节`, en: `The source has no section “${name}”` },
      });
    }
  }
  warnings.sort((a, b) => a.line - b.line);
  const headingTexts = Object.fromEntries(headings.map((h) => [h.section.key, h.text]));
  return { layout: src.layout, format, meta, preamble, sections, headings: headingTexts, tables, unreadable, warnings };
}

/** The title: up to three short lines near the top that together name a year and end in 报告. */
function takeTitle(front: string[]): { title?: string; rest: string[] } {
  for (let start = 0; start < Math.min(3, front.length); start++) {
    let acc = '';
    for (let i = start; i < Math.min(start + 3, front.length); i++) {
      const t = stripWs(front[i]);
      if (t.length > 40 || /[。；，,>›»|]|当前位置/.test(t)) break;
      acc += t;
      if (/报告$|年报$/.test(acc) && /(?:19|20)\d\d年/.test(acc) && /信息公开|政务公开/.test(acc)) {
        return { title: acc, rest: [...front.slice(0, start), ...front.slice(i + 1)] };
      }
    }
  }
  return { rest: front };
}

/** Web page furniture after the report (footer, site map, ICP): not part of the report. */
const CHROME =
  /主办单位|承办单位|版权所有|网站地图|ICP备|技术支持|网站标识码|公网安备|联系我们|关闭窗口|打印本页|【打印】|【关闭】/;

/** The signature at the end of the last section: an organ line and/or a date line. */
function takeSignature(lines: string[]): { rest: string[]; signature?: string[] } {
  const rest = lines.slice();
  const sig: string[] = [];
  for (let k = 0; k < 3 && rest.length > 1; k++) {
    const t = stripWs(rest[rest.length - 1]);
    if (
      /^\d{4}年\d{1,2}月\d{1,2}日$/.test(t) ||
      (/(人民政府|办公室|办公厅|委员会|管委会|局|街道办事处|乡|镇)$/.test(t) && t.length <= 30)
    ) {
      sig.unshift(t);
      rest.pop();
    } else break;
  }
  return sig.length ? { rest, signature: sig } : { rest };
}

/** The page width of PDF text in characters: the 90th percentile of the text lines' lengths. */
function lineWidth(blocks: Block[]): number {
  const lens = blocks
    .filter((b) => b.kind === 'text')
    .map((b) => stripWs((b as { text: string }).text).length)
    .filter((n) => n >= 10)
    .sort((a, b) => a - b);
  return lens.length < 5 ? 0 : lens[Math.floor(lens.length * 0.9)];
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
    const full = stripWs(t).length >= Math.floor(width * 0.85);
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

function yearOf(title: string | undefined, text: string): number | undefined {
  const m = /((?:19|20)\d\d)年/.exec(title ?? '') ?? /((?:19|20)\d\d)年/.exec(text);
  return m ? Number(m[1]) : undefined;
}

function pad(n: string): string {
  return n.padStart(2, '0');
}

function readMeta(
  title: string | undefined,
  lines: string[],
  signature: string[] | undefined,
  year: number | undefined,
): ImportedMeta {
  const meta: ImportedMeta = { title, year, signature };
  const flat = stripWs(lines.join(''));
  // Organ: the signature's, else the title's (before or after the year).
  const sigOrgan = signature?.find((s) => !/^\d{4}年/.test(s));
  if (sigOrgan) {
    meta.organ = sigOrgan;
    meta.organFrom = 'signature';
  } else if (title) {
    const m = /^(.*?)(?:19|20)\d\d年度?(.*?)(?:政府信息公开|政务公开)/.exec(title);
    const organ = m ? m[1] || m[2] : undefined;
    if (organ) {
      meta.organ = organ;
      meta.organFrom = 'title';
    }
  }
  if (meta.organ) meta.organKind = organKind(meta.organ);
  // Period: 自2024年1月1日(起)至(2024年)12月31日.
  const p = /自?((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日(?:起)?(?:至|到|—|-)((?:19|20)\d\d)?年?(\d{1,2})月(\d{1,2})日/.exec(flat);
  if (p) {
    meta.period = { from: `${p[1]}-${pad(p[2])}-${pad(p[3])}`, to: `${p[4] ?? p[1]}-${pad(p[5])}-${pad(p[6])}`, inferred: false };
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

/** The organ kind (meta.organ_kind) a name implies, when it does. */
export function organKind(organ: string): string | undefined {
  const o = stripWs(organ);
  if (/街道办事处$|街道$/.test(o)) return 'subdistrict_office';
  if (/(乡|镇)(人民政府)?$/.test(o)) return 'township_government';
  if (/(省|自治区)人民政府$/.test(o)) return 'province_government';
  if (/市人民政府$/.test(o)) return 'city_government';
  if (/(县|区|旗)人民政府$/.test(o)) return 'county_government';
  if (/(局|委员会|厅|办公室|署|中心)$/.test(o)) return 'department';
  return undefined;
}
