/** Finds `# nianbao-disable-next-line CODE …` in the real comments of a YAML text (the CST's comment tokens). */
import { Parser } from 'yaml';
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

export function directivesOf(text: string, lines: LineIndex): Directive[] {
  if (!text.includes('nianbao-disable')) return [];
  const out: Directive[] = [];
  const visit = (t: unknown): void => {
    if (!t || typeof t !== 'object') return;
    const tok = t as { type?: string; offset?: number; source?: string };
    if (tok.type === 'comment' && typeof tok.offset === 'number' && typeof tok.source === 'string') {
      const m = DIRECTIVE.exec(tok.source);
      if (m) {
        const codes = m[1].split(/[\s,，]+/).filter(Boolean);
        out.push({
          span: { start: tok.offset, end: tok.offset + tok.source.length },
          line: lines.position(tok.offset).line + 1,
          codes,
        });
      }
    }
    for (const v of Object.values(t)) {
      if (Array.isArray(v)) for (const x of v) visit(x);
      else if (v && typeof v === 'object') visit(v);
    }
  };
  for (const tok of new Parser().parse(text)) visit(tok);
  return out;
}

export const isCode = (s: string): boolean => CODE.test(s);
