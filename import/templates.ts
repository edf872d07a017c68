/**
 * What the importer looks for, read from the schemas (never typed here): the section titles,
 * and for every table of every format its rows (label, group labels, columns) and every other
 * text the official layout prints (captions, column headers, column groups, the 勾稽 note).
 */
import { labelAt, labelPath } from '../core/schema/labels';
import { FORMATS, groupLabels, nodeAt, x } from '../core/schema/nodes';
import { sectionsOf, tablesOf, type ColumnSpec, type TableSpec } from '../core/schema/tables';
import type { FormatId } from '../core/types';
import { normLabel, splitNumbering } from './normalize';

export interface RowTemplate {
  path: string[];
  label: string;
  norm: string;
  /** Labels of the groups above the row inside the table (e.g. 三、本年度办理结果, （三）不予公开). */
  groups: string[];
  groupNorms: string[];
  columns: ColumnSpec[];
}

export interface TableTemplate {
  format: FormatId;
  key: string;
  name: string;
  title: string;
  spec: TableSpec;
  rows: RowTemplate[];
  /** Normalised texts printed in the table outside the row labels (headers, captions, groups, note). */
  known: string[];
  /** Column labels (normalised) that only this format's version of the table prints. */
  columnNorms: string[];
}

export interface SectionTemplate {
  key: string;
  title: string;
  index: number;
  rest: string;
  narrative: boolean;
}

const tableCache = new Map<FormatId, TableTemplate[]>();

export function tableTemplates(format: FormatId): TableTemplate[] {
  const hit = tableCache.get(format);
  if (hit) return hit;
  const out = tablesOf(format).map((spec) => build(format, spec));
  tableCache.set(format, out);
  return out;
}

export function tableTemplate(format: FormatId, key: string): TableTemplate | undefined {
  return tableTemplates(format).find((t) => t.key === key);
}

function build(format: FormatId, spec: TableSpec): TableTemplate {
  const rows: RowTemplate[] = spec.rows.map((r) => {
    const lp = labelPath(format, r.path).slice(2); // drop 表X and the table title
    const label = lp[lp.length - 1] ?? labelAt(format, r.path);
    const groups = lp.slice(0, -1);
    return { path: r.path, label, norm: normLabel(label), groups, groupNorms: groups.map(normLabel), columns: r.columns };
  });
  const known = new Set<string>();
  const xn = x(nodeAt(format, [spec.key]));
  if (xn.note) known.add(normLabel(xn.note));
  for (const g of xn.columnGroups ?? []) known.add(normLabel(groupLabels[g.label] ?? g.label));
  for (const r of rows) {
    for (const g of r.groupNorms) known.add(g);
    for (const c of r.columns) known.add(normLabel(c.label));
  }
  for (const g of spec.groups) {
    const hx = x(nodeAt(format, [spec.key, ...g]));
    if (hx.labelHeader) known.add(normLabel(hx.labelHeader));
  }
  const columnNorms = [...new Set(rows.flatMap((r) => r.columns.map((c) => normLabel(c.label))))];
  return { format, key: spec.key, name: spec.name, title: spec.title, spec, rows, known: [...known], columnNorms };
}

let sectionCache: SectionTemplate[] | undefined;

/** The six sections (same titles in both formats), with their numeral and title without it. */
export function sectionTemplates(): SectionTemplate[] {
  if (sectionCache) return sectionCache;
  sectionCache = sectionsOf('2021').map((s, i) => {
    const sp = splitNumbering(s.title);
    return { key: s.key, title: s.title, index: sp.n ?? i + 1, rest: normLabel(sp.rest), narrative: s.narrative };
  });
  return sectionCache;
}

/** The table keys (active_disclosure, applications, review_litigation) in order. */
export function tableKeys(): string[] {
  return tableTemplates('2021').map((t) => t.key);
}

/** Column labels that tell the formats apart, per table key. */
export function formatSignals(key: string): Record<FormatId, string[]> {
  const out = {} as Record<FormatId, string[]>;
  const all = FORMATS.map((f) => tableTemplate(f, key)!);
  for (const t of all) {
    const others = new Set(all.filter((o) => o !== t).flatMap((o) => o.columnNorms));
    out[t.format] = t.columnNorms.filter((c) => !others.has(c));
  }
  return out;
}
