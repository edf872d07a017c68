/**
 * The JSON Schemas under schemas/ are the single source of truth for structure, labels,
 * legal basis, filling help and sum relations. This module loads them (bundled as JSON)
 * and resolves `$ref` / `allOf` into plain "effective" nodes the rest of the core can walk.
 */
import common from '../../schemas/common.schema.json';
import report2019 from '../../schemas/report-2019.schema.json';
import report2021 from '../../schemas/report-2021.schema.json';
import type { FormatId } from '../types';

export type CellKind = 'count' | 'signed' | 'money_wan' | 'money_unit';

/**
 * How a table is printed in the official template (`x-nianbao.layout`, docs/SCHEMAS.md):
 * `stacked` (表二: each group a sub-table under its caption and a header row), `matrix` (表三: rows
 * sharing one set of columns, row labels nested by rowspans, column headers by `columnGroups`),
 * `sideBySide` (表四: each row a group of columns side by side, one row of values).
 */
export type TableLayoutKind = 'stacked' | 'matrix' | 'sideBySide';
export const TABLE_LAYOUTS: readonly TableLayoutKind[] = ['stacked', 'matrix', 'sideBySide'];

export interface LegalRef {
  article: number;
  item?: number;
  paragraph?: number;
}

export interface Relation {
  rule: string;
  /** `row`: within each row of the table, between columns; `column`: within each column, between rows. */
  each: 'row' | 'column';
  kind?: 'eq' | 'ge';
  target?: string;
  operands?: string[];
  left?: string[];
  right?: string[];
  /** For `each: column` relations without a target: the row whose cell carries the diagnostic. */
  anchor?: string;
}

export interface XNianbao {
  cell?: CellKind;
  row?: boolean;
  total?: boolean;
  table?: string;
  /** The table's official layout. */
  layout?: TableLayoutKind;
  legal?: LegalRef[];
  relations?: Relation[];
  /** The rule for a blank or N/A cell of the table. */
  blankRule?: string;
  /** The rule for a negative or fractional number. */
  nonnegRule?: string;
  /** The rule for a count typed with a unit (or a money cell's unit problem). */
  unitRule?: string;
  /** The rule for other text in a cell. */
  textRule?: string;
  /** The rule that groups the table's blank cells (whole table, blank rows, blank columns). */
  blankGroupRule?: string;
  rowGroup?: string;
  group?: string;
  parentGroup?: string;
  note?: string;
  enumLabels?: Record<string, string>;
  section?: boolean;
  format?: FormatId;
  labelHeader?: string;
  columnGroups?: { label: string; columns: string[] }[];
}

export interface SchemaNode {
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  allOf?: SchemaNode[];
  minimum?: number;
  maximum?: number;
  'x-nianbao'?: XNianbao;
  [k: string]: unknown;
}

export const rawSchemas: Record<string, SchemaNode> = {
  'common.schema.json': common as SchemaNode,
  'report-2019.schema.json': report2019 as SchemaNode,
  'report-2021.schema.json': report2021 as SchemaNode,
};

export const FORMATS: FormatId[] = ['2019', '2021'];

export function rootSchema(format: FormatId): SchemaNode {
  return rawSchemas[`report-${format}.schema.json`];
}

/** Shared group labels (申请人情况, 法人或其他组织, 三、本年度办理结果, 行政诉讼) by id. */
export const groupLabels: Record<string, string> = (common as { 'x-nianbao-labels': Record<string, string> })['x-nianbao-labels'];

function lookupRef(ref: string, base: string): { node: SchemaNode; file: string } {
  const [filePart, pointer = ''] = ref.split('#');
  const file = filePart ? filePart.replace(/^.*\//, '') : base;
  let node: unknown = rawSchemas[file];
  for (const seg of pointer.split('/').filter(Boolean)) node = (node as Record<string, unknown>)[seg];
  if (!node) throw new Error(`unresolved schema $ref ${ref} in ${base}`);
  return { node: node as SchemaNode, file };
}

/** An effective node: refs followed, allOf merged; outer annotations win. `file` is where nested refs resolve. */
export interface Effective {
  node: SchemaNode;
  file: string;
}

const cache = new Map<SchemaNode, Effective>();

export function resolve(node: SchemaNode, file: string): Effective {
  const hit = cache.get(node);
  if (hit) return hit;
  let merged: SchemaNode = { ...node };
  let mergedFile = file;
  const parts: Effective[] = [];
  if (node.$ref) {
    const t = lookupRef(node.$ref, file);
    parts.push(resolve(t.node, t.file));
  }
  for (const sub of node.allOf ?? []) parts.push(resolve(sub, file));
  for (const p of parts) {
    merged = {
      ...p.node,
      ...stripStructural(node),
      properties: { ...(p.node.properties ?? {}), ...(node.properties ?? {}) },
      required: [...(p.node.required ?? []), ...(node.required ?? [])],
      'x-nianbao': { ...(p.node['x-nianbao'] ?? {}), ...(node['x-nianbao'] ?? {}) },
    };
    mergedFile = p.file;
  }
  delete merged.$ref;
  delete merged.allOf;
  // Properties declared by the referenced node resolve in the referenced file.
  const eff = { node: merged, file: parts.length ? mergedFile : file };
  cache.set(node, eff);
  return eff;
}

function stripStructural(node: SchemaNode): SchemaNode {
  const { $ref: _r, allOf: _a, properties: _p, required: _q, ...rest } = node;
  return rest;
}

/** Child property `key` of an effective node, itself resolved. */
export function child(parent: Effective, key: string): Effective | undefined {
  const sub = parent.node.properties?.[key];
  return sub ? resolve(sub, parent.file) : undefined;
}

const roots = new Map<FormatId, Effective>();

/** The resolved root of a format's schema (nodeAt runs for every cell read: no lookup by file name each time). */
function rootOf(format: FormatId): Effective {
  let root = roots.get(format);
  if (!root) {
    root = resolve(rootSchema(format), `report-${format}.schema.json`);
    roots.set(format, root);
  }
  return root;
}

/** The effective node at a key path from the report root, or undefined if the schema has none. */
export function nodeAt(format: FormatId, path: readonly string[]): Effective | undefined {
  let cur: Effective | undefined = rootOf(format);
  for (const key of path) {
    if (!cur) return undefined;
    if (cur.node.items && /^\d+$/.test(key)) cur = resolve(cur.node.items, cur.file);
    else cur = child(cur, key);
  }
  return cur;
}

export function x(eff: Effective | undefined): XNianbao {
  return eff?.node['x-nianbao'] ?? {};
}
