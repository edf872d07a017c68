/** Builds diagnostics from a code, a catalog message and a span. */
import { msg } from './messages/catalog';
import { RULES } from './messages/rules';
import type { LineIndex } from './text/lines';
import type { Diagnostic, Severity, Span } from './types';

export function makeDiagnostic(
  lines: LineIndex,
  code: string,
  messageId: string,
  args: Record<string, string | number | undefined>,
  span: Span,
  data: Record<string, unknown>,
  severity?: Severity,
): Diagnostic {
  const rule = RULES[code];
  if (!rule) throw new Error(`unknown rule code ${code}`);
  // Parser positions can point one past the end (a missing closing bracket): clamp.
  const max = lines.text.length;
  span = { start: Math.min(span.start, max), end: Math.min(Math.max(span.end, span.start), max) };
  return { code, severity: severity ?? rule.severity, message: msg(messageId, args), span, range: lines.range(span), data };
}
