/**
 * Text → YAML document, as `yaml.parseDocument` makes it (with compose.ts YAML_OPTIONS), by the
 * quickest of three ways that can read the text (issue 13 §7):
 * 1. the line scan (scan.ts), for the plain shape nearly every report has;
 * 2. else the library's lexer and parser once, and the CST composed into nodes here (compose.ts
 *    composeFast) when every token is of the plain kinds;
 * 3. else the library's own Composer on the same CST.
 * Each fast way gives exactly the library's document or declines (test/unit/scan.test.ts,
 * test/unit/compose.test.ts, the fuzz properties).
 */
import { type Document, Parser } from 'yaml';
import { commentsOf, type Comment } from './comments';
import { composeByLibrary, composeFast } from './compose';
import { scanDocument } from './scan';

/** The document and its comments (read lazily: only directives and import records need them). */
export function composeDocument(src: string): { doc: Document.Parsed; comments: () => Comment[] } {
  const scanned = scanDocument(src);
  if (scanned) return { doc: scanned.doc, comments: () => scanned.comments };
  const tokens = [...new Parser().parse(src)];
  return { doc: composeFast(tokens) ?? composeByLibrary(tokens, src.length), comments: () => commentsOf(tokens) };
}
