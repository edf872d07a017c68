/**
 * CST → YAML document, as `yaml.parseDocument` makes it, in less time for the documents reports
 * are (issue 13 §7): the second of the three ways in document.ts, for the texts the line scan
 * (scan.ts) declines. The scan also makes its nodes here (NodeMaker), from tokens it builds.
 *
 * The yaml library parses in two layers: a lexer and parser that make a concrete syntax tree
 * (CST), and a composer that turns it into nodes. The composer is general: every node's
 * properties go through one routine that also handles anchors, tags, explicit keys, tabs and a
 * long list of errors. A report uses none of that. So the CST is composed here directly into the
 * library's own node classes (Scalar, YAMLMap, YAMLSeq, Pair), with the library's own scalar
 * resolution (`CST.resolveAsScalar` and the schema's tags), whenever every token is of the plain
 * kinds below; at the first token that is not, the library's Composer takes the same CST, so the
 * text is lexed once either way.
 *
 * Accepted: one document of a block map; block maps and sequences; flow maps and sequences on
 * any lines; plain, quoted and block scalars; comments and blank lines. Not accepted (the
 * library composes): error tokens, directives, `---` / `...`, several documents, a BOM token,
 * anchors, aliases, tags, explicit keys (`? `), empty or multi-line keys, tabs in indentation
 * or separation, comments inside flow collections, block collections inside flow ones, and
 * every condition the library reports as an error or a warning. The test is conservative: a
 * document accepted here makes no error and no warning in the library, and the same nodes with
 * the same values, types and ranges (test/unit/compose.test.ts compares them on every example
 * and fixture; the fuzz properties on every mutated report).
 *
 * Comments are not attached to nodes (`comment`, `commentBefore`, `spaceBefore`): nothing reads
 * them from nodes; suppression directives and import records read the comment tokens.
 */
import { Composer, CST, Document, Pair, Scalar, YAMLMap, YAMLParseError, YAMLSeq } from 'yaml';
import type { DocumentOptions, ParseOptions as YamlParseOptions } from 'yaml';
import { isScalar } from './yamlNodes';

type Token = CST.Token;
type SourceToken = CST.SourceToken;
type Item = CST.CollectionItem;
type Node = Scalar | YAMLMap | YAMLSeq;

/** Why the document is left to the library's composer (thrown, caught below). */
export class Decline extends Error {}
export const decline = (): never => {
  throw new Decline();
};

/**
 * The library's options as nianbao parses (see parse.ts): duplicate keys are found in linear
 * time there (uniqueKeys: false); warnings are findings, not console output (logLevel 'error').
 */
export const YAML_OPTIONS = {
  uniqueKeys: false,
  prettyErrors: false,
  strict: true,
  stringKeys: false,
  logLevel: 'error',
} as const satisfies YamlParseOptions & DocumentOptions;

/** What `parseDocument` does after lexing: the first document, and an error for any other. */
export function composeByLibrary(tokens: readonly Token[], length: number): Document.Parsed {
  const composer = new Composer(YAML_OPTIONS);
  let doc: Document.Parsed | undefined;
  for (const d of composer.compose(tokens, true, length)) {
    if (!doc) doc = d as Document.Parsed;
    else {
      const message = 'Source contains multiple documents; please use YAML.parseAllDocuments()';
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', message));
      break;
    }
  }
  return doc!;
}

/** The plain-scalar tags in the order the library tries them, and the string tag (one schema's; the tag objects are shared). */
let tags: { plain: ScalarTag[]; str: ScalarTag } | undefined;
interface ScalarTag {
  test?: RegExp;
  format?: string;
  resolve(value: string, onError: (message: string) => void, options: unknown): unknown;
}

function tagsOf(doc: Document): { plain: ScalarTag[]; str: ScalarTag } {
  if (!tags) {
    const all = doc.schema.tags as unknown as (ScalarTag & { tag: string; default?: unknown; collection?: string })[];
    tags = {
      plain: all.filter((t) => t.default === true && t.test && !t.collection),
      str: all.find((t) => t.tag === 'tag:yaml.org,2002:str')!,
    };
  }
  return tags;
}

/**
 * The tag of a plain scalar: the first whose test matches, as the library tries them. The same
 * keys and words recur in every report, so the answer is kept per text (a pure function of it).
 */
const PLAIN_TAG_OF = new Map<string, ScalarTag>();
const MAX_PLAIN_TAGS = 20_000;

/** Texts longer than this are tested each time (keys and figures are short; narratives would fill the cache). */
const MAX_CACHED_TEXT = 64;

function plainTag(t: { plain: ScalarTag[]; str: ScalarTag }, value: string): ScalarTag {
  if (value.length > MAX_CACHED_TEXT) return t.plain.find((x) => x.test!.test(value)) ?? t.str;
  let tag = PLAIN_TAG_OF.get(value);
  if (!tag) {
    tag = t.plain.find((x) => x.test!.test(value)) ?? t.str;
    if (PLAIN_TAG_OF.size >= MAX_PLAIN_TAGS) PLAIN_TAG_OF.clear();
    PLAIN_TAG_OF.set(value, tag);
  }
  return tag;
}

