/** Text → YAML document, with every failure turned into a diagnostic. */
import { visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { composeDocument } from './document';
import type { Comment } from './comments';
import { isAlias, isMap, isPair, isScalar, isSeq } from './yamlNodes';
import { ENCODING_LABEL, type TextEncodingName } from '../text/encoding';
import { LineIndex } from '../text/lines';
import type { Diagnostic, Span } from '../types';
import { makeDiagnostic } from '../diagnostic';
import { SCHEMA_TYPE } from '../rules/schema/specs';
import { STRUCT_SECTIONS } from '../rules/structure/specs';
import {
  messages,
  YAML_ALIAS,
  YAML_BINARY,
  YAML_DEPTH,
  YAML_DUPLICATE_KEY,
  YAML_ENCODING,
  YAML_SYNTAX,
  YAML_TOO_LARGE,
} from '../rules/yaml/specs';
import { guard, MAX_CHARS, MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUES } from './guards';
import { hasDuplicateKeys, keyString, pairIndex } from './keys';
import { NOT_PLAIN, plainValue } from './plainValue';

export interface Parsed {
  /**
   * The text as parsed: the caller's, except that a lone CR (classic Mac OS line break, which
   * the yaml library does not know) reads as LF. Same length, so every span and position is the
   * same in the caller's text, and edits (spans + new text) apply to it unchanged, CRs kept.
   */
  text: string;
  lines: LineIndex;
  /** Null when the guards refused the text or it holds no document. */
  doc: Document.Parsed | null;
  /** Plain JS value of the document; undefined when it could not be built safely. */
  value: unknown;
  diagnostics: Diagnostic[];
  /** True when later checks must not run (the text is not a usable report at all). */
  fatal: boolean;
  /**
   * The comments that may be directives or import records (those of a text that names
   * `nianbao-` somewhere; none otherwise), from the parse's own tokens.
   */
  comments: readonly Comment[];
}

/** Aliases expand on conversion; a report needs none, so a small budget defeats alias bombs. */
export const MAX_ALIAS_COUNT = 50;

/** Where the text came from, when it was decoded from a file (core/text/encoding.ts). */
export interface SourceEncoding {
  encoding: TextEncodingName;
  bom: boolean;
  /** Byte offset of the first byte no supported encoding could decode. */
  invalidAt?: number;
}

export interface ParseOptions {
  /** Set by the callers that decode files (`loadReportBytes`): a non-UTF-8 file gets YAML-ENCODING. */
  source?: SourceEncoding;
}

export function parseReport(input: string, opts: ParseOptions = {}): Parsed {
  // The yaml library knows only LF and CRLF line breaks; a lone CR (classic Mac OS) is one too.
  // CR → LF keeps every offset, so spans and edits still apply to the input as it is; and every
  // reader of the parsed text (narratives, suppression comments, positions) sees its lines.
  const text = input.includes('\r') ? input.replace(/\r(?!\n)/g, '\n') : input;
  const src = text;
  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  const fail = guard(src);
  if (fail?.kind !== 'binary') diagnostics.push(...encodingFindings(text, lines, opts.source));
  if (fail) {
    const d =
      fail.kind === 'too-large'
        ? makeDiagnostic(
            lines,
            YAML_TOO_LARGE,
            messages.tooLarge,
            { size: fail.size, max: MAX_CHARS },
            { start: 0, end: 0 },
            {
              path: '',
              size: fail.size,
            },
          )
        : fail.kind === 'binary'
          ? makeDiagnostic(lines, YAML_BINARY, messages.binary, {}, { start: fail.offset, end: fail.offset + 1 }, { path: '' })
          : fail.kind === 'too-many'
            ? makeDiagnostic(
                lines,
                YAML_TOO_LARGE,
                messages.tooManyValues,
                { line: lines.position(fail.offset).line + 1, max: MAX_VALUES },
                { start: fail.offset, end: fail.offset + 1 },
                { path: '', values: fail.values },
              )
            : makeDiagnostic(
                lines,
                YAML_DEPTH,
                messages.depth,
                { depth: fail.depth, max: MAX_DEPTH },
                { start: fail.offset, end: fail.offset + 1 },
                { path: '', depth: fail.depth },
              );
    return { text, lines, doc: null, value: undefined, diagnostics: [...diagnostics, d], fatal: true, comments: [] };
  }
  let doc: Document.Parsed;
  let comments: Comment[] = [];
  try {
    // As yaml.parseDocument with the options in compose.ts (YAML_OPTIONS), composed faster for plain reports.
    const composed = composeDocument(src);
    doc = composed.doc;
    // Directives and import records are comments that name nianbao: read only when some could be there.
    if (src.includes('nianbao-')) comments = composed.comments();
  } catch (e) {
    // The guards should prevent this; if the parser still gives up, say so rather than crash.
    const d = makeDiagnostic(
      lines,
      YAML_SYNTAX,
      messages.syntax,
      { detail: String((e as Error).message) },
      { start: 0, end: 0 },
      { path: '' },
    );
    return { text, lines, doc: null, value: undefined, diagnostics: [...diagnostics, d], fatal: true, comments: [] };
  }
  const keys = inspectKeys(doc, src, lines);
  const alias = keys.firstAlias;
  diagnostics.push(...keys.diagnostics);
  for (const err of [...doc.errors, ...doc.warnings]) {
    const [s, e] = err.pos;
    // A specific hint (full-width colon, NBSP) already explains an error inside its key.
    if (keys.explained.some((r) => s >= r.start && s <= r.end)) continue;
    diagnostics.push(
      makeDiagnostic(
        lines,
        YAML_SYNTAX,
        messages.syntax,
        { detail: firstLine(err.message) },
        { start: s, end: Math.max(e, s + 1) },
        { path: '', yamlCode: err.code },
        { severity: doc.errors.includes(err as never) ? undefined : 'warning' },
      ),
    );
  }
  if (alias?.range)
    diagnostics.push(
      makeDiagnostic(
        lines,
        YAML_ALIAS,
        messages.alias,
        {},
        { start: alias.range[0], end: alias.range[1] },
        { path: '' },
        { severity: 'warning' },
      ),
    );
  let value: unknown;
  // Rules on a half-parsed document only cascade into noise: report the syntax errors alone.
  let fatal = doc.errors.length > 0;
  try {
    const plain = plainValue(doc.contents);
    value = plain === NOT_PLAIN ? doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) : plain;
  } catch (e) {
    diagnostics.push(
      makeDiagnostic(lines, YAML_ALIAS, messages.aliasBomb, { detail: firstLine((e as Error).message) }, firstAliasSpan(doc), {
        path: '',
      }),
    );
    fatal = true;
  }
  if (!fatal && doc.contents === null && doc.errors.length === 0) {
    diagnostics.push(makeDiagnostic(lines, STRUCT_SECTIONS, messages.empty, {}, { start: 0, end: 0 }, { path: '', empty: true }));
    fatal = true;
  } else if (!fatal && !isMap(doc.contents)) {
    const n = doc.contents as Node | null;
    const span = n?.range ? { start: n.range[0], end: n.range[1] } : { start: 0, end: 0 };
    diagnostics.push(
      makeDiagnostic(lines, SCHEMA_TYPE, messages.notMap, {}, span, {
        path: '',
        expected: ['object'],
        found: isSeq(n) ? 'array' : isScalar(n) ? 'scalar' : 'other',
      }),
    );
    fatal = true;
  }
  return { text, lines, doc, value, diagnostics, fatal, comments };
}

