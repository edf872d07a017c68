/** Text → YAML document, with every failure turned into a diagnostic. */
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { LineIndex } from '../text/lines';
import type { Diagnostic, Span } from '../types';
import { makeDiagnostic } from '../diagnostic';
import { SCHEMA_TYPE } from '../rules/schema/specs';
import { STRUCT_SECTIONS } from '../rules/structure/specs';
import {
  YAML_ALIAS,
  YAML_BINARY,
  YAML_DEPTH,
  YAML_DUPLICATE_KEY,
  YAML_SYNTAX,
  YAML_TOO_LARGE,
  messages,
} from '../rules/yaml/specs';
import { guard, MAX_CHARS, MAX_DEPTH } from './guards';

export interface Parsed {
  text: string;
  lines: LineIndex;
  /** Null when the guards refused the text or it holds no document. */
  doc: Document.Parsed | null;
  /** Plain JS value of the document; undefined when it could not be built safely. */
  value: unknown;
  diagnostics: Diagnostic[];
  /** True when later checks must not run (the text is not a usable report at all). */
  fatal: boolean;
}

/** Aliases expand on conversion; a report needs none, so a small budget defeats alias bombs. */
const MAX_ALIAS_COUNT = 50;

export function parseReport(text: string): Parsed {
  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  const at = (span: Span) => span;
  const fail = guard(text);
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
          ? makeDiagnostic(lines, YAML_BINARY, messages.binary, {}, at({ start: fail.offset, end: fail.offset + 1 }), {
              path: '',
            })
          : makeDiagnostic(
              lines,
              YAML_DEPTH,
              messages.depth,
              { depth: fail.depth, max: MAX_DEPTH },
              at({ start: fail.offset, end: fail.offset + 1 }),
              { path: '', depth: fail.depth },
            );
    return { text, lines, doc: null, value: undefined, diagnostics: [d], fatal: true };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true, stringKeys: false });
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
    return { text, lines, doc: null, value: undefined, diagnostics: [d], fatal: true };
  }
  for (const err of [...doc.errors, ...doc.warnings]) {
    const [s, e] = err.pos;
    const dup = err.code === 'DUPLICATE_KEY';
    const key = dup ? keyAt(text, s) : undefined;
    diagnostics.push(
      dup
        ? makeDiagnostic(
            lines,
            YAML_DUPLICATE_KEY,
            messages.duplicate,
            { key: key! },
            { start: s, end: s + key!.length },
            {
              path: '',
              yamlCode: err.code,
              key,
            },
          )
        : makeDiagnostic(
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
  let aliasSeen = false;
  visit(doc, {
    Alias(_k, node) {
      if (!aliasSeen && node.range) {
        aliasSeen = true;
        diagnostics.push(
          makeDiagnostic(
            lines,
            YAML_ALIAS,
            messages.alias,
            {},
            { start: node.range[0], end: node.range[1] },
            { path: '' },
            { severity: 'warning' },
          ),
        );
      }
    },
  });
  let value: unknown;
  // Rules on a half-parsed document only cascade into noise: report the syntax errors alone.
  let fatal = doc.errors.some((e) => e.code !== 'DUPLICATE_KEY');
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
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
  return { text, lines, doc, value, diagnostics, fatal };
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

/** The key text starting at `offset` (up to its colon, on the same line). */
function keyAt(text: string, offset: number): string {
  const m = /^[^:\n]*/.exec(text.slice(offset, offset + 200));
  return (m?.[0] ?? '').trim() || text.slice(offset, offset + 1);
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
