/**
 * Text for a terminal: control characters that come from a file (a report's text, a file name)
 * are shown escaped, never sent raw — ESC and the other C0/C1 controls could move the cursor,
 * recolour or retitle the terminal, and bidirectional overrides could make a line read
 * differently from what it holds. JSON and SARIF output stays exact (JSON escapes C0 itself).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function sanitize(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}
