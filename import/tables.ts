/**
 * Reads one table (表二, 表三 or 表四) from the blocks of its section.
 *
 * The rows of a section are cut into segments: label cells followed by value cells (numbers,
 * blanks, short text such as `137次`, `00`, `/`). Lines or cells with labels only are
 * fragments: headers, captions, group labels, and the pieces of labels that PDF text wraps
 * around a line of values or interleaves with a group label written one character per line.
 *
 * Each segment with values is matched to a template row by its label: its own label cells,
 * or, for a line of values without a label, the fragments around it. A monotone alignment
 * (the template's row order) picks the best assignment for the whole table, run once per
 * format; the better one decides the table's format. Values go to the row's columns in
 * order; anything that cannot be placed becomes an extra row or an import warning.
 */
import type { FormatId, LocalizedText } from '../core/types';
import { FORMATS } from '../core/schema/nodes';
import { cellValue, classifyCell, collapseWs, editDistance, lcs, normLabel, recall, stripWs, type CellValue } from './normalize';
import type { Block, SrcCell } from './source';
import { formatSignals, tableTemplate, type RowTemplate, type TableTemplate } from './templates';

export interface ImportWarning {
  line: number;
  severity: 'warning' | 'info';
  message: LocalizedText;
  /** The source text concerned. */
  text?: string;
}

export interface ImportedRow {
  template: RowTemplate;
  values: CellValue[];
  /** The label as printed (whitespace removed), when it differs from the template's. */
  published?: string;
  line: number;
  notes: string[];
}

export interface ExtraRow {
  table: string;
  label: string;
  values: CellValue[];
  line: number;
}

export interface ImportedTable {
  key: string;
  name: string;
  format: FormatId;
  rows: ImportedRow[];
  missing: RowTemplate[];
  extra: ExtraRow[];
  /** Source text found in the table that is neither a label nor a value, kept as comments. */
  unplaced: { line: number; text: string }[];
  /** Number of template cells that received a published cell. */
  cells: number;
  /** Number of value cells in the source (non-merged). */
  sourceCells: number;
}

interface Frag {
  text: string;
  norm: string;
  line: number;
  fromRow: boolean;
  used: boolean;
}
interface Segment {
  labels: Frag[];
  values: SrcCell[];
  line: number;
  pre: Frag[];
  post: Frag[];
}
type Item = { kind: 'frag'; frag: Frag } | { kind: 'seg'; seg: Segment };

const w = (line: number, zh: string, en: string, text?: string, severity: 'warning' | 'info' = 'warning'): ImportWarning => ({
  line,
  severity,
  message: { 'zh-CN': zh, en },
  text,
});

/** Every text a table may print, for both formats (to recognise headers and label pieces). */
function knownTexts(key: string): { joined: string; groups: string[]; rows: string[] } {
  const set = new Set<string>();
  const groups = new Set<string>();
  const rows = new Set<string>();
  for (const f of FORMATS) {
    const t = tableTemplate(f, key);
    if (!t) continue;
    for (const k of t.known) set.add(k);
    set.add(normLabel(t.title));
    set.add(normLabel(t.name));
    for (const r of t.rows) {
      set.add(r.norm);
      rows.add(r.norm);
      r.groupNorms.forEach((g) => {
        set.add(g);
        groups.add(g);
      });
    }
  }
  return { joined: [...set].join('\u0001'), groups: [...groups].sort((a, b) => b.length - a.length), rows: [...rows] };
}

/** Can the text be read as pieces (≥ 2 characters, or a single character) of known texts? */
function explained(norm: string, joined: string): boolean {
  if (!norm) return true;
  if (joined.includes(norm)) return true;
  if (norm.length > 120) return false; // prose, not a piece of a label
  const n = norm.length;
  const ok: boolean[] = new Array(n + 1).fill(false);
  ok[0] = true;
  for (let i = 1; i <= n; i++) {
    for (let j = i - 2; j >= 0 && !ok[i]; j--) if (ok[j] && joined.includes(norm.slice(j, i))) ok[i] = true;
  }
  return ok[n];
}

function stripGroups(norm: string, groups: string[]): string {
  let s = norm;
  for (const g of groups) if (g.length >= 3) s = s.split(g).join('');
  return s;
}

