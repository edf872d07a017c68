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
import { memo } from '../../memo';
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
  pins: ReadonlyMap<string, number>;
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

export interface LeafRow {
  readonly path: string[];
  readonly columns: ColumnSpec[];
  /** The row's cells, one per column: their paths and path keys, made once per shape. */
  readonly cells: readonly { readonly path: string[]; readonly key: string }[];
}

/** A table's leaf rows as a report holds them (shared by the reports of one shape: never change them). */
export function leafRows(report: Report, table: TableSpec): readonly LeafRow[] {
  return memo(ROWS, table, tableShape(report, table) ?? '', () => makeLeafRows(report, table), MAX_SHAPES);
}

function makeLeafRows(report: Report, table: TableSpec): LeafRow[] {
  const tops = [...new Set(table.rows.map((r) => r.rel[0]))];
  const defaultCols = table.rows[0]?.columns ?? [];
  const out: LeafRow[] = [];
  for (const top of tops) {
    const schemaCols = table.rows.find((r) => r.rel[0] === top)?.columns ?? defaultCols;
    for (const path of expandRows(report, table, top, schemaCols)) {
      const spec = rowSpecs(table).get(pathKey(path));
      const columns = spec?.columns ?? (table.key === 'applications' ? defaultCols : schemaCols);
      const cells = columns.map((c) => {
        const p = [...path, c.key];
        return { path: p, key: pathKey(p) };
      });
      out.push({ path, columns, cells });
    }
  }
  return out;
}

type LeafRows = readonly LeafRow[];

/**
 * The row keys whose maps decide a table's rows in a report (the only ones `expandRows` reads):
 * its top-level rows and the rows its column relations sum.
 */
const SHAPE_KEYS = new WeakMap<TableSpec, string[]>();

function shapeKeys(table: TableSpec): string[] {
  let keys = SHAPE_KEYS.get(table);
  if (!keys) {
    const all = new Set(table.rows.map((r) => r.rel[0]));
    for (const rel of table.relations) {
      if (rel.each === 'row') continue;
      for (const k of [rel.target, ...(rel.operands ?? []), ...(rel.left ?? []), ...(rel.right ?? [])]) if (k) all.add(k);
    }
    keys = [...all];
    SHAPE_KEYS.set(table, keys);
  }
  return keys;
}

/**
 * All that a table's leaf rows and relation instances depend on in a report: the keys under each
 * of its shape keys; null when the table is absent. The reports of one template share a shape,
 * so a batch makes rows and instances once per shape instead of once per report.
 */
function tableShape(report: Report, table: TableSpec): string | null {
  return memo(SHAPES, report, table, () =>
    locate(report, [table.key]) ? JSON.stringify(shapeKeys(table).map((k) => keysAt(report, [table.key, k]))) : null,
  );
}

/** Each report's table shapes, made once (the rows and the instances both ask). */
const SHAPES = new WeakMap<Report, Map<TableSpec, string | null>>();

/** Shapes kept per table: a batch of odd documents cannot grow the caches without bound. */
const MAX_SHAPES = 256;
const ROWS = new WeakMap<TableSpec, Map<string, LeafRows>>();
const INSTANCES = new WeakMap<readonly TableSpec[], Map<string, Instance[]>>();

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

/**
 * Every relation instance of the report's tables: cached per report and format, and made once per
 * shape of the report's tables (instances name paths only, so reports of one shape share them).
 */
export function instancesOf(report: Report, format: FormatId): Instance[] {
  return memo(instanceCache, report, format, () => {
    const tables = tablesOf(format);
    const shape = JSON.stringify(tables.map((t) => tableShape(report, t)));
    return memo(INSTANCES, tables, shape, () => makeInstances(report, tables), MAX_SHAPES);
  });
}

