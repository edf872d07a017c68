/**
 * Values for keys the document does not have yet (a meta field never written, a cell or a row
 * left out): new pairs in the nearest map that exists, written in that map's own style — lines at
 * the end of a block map, indented like its keys; `, key: value` before a flow map's `}`. Keys
 * missing on the way become flow maps (`row: {column: value}`), all inputs under one missing key
 * in one map, so no key is written twice.
 */
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { locate, mapAt, valueNode, type Report } from '../model/report';
import type { Span } from '../types';

export interface Insertion {
  span: Span;
  newText: string;
  /** The inputs (by dotted path) this insertion writes. */
  paths: string[];
}

/** A missing path and the YAML text of its value. */
export interface Missing {
  path: string[];
  valueText: string;
}

/** Nested keys below the nearest existing map, in input order; leaves are value texts. */
type Tree = Map<string, Tree | string>;

/** The insertions that give every missing path its value; paths no map can take are left out. */
export function insertPairs(report: Report, missing: readonly Missing[]): Insertion[] {
  const groups = new Map<string, { anchor: string[]; tree: Tree; paths: string[] }>();
  for (const m of missing) {
    const depth = existingDepth(report, m.path);
    const anchor = m.path.slice(0, depth);
    const id = anchor.join('\u0000');
    const g = groups.get(id) ?? { anchor, tree: new Map<string, Tree | string>(), paths: [] as string[] };
    groups.set(id, g);
    g.paths.push(m.path.join('.'));
    let t = g.tree;
    const rest = m.path.slice(depth);
    rest.forEach((k, i) => {
      if (i === rest.length - 1) t.set(k, m.valueText);
      else {
        const next = t.get(k);
        const sub = next instanceof Map ? next : new Map<string, Tree | string>();
        t.set(k, sub);
        t = sub;
      }
    });
  }
  const out: Insertion[] = [];
  for (const g of groups.values()) {
    const ins = insertInto(report, g.anchor, g.tree);
    if (ins) out.push({ ...ins, paths: g.paths });
  }
  return out;
}

/** How many leading keys of `path` exist in the document. */
function existingDepth(report: Report, path: readonly string[]): number {
  let d = 0;
  while (d < path.length && locate(report, path.slice(0, d + 1))) d++;
  return d;
}

const pairs = (tree: Tree): string[] => [...tree].map(([k, v]) => `${k}: ${typeof v === 'string' ? v : flow(v)}`);
const flow = (tree: Tree): string => `{${pairs(tree).join(', ')}}`;

function insertInto(report: Report, anchor: string[], tree: Tree): Omit<Insertion, 'paths'> | undefined {
  const map = anchor.length ? mapAt(report, anchor) : report.root;
  if (map && isMap(map)) return map.flow ? intoFlow(report, map, tree) : intoBlock(report, map, tree);
  // The nearest existing key holds nothing (`row: ~` or `row:`): its value becomes the map.
  const loc = anchor.length ? locate(report, anchor) : undefined;
  const node: Node | null = loc ? valueNode(report, loc) : null;
  if (!loc?.keySpan || (node && !(isScalar(node) && node.value === null))) return undefined;
  const range = node?.range;
  if (range && range[1] > range[0]) return { span: { start: range[0], end: range[1] }, newText: flow(tree) };
  const colon = report.text.indexOf(':', loc.keySpan.end);
  if (colon < 0) return undefined;
  return { span: { start: colon + 1, end: colon + 1 }, newText: ` ${flow(tree)}` };
}

function intoFlow(report: Report, map: YAMLMap, tree: Tree): Omit<Insertion, 'paths'> | undefined {
  const end = map.range?.[1];
  if (end === undefined || report.text[end - 1] !== '}') return undefined;
  // Before the closing brace and any space in front of it.
  let at = end - 1;
  while (at > 0 && /[ \t]/.test(report.text[at - 1])) at--;
  return { span: { start: at, end: at }, newText: `${map.items.length ? ', ' : ''}${pairs(tree).join(', ')}` };
}

function intoBlock(report: Report, map: YAMLMap, tree: Tree): Omit<Insertion, 'paths'> | undefined {
  const first = map.items[0]?.key as { range?: [number, number, number] } | undefined;
  const end = map.range?.[1];
  if (!first?.range || end === undefined) return undefined;
  const indent = ' '.repeat(report.lines.position(first.range[0]).character);
  const eol = report.text.includes('\r\n') ? '\r\n' : '\n';
  const lines = pairs(tree).map((p) => indent + p);
  const atLineStart = end === 0 || report.text[end - 1] === '\n';
  return { span: { start: end, end }, newText: atLineStart ? lines.join(eol) + eol : eol + lines.join(eol) };
}
