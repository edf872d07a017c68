/**
 * The one generic evaluator of sum relations. Each relation in the schemas (`x-nianbao.relations`)
 * expands into instances Σ left = Σ right (or ≥) over concrete cells. Unknown cells (blank,
 * text, missing, or a number too large to add exactly) are non-negative unknowns (signed cells:
 * any integer), and an instance fails only when no values of its unknowns could make it hold
 * (SPEC.md §6, blank-cell policy).
 */
import { exact, type Cell } from '../../model/cells';
import type { CellReader } from '../../model/cellReader';
import { pathKey } from '../../model/cellReader';
import { keysAt, locate, mapAt, type Report } from '../../model/report';
import type { Relation } from '../../schema/nodes';
import { tablesOf, type ColumnSpec, type TableSpec } from '../../schema/tables';
import type { FormatId } from '../../types';

export { pathKey };

export interface Instance {
  rule: string;
  kind: 'eq' | 'ge';
  table: TableSpec;
  left: string[][];
  right: string[][];
  /** The path keys of `left` and `right` (pathKey), made once: an instance is evaluated many times. */
  leftKeys: string[];
  rightKeys: string[];
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
  /** False when the sums could not be computed exactly (numbers beyond 2^53): nothing is judged. */
  decided: boolean;
  leftKnown: number;
  rightKnown: number;
  unknown: string[][];
  /** Values the instance forces on its unknown cells, by path key. */
  pins: Map<string, number>;
}

export type Overrides = ReadonlyMap<string, number>;

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

const ROW_SPECS = new WeakMap<TableSpec, Map<string, TableSpec['rows'][number]>>();

/** A table's row specs by path (the first of a path, as a scan would find). */
function rowSpecs(table: TableSpec): Map<string, TableSpec['rows'][number]> {
  let specs = ROW_SPECS.get(table);
  if (!specs) {
    specs = new Map();
    for (const r of table.rows) {
      const k = pathKey(r.path);
      if (!specs.has(k)) specs.set(k, r);
    }
    ROW_SPECS.set(table, specs);
  }
  return specs;
}

export function leafRows(report: Report, table: TableSpec): { path: string[]; columns: ColumnSpec[] }[] {
  const tops = [...new Set(table.rows.map((r) => r.rel[0]))];
  const defaultCols = table.rows[0]?.columns ?? [];
  const out: { path: string[]; columns: ColumnSpec[] }[] = [];
  for (const top of tops) {
    const schemaCols = table.rows.find((r) => r.rel[0] === top)?.columns ?? defaultCols;
    for (const path of expandRows(report, table, top, schemaCols)) {
      const spec = rowSpecs(table).get(pathKey(path));
      out.push({ path, columns: spec?.columns ?? (table.key === 'applications' ? defaultCols : schemaCols) });
    }
  }
  return out;
}

type LeafRows = ReturnType<typeof leafRows>;

/** One instance of a relation over concrete cells (its row or column is added by the caller). */
function instance(rel: Relation, table: TableSpec, left: string[][], right: string[][], anchor: string[]): Instance {
  return {
    rule: rel.rule,
    kind: rel.kind ?? 'eq',
    table,
    left,
    right,
    leftKeys: left.map(pathKey),
    rightKeys: right.map(pathKey),
    target: rel.target ? left[0] : undefined,
    anchor,
  };
}

/** `rows`: the table's leaf rows, read once for all its relations. */
function instancesForRelation(report: Report, table: TableSpec, rel: Relation, rows: () => LeafRows): Instance[] {
  const leftKeys = rel.target ? [rel.target] : (rel.left ?? []);
  const rightKeys = rel.target ? (rel.operands ?? []) : (rel.right ?? []);
  const out: Instance[] = [];
  if (rel.each === 'row') {
    for (const row of rows()) {
      const cols = new Set(row.columns.map((c) => c.key));
      if (![...leftKeys, ...rightKeys].every((k) => cols.has(k))) continue;
      const left = leftKeys.map((k) => [...row.path, k]);
      const right = rightKeys.map((k) => [...row.path, k]);
      out.push({ ...instance(rel, table, left, right, left[0]), row: row.path });
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
      out.push({ ...instance(rel, table, left, right, anchor), column: col.key });
    }
  }
  return out;
}

