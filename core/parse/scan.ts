/**
 * Text → YAML document for the plainest reports, without the library's lexer and parser: the
 * first of the three ways a report is composed (core/parse/document.ts composeDocument). Most of
 * the time of `parseDocument` goes to the library's lexer and CST parser, which are general; a
 * report is a few hundred lines of one shape, and this reads that shape line by line into the
 * library's own node classes, with the library's own scalar resolution (compose.ts NodeMaker).
 *
 * Accepted, and nothing else (with LF or CRLF line breaks): one block map at column 0; nested block maps and sequences, each
 * more indented than its key; as values, one-line plain and quoted scalars, one-line flow maps
 * and sequences of such scalars and of each other, and literal block scalars (`|`, `|-`);
 * comments and empty lines. At anything else (tabs, a CR alone, a BOM, control characters, multi-line
 * plain or quoted scalars, folded or keep block scalars, anchors, tags, quoted or complex keys,
 * `: ` inside a plain value, whitespace-only lines in a block scalar, a comment more indented
 * than its collection, …) it declines and the CST path composes the text. Where a node's range
 * ends follows the library's parser: a scalar or flow value owns the rest of its line; the
 * comments and empty lines after a collection's last value stay with it when one of the comments
 * is at least as indented as the collection (and the collection is not the document's), else
 * they pass to the collection around it. test/unit/scan.test.ts (examples, fixtures, edge cases
 * and 50,000 random texts) and the fuzz properties compare every accepted text with the library:
 * nodes, values, ranges, comments, no error or warning.
 */
import { type CST, Document, Pair, type Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Comment } from './comments';
import { decline, Decline, NodeMaker, YAML_OPTIONS } from './compose';

/**
 * Characters the scan leaves to the library: tab, a CR not before LF (a CRLF line break is read
 * here), BOM, C0 and C1 controls, the Unicode line separators.
 */
const UNUSUAL = /[\t\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]|\r(?!\n)/;

/** The document and its comments, or undefined when the text is not of the plain shape read here. */
export function scanDocument(src: string): { doc: Document.Parsed; comments: Comment[] } | undefined {
  if (UNUSUAL.test(src)) return undefined;
  try {
    return new Scanner(src).run();
  } catch (e) {
    if (e instanceof Decline) return undefined;
    throw e;
  }
}

/** A block collection being read. */
interface Open {
  node: YAMLMap | YAMLSeq;
  indent: number;
  start: number;
  /** Where its last value's range ends. */
  end: number;
}

/** A key whose value starts on a later line: a nested collection, or an empty value. */
interface Awaiting {
  pair: Pair<Scalar, unknown>;
  indent: number;
  /** Where an empty value would sit: after the `:` and the spaces that follow it. */
  at: number;
  /** A comment follows the `:` (an empty value's range then reaches the next line's content). */
  comment: boolean;
  /** Empty lines have followed it. */
  blank: boolean;
  /** Comment lines have followed it (they go with the key when a collection follows). */
  comments: boolean;
}

/** Empty and comment lines since the last value: the indents of the comments, and where they end. */
interface Trail {
  commentIndents: number[];
  end: number;
}

const MAX_KEY = 1000;

class Scanner {
  private readonly make: NodeMaker;
  private readonly doc: Document.Parsed;
  private readonly comments: Comment[] = [];
  private readonly stack: Open[] = [];
  private awaiting: Awaiting | undefined;
  private trail: Trail | undefined;
  /** The line being read: its start, end (before its newline) and the next line's start. */
  private pos = 0;
  private lineEnd = 0;
  private next = 0;

  constructor(private readonly src: string) {
    this.doc = new Document(undefined, YAML_OPTIONS) as Document.Parsed;
    this.make = new NodeMaker(this.doc);
  }

  run(): { doc: Document.Parsed; comments: Comment[] } {
    const { src } = this;
    let root: Open | undefined;
    while (this.pos < src.length) {
      this.readLine();
      const indent = this.indentAt(this.pos);
      const content = this.pos + indent;
      if (content === this.lineEnd) this.blankLine();
      else if (src[content] === '#') this.commentLine(indent, content);
      else if (!root) {
        if (indent !== 0) decline();
        root = this.open(new YAMLMap(this.doc.schema), 0, content);
        this.mapItem(root, content);
      } else this.contentLine(indent, content);
      this.pos = this.next;
    }
    if (!root) return decline();
    this.finishAwaiting(src.length);
    while (this.stack.length) this.close(src.length);
    const contents = root.node;
    this.doc.contents = contents as Document.Parsed['contents'];
    // What no collection kept is the document's end.
    this.doc.range = [root.start, contents.range![2], this.trail?.end ?? contents.range![2]];
    return { doc: this.doc, comments: this.comments };
  }