/**
 * YAML-ENCODING: the file was not UTF-8 (info, naming the encoding), bytes could not be decoded
 * at all (error), or the text holds U+FFFD — the trace of a file opened or saved in the wrong
 * encoding, whose original characters are lost (warning).
 */
function encodingFindings(text: string, lines: LineIndex, source: SourceEncoding | undefined): Diagnostic[] {
  const data = { path: '' as const, ...(source ? { encoding: source.encoding, bom: source.bom } : {}) };
  if (source?.invalidAt !== undefined) {
    const at = text.indexOf('\ufffd');
    const span = at >= 0 ? { start: at, end: at + 1 } : { start: 0, end: 0 };
    return [
      makeDiagnostic(lines, YAML_ENCODING, messages.encodingInvalid, { byte: source.invalidAt }, span, data, {
        severity: 'error',
      }),
    ];
  }
  const out: Diagnostic[] = [];
  if (source && source.encoding !== 'utf-8')
    out.push(
      makeDiagnostic(
        lines,
        YAML_ENCODING,
        messages.encoding,
        { encoding: ENCODING_LABEL[source.encoding], bom: source.bom ? 1 : 0 },
        { start: 0, end: 0 },
        data,
      ),
    );
  const bad = text.indexOf('\ufffd');
  if (bad >= 0)
    out.push(
      makeDiagnostic(
        lines,
        YAML_ENCODING,
        messages.replacementChar,
        { line: lines.position(bad).line + 1 },
        { start: bad, end: bad + 1 },
        { ...data, replacement: true },
        { severity: 'warning' },
      ),
    );
  return out;
}

/**
 * One pass over every map's keys, linear in their number: duplicate keys (the last one counts,
 * as in the document's value and in every lookup: see keys.ts), and keys that hold a full-width
 * colon or a no-break / ideographic space where YAML needs `: ` or plain spaces — the error the
 * library gives for those says nothing about the cause. Returns the spans those hints explain.
 */
/**
 * Every node of the document in the order of the yaml library's `visit` (a node, then its items;
 * a pair's key, then its value), without the frozen path arrays `visit` builds for each node.
 */
