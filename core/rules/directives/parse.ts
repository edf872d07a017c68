/** Finds `# nianbao-disable-next-line CODE …` in the real comments of a YAML text (core/parse/comments.ts). */
import type { Comment } from '../../parse/comments';
import type { LineIndex } from '../../text/lines';
import type { Span } from '../../types';

export interface Directive {
  span: Span;
  /** The 0-based line the directive silences (the one after the comment). */
  line: number;
  codes: string[];
}

const DIRECTIVE = /^#\s*nianbao-disable-next-line\b(.*)$/;
const CODE = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/;

export function directivesOf(comments: readonly Comment[], lines: LineIndex): Directive[] {
  const out: Directive[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.source);
    if (!m) continue;
    const codes = m[1].split(/[\s,，]+/).filter(Boolean);
    out.push({ span: { start: c.offset, end: c.offset + c.source.length }, line: lines.position(c.offset).line + 1, codes });
  }
  return out;
}

export const isCode = (s: string): boolean => CODE.test(s);