  private readLine(): void {
    const nl = this.src.indexOf('\n', this.pos);
    this.lineEnd = lineEndOf(this.src, nl);
    this.next = nl < 0 ? this.src.length : nl + 1;
  }

  private indentAt(i: number): number {
    let n = 0;
    while (this.src.charCodeAt(i + n) === 32) n++;
    return n;
  }

  private blankLine(): void {
    if (this.awaiting) {
      // An empty value's comment would reach over these lines in the library's way: not read here.
      if (this.awaiting.comment || this.awaiting.comments) decline();
      // They are the key's (its separator), not a trail after a value.
      this.awaiting.blank = true;
      return;
    }
    this.extendTrail(undefined);
  }

  private commentLine(indent: number, content: number): void {
    this.comment(content, this.lineEnd);
    if (this.awaiting) {
      // Between a key and the collection below it, a comment is the key's; before an empty value it is not read here.
      if (this.awaiting.blank) decline();
      this.awaiting.comments = true;
      return;
    }
    // More indented than the collection: joined to the last value by rules not read here.
    if (this.stack.length && indent > this.top().indent) decline();
    this.extendTrail(indent);
  }

  private extendTrail(commentIndent: number | undefined): void {
    if (!this.stack.length) return;
    this.trail ??= { commentIndents: [], end: this.next };
    if (commentIndent !== undefined) this.trail.commentIndents.push(commentIndent);
    this.trail.end = this.next;
  }

  private comment(offset: number, end: number): void {
    this.comments.push({ offset, source: this.src.slice(offset, end) });
  }

  private top(): Open {
    return this.stack[this.stack.length - 1];
  }

  private open(node: YAMLMap | YAMLSeq, indent: number, start: number): Open {
    const o: Open = { node, indent, start, end: start };
    this.stack.push(o);
    return o;
  }

  /**
   * Closes the innermost collection. The empty and comment lines since its last value stay with
   * it when a comment among them is at least as indented as it (and it is not the document's
   * map); then its range reaches `to`, the start of the line's content that closed it.
   */
  private close(to: number): void {
    const o = this.stack.pop()!;
    const t = this.trail;
    let end = o.end;
    if (t && o.indent !== 0 && t.commentIndents.some((i) => i >= o.indent)) {
      end = to;
      this.trail = undefined;
    }
    o.node.range = [o.start, o.end, end];
    if (this.stack.length) this.top().end = end;
  }

  private contentLine(indent: number, content: number): void {
    const aw = this.awaiting;
    if (aw && indent > aw.indent) {
      // The key's value: a collection on the lines below it.
      this.awaiting = undefined;
      const seq = this.isSeqItem(content);
      const o = this.open(seq ? new YAMLSeq(this.doc.schema) : new YAMLMap(this.doc.schema), indent, content);
      aw.pair.value = o.node;
      this.trail = undefined;
      if (seq) this.seqItem(o, content);
      else this.mapItem(o, content);
      return;
    }
    this.finishAwaiting(content);
    while (this.stack.length && this.top().indent > indent) this.close(content);
    if (!this.stack.length) decline();
    const o = this.top();
    if (o.indent !== indent) decline();
    this.trail = undefined;
    if (o.node instanceof YAMLSeq) {
      if (!this.isSeqItem(content)) decline();
      this.seqItem(o, content);
    } else {
      if (this.isSeqItem(content)) decline();
      this.mapItem(o, content);
    }
  }

  /**
   * An awaited value that no deeper line gave: empty. After a comment its range reaches `to`,
   * where the next line's content starts (the library keeps that line's indent in the key's
   * separator), or the text's end.
   */
  private finishAwaiting(to: number): void {
    const aw = this.awaiting;
    if (!aw) return;
    if (aw.comments) decline();
    this.awaiting = undefined;
    const value = this.make.scalar({ type: 'scalar', offset: aw.at, indent: -1, source: '' });
    if (aw.comment) value.range![2] = to;
    aw.pair.value = value;
    this.top().end = value.range![2];
  }

  private isSeqItem(content: number): boolean {
    return this.src[content] === '-' && (content + 1 === this.lineEnd || this.src[content + 1] === ' ');
  }

