/**
 * The one generic evaluator of sum relations. Each relation in the schemas (`x-nianbao.relations`)
 * expands into instances Σ left = Σ right (or ≥) over concrete cells. Unknown cells (blank,
 * text, missing) are non-negative unknowns (signed cells: any integer), and an instance fails
 * only when no values of its unknowns could make it hold (SPEC.md §6, blank-cell policy).
 */
import { readCell, type Cell } from '../model/cells';
import { locate, mapAt, keysAt, type Report } from '../model/report';
import type { Relation } from '../schema/nodes';
import { cellSpecAt, tablesOf, type ColumnSpec, type TableSpec } from '../schema/tables';
import type { FormatId } from '../types';

export interface Instance {
  rule: string;
  kind: 'eq' | 'ge';
  table: TableSpec;
  left: string[][];
  right: string[][];
  /** For sum relations: the total cell (the only left term). */
  target?: string[];
  /** The cell whose value the diagnostic underlines. */
  anchor: string[];
  row?: string[];
  column?: string;
}

export interface Outcome {
  instance: Instance;
  ok: boolean;
  leftKnown: number;
  rightKnown: number;
  unknown: string[][];
  /** Values the instance forces on its unknown cells, by path key. */
  pins: Map<string, number>;
}

export const pathKey = (p: readonly string[]): string => p.join('.');

export type Overrides = Map<string, number>;

/** Reads cells once per report; overrides let fixes be tried without editing text. */
export class CellReader {
  private readonly cache = new Map<string, Cell>();
  constructor(
    readonly report: Report,
    readonly format: FormatId,
  ) {}

  cell(path: string[]): Cell {
    const k = pathKey(path);
    let c = this.cache.get(k);
    if (!c) {
      c = readCell(this.report, path, cellSpecAt(this.format, path)?.cell ?? 'count');
      this.cache.set(k, c);
    }
    return c;
  }
}

/** Leaf row paths under a table key, following the document's shape where it differs from the schema. */
function expandRows(report: Report, table: TableSpec, key: string, columns: ColumnSpec[]): string[][] {
  const base = [table.key, key];
  const docMap = mapAt(report, base);
  const schemaRows = table.rows.filter((r) => r.rel[0] === key).map((r) => r.path);
  if (docMap) {
    const keys = keysAt(report, base);
    const colKeys = new Set(columns.map((c) => c.key));
    // Mixed templates: a 2019 single （六） row inside a 2021 report, or 2021 sub-rows inside a 2019 one.
    if (keys.some((k) => colKeys.has(k))) return [base];
    if (schemaRows.length === 1 && schemaRows[0].length === 2 && keys.length) return keys.map((k) => [...base, k]);
  }
  return schemaRows;
}

export function leafRows(report: Report, table: TableSpec): { path: string[]; columns: ColumnSpec[] }[] {
  const tops = [...new Set(table.rows.map((r) => r.rel[0]))];
  const defaultCols = table.rows[0]?.columns ?? [];
  const out: { path: string[]; columns: ColumnSpec[] }[] = [];
  for (const top of tops) {
    const schemaCols = table.rows.find((r) => r.rel[0] === top)?.columns ?? defaultCols;
    for (const path of expandRows(report, table, top, schemaCols)) {
      const spec = table.rows.find((r) => pathKey(r.path) === pathKey(path));
      out.push({ path, columns: spec?.columns ?? (table.key === 'applications' ? defaultCols : schemaCols) });
    }
  }
  return out;
}

function instancesForRelation(report: Report, table: TableSpec, rel: Relation): Instance[] {
  const kind = rel.kind ?? 'eq';
  const leftKeys = rel.target ? [rel.target] : (rel.left ?? []);
  const rightKeys = rel.target ? (rel.operands ?? []) : (rel.right ?? []);
  const out: Instance[] = [];
  if (rel.each === 'row') {
    for (const row of leafRows(report, table)) {
      const cols = new Set(row.columns.map((c) => c.key));
      if (![...leftKeys, ...rightKeys].every((k) => cols.has(k))) continue;
      const left = leftKeys.map((k) => [...row.path, k]);
      const right = rightKeys.map((k) => [...row.path, k]);
      out.push({
        rule: rel.rule,
        kind,
        table,
        left,
        right,
        target: rel.target ? left[0] : undefined,
        anchor: left[0],
        row: row.path,
      });
    }
  } else {
    const columns = table.rows[0]?.columns ?? [];
    const expand = (keys: string[]) => keys.flatMap((k) => expandRows(report, table, k, columns));
    const leftRows = expand(leftKeys);
    const rightRows = expand(rightKeys);
    const anchorRow = rel.anchor;
    for (const col of columns) {
      const left = leftRows.map((r) => [...r, col.key]);
      const right = rightRows.map((r) => [...r, col.key]);
      const anchor = anchorRow ? [table.key, anchorRow, col.key] : left[0];
      out.push({ rule: rel.rule, kind, table, left, right, target: rel.target ? left[0] : undefined, anchor, column: col.key });
    }
  }
  return out;
}

export function instancesOf(report: Report, format: FormatId): Instance[] {
  const out: Instance[] = [];
  for (const table of tablesOf(format)) {
    if (!locate(report, [table.key])) continue;
    for (const rel of table.relations) out.push(...instancesForRelation(report, table, rel));
  }
  return out;
}

interface Term {
  path: string[];
  value?: number;
  signed: boolean;
}

function term(reader: CellReader, path: string[], overrides?: Overrides): Term {
  const o = overrides?.get(pathKey(path));
  const cell = reader.cell(path);
  if (o !== undefined) return { path, value: o, signed: cell.kind === 'signed' };
  const value = cell.state === 'number' ? cell.value : undefined;
  return { path, value, signed: cell.kind === 'signed' };
}

export function evaluate(reader: CellReader, inst: Instance, overrides?: Overrides): Outcome {
  const L = inst.left.map((p) => term(reader, p, overrides));
  const R = inst.right.map((p) => term(reader, p, overrides));
  const sum = (ts: Term[]) => ts.reduce((s, t) => s + (t.value ?? 0), 0);
  const leftKnown = round(sum(L));
  const rightKnown = round(sum(R));
  const diff = round(leftKnown - rightKnown);
  let lo = 0;
  let hi = 0;
  for (const t of L)
    if (t.value === undefined) {
      hi = Infinity;
      if (t.signed) lo = -Infinity;
    }
  for (const t of R)
    if (t.value === undefined) {
      lo = -Infinity;
      if (t.signed) hi = Infinity;
    }
  const ok = inst.kind === 'eq' ? diff + lo <= 0 && 0 <= diff + hi : diff + hi >= 0;
  const unknownL = L.filter((t) => t.value === undefined);
  const unknownR = R.filter((t) => t.value === undefined);
  const pins = new Map<string, number>();
  if (ok && inst.kind === 'eq') {
    const all = [...unknownL, ...unknownR];
    if (all.length === 1) pins.set(pathKey(all[0].path), unknownL.length ? -diff : diff);
    else if (all.length > 1 && !all.some((t) => t.signed)) {
      // Several non-negative unknowns on one side that must sum to zero are all zero.
      const need = unknownL.length && !unknownR.length ? -diff : unknownR.length && !unknownL.length ? diff : NaN;
      if (need === 0) for (const t of all) pins.set(pathKey(t.path), 0);
    }
  }
  return { instance: inst, ok, leftKnown, rightKnown, unknown: [...unknownL, ...unknownR].map((t) => t.path), pins };
}

/** Sums of decimal money values drift (0.1 + 0.2); compare at a fixed precision. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
