/**
 * Cursor → key path. `pathAt` walks the yaml AST (block and flow collections alike);
 * `completionContextAt` also reads the text around the cursor, because the line being typed
 * is usually not (yet) a node of the AST.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { keysAt, type Report } from '../core/model/report';
import type { Span } from '../core';

export interface PathHit {
  /** Key path from the report root, e.g. ['applications', 'denied', 'state_secret', 'natural']. */
  path: string[];
  /** Whether the cursor is on the key or on (inside) the value. */
  on: 'key' | 'value';
  /** The key token or the value node under the cursor. */
  span: Span;
  node: Node | null;
  pair?: Pair;
}

export function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

const spanOf = (n: Node | null | undefined): Span | undefined => (n?.range ? { start: n.range[0], end: n.range[1] } : undefined);
const within = (s: Span | undefined, offset: number) => !!s && offset >= s.start && offset <= s.end;

/** The deepest key or value at `offset`; undefined outside every node (comments, blank lines). */
export function pathAt(report: Report, offset: number): PathHit | undefined {
  const root = report.doc?.contents as Node | null | undefined;
  if (!root) return undefined;
  return walk(root, [], offset);
}

function walk(node: Node, path: string[], offset: number): PathHit | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      const value = (pair.value as Node | null) ?? null;
      const ks = spanOf(key);
      const vs = spanOf(value);
      const k = keyText(key);
      if (within(ks, offset) && !(ks!.end === offset && vs && vs.start === offset)) {
        return { path: [...path, k], on: 'key', span: ks!, node: value, pair };
      }
      if (value && within(vs, offset)) {
        return walk(value, [...path, k], offset) ?? { path: [...path, k], on: 'value', span: vs!, node: value, pair };
      }
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as Node | null;
      const s = spanOf(item);
      if (item && within(s, offset))
        return walk(item, [...path, String(i)], offset) ?? { path: [...path, String(i)], on: 'value', span: s!, node: item };
    }
  }
  return undefined;
}

/** Whether `offset` is inside a scalar that started on an earlier line (a block scalar body, a folded quote). */
export function insideMultilineScalar(report: Report, offset: number): boolean {
  const hit = pathAt(report, offset);
  const n = hit?.on === 'value' ? hit.node : null;
  if (!n || !isScalar(n) || !n.range) return false;
  const lineStart = report.text.lastIndexOf('\n', offset - 1) + 1;
  return n.range[0] < lineStart;
}

export type CompletionContext =
  | { kind: 'key'; parent: string[]; present: Set<string>; replace: Span; flow: boolean; indent: number }
  | { kind: 'value'; path: string[]; replace: Span; flow: boolean }
  | { kind: 'none' };

/**
 * What may be typed where a key goes: a key, or the start of a printed label (本年, （二）,
 * 部分公开) that completion turns into the key. Anything but YAML's indicators and spaces.
 */
const KEY = /^[^\s:#{}[\],'"]*$/;

/** What completion should offer at `offset`: keys of a map (which one, which are present) or a key's values. */
export function completionContextAt(report: Report, offset: number): CompletionContext {
  const text = report.text;
  const flow = innermostFlowMap(report, offset);
  if (flow) {
    const from = Math.max(text.lastIndexOf('{', offset - 1), text.lastIndexOf(',', offset - 1)) + 1;
    const seg = text.slice(from, offset);
    const colon = seg.indexOf(':');
    if (colon >= 0) {
      const key = seg.slice(0, colon).trim();
      const after = seg.slice(colon + 1);
      const word = after.trimStart();
      return { kind: 'value', path: [...flow.path, key], replace: { start: offset - word.length, end: offset }, flow: true };
    }
    const word = seg.trimStart();
    if (!KEY.test(word)) return { kind: 'none' };
    const present = new Set(keysAt(report, flow.path));
    present.delete(word);
    return {
      kind: 'key',
      parent: flow.path,
      present,
      replace: { start: offset - word.length, end: offset },
      flow: true,
      indent: 0,
    };
  }
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset).replace(/\r$/, '');
  const keyLine = /^( *)([^\s:#{}[\],'"]*)$/.exec(before);
  const valueLine = /^( *)([A-Za-z0-9_]+):[ \t]*([^#{}[\]]*)$/.exec(before);
  if (!keyLine && !valueLine) return { kind: 'none' };
  const indent = (keyLine ?? valueLine)![1].length;
  const parent = parentByIndent(text, lineStart, indent);
  if (!parent) return { kind: 'none' };
  if (keyLine) {
    const word = keyLine[2];
    const present = new Set(keysAt(report, parent));
    present.delete(word);
    return { kind: 'key', parent, present, replace: { start: offset - word.length, end: offset }, flow: false, indent };
  }
  const word = valueLine![3].trimStart();
  return { kind: 'value', path: [...parent, valueLine![2]], replace: { start: offset - word.length, end: offset }, flow: false };
}

/**
 * The key path of the block map a line at `indent` belongs to, from the lines above it:
 * each less-indented `key:` line (nothing after the colon but a comment) is an ancestor.
 * Null when a less-indented line is something else (the cursor is inside a scalar).
 */
function parentByIndent(text: string, lineStart: number, indent: number): string[] | null {
  const path: string[] = [];
  let need = indent;
  let end = lineStart - 1;
  while (need > 0 && end >= 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    const content = line.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    const ind = line.length - content.length;
    if (ind >= need) continue;
    const m = /^([A-Za-z0-9_]+):\s*(#.*)?$/.exec(content);
    if (!m) return null;
    path.unshift(m[1]);
    need = ind;
  }
  return path;
}

/** The innermost flow map strictly inside whose braces `offset` lies, with its key path. */
function innermostFlowMap(report: Report, offset: number): { path: string[] } | undefined {
  const root = report.doc?.contents as Node | null | undefined;
  let found: { path: string[] } | undefined;
  const visit = (node: Node | null, path: string[]) => {
    if (!node?.range || offset <= node.range[0] || offset >= node.range[1]) return;
    if (isMap(node)) {
      if (node.flow) found = { path };
      for (const pair of node.items) if (isPair(pair)) visit(pair.value as Node | null, [...path, keyText(pair.key)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        visit(item as Node | null, [...path, String(i)]);
      });
    }
  };
  if (root) visit(root, []);
  return found;
}