/** The document composed here from the CST; undefined when it is left to the library. */
export function composeFast(tokens: readonly Token[]): Document.Parsed | undefined {
  try {
    return compose(tokens);
  } catch (e) {
    if (e instanceof Decline) return undefined;
    throw e;
  }
}

function compose(tokens: readonly Token[]): Document.Parsed {
  let docToken: CST.Document | undefined;
  for (const t of tokens) {
    if (t.type === 'document' && !docToken) docToken = t;
    else if (docToken || (t.type !== 'comment' && t.type !== 'newline' && t.type !== 'space')) decline();
  }
  if (docToken?.value?.type !== 'block-map') return decline();
  for (const t of docToken.start) if (!isBlank(t)) decline();
  const doc = new Document(undefined, YAML_OPTIONS) as Document.Parsed;
  const c = new NodeMaker(doc);
  const contents = c.blockMap(docToken.value);
  const contentEnd = contents.range![2];
  doc.contents = contents as Document.Parsed['contents'];
  doc.range = [docToken.offset, contentEnd, endOf(docToken.end, contentEnd, false)];
  return doc;
}

/** Space without a tab, a newline or a comment: the tokens allowed between nodes. */
function isBlank(t: SourceToken | Token): boolean {
  return t.type === 'newline' || t.type === 'comment' || (t.type === 'space' && !t.source.includes('\t'));
}

/**
 * Where a node's trailing tokens end (the library's resolveEnd); only blanks, and a comment
 * only after white space when `reqSpace`.
 */
function endOf(end: readonly SourceToken[] | undefined, offset: number, reqSpace: boolean): number {
  let hasSpace = false;
  for (const t of end ?? []) {
    if (t.type === 'comment') {
      if (reqSpace && !hasSpace) decline();
    } else if (t.type === 'space' || t.type === 'newline') {
      if (t.source.includes('\t')) decline();
      hasSpace = true;
    } else decline();
    offset += t.source.length;
  }
  return offset;
}

/**
 * The tokens before a node (an item's start, a value's separator), read as the library's
 * resolveProps reads them when they hold no anchor or tag: the indicator (at most one, of the
 * one kind expected), whether a comment or a newline is among them, and where they end.
 */
interface Props {
  found?: SourceToken;
  comma?: SourceToken;
  comment: boolean;
  newline: boolean;
  end: number;
}

function props(tokens: readonly SourceToken[], indicator: string, offset: number, startOnNewline: boolean, flow: boolean): Props {
  let found: SourceToken | undefined;
  let comma: SourceToken | undefined;
  let comment = false;
  let newline = false;
  let hasSpace = startOnNewline;
  for (const t of tokens) {
    switch (t.type) {
      case 'space':
        if (t.source.includes('\t')) decline();
        hasSpace = true;
        break;
      case 'newline':
        // A key and its `:` on different lines: a multi-line implicit key.
        if (indicator === 'map-value-ind' && !found) decline();
        newline = true;
        hasSpace = true;
        break;
      case 'comment':
        // Comments inside flow collections move between items in the library: not composed here.
        if (flow || !hasSpace || (indicator === 'map-value-ind' && !found)) decline();
        comment = true;
        break;
      case 'comma':
        if (!flow || comma || found) decline();
        comma = t;
        hasSpace = false;
        break;
      default:
        if (t.type !== indicator || found) decline();
        found = t;
        hasSpace = false;
    }
  }
  const last = tokens[tokens.length - 1];
  return { found, comma, comment, newline, end: last ? last.offset + last.source.length : offset };
}

/** The library's emptyScalarPosition: an empty value sits after the last token that is not blank, and after the spaces that follow it. */
function emptyPosition(offset: number, before: readonly SourceToken[]): number {
  for (let i = before.length - 1; i >= 0; --i) {
    const t = before[i];
    if (t.type === 'space' || t.type === 'comment' || t.type === 'newline') {
      offset -= t.source.length;
      continue;
    }
    for (let j = i + 1; before[j]?.type === 'space'; j++) offset += before[j].source.length;
    break;
  }
  return offset;
}

/** The library's node classes made from CST tokens (the scan in scan.ts makes its tokens from the text). */
export class NodeMaker {
  private readonly tags: { plain: ScalarTag[]; str: ScalarTag };
  constructor(private readonly doc: Document) {
    this.tags = tagsOf(doc);
  }

  node(token: Token): Node {
    switch (token.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return this.scalar(token);
      case 'block-map':
        return this.blockMap(token);
      case 'block-seq':
        return this.blockSeq(token);
      case 'flow-collection':
        return this.flow(token);
      default:
        return decline();
    }
  }

  /** The library's composeScalar without tags: its own resolution of the token, then the schema's tag test for a plain scalar. */
  scalar(token: CST.FlowScalar | CST.BlockScalar): Scalar {
    const r = CST.resolveAsScalar(token, true, decline);
    if (!r) return decline();
    const tag = token.type === 'scalar' ? plainTag(this.tags, r.value) : this.tags.str;
    let res: unknown;
    try {
      res = tag.resolve(r.value, decline, this.doc.options);
    } catch {
      return decline();
    }
    const s = isScalar(res) ? (res as Scalar) : new Scalar(res);
    s.range = r.range;
    s.source = r.value;
    if (r.type) s.type = r.type;
    if (tag.format) s.format = tag.format;
    return s;
  }