export function extractTable(
  key: string,
  blocks: Block[],
  hint: FormatId,
): { table: ImportedTable; warnings: ImportWarning[] } | undefined {
  const known = knownTexts(key);
  const looksLikeRowLabel = (text: string): boolean => {
    const n = normLabel(text);
    if (n.length < 2) return false;
    return (
      known.rows.some((r) => recall(r, n) >= 0.7 && n.length <= r.length * 1.6 + 2) || known.joined.split('\u0001').includes(n)
    );
  };
  // 1. Items: fragments and segments, in order.
  const items: Item[] = [];
  const frag = (text: string, line: number, fromRow: boolean): Frag => ({
    text,
    norm: normLabel(text),
    line,
    fromRow,
    used: false,
  });
  for (const b of blocks) {
    if (b.kind === 'text') {
      if (classifyCell(b.text) === 'value')
        items.push({
          kind: 'seg',
          seg: { labels: [], values: [{ text: b.text, line: b.line }], line: b.line, pre: [], post: [] },
        });
      else items.push({ kind: 'frag', frag: frag(b.text, b.line, false) });
      continue;
    }
    const cls = b.cells.map((c) => (c.merged ? 'blank' : classifyCell(c.text)));
    if (!cls.includes('label')) {
      items.push({ kind: 'seg', seg: { labels: [], values: b.cells, line: b.line, pre: [], post: [] } });
      continue;
    }
    let cur: Segment | null = null;
    const segs: Segment[] = [];
    let started = false;
    b.cells.forEach((c, i) => {
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
        cur.labels.push(frag(c.text, c.line, true));
      } else cur!.values.push(c);
    });
    for (const s of segs) {
      if (s.values.length) items.push({ kind: 'seg', seg: s });
      else for (const f of s.labels) items.push({ kind: 'frag', frag: f });
    }
  }
  // 2. Windows: the fragments between a segment and its neighbours.
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
  const allFrags = items.filter((i): i is { kind: 'frag'; frag: Frag } => i.kind === 'frag').map((i) => i.frag);
  const sourceCells = segs.reduce((n, s) => n + s.values.filter((v) => !v.merged && classifyCell(v.text) !== 'blank').length, 0);
  if (!segs.length && !allFrags.some((f) => f.fromRow)) return undefined;

  // 3. Per format: merge split value lines, align, score.
  const candidates = FORMATS.map((f) => {
    const t = tableTemplate(f, key)!;
    const groups = [...new Set(t.rows.flatMap((r) => r.groupNorms))].sort((a, b) => b.length - a.length);
    return align(t, segs, groups, allFrags);
  });
  const best = candidates.reduce((a, b) =>
    b.score > a.score + 1e-9 || (Math.abs(b.score - a.score) <= 1e-9 && b.template.format === hint) ? b : a,
  );
  return place(best, known, allFrags, sourceCells);
}

interface Alignment {
  template: TableTemplate;
  segs: Segment[];
  /** seg index → row index */
  match: Map<number, number>;
  score: number;
}

function labelNorm(fs: Frag[]): string {
  return fs.map((f) => f.norm).join('');
}