const instanceCache = new WeakMap<Report, Map<FormatId, Instance[]>>();

/** Every relation instance of the report's tables (cached per report and format). */
export function instancesOf(report: Report, format: FormatId): Instance[] {
  let byFormat = instanceCache.get(report);
  if (!byFormat) {
    byFormat = new Map();
    instanceCache.set(report, byFormat);
  }
  const hit = byFormat.get(format);
  if (hit) return hit;
  const out: Instance[] = [];
  for (const table of tablesOf(format)) {
    if (!locate(report, [table.key])) continue;
    let rows: LeafRows | undefined;
    const leaf = () => {
      rows ??= leafRows(report, table);
      return rows;
    };
    for (const rel of table.relations) out.push(...instancesForRelation(report, table, rel, leaf));
  }
  byFormat.set(format, out);
  return out;
}

/** The instances each cell takes part in, by path key. */
export function instancesByCell(instances: readonly Instance[]): Map<string, Instance[]> {
  const out = new Map<string, Instance[]>();
  for (const inst of instances) {
    for (const k of [...inst.leftKeys, ...inst.rightKeys]) {
      const list = out.get(k);
      if (list) list.push(inst);
      else out.set(k, [inst]);
    }
  }
  return out;
}

interface Term {
  path: string[];
  key: string;
  value?: number;
  signed: boolean;
}

function term(reader: CellReader, path: string[], key: string, overrides?: Overrides): Term {
  const o = overrides?.get(key);
  const cell: Cell = reader.cellAt(key, path);
  const signed = cell.kind === 'signed';
  if (o !== undefined) return { path, key, value: o, signed };
  return { path, key, value: cell.state === 'number' && exact(cell) ? cell.value : undefined, signed };
}

/** A sum of exact numbers, or undefined when it leaves the range where doubles add exactly. */
function exactSum(ts: Term[]): number | undefined {
  let s = 0;
  for (const t of ts) {
    s += t.value ?? 0;
    if (Math.abs(s) > Number.MAX_SAFE_INTEGER) return undefined;
  }
  return round(s);
}

export function evaluate(reader: CellReader, inst: Instance, overrides?: Overrides): Outcome {
  const L = inst.left.map((p, i) => term(reader, p, inst.leftKeys[i], overrides));
  const R = inst.right.map((p, i) => term(reader, p, inst.rightKeys[i], overrides));
  const unknownL = L.filter((t) => t.value === undefined);
  const unknownR = R.filter((t) => t.value === undefined);
  const unknown = [...unknownL, ...unknownR].map((t) => t.path);
  const leftSum = exactSum(L);
  const rightSum = exactSum(R);
  if (leftSum === undefined || rightSum === undefined) {
    return { instance: inst, ok: true, decided: false, leftKnown: 0, rightKnown: 0, unknown, pins: new Map() };
  }
  const diff = round(leftSum - rightSum);
  let lo = 0;
  let hi = 0;
  for (const t of unknownL) {
    hi = Infinity;
    if (t.signed) lo = -Infinity;
  }
  for (const t of unknownR) {
    lo = -Infinity;
    if (t.signed) hi = Infinity;
  }
  const ok = inst.kind === 'eq' ? diff + lo <= 0 && 0 <= diff + hi : diff + hi >= 0;
  const pins = new Map<string, number>();
  if (ok && inst.kind === 'eq') {
    const all = [...unknownL, ...unknownR];
    if (all.length === 1) pins.set(all[0].key, unknownL.length ? -diff : diff);
    else if (all.length > 1 && !all.some((t) => t.signed)) {
      // Several non-negative unknowns on one side that must sum to zero are all zero.
      const need = unknownL.length && !unknownR.length ? -diff : unknownR.length && !unknownL.length ? diff : Number.NaN;
      if (need === 0) for (const t of all) pins.set(t.key, 0);
    }
  }
  return { instance: inst, ok, decided: true, leftKnown: leftSum, rightKnown: rightSum, unknown, pins };
}

/** Sums of decimal money values drift (0.1 + 0.2); compare at a fixed precision. */
function round(n: number): number {
  return Number.isInteger(n) ? n : Math.round(n * 1e6) / 1e6;
}