  /** An empty value: the library's composeEmptyNode (a comment after it extends its range to the comment's end). */
  empty(offset: number, before: readonly SourceToken[], p: Props): Scalar {
    const s = this.scalar({ type: 'scalar', offset: emptyPosition(offset, before), indent: -1, source: '' });
    if (p.comment) s.range![2] = p.end;
    return s;
  }

  /** A key: a one-line flow scalar (the library reports any other implicit key, or composes it with rules of its own). */
  key(key: Token | null | undefined): Scalar {
    if (!key || (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar'))
      return decline();
    if (key.source.includes('\n') || key.end?.some((t) => t.type === 'newline')) decline();
    return this.scalar(key);
  }

  blockMap(bm: CST.BlockMap): YAMLMap {
    const map = new YAMLMap(this.doc.schema);
    let offset = bm.offset;
    let commentEnd: number | undefined;
    for (const item of bm.items as Item[]) {
      const { start, key, sep, value } = item;
      if ('explicitKey' in item && item.explicitKey) decline();
      const keyProps = props(start, 'explicit-key-ind', offset, true, false);
      if (keyProps.found) decline();
      if (key === undefined && !sep && !value) {
        // Comments after the last pair: they end the map's range.
        commentEnd = keyProps.end;
        continue;
      }
      if (commentEnd !== undefined) decline();
      if (!key || !('indent' in key) || key.indent !== bm.indent || !sep) decline();
      const keyNode = this.key(key);
      const valueProps = props(sep!, 'map-value-ind', keyNode.range![2], false, false);
      if (!valueProps.found) decline();
      // Checked as the library checks them: the `:` within 1024 characters of the key, and a
      // block collection as value only on a line of its own.
      if (valueProps.found!.offset - keyProps.end > 1024) decline();
      if ((value?.type === 'block-map' || value?.type === 'block-seq') && !valueProps.newline) decline();
      const valueNode = value ? this.node(value) : this.empty(valueProps.end, sep!, valueProps);
      offset = valueNode.range![2];
      map.items.push(new Pair(keyNode, valueNode));
    }
    // The library reports comments that end before the last value (it cannot place them).
    if (commentEnd !== undefined && commentEnd < offset) decline();
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
  }

  blockSeq(bs: CST.BlockSequence): YAMLSeq {
    const seq = new YAMLSeq(this.doc.schema);
    let offset = bs.offset;
    let commentEnd: number | undefined;
    for (const { start, value } of bs.items) {
      const p = props(start, 'seq-item-ind', offset, true, false);
      if (!p.found) {
        if (value) decline();
        commentEnd = p.end;
        continue;
      }
      if (commentEnd !== undefined) decline();
      const node = value ? this.node(value) : this.empty(p.end, start, p);
      offset = node.range![2];
      seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
  }

  flow(fc: CST.FlowCollection): YAMLMap | YAMLSeq {
    const isMap = fc.start.source === '{';
    const coll = isMap ? new YAMLMap(this.doc.schema) : new YAMLSeq(this.doc.schema);
    coll.flow = true;
    let offset = fc.offset + fc.start.source.length;
    const items = fc.items;
    for (let i = 0; i < items.length; i++) {
      const { start, key, sep, value } = items[i];
      const p = props(start, 'explicit-key-ind', offset, false, true);
      if (p.found) decline();
      if (!sep && !value) {
        // An empty item (the library drops it): allowed only as a trailing comma (`[a, b,]`).
        if (key !== undefined || (i === 0 && p.comma) || i < items.length - 1) decline();
        offset = p.end;
        continue;
      }
      if (i === 0 ? !!p.comma : !p.comma) decline();
      if (!isMap) {
        if (key !== undefined || sep || !value) decline();
        const node = this.inFlow(value!);
        (coll as YAMLSeq).items.push(node);
        offset = node.range![2];
        continue;
      }
      const keyNode = this.key(key);
      const valueProps = props(sep ?? [], 'map-value-ind', keyNode.range![2], false, true);
      if (value && !valueProps.found) decline();
      const valueNode = value ? this.inFlow(value) : valueProps.found ? this.empty(valueProps.end, sep!, valueProps) : null;
      (coll as YAMLMap).items.push(new Pair(keyNode, valueNode));
      offset = valueNode ? valueNode.range![2] : valueProps.end;
    }
    const [close, ...rest] = fc.end;
    if (close?.source !== (isMap ? '}' : ']')) return decline();
    const closeEnd = close.offset + close.source.length;
    coll.range = [fc.offset, closeEnd, rest.length ? endOf(rest, closeEnd, true) : closeEnd];
    return coll;
  }

  /** A value inside a flow collection: a scalar or another flow collection. */
  private inFlow(token: Token): Node {
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'block-scalar') return decline();
    return this.node(token);
  }
}