function align(t: TableTemplate, segsIn: Segment[], groups: string[], frags: Frag[]): Alignment {
  const n = Math.max(...t.rows.map((r) => r.columns.length));
  const uniform = t.rows.every((r) => r.columns.length === n);
  // A row of values wrapped onto two lines: join a short unlabeled run with the next.
  let segs = segsIn;
  if (uniform && n > 1) {
    segs = [];
    for (let i = 0; i < segsIn.length; i++) {
      const s = segsIn[i];
      const nx = segsIn[i + 1];
      if (nx && s.values.length < n && !nx.labels.length && s.values.length + nx.values.length === n && !s.post.length) {
        segs.push({ ...s, values: [...s.values, ...nx.values], post: nx.post });
        i++;
      } else segs.push(s);
    }
  }
  if (isColumnGroupTable(t)) return alignByValues(t, segs);
  const S = segs.length;
  const R = t.rows.length;
  const sim: number[][] = segs.map((s) => {
    const own = stripGroups(labelNorm(s.labels), groups).slice(0, 200);
    // The fragments next to the segment only (long prose around a table says nothing about a row).
    const win = stripGroups(labelNorm([...s.pre.slice(-6), ...s.labels, ...s.post.slice(0, 6)]), groups).slice(0, 400);
    const blankOnly = s.values.every((v) => v.merged || classifyCell(v.text) === 'blank');
    return t.rows.map((r) => {
      let sc = 0;
      if (own) {
        const l = lcs(r.norm, own);
        sc = l / r.norm.length - 0.1 * (1 - l / own.length);
      }
      if (sc < 1 && win) sc = Math.max(sc, (own ? 0.92 : 0.95) * recall(r.norm, win));
      const need = r.norm.length <= 4 ? 0.99 * (own ? 1 : 0.95) : blankOnly ? 0.8 : 0.6;
      return sc >= need ? sc : -1;
    });
  });
  // DP over (segments × rows), monotone.
  const dp: number[][] = Array.from({ length: S + 1 }, () => new Array(R + 1).fill(0));
  const how: number[][] = Array.from({ length: S + 1 }, () => new Array(R + 1).fill(0));
  for (let i = 1; i <= S; i++) {
    for (let j = 1; j <= R; j++) {
      let v = dp[i - 1][j];
      let h = 1;
      if (dp[i][j - 1] > v) {
        v = dp[i][j - 1];
        h = 2;
      }
      const s = sim[i - 1][j - 1];
      if (s >= 0 && dp[i - 1][j - 1] + s > v) {
        v = dp[i - 1][j - 1] + s;
        h = 3;
      }
      dp[i][j] = v;
      how[i][j] = h;
    }
  }
  const match = new Map<number, number>();
  for (let i = S, j = R; i > 0 && j > 0; ) {
    const h = how[i][j];
    if (h === 3) {
      match.set(i - 1, j - 1);
      i--;
      j--;
    } else if (h === 2) j--;
    else i--;
  }
  let score = dp[S][R];
  // Column headers that only one format prints weigh in (表二: 本年新制作数量 vs 本年制发件数).
  const signals = formatSignals(t.key)[t.format];
  if (signals.length) {
    const text = frags.map((f) => f.norm).join('') + segs.map((s) => labelNorm(s.labels)).join('');
    score += (3 * signals.filter((c) => recall(c, text) >= 0.9).length) / signals.length;
  }
  return { template: t, segs, match, score };
}

/**
 * A table whose few rows share the same columns is printed as column groups side by side with
 * one row of values under them (表四: 行政复议 | 行政诉讼 / 未经复议直接起诉 | 复议后起诉).
 */
function isColumnGroupTable(t: TableTemplate): boolean {
  const keys = (r: RowTemplate) => r.columns.map((c) => c.key).join(',');
  return t.rows.length <= 3 && t.rows[0].columns.length >= 4 && t.rows.every((r) => keys(r) === keys(t.rows[0]));
}

/** 表四: the 15 values in one run (or several runs), in template order; label runs if labelled. */
function alignByValues(t: TableTemplate, segs: Segment[]): Alignment {
  const match = new Map<number, number>();
  const n = t.rows[0].columns.length;
  // Labelled groups of five: 行政复议 / 未经复议直接起诉 / 复议后起诉.
  const labelled = segs.map((s) => {
    const own = labelNorm(s.labels);
    if (!own || s.values.length !== n) return -1;
    let best = -1;
    let bestScore = 0.8;
    t.rows.forEach((r, j) => {
      const sc = own === r.norm ? 1.01 : recall(r.norm, own) - 0.1 * (1 - lcs(r.norm, own) / own.length);
      if (sc > bestScore) {
        best = j;
        bestScore = sc;
      }
    });
    return best;
  });
  if (labelled.filter((j) => j >= 0).length === t.rows.length && new Set(labelled.filter((j) => j >= 0)).size === t.rows.length) {
    labelled.forEach((j, i) => {
      if (j >= 0) match.set(i, j);
    });
    return { template: t, segs, match, score: t.rows.length };
  }
  // Otherwise all values in order: build one virtual segment of every non-blank-only run.
  const runs = segs.filter(
    (s) => s.values.some((v) => !v.merged && classifyCell(v.text) !== 'blank') || s.values.length >= n * t.rows.length,
  );
  const values = runs.flatMap((s) => s.values);
  if (!values.length) return { template: t, segs, match, score: 0 };
  const virtual: Segment = { labels: runs.flatMap((s) => s.labels), values, line: runs[0].line, pre: [], post: [] };
  const out = segs.filter((s) => !runs.includes(s));
  out.unshift(virtual);
  match.set(0, -1); // marks "all rows from this segment"
  return { template: t, segs: out, match, score: values.length === n * t.rows.length ? t.rows.length : 1 };
}

