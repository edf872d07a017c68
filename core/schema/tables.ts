/**
 * Table layout derived from the schemas: which nodes are tables, their leaf rows, their
 * columns and cell kinds, and their sum relations. Nothing here names a label or a row:
 * it is all read from `x-nianbao` annotations.
 */
import type { FormatId } from '../types';
import {
  child,
  resolve,
  rootSchema,
  TABLE_LAYOUTS,
  x,
  type CellKind,
  type Effective,
  type Relation,
  type TableLayoutKind,
} from './nodes';

export interface ColumnSpec {
  key: string;
  label: string;
  cell: CellKind;
  total: boolean;
}

export interface RowSpec {
  /** Path from the report root, e.g. ['applications', 'denied', 'state_secret']. */
  path: string[];
  /** Key path below the table, e.g. ['denied', 'state_secret']. */
  rel: string[];
  columns: ColumnSpec[];
}

export interface TableSpec {
  key: string;
  name: string; // 表二 / 表三 / 表四
  title: string;
  /** How the official template prints it (`x-nianbao.layout`). */
  layout: TableLayoutKind;
  rows: RowSpec[];
  /** Group paths (below the table) that hold rows, e.g. ['denied']. */
  groups: string[][];
  relations: Relation[];
  blankRule: string;
  nonnegRule: string;
  unitRule: string;
  textRule: string;
  blankGroupRule?: string;
  /** Column groups under a shared header (申请人情况, 法人或其他组织), from `x-nianbao.columnGroups`. */
  columnGroups: { label: string; columns: string[] }[];
}

function isRow(eff: Effective): boolean {
  return x(eff).row === true;
}

function columnsOf(eff: Effective): ColumnSpec[] {
  return Object.keys(eff.node.properties ?? {}).map((key) => {
    const col = child(eff, key)!;
    return { key, label: col.node.title ?? key, cell: x(col).cell ?? 'count', total: x(col).total === true };
  });
}

function collectRows(eff: Effective, rel: string[], tableKey: string, rows: RowSpec[], groups: string[][]): void {
  for (const key of Object.keys(eff.node.properties ?? {})) {
    const sub = child(eff, key)!;
    const subRel = [...rel, key];
    if (isRow(sub)) rows.push({ path: [tableKey, ...subRel], rel: subRel, columns: columnsOf(sub) });
    else if (sub.node.properties) {
      groups.push(subRel);
      collectRows(sub, subRel, tableKey, rows, groups);
    }
  }
}

/** A table annotation the checks cannot do without: the schemas are broken if it is missing. */
function required(v: string | undefined, table: string, what: string): string {
  if (!v) throw new Error(`schema table ${table} lacks x-nianbao.${what}`);
  return v;
}

function layoutOf(v: string | undefined, table: string): TableLayoutKind {
  const layout = required(v, table, 'layout') as TableLayoutKind;
  if (!TABLE_LAYOUTS.includes(layout)) throw new Error(`schema table ${table} has unknown x-nianbao.layout ${layout}`);
  return layout;
}

const tableCache = new Map<FormatId, TableSpec[]>();

export function tablesOf(format: FormatId): TableSpec[] {
  const hit = tableCache.get(format);
  if (hit) return hit;
  const root = resolve(rootSchema(format), `report-${format}.schema.json`);
  const tables: TableSpec[] = [];
  for (const key of Object.keys(root.node.properties ?? {})) {
    const eff = child(root, key)!;
    const xn = x(eff);
    if (!xn.table) continue;
    const rows: RowSpec[] = [];
    const groups: string[][] = [];
    collectRows(eff, [], key, rows, groups);
    tables.push({
      key,
      name: xn.table,
      title: eff.node.title ?? key,
      layout: layoutOf(xn.layout, key),
      rows,
      groups,
      relations: xn.relations ?? [],
      blankRule: required(xn.blankRule, key, 'blankRule'),
      nonnegRule: required(xn.nonnegRule, key, 'nonnegRule'),
      unitRule: required(xn.unitRule, key, 'unitRule'),
      textRule: required(xn.textRule, key, 'textRule'),
      blankGroupRule: xn.blankGroupRule,
      columnGroups: xn.columnGroups ?? [],
    });
  }
  tableCache.set(format, tables);
  return tables;
}

export function tableOf(format: FormatId, key: string): TableSpec | undefined {
  return tablesOf(format).find((t) => t.key === key);
}

/** The top-level sections in schema order, with their titles (一、总体情况 …). */
export function sectionsOf(format: FormatId): { key: string; title: string; required: boolean; narrative: boolean }[] {
  const root = resolve(rootSchema(format), `report-${format}.schema.json`);
  const required = new Set(root.node.required ?? []);
  return Object.keys(root.node.properties ?? {})
    .map((key) => ({ key, eff: child(root, key)! }))
    .filter(({ eff }) => x(eff).section || x(eff).table)
    .map(({ key, eff }) => ({ key, title: eff.node.title ?? key, required: required.has(key), narrative: !!x(eff).section }));
}

/** The column spec of a cell path, if the path names a table cell. */
export function cellSpecAt(format: FormatId, path: readonly string[]): ColumnSpec | undefined {
  const table = tableOf(format, path[0]);
  if (!table) return undefined;
  const row = table.rows.find((r) => r.path.length === path.length - 1 && r.path.every((k, i) => k === path[i]));
  return row?.columns.find((c) => c.key === path[path.length - 1]);
}
