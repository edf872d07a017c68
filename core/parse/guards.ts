/**
 * Cheap checks run before the YAML parser, so hostile input (huge files, binary data,
 * pathological nesting) is answered with a diagnostic instead of a hang or a stack overflow.
 */

/** A real report is ~20 KB; 2 MB leaves room for long narratives while bounding parse time. */
export const MAX_CHARS = 2_000_000;
/**
 * Largest report file read from disk. Every supported encoding spends at most 3 bytes per UTF-16
 * code unit (UTF-8: 1–3, or 4 for a surrogate pair; GB18030: 1–2, or 4 for a pair; UTF-16: 2),
 * so a file over 4 × MAX_CHARS bytes is over MAX_CHARS whatever it holds: it is refused unread.
 */
export const MAX_FILE_BYTES = 4 * MAX_CHARS;
/** Reports nest 5 levels; anything deeper than this is not a report. */
export const MAX_DEPTH = 64;
/**
 * Values (block lines and flow items) in one file. A report has about 1,000; the YAML library
 * keeps some 1 KB per item while it parses (a 500,000-item flow sequence took 650 MB and 4 s),
 * so this bounds a parse to about 300 MB and a few seconds. 100,000 keys in one map still fit.
 */
export const MAX_VALUES = 150_000;

export type GuardFailure =
  | { kind: 'too-large'; size: number }
  | { kind: 'binary'; offset: number }
  | { kind: 'too-deep'; depth: number; offset: number }
  | { kind: 'too-many'; values: number; offset: number };

export function guard(text: string): GuardFailure | undefined {
  if (text.length > MAX_CHARS) return { kind: 'too-large', size: text.length };
  const bin = binaryOffset(text);
  if (bin >= 0) return { kind: 'binary', offset: bin };
  return structure(text);
}

/** NUL or a run of C0 control characters other than tab/newline marks binary data. */
function binaryOffset(text: string): number {
  const limit = Math.min(text.length, 65536);
  let controls = 0;
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return i;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) {
      if (++controls > 8) return i;
    }
  }
  return -1;
}

/**
 * Estimates nesting depth (flow brackets outside quotes, plus block indentation levels and
 * stacked `- ` markers) and the number of values (lines with content, plus the commas of flow
 * collections), in one pass. Over-estimates are harmless at these thresholds.
 */
function structure(text: string): GuardFailure | undefined {
  // Character codes, not one-character strings: this runs over every character of every file.
  let values = 0;
  let flow = 0;
  const indents: number[] = [];
  let lineStart = true;
  let indent = 0;
  let markers = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === LF) {
      lineStart = true;
      indent = 0;
      markers = 0;
      quote = 0;
      continue;
    }
    if (lineStart) {
      if (ch === SPACE) {
        indent++;
        continue;
      }
      if ((ch === DASH || ch === QUESTION) && text.charCodeAt(i + 1) === SPACE) {
        markers++;
        indent += 2;
        i++;
        continue;
      }
      if (ch === HASH) {
        lineStart = false;
        i = skipToEol(text, i);
        continue;
      }
      lineStart = false;
      if (++values > MAX_VALUES) return { kind: 'too-many', values, offset: i };
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      const depth = indents.length + markers + flow;
      if (depth > MAX_DEPTH) return { kind: 'too-deep', depth, offset: i };
    }
    if (quote) {
      if (ch === quote) quote = 0;
      continue;
    }
    if (ch === DQUOTE || ch === SQUOTE) {
      quote = ch;
      continue;
    }
    if (ch === HASH && (text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === TAB)) {
      i = skipToEol(text, i);
      continue;
    }
    if (ch === LBRACKET || ch === LBRACE) {
      if (++flow + indents.length > MAX_DEPTH) return { kind: 'too-deep', depth: flow + indents.length, offset: i };
    } else if ((ch === RBRACKET || ch === RBRACE) && flow > 0) flow--;
    else if (ch === COMMA && flow > 0 && ++values > MAX_VALUES) return { kind: 'too-many', values, offset: i };
  }
  return undefined;
}

const [LF, SPACE, TAB, DASH, QUESTION, HASH, DQUOTE, SQUOTE, LBRACKET, LBRACE, RBRACKET, RBRACE, COMMA] = [
  ...'\n \t-?#"\'[{]},',
].map((c) => c.charCodeAt(0));

function skipToEol(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return (nl < 0 ? text.length : nl) - 1;
}