function place(
  a: Alignment,
  known: { joined: string; groups: string[] },
  frags: Frag[],
  sourceCells: number,
): { table: ImportedTable; warnings: ImportWarning[] } {
  const t = a.template;
  const warnings: ImportWarning[] = [];
  const rows: ImportedRow[] = [];
  const extra: ExtraRow[] = [];
  const unplaced: { line: number; text: string }[] = [];
  let cells = 0;
  const assigned = new Set<number>();
  a.segs.forEach((s, i) => {
    const j = a.match.get(i);
    if (j === undefined) return;
    for (const f of s.labels) f.used = true;
    if (j === -1) {
      // 表四 read as one run of values.
      const per = t.rows[0].columns.length;
      const values = s.values.filter((v) => !v.merged);
      const need = per * t.rows.length;
      if (values.length !== need) {
        warnings.push(
          w(
            s.line,
            `${t.name}应有 ${need} 个单元格，原文有 ${values.length} 个：按顺序填入${values.length < need ? '，其余留空' : '，多出的未放入'}`,
            `${t.name} needs ${need} cells, the source has ${values.length}: placed in order${values.length < need ? ', the rest left blank' : ', the surplus not placed'}`,
            values
              .slice(need)
              .map((v) => v.text)
              .join(' | ') || undefined,
          ),
        );
      }
      t.rows.forEach((r, k) => {
        const vs = values.slice(k * per, (k + 1) * per);
        const row = toRow(r, vs, s.line, t.name, warnings, false);
        cells += vs.length;
        rows.push(row);
        assigned.add(k);
      });
      return;
    }
    const r = t.rows[j];
    assigned.add(j);
    const row = toRow(r, s.values, s.line, t.name, warnings, true);
    cells += Math.min(r.columns.length, s.values.filter((v) => !v.merged).length);
    const pub = publishedLabel(r, s, known.groups);
    if (pub && stripWs(pub) !== stripWs(r.label)) row.published = pub;
    rows.push(row);
  });
  // Unassigned segments: blank filler rows, or rows the template does not have.
  a.segs.forEach((s, i) => {
    if (a.match.has(i)) return;
    const blankOnly = s.values.every((v) => v.merged || classifyCell(v.text) === 'blank');
    const label = s.labels.map((f) => collapseWs(f.text)).join('');
    const labelNormText = labelNorm(s.labels);
    if (blankOnly && (!label || explained(labelNormText, known.joined))) {
      for (const f of s.labels) f.used = true;
      if (!label && s.values.filter((v) => !v.merged).length >= 2) {
        warnings.push(
          w(
            s.line,
            `一行 ${s.values.length} 个空单元格没有行标签，已忽略（版式残留）`,
            `A row of ${s.values.length} blank cells without a label was ignored (layout residue)`,
            undefined,
            'info',
          ),
        );
      }
      return;
    }
    for (const f of s.labels) f.used = true;
    const values = s.values.filter((v) => !v.merged).map((v) => cellValue(v.text).value);
    extra.push({ table: t.name, label, values, line: s.line });
    warnings.push(
      w(
        s.line,
        `“${label || '（无标签）'}”不是${t.name}模板中的行，记入 extra_rows`,
        `“${label || '(no label)'}” is not a row of ${t.name}; kept in extra_rows`,
        s.values.map((v) => v.text).join(' | '),
        'info',
      ),
    );
  });
  // Fragments nobody used: pieces of known labels, a non-template row, or stray text.
  for (const f of frags) {
    if (f.used || explained(f.norm, known.joined)) continue;
    const text = collapseWs(f.text);
    if (f.fromRow && text.length <= 80) {
      extra.push({ table: t.name, label: text, values: [], line: f.line });
      warnings.push(
        w(
          f.line,
          `“${text}”不是${t.name}模板中的行，记入 extra_rows`,
          `“${text}” is not a row of ${t.name}; kept in extra_rows`,
          undefined,
          'info',
        ),
      );
    } else {
      unplaced.push({ line: f.line, text });
      warnings.push(
        w(
          f.line,
          `${t.name}中的文字无法归入任何单元格，已作为注释保留`,
          `Text in ${t.name} fits no cell; kept as a comment`,
          text,
        ),
      );
    }
  }
  const missing = t.rows.filter((_, j) => !assigned.has(j));
  for (const r of missing) {
    warnings.push(
      w(a.segs[0]?.line ?? 0, `原文${t.name}中找不到“${r.label}”一行`, `Row “${r.label}” of ${t.name} not found in the source`),
    );
  }
  rows.sort((x, y) => t.rows.indexOf(x.template) - t.rows.indexOf(y.template));
  return { table: { key: t.key, name: t.name, format: t.format, rows, missing, extra, unplaced, cells, sourceCells }, warnings };
}

