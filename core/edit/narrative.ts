/**
 * A narrative section's text as a literal block scalar (`|`), indented under its key, one source
 * line per line of text: the form the reports are written in, and the one a diff reads best.
 */

/** Indentation of a block scalar's lines below their key. */
const INDENT = '  ';

/**
 * The value text for a section whose key is indented by `keyIndent`: `|` and the lines (no final
 * line break: the text after the replaced value keeps its own). Empty text is `~`.
 */
export function blockScalar(text: string, keyIndent: string, eol: string): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  if (lines.every((l) => l.trim() === '')) return '~';
  const indent = keyIndent + INDENT;
  // A first line that starts with a space needs the indentation said explicitly (|2).
  const header = /^[ \t]/.test(lines.find((l) => l.trim() !== '') ?? '') ? `|${INDENT.length}` : '|';
  return [header, ...lines.map((l) => (l.trim() === '' ? '' : indent + l.replace(/\s+$/, '')))].join(eol);
}
