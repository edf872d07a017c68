/** `# nianbao-disable-next-line [CODE …]` comments silence findings that start on the next line. */
import type { Diagnostic } from '../types';
import type { LineIndex } from '../text/lines';

const DIRECTIVE = /#\s*nianbao-disable-next-line\b([^\n]*)/g;

export function suppressed(text: string, lines: LineIndex): Map<number, Set<string> | 'all'> {
  const out = new Map<number, Set<string> | 'all'>();
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const line = lines.position(m.index).line + 1;
    const codes = m[1].split(/[\s,，]+/).filter((c) => /^[A-Z][A-Z0-9-]+$/.test(c));
    out.set(line, codes.length ? new Set(codes) : 'all');
  }
  return out;
}

export function applySuppressions(diags: Diagnostic[], text: string, lines: LineIndex): Diagnostic[] {
  if (!text.includes('nianbao-disable')) return diags;
  const map = suppressed(text, lines);
  return diags.filter((d) => {
    const s = map.get(d.range.start.line);
    return !(s === 'all' || s?.has(d.code));
  });
}