function toRow(
  r: RowTemplate,
  src: SrcCell[],
  line: number,
  tableName: string,
  warnings: ImportWarning[],
  warnCount: boolean,
): ImportedRow {
  const n = r.columns.length;
  let cells = src.slice();
  const notes: string[] = [];
  // Placeholders of a merged cell beyond the row's columns are layout (e.g. colspan=3 in 2021 表二).
  while (cells.length > n && cells.some((c) => c.merged)) {
    const k = cells.map((c) => c.merged).lastIndexOf(true);
    cells.splice(k, 1);
  }
  if (cells.length > n) {
    const surplus = cells.slice(n).filter((c) => classifyCell(c.text) !== 'blank');
    if (surplus.length) {
      warnings.push(
        w(
          line,
          `“${r.label}”一行有 ${cells.length} 个单元格，模板只有 ${n} 列：多出的未放入`,
          `Row “${r.label}” has ${cells.length} cells for ${n} columns: the surplus was not placed`,
          surplus.map((c) => c.text).join(' | '),
        ),
      );
      notes.push(`原文多出的单元格：${surplus.map((c) => collapseWs(c.text)).join('、')}`);
    }
    cells = cells.slice(0, n);
  } else if (cells.length < n && warnCount) {
    warnings.push(
      w(
        line,
        `“${r.label}”一行只有 ${cells.length} 个单元格，模板有 ${n} 列：按顺序填入，其余留空（合并单元格？）`,
        `Row “${r.label}” has ${cells.length} cells for ${n} columns: placed from the left, the rest left blank (merged cells?)`,
        cells.map((c) => c.text).join(' | '),
      ),
    );
    notes.push(`原文只有 ${cells.length} 个单元格（${cells.map((c) => `“${collapseWs(c.text)}”`).join('')}），其余为空`);
  }
  const values: CellValue[] = [];
  r.columns.forEach((col, k) => {
    const c = cells[k];
    if (!c) {
      values.push(null);
      return;
    }
    if (c.merged) {
      values.push(null);
      notes.push(`${col.label}：合并单元格`);
      return;
    }
    const v = cellValue(c.text);
    if (v.note) notes.push(`${col.label}：${v.note}`);
    values.push(v.value);
  });
  void tableName;
  return { template: r, values, line, notes };
}

/**
 * The row label as printed: the fragments around the segment (and its own label cells) whose
 * concatenation is closest to the template label, skipping pieces of group labels
 * interleaved by PDF text. Marks the fragments used.
 */
function publishedLabel(r: RowTemplate, s: Segment, groups: string[]): string | undefined {
  const pre = s.pre.slice(-4);
  const post = s.post.slice(0, 4);
  const F = [...pre, ...s.labels, ...post];
  if (!F.length) return undefined;
  const firstOwn = s.labels.length ? pre.length : -1;
  const lastOwn = s.labels.length ? pre.length + s.labels.length - 1 : -1;
  const isGroupPiece = (f: Frag) =>
    !r.norm.includes(f.norm) && (r.groupNorms.some((g) => g.includes(f.norm)) || groups.some((g) => g === f.norm));
  let best: { d: number; a: number; b: number; text: string } | undefined;
  for (let a0 = 0; a0 < F.length; a0++) {
    for (let b0 = a0; b0 < F.length; b0++) {
      if (firstOwn >= 0 && (a0 > firstOwn || b0 < lastOwn)) continue;
      const kept = F.slice(a0, b0 + 1).filter((f) => !isGroupPiece(f));
      if (!kept.length) continue;
      const norm = kept.map((f) => f.norm).join('');
      const d = editDistance(norm, r.norm);
      if (!best || d < best.d || (d === best.d && b0 - a0 < best.b - best.a))
        best = { d, a: a0, b: b0, text: kept.map((f) => stripWs(f.text)).join('') };
    }
  }
  if (!best) return undefined;
  // Only claim fragments outside the own cells when they bring the label closer.
  const ownNorm = s.labels
    .filter((f) => !isGroupPiece(f))
    .map((f) => f.norm)
    .join('');
  if (s.labels.length && editDistance(ownNorm, r.norm) <= best.d) {
    return (
      s.labels
        .filter((f) => !isGroupPiece(f))
        .map((f) => stripWs(f.text))
        .join('') || undefined
    );
  }
  for (const f of F.slice(best.a, best.b + 1)) f.used = true;
  return best.text;
}