  private mapItem(o: Open, content: number): void {
    const { src } = this;
    if (INDICATORS.has(src[content])) decline();
    let i = content;
    for (; i < this.lineEnd; i++) {
      const c = src[i];
      if (c === ':' && (i + 1 === this.lineEnd || src[i + 1] === ' ')) break;
      if (c === '#' && src[i - 1] === ' ') decline();
    }
    if (i === this.lineEnd || src[i - 1] === ' ' || i - content > MAX_KEY) decline();
    const key = this.make.scalar({ type: 'scalar', offset: content, indent: o.indent, source: src.slice(content, i) });
    const pair = new Pair<Scalar, unknown>(key, null);
    (o.node as YAMLMap).items.push(pair);
    const v = i + 1 + this.indentAt(i + 1);
    if (v === this.lineEnd || src[v] === '#') {
      const aw: Awaiting = { pair, indent: o.indent, at: v, comment: v < this.lineEnd, blank: false, comments: false };
      if (aw.comment) {
        if (v === i + 1) decline();
        this.comment(v, this.lineEnd);
      }
      this.awaiting = aw;
      return;
    }
    if (v === i + 1) decline();
    const value = src[v] === '|' ? this.blockLiteral(o.indent, v) : this.inlineValue(v, o.indent);
    pair.value = value;
    o.end = value.range![2];
  }

  private seqItem(o: Open, content: number): void {
    const v = content + 1 + this.indentAt(content + 1);
    if (v === this.lineEnd || this.src[v] === '#' || this.src[v] === '|') decline();
    const value = this.inlineValue(v, o.indent);
    (o.node as YAMLSeq).items.push(value);
    o.end = value.range![2];
  }

  /** A value that ends on its line: a flow collection or a one-line scalar, then spaces and a comment. */
  private inlineValue(v: number, indent: number): Scalar | YAMLMap | YAMLSeq {
    const c = this.src[v];
    let node: Scalar | YAMLMap | YAMLSeq;
    let end: number;
    if (c === '{' || c === '[') {
      node = this.flow(v);
      end = node.range![1];
    } else if (c === '"' || c === "'") {
      end = this.quotedEnd(v, this.lineEnd);
      node = this.make.scalar(quotedToken(this.src, v, end, indent));
    } else {
      const stop = this.commentStart(v);
      end = stop;
      while (this.src[end - 1] === ' ') end--;
      const source = this.src.slice(v, end);
      if (!plainInBlock(source)) decline();
      node = this.make.scalar({ type: 'scalar', offset: v, indent, source });
    }
    this.lineRest(end);
    node.range![2] = this.next;
    return node;
  }

  /** Where a comment starts on the line (a `#` after a space), or the line's end (the search stays in the line). */
  private commentStart(from: number): number {
    const { src } = this;
    for (let i = from + 1; i < this.lineEnd; i++) if (src.charCodeAt(i) === 35 && src.charCodeAt(i - 1) === 32) return i;
    return this.lineEnd;
  }

  /** After a value: only spaces, then a comment after a space, then the line's end. */
  private lineRest(from: number): void {
    const i = from + this.indentAt(from);
    if (i === this.lineEnd) return;
    if (this.src[i] !== '#' || i === from) decline();
    this.comment(i, this.lineEnd);
  }

  /** The end of a one-line quoted scalar starting at `v` (after its closing quote). */
  private quotedEnd(v: number, limit: number): number {
    const { src } = this;
    const q = src[v];
    for (let i = v + 1; i < limit; i++) {
      const c = src[i];
      if (q === '"' && c === '\\') i++;
      else if (c === q) {
        if (q === "'" && src[i + 1] === "'") i++;
        else return i + 1;
      }
    }
    return decline();
  }

  /** A flow map or sequence of scalars on one line, from its bracket to the closing one. */
  private flow(v: number): YAMLMap | YAMLSeq {
    const { src } = this;
    const isMap = src[v] === '{';
    const close = isMap ? '}' : ']';
    const coll = isMap ? new YAMLMap(this.doc.schema) : new YAMLSeq(this.doc.schema);
    coll.flow = true;
    let i = v + 1 + this.indentAt(v + 1);
    if (src[i] !== close) {
      for (;;) {
        if (isMap) {
          const k = this.flowPlainEnd(i, true);
          const key = this.make.scalar({ type: 'scalar', offset: i, indent: -1, source: src.slice(i, k) });
          if (src[k] !== ':' || src[k + 1] !== ' ') decline();
          i = k + 1 + this.indentAt(k + 1);
          const value = this.flowValue(i);
          (coll as YAMLMap).items.push(new Pair(key, value));
          i = value.range![1];
        } else {
          const value = this.flowValue(i);
          (coll as YAMLSeq).items.push(value);
          i = value.range![1];
        }
        if (src[i] === close) break;
        if (src[i] !== ',' || src[i + 1] !== ' ') decline();
        i += 1 + this.indentAt(i + 1);
        if (i >= this.lineEnd || src[i] === close || src[i] === ',') decline();
      }
    }
    coll.range = [v, i + 1, i + 1];
    return coll;
  }