function walk(node: unknown, visitor: { map(map: YAMLMap): void; alias(node: Node): void }): void {
  if (isMap(node)) {
    visitor.map(node as YAMLMap);
    for (const item of node.items) walk(item, visitor);
  } else if (isSeq(node)) for (const item of node.items) walk(item, visitor);
  else if (isPair(node)) {
    walk(node.key, visitor);
    walk(node.value, visitor);
  } else if (isAlias(node)) visitor.alias(node);
}

/** Duplicate keys and key hints (full-width colon, NBSP) in one walk, and the first alias on the way. */
function inspectKeys(
  doc: Document.Parsed,
  src: string,
  lines: LineIndex,
): { diagnostics: Diagnostic[]; explained: Span[]; firstAlias?: Node } {
  const diagnostics: Diagnostic[] = [];
  const explained: Span[] = [];
  let firstAlias: Node | undefined;
  const lineOf = (offset: number) => lines.position(offset).line + 1;
  walk(doc.contents, {
    alias(node) {
      // Only an alias with a place in the text is reported (as before: the first such one).
      if (!firstAlias && node.range) firstAlias = node;
    },
    map(map) {
      // No key twice (nearly every map): only the key hints remain to look for.
      const unique = !hasDuplicateKeys(map as YAMLMap);
      const seen = new Map<string, Pair>();
      for (const pair of (map as YAMLMap).items) {
        const key = pair.key as Node | null;
        if (!key?.range) continue;
        if (unique) {
          if (isScalar(key) && typeof key.value === 'string') hintKey(key, src, lines, diagnostics, explained);
          continue;
        }
        const k = keyString(key);
        const first = seen.get(k);
        if (first) {
          const last = pairIndex(map as YAMLMap).get(k)!.key as Node;
          diagnostics.push(
            makeDiagnostic(
              lines,
              YAML_DUPLICATE_KEY,
              messages.duplicateUsesLast,
              { key: k, firstLine: lineOf((first.key as Node).range![0]), lastLine: lineOf(last.range![0]) },
              { start: key.range[0], end: key.range[1] },
              { path: '', yamlCode: 'DUPLICATE_KEY', key: k, uses: 'last' },
            ),
          );
        } else seen.set(k, pair as Pair);
        if (isScalar(key) && typeof key.value === 'string') hintKey(key, src, lines, diagnostics, explained);
      }
    },
  });
  return { diagnostics, explained, ...(firstAlias ? { firstAlias } : {}) };
}

/** A full-width colon right after an ASCII key, or NBSP / U+3000 where YAML needs a space. */
function hintKey(key: Node, src: string, lines: LineIndex, out: Diagnostic[], explained: Span[]): void {
  const [start, end] = key.range!;
  const raw = src.slice(start, end);
  // Nearly every key has none of the three characters: skip the patterns.
  if (!raw.includes('：') && !raw.includes('\u00a0') && !raw.includes('\u3000')) return;
  const colon = /^(\s*[A-Za-z_][A-Za-z0-9_]*)[ \t]*：/.exec(raw);
  const space = /[\u00a0\u3000]/.exec(raw);
  if (!colon && !space) return;
  const at = colon ? start + raw.indexOf('：', colon[1].length) : start + space!.index;
  const line = lines.position(at).line + 1;
  const ch = src[at];
  out.push(
    colon
      ? makeDiagnostic(
          lines,
          YAML_SYNTAX,
          messages.fullwidthColon,
          { line, key: colon[1].trim() },
          { start: at, end: at + 1 },
          {
            path: '',
            hint: 'fullwidth-colon',
          },
        )
      : makeDiagnostic(
          lines,
          YAML_SYNTAX,
          messages.nbsp,
          { line, char: ch === '\u3000' ? 'U+3000' : 'U+00A0' },
          { start: at, end: at + 1 },
          { path: '', hint: ch === '\u3000' ? 'ideographic-space' : 'nbsp' },
        ),
  );
  // The library's errors for this key are about its symptoms: from the key to the end of the line after it.
  const endLine = lines.position(end).line;
  explained.push({ start, end: lines.lineEnd(Math.min(endLine + 1, lines.lineCount - 1)) });
}

function firstAliasSpan(doc: Document.Parsed): Span {
  let span: Span = { start: 0, end: 0 };
  visit(doc, {
    Alias(_k, node) {
      if (isAlias(node) && node.range) {
        span = { start: node.range[0], end: node.range[1] };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return span;
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** A file too large to read: the finding for too much text, given without reading the file. */
export function fileTooLarge(bytes: number): Diagnostic {
  return makeDiagnostic(
    new LineIndex(''),
    YAML_TOO_LARGE,
    messages.tooLargeFile,
    { bytes, max: MAX_FILE_BYTES, maxChars: MAX_CHARS },
    { start: 0, end: 0 },
    { path: '', bytes },
  );
}
