/**
 * The report model: the parsed YAML plus lookups by key path that return source spans,
 * and the report's format (declared or detected).
 */
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { isAlias, isMap, isPair, isSeq } from '../parse/yamlNodes';
import { keyString, pairOf } from '../parse/keys';
import { parseReport, type ParseOptions, type Parsed, type SourceEncoding } from '../parse/parse';
import { decodeBytes, type DecodedText } from '../text/encoding';
import type { FormatId, Span } from '../types';
import { detectFormat, type Detection } from './detect';

export interface Located {
  /** The pair holding the value (absent for the root and for sequence items). */
  pair?: Pair;
  key?: Node;
  value: Node | null;
  keySpan?: Span;
  valueSpan?: Span;
}

export interface Report extends Parsed {
  root: YAMLMap | null;
  format: FormatId | null;
  declaredFormat: FormatId | null;
  detection: Detection;
  /** The file's encoding, when the report was read from bytes (`loadReportBytes`). */
  source?: SourceEncoding;
}

export function loadReport(text: string, opts: ParseOptions = {}): Report {
  const parsed = parseReport(text, opts);
  const root = parsed.doc && isMap(parsed.doc.contents) ? (parsed.doc.contents as YAMLMap) : null;
  const declaredFormat = normaliseFormat((parsed.value as Record<string, unknown> | undefined)?.format);
  const detection = detectFormat(parsed.value);
  return { ...parsed, root, declaredFormat, detection, format: declaredFormat ?? detection.format, source: opts.source };
}

/**
 * A report file's bytes → its report: the one way files are decoded for checking (the CLI and
 * the server's workspace index alike), so both report a non-UTF-8 file (YAML-ENCODING) the same.
 */
export function loadReportBytes(bytes: Uint8Array): { report: Report; decoded: DecodedText } {
  const decoded = decodeBytes(bytes);
  const source: SourceEncoding = { encoding: decoded.encoding, bom: decoded.bom, invalidAt: decoded.invalidAt };
  return { report: loadReport(decoded.text, { source }), decoded };
}

export function normaliseFormat(v: unknown): FormatId | null {
  const s = String(v ?? '').trim();
  return s === '2019' || s === '2021' ? s : null;
}

export function spanOf(node: Node | null | undefined): Span | undefined {
  return node?.range ? { start: node.range[0], end: node.range[1] } : undefined;
}

function deref(doc: Document.Parsed | null, node: Node | null): Node | null {
  if (node && isAlias(node) && doc) return (node.resolve(doc) as Node | undefined) ?? null;
  return node;
}

/** Finds the node at a key path; undefined when some key on the way is missing. */
export function locate(report: Report, path: readonly string[]): Located | undefined {
  if (!report.root) return undefined;
  if (!path.length) return { value: report.root };
  let node: Node | null = report.root;
  for (let i = 0; i < path.length - 1; i++) {
    const s = step(report, node, path[i]);
    if (s === undefined) return undefined;
    node = isPair(s) ? ((s.value as Node | null) ?? null) : s;
  }
  return locateIn(report, node, path[path.length - 1]);
}

/**
 * The node under `parent` (a node `locate` found) at one key or index: `locate` of the parent's
 * path plus `seg`. Lets a reader of many cells of one row find the row once (CellReader).
 */
export function locateIn(report: Report, parent: Node | null, seg: string): Located | undefined {
  const s = step(report, parent, seg);
  if (s === undefined) return undefined;
  if (!isPair(s)) return { value: s, valueSpan: spanOf(s) };
  const key = s.key as Node;
  const value = (s.value as Node | null) ?? null;
  return { pair: s as Pair, key, value, keySpan: spanOf(key), valueSpan: spanOf(value) };
}

/** One step down from a node: the pair of a map's key, or a sequence's item; undefined when there is none. */
function step(report: Report, node: Node | null, seg: string): Pair | Node | null | undefined {
  const v = deref(report.doc, node);
  // Indexed when large (keys.ts): a lookup per finding stays constant-time in a map of many keys.
  if (isMap(v)) return pairOf(v as YAMLMap, seg);
  if (isSeq(v) && /^\d+$/.test(seg)) return v.items[Number(seg)] as Node | undefined;
  return undefined;
}

/** The deepest existing ancestor of a path (for anchoring diagnostics about missing keys). */
export function nearest(report: Report, path: readonly string[]): { located: Located; depth: number } | undefined {
  for (let n = path.length; n >= 1; n--) {
    const l = locate(report, path.slice(0, n));
    if (l) return { located: l, depth: n };
  }
  return undefined;
}

/** The span to underline for a key path: the key when present, else the nearest ancestor's key. */
export function keySpanAt(report: Report, path: readonly string[]): Span {
  const n = nearest(report, path);
  return n?.located.keySpan ?? n?.located.valueSpan ?? { start: 0, end: 0 };
}

/** Keys of the map at a path, in document order. */
export function keysAt(report: Report, path: readonly string[]): string[] {
  const l = path.length ? locate(report, path) : { value: report.root as Node | null };
  const v = l ? deref(report.doc, l.value) : null;
  return isMap(v) ? v.items.filter(isPair).map((p) => keyString(p.key)) : [];
}

export function mapAt(report: Report, path: readonly string[]): YAMLMap | null {
  const l = path.length ? locate(report, path) : { value: report.root as Node | null };
  const v = l ? deref(report.doc, l.value) : null;
  return isMap(v) ? (v as YAMLMap) : null;
}

export function valueNode(report: Report, located: Located): Node | null {
  return deref(report.doc, located.value);
}
