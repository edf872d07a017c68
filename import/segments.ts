/**
 * The blocks of a table's section → fragments and segments. A segment is label cells followed
 * by value cells (numbers, blanks, short text such as `137次`, `00`, `/`); a fragment is a piece
 * of text without values: a header, a caption, a group label, or a piece of a row label that PDF
 * text wraps around a line of values. Each segment keeps the fragments around it (its window),
 * which name it when it has no label of its own.
 *
 * Text lines are read as rows when they end in values separated by whitespace: "行政许可 97"
 * (item and count on one line) and the rows of `pdftotext -layout` ("一、本年新收… 3001  53 …").
 */
import { readCellText, UNITS } from '../core/facts/lexicon';
import { classifyCell, collapseWs, normLabel } from './normalize';
import type { Block, SrcCell } from './source';
import type { KnownTexts } from './known';

export interface Frag {
  text: string;
  norm: string;
  line: number;
  /** The text stood in a table row (a label cell), not on a line of its own. */
  fromRow: boolean;
  used: boolean;
}

export interface Segment {
  labels: Frag[];
  values: SrcCell[];
  line: number;
  /** The fragments before and after the segment, up to the neighbouring segments. */
  pre: Frag[];
  post: Frag[];
}

type Item = { kind: 'frag'; frag: Frag } | { kind: 'seg'; seg: Segment };

/** A row label is at most this long (normalised): longer text before values is a sentence, not a label. */
const MAX_LINE_LABEL = 60;

function frag(text: string, line: number, fromRow: boolean): Frag {
  return { text, norm: normLabel(text), line, fromRow, used: false };
}

/**
 * A text line as row cells when it reads as a label followed by values separated by whitespace,
 * or as values alone; undefined for prose, headers and captions.
 */
export function lineCells(text: string, line: number): SrcCell[] | undefined {
  const found: { text: string; index: number }[] = [];
  for (const m of text.matchAll(/[^\s\u00a0\u3000]+/g)) {
    // A unit set apart from its number ("137 次", "1066730.5 元") belongs to it.
    const prev = found[found.length - 1];
    if (prev && (UNITS as readonly string[]).includes(m[0]) && readCellText(prev.text).kind === 'number') prev.text += m[0];
    else found.push({ text: m[0], index: m.index });
  }
  const tokens = found.map((m) => m.text);
  const first = tokens.findIndex((t) => classifyCell(t) === 'value');
  if (first < 0) return undefined;
  if (tokens.slice(first).some((t) => classifyCell(t) !== 'value')) return undefined;
  const label = tokens.slice(0, first).join(' ');
  const norm = normLabel(label);
  if (norm.length > MAX_LINE_LABEL || /[。；;！？!?]$/.test(norm)) return undefined;
  const values = found.slice(first).map((m) => ({ text: m.text, line, x: m.index }));
  return label ? [{ text: label, line }, ...values] : values;
}

/**
 * Splits a label cell that runs header or group texts into its row label (web page text:
 * "第二十条第（一）项信息内容本年新制作数量…规章", "三、本年度办理结果（一）予以公开"): the
 * known non-row texts at its start become fragments of their own.
 */
function peel(c: SrcCell, known: KnownTexts): Frag[] {
  let norm = normLabel(c.text);
  const out: Frag[] = [];
  for (;;) {
    const head = known.prefixes.find((k) => norm.length > k.length && norm.startsWith(k));
    if (!head) break;
    const rest = norm.slice(head.length);
    if (known.rowLike(norm) && !known.rowLike(rest)) break;
    out.push(frag(head, c.line, true));
    norm = rest;
  }
  if (!out.length) return [frag(c.text, c.line, true)];
  out.push(frag(norm, c.line, true));
  return out;
}

export function segmentsOf(blocks: Block[], known: KnownTexts): { segs: Segment[]; frags: Frag[] } {
  const items: Item[] = [];
  const looksLikeRowLabel = (text: string): boolean => {
    const n = normLabel(text);
    if (n.length < 2) return false;
    return known.rowLike(n);
  };
  const rowItems = (cells: SrcCell[], line: number) => {
    // Run-together digits (35-15, 2648-18538) are values whatever the lexicon says of them.
    const cls = cells.map((c) => (c.merged ? 'blank' : c.run ? 'value' : classifyCell(c.text)));
    if (!cls.includes('label')) {
      items.push({ kind: 'seg', seg: { labels: [], values: cells, line, pre: [], post: [] } });
      return;
    }
    let cur: Segment | null = null;
    const segs: Segment[] = [];
    /** Header pieces peeled off a segment's label: fragments before it. */
    const lead = new Map<Segment, Frag[]>();
    let started = false;
    cells.forEach((c, i) => {
      if (!started && cls[i] !== 'label') return; // layout filler before the first label
      started = true;
      if (cls[i] === 'label') {
        if (cur?.values.length && !looksLikeRowLabel(c.text)) {
          cur.values.push(c);
          return;
        }
        if (!cur || cur.values.length) {
          cur = { labels: [], values: [], line: c.line, pre: [], post: [] };
          segs.push(cur);
        }
        const pieces = peel(c, known);
        if (!cur.labels.length && pieces.length > 1) lead.set(cur, pieces.slice(0, -1));
        else cur.labels.push(...pieces.slice(0, -1));
        cur.labels.push(pieces[pieces.length - 1]);
      } else cur!.values.push(c);
    });
    for (const s of segs) {
      for (const f of lead.get(s) ?? []) items.push({ kind: 'frag', frag: f });
      if (s.values.length) items.push({ kind: 'seg', seg: s });
      else for (const f of s.labels) items.push({ kind: 'frag', frag: f });
    }
  };
  for (const b of blocks) {
    if (b.kind === 'row') {
      rowItems(b.cells, b.line);
      continue;
    }
    const cells = lineCells(b.text, b.line);
    if (cells) rowItems(cells, b.line);
    else items.push({ kind: 'frag', frag: frag(b.text, b.line, false) });
  }
  // Windows: the fragments between a segment and its neighbours.
  const segs: Segment[] = [];
  let pending: Frag[] = [];
  for (const it of items) {
    if (it.kind === 'frag') {
      pending.push(it.frag);
      continue;
    }
    if (segs.length) segs[segs.length - 1].post = pending;
    it.seg.pre = pending;
    pending = [];
    segs.push(it.seg);
  }
  if (segs.length) segs[segs.length - 1].post = pending;
  const frags = items.filter((i): i is { kind: 'frag'; frag: Frag } => i.kind === 'frag').map((i) => i.frag);
  return { segs, frags };
}

export function labelNorm(fs: Frag[]): string {
  return fs.map((f) => f.norm).join('');
}

export function labelText(fs: Frag[]): string {
  return fs.map((f) => collapseWs(f.text)).join('');
}

/** Does the segment carry no value (only blanks and merged placeholders)? */
export function blankOnly(s: Segment): boolean {
  return s.values.every((v) => v.merged || classifyCell(v.text) === 'blank');
}

/** Value cells of the source (non-merged, non-blank). */
export function sourceValueCount(segs: Segment[]): number {
  return segs.reduce((n, s) => n + s.values.filter((v) => !v.merged && classifyCell(v.text) !== 'blank').length, 0);
}
