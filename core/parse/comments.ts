/**
 * The comments of a YAML text as its CST has them (the real ones: a `#` inside a quoted string or
 * a block scalar is text). Suppression directives and import records are comments; they are read
 * from the tokens the parse already made, so a report is lexed once.
 */
import type { CST } from 'yaml';

export interface Comment {
  offset: number;
  /** From `#` to the end of the line. */
  source: string;
}

/** Every comment token under the given tokens, in document order. */
export function commentsOf(tokens: readonly CST.Token[]): Comment[] {
  const out: Comment[] = [];
  const visit = (t: unknown): void => {
    if (!t || typeof t !== 'object') return;
    const tok = t as { type?: string; offset?: number; source?: string };
    if (tok.type === 'comment' && typeof tok.offset === 'number' && typeof tok.source === 'string') {
      out.push({ offset: tok.offset, source: tok.source });
      return;
    }
    for (const v of Object.values(t)) {
      if (Array.isArray(v)) for (const x of v) visit(x);
      else if (v && typeof v === 'object') visit(v);
    }
  };
  for (const tok of tokens) visit(tok);
  return out;
}