  /** A value inside a flow collection: another flow collection, a quoted scalar, or a plain one up to the `,` or bracket after it. */
  private flowValue(i: number): Scalar | YAMLMap | YAMLSeq {
    const { src } = this;
    if (src[i] === '{' || src[i] === '[') return this.flow(i);
    if (src[i] === '"' || src[i] === "'") {
      const end = this.quotedEnd(i, this.lineEnd);
      return this.make.scalar(quotedToken(src, i, end, -1));
    }
    const end = this.flowPlainEnd(i, false);
    return this.make.scalar({ type: 'scalar', offset: i, indent: -1, source: src.slice(i, end) });
  }

  /** The end of a plain scalar in a flow collection; a key ends at its `:`. No space before the end. */
  private flowPlainEnd(i: number, key: boolean): number {
    const { src } = this;
    if (i >= this.lineEnd || (INDICATORS.has(src[i]) && !signed(src, i))) decline();
    let j = i;
    for (; j < this.lineEnd; j++) {
      const c = src[j];
      if (c === ',' || c === '}' || c === ']') break;
      if (c === ':') {
        if (key) break;
        decline();
      }
      if (c === '#' || c === '[' || c === '{' || c === '"' || c === "'") decline();
    }
    if (j === this.lineEnd || src[j - 1] === ' ') decline();
    return j;
  }

  /**
   * A literal block scalar (`|` or `|-`) as the value of a key in a map indented `indent`: its
   * content is every line after the header more indented than the map, up to the last that is
   * not empty. Read by the library's own resolution, from the token its lexer would make.
   */
  private blockLiteral(indent: number, v: number): Scalar {
    const { src } = this;
    let h = v + 1;
    if (src[h] === '-') h++;
    const afterSpaces = h + this.indentAt(h);
    if (afterSpaces < this.lineEnd && (src[afterSpaces] !== '#' || afterSpaces === h)) decline();
    if (this.next === this.lineEnd) decline();
    const newline = src.slice(this.lineEnd, this.next);
    const props: CST.SourceToken[] = [{ type: 'block-scalar-header', offset: v, indent, source: src.slice(v, h) }];
    if (afterSpaces > h) props.push({ type: 'space', offset: h, indent, source: src.slice(h, afterSpaces) });
    if (afterSpaces < this.lineEnd) {
      this.comment(afterSpaces, this.lineEnd);
      props.push({ type: 'comment', offset: afterSpaces, indent, source: src.slice(afterSpaces, this.lineEnd) });
    }
    props.push({ type: 'newline', offset: this.lineEnd, indent, source: newline });
    const first = this.next;
    let contentIndent = -1;
    let end = -1;
    let p = first;
    while (p < src.length) {
      const nl = src.indexOf('\n', p);
      const lineEnd = lineEndOf(src, nl);
      const n = this.indentAt(p);
      if (p + n === lineEnd) {
        // Only empty lines: one of spaces is placed by rules not read here.
        if (n > 0) decline();
      } else {
        if (n <= indent) break;
        if (contentIndent < 0) contentIndent = n;
        else if (n < contentIndent) decline();
        end = nl < 0 ? src.length : nl + 1;
      }
      p = nl < 0 ? src.length : nl + 1;
    }
    if (end < 0) decline();
    const token: CST.BlockScalar = { type: 'block-scalar', offset: v, indent, props, source: src.slice(first, end) };
    const node = this.make.scalar(token);
    // The lines read are done: the scan goes on after the last line of content.
    this.next = end;
    return node;
  }
}

/** Characters a plain scalar or key read here may not start with (indicators, quotes, flow brackets). */
const INDICATORS = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

/** A one-line plain scalar in a block collection that the library reads as such (not a nested map). */
/** A `-` before a digit is a sign (`-2`); every other indicator first is left to the library. */
function signed(text: string, i: number): boolean {
  return text[i] === '-' && text[i + 1] >= '0' && text[i + 1] <= '9';
}

function plainInBlock(source: string): boolean {
  if (!source || (INDICATORS.has(source[0]) && !signed(source, 0))) return false;
  return !source.includes(': ') && !source.endsWith(':');
}

/** Where the line whose LF is at `nl` ends: before its CR, if it has one; the text's end when there is no LF. */
function lineEndOf(src: string, nl: number): number {
  if (nl < 0) return src.length;
  return src.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
}

function quotedToken(src: string, start: number, end: number, indent: number): CST.FlowScalar {
  return {
    type: src[start] === '"' ? 'double-quoted-scalar' : 'single-quoted-scalar',
    offset: start,
    indent,
    source: src.slice(start, end),
  };
}
