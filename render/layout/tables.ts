/**
 * The three official table layouts, built from a table's schema (see model.ts). Which one a
 * table gets is its `x-nianbao.layout` annotation; nothing here guesses from the table's shape.
 */
import { labelAt, labelPath } from '../../core/schema/labels';
import { groupLabels, nodeAt, x } from '../../core/schema/nodes';
import { tableOf, type TableSpec } from '../../core/schema/tables';
import type { FormatId } from '../../core/types';
import { cell, type LayoutCell, type LayoutTable } from './model';

const cache = new Map<string, LayoutTable>();

/** The official layout of table `key` in `format` (cached: callers must not change it). */
export function tableLayout(format: FormatId, key: string): LayoutTable {
  const id = `${format}:${key}`;
  const hit = cache.get(id);
  if (hit) return hit;
  const spec = tableOf(format, key);
  if (!spec) throw new Error(`no table ${key} in the ${format} format`);
  const build = { stacked, matrix, sideBySide }[spec.layout];
  const t = build(spec, format);
  cache.set(id, t);
  return t;
}

function value(path: string[], c: { cell: LayoutCell['kind']; total: boolean }, colspan = 1): LayoutCell {
  return { ...cell('value', '', { colspan }), path, kind: c.cell, total: c.total };
}

interface HeadNode {
  id: string;
  label: string;
}

/** Header rows for leaves with chains of group nodes above them (outermost first). */
function headerRows(leaves: { chain: HeadNode[]; leaf: HeadNode }[], corner?: (h: number) => LayoutCell): LayoutCell[][] {
  const H = Math.max(...leaves.map((l) => l.chain.length)) + 1;
  const rows: LayoutCell[][] = Array.from({ length: H }, () => []);
  if (corner) rows[0].push(corner(H));
  for (let level = 0; level < H; level++) {
    for (let i = 0; i < leaves.length; i++) {
      const l = leaves[i];
      if (l.chain.length > level) {
        const g = l.chain[level];
        if (i > 0 && leaves[i - 1].chain[level]?.id === g.id) continue;
        let n = 1;
        while (i + n < leaves.length && leaves[i + n].chain[level]?.id === g.id) n++;
        rows[level].push(cell('column', g.label, { colspan: n }));
      } else if (l.chain.length === level) {
        rows[level].push(cell('column', l.leaf.label, { rowspan: H - level }));
      }
    }
  }
  return rows;
}

/** 表三: rows under up to three levels of labels, columns under their column groups. */
function matrix(spec: TableSpec, format: FormatId): LayoutTable {
  const xn = x(nodeAt(format, [spec.key]));
  const columns = spec.rows[0].columns;
  const groups = spec.columnGroups.slice().sort((a, b) => b.columns.length - a.columns.length);
  const leaves = columns.map((c) => ({
    chain: groups.filter((g) => g.columns.includes(c.key)).map((g) => ({ id: g.label, label: groupLabels[g.label] ?? g.label })),
    leaf: { id: c.key, label: c.label },
  }));
  // Row label levels: the row group (三、本年度办理结果), the groups of the key path, the row.
  const levels = spec.rows.map((r) => {
    const out: { id: string; label: string; path: string[]; group?: string }[] = [];
    const top = x(nodeAt(format, [spec.key, r.rel[0]]));
    if (top.rowGroup)
      out.push({
        id: `group:${top.rowGroup}`,
        label: groupLabels[top.rowGroup] ?? top.rowGroup,
        path: [spec.key],
        group: top.rowGroup,
      });
    for (let i = 1; i <= r.rel.length; i++) {
      const p = [spec.key, ...r.rel.slice(0, i)];
      out.push({ id: p.join('.'), label: labelAt(format, p), path: p });
    }
    return out;
  });
  const L = Math.max(...levels.map((l) => l.length));
  const head = headerRows(leaves, (H) => cell('note', xn.note ?? '', { rowspan: H, colspan: L }));
  const body = spec.rows.map((r, i) => {
    const cells: LayoutCell[] = [];
    levels[i].forEach((lv, j) => {
      if (i > 0 && levels[i - 1][j]?.id === lv.id) return;
      let n = 1;
      while (i + n < spec.rows.length && levels[i + n][j]?.id === lv.id) n++;
      const span = { rowspan: n, colspan: j === levels[i].length - 1 ? L - j : 1 };
      if (lv.group) cells.push({ ...cell('group', lv.label, span), path: lv.path, group: lv.group, firstRow: r.path });
      else cells.push({ ...cell('row', lv.label, span), path: lv.path });
    });
    for (const c of r.columns) cells.push(value([...r.path, c.key], c));
    return cells;
  });
  return { key: spec.key, name: spec.name, layout: 'matrix', format, head, body };
}

/** 表四: every row is a group of columns side by side; one row of values. */
function sideBySide(spec: TableSpec, format: FormatId): LayoutTable {
  const leaves = spec.rows.flatMap((r) => {
    const lp = labelPath(format, r.path).slice(2);
    const chain = lp.map((label, i) => ({ id: i === lp.length - 1 ? r.path.join('.') : `g:${label}`, label }));
    return r.columns.map((c) => ({ chain, leaf: { id: `${r.path.join('.')}.${c.key}`, label: c.label } }));
  });
  const values = spec.rows.flatMap((r) => r.columns.map((c) => value([...r.path, c.key], c)));
  return { key: spec.key, name: spec.name, layout: 'sideBySide', format, head: headerRows(leaves), body: [values] };
}

/** 表二: sub-tables stacked in one table, each under its caption and a 信息内容 header row. */
function stacked(spec: TableSpec, format: FormatId): LayoutTable {
  const M = Math.max(...spec.rows.map((r) => r.columns.length));
  const body: LayoutCell[][] = [];
  const tops = [...new Set(spec.rows.map((r) => r.rel[0]))];
  for (const g of tops) {
    const rows = spec.rows.filter((r) => r.rel[0] === g);
    const gpath = [spec.key, g];
    if (rows.every((r) => r.rel.length > 1))
      body.push([{ ...cell('caption', labelAt(format, gpath), { colspan: M + 1 }), path: gpath }]);
    const cols = rows[0].columns;
    // A sub-table with fewer columns stretches its last one to the table's width.
    const span = (i: number) => (i === cols.length - 1 ? M - cols.length + 1 : 1);
    const header = x(nodeAt(format, gpath)).labelHeader ?? '';
    body.push([cell('column', header), ...cols.map((c, i) => cell('column', c.label, { colspan: span(i) }))]);
    for (const r of rows)
      body.push([
        { ...cell('row', labelAt(format, r.path)), path: r.path },
        ...r.columns.map((c, i) => value([...r.path, c.key], c, span(i))),
      ]);
  }
  return { key: spec.key, name: spec.name, layout: 'stacked', format, head: [], body };
}
