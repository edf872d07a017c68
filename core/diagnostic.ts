/** Builds a finding from a rule, one of its messages with typed arguments, a span and typed data. */
import type { Args, Message } from './messages/define';
import { render } from './messages/define';
import type { RuleSpec } from './rules/spec';
import type { LineIndex } from './text/lines';
import type { Diagnostic, RelatedInfo, Severity, Span, Subject } from './types';

export interface EmitOptions {
  /** Overrides the rule's default severity (e.g. a soft cross-year difference is info). */
  severity?: Severity;
  related?: RelatedInfo[];
}

export function makeDiagnostic<C extends string, D extends Subject, A extends Args>(
  lines: LineIndex,
  rule: RuleSpec<C, D>,
  m: Message<A>,
  args: A,
  span: Span,
  data: D,
  opts: EmitOptions = {},
): Diagnostic {
  // Parser positions can point one past the end (a missing closing bracket): clamp.
  const max = lines.text.length;
  // An offset between the CR and the LF of a CRLF is past the line's end: keep it before the CR.
  const clamp = (o: number) => {
    const c = Math.min(o, max);
    return c > 0 && lines.text.charCodeAt(c - 1) === 13 && lines.text.charCodeAt(c) === 10 ? c - 1 : c;
  };
  const start = clamp(span.start);
  const s = { start, end: Math.max(clamp(Math.max(span.end, span.start)), start) };
  const d = {
    code: rule.code,
    severity: opts.severity ?? rule.severity,
    message: render(m, args),
    span: s,
    range: lines.range(s),
    data,
    ...(opts.related ? { related: opts.related } : {}),
  };
  // The rule's code and data type travel together in RuleSpec<C, D>; the union `Diagnostic`
  // cannot see that link through the generic, so this is the one place it is asserted.
  return d as unknown as Diagnostic;
}