function makeInstances(report: Report, tables: readonly TableSpec[]): Instance[] {
  const out: Instance[] = [];
  for (const table of tables) {
    if (!locate(report, [table.key])) continue;
    let rows: LeafRows | undefined;
    const leaf = () => {
      rows ??= leafRows(report, table);
      return rows;
    };
    for (const rel of table.relations) out.push(...instancesForRelation(report, table, rel, leaf));
  }
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

/** No pins: shared by every outcome that forces no value (most of them). */
const NO_PINS: ReadonlyMap<string, number> = new Map();

/** One side of an instance, summed: its exact total and its unknown cells (no value, or overridden away). */
interface Side {
  /** Undefined when the sum left the range where doubles add exactly. */
  sum: number | undefined;
  unknownPaths: string[][];
  unknownKeys: string[];
  signed: boolean;
}

/**
 * Sums one side in one loop (the checks evaluate tens of thousands of instances in a batch, so
 * no array per term). A term's value: the override for its cell, else the cell's exact number.
 */
function side(reader: CellReader, paths: string[][], keys: string[], overrides: Overrides | undefined): Side {
  let sum: number | undefined = 0;
  const unknownPaths: string[][] = [];
  const unknownKeys: string[] = [];
  let signed = false;
  for (let i = 0; i < paths.length; i++) {
    const key = keys[i];
    const cell: Cell = reader.cellAt(key, paths[i]);
    const o = overrides?.get(key);
    const value = o !== undefined ? o : cell.state === 'number' && exact(cell) ? cell.value : undefined;
    if (value === undefined) {
      unknownPaths.push(paths[i]);
      unknownKeys.push(key);
      if (cell.kind === 'signed') signed = true;
    } else if (sum !== undefined) {
      sum += value;
      if (Math.abs(sum) > Number.MAX_SAFE_INTEGER) sum = undefined;
    }
  }
  return { sum: sum === undefined ? undefined : round(sum), unknownPaths, unknownKeys, signed };
}

export function evaluate(reader: CellReader, inst: Instance, overrides?: Overrides): Outcome {
  const L = side(reader, inst.left, inst.leftKeys, overrides);
  const R = side(reader, inst.right, inst.rightKeys, overrides);
  const unknown = R.unknownPaths.length ? [...L.unknownPaths, ...R.unknownPaths] : L.unknownPaths;
  if (L.sum === undefined || R.sum === undefined) {
    return { instance: inst, ok: true, decided: false, leftKnown: 0, rightKnown: 0, unknown, pins: NO_PINS };
  }
  const diff = round(L.sum - R.sum);
  // The range the unknowns can add to the difference: non-negative unknowns on the left raise it
  // without bound, on the right lower it; a signed unknown (any integer) does both.
  const nL = L.unknownKeys.length;
  const nR = R.unknownKeys.length;
  const lo = nR || (nL && L.signed) ? -Infinity : 0;
  const hi = nL || (nR && R.signed) ? Infinity : 0;
  const ok = inst.kind === 'eq' ? diff + lo <= 0 && 0 <= diff + hi : diff + hi >= 0;
  let pins = NO_PINS;
  if (ok && inst.kind === 'eq' && nL + nR > 0) {
    if (nL + nR === 1) pins = new Map([[nL ? L.unknownKeys[0] : R.unknownKeys[0], nL ? -diff : diff]]);
    else if (!L.signed && !R.signed) {
      // Several non-negative unknowns on one side that must sum to zero are all zero.
      const need = nL && !nR ? -diff : nR && !nL ? diff : Number.NaN;
      if (need === 0) pins = new Map([...L.unknownKeys, ...R.unknownKeys].map((k) => [k, 0]));
    }
  }
  return { instance: inst, ok, decided: true, leftKnown: L.sum, rightKnown: R.sum, unknown, pins };
}

/** Sums of decimal money values drift (0.1 + 0.2); compare at a fixed precision. */
function round(n: number): number {
  return Number.isInteger(n) ? n : Math.round(n * 1e6) / 1e6;
}
