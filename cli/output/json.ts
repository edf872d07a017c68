/** JSON output: one flat array of findings with zero-based LSP positions. */
import type { Diagnostic, Locale } from '../../core';

export interface JsonFinding {
  file: string;
  code: string;
  severity: Diagnostic['severity'];
  message: string;
  range: Diagnostic['range'];
  data: Record<string, unknown>;
  /** Related cells: the operands of a sum, or last year's cell (in `file`) for a cross-year finding. */
  related: { file: string; range: Diagnostic['range']; message: string }[];
}

export function toJson(file: string, diags: Diagnostic[], locale: Locale): JsonFinding[] {
  return diags.map((d) => ({
    file,
    code: d.code,
    severity: d.severity,
    message: d.message[locale],
    range: d.range,
    data: d.data,
    related: (d.related ?? []).map((r) => ({ file: r.file ?? file, range: r.range, message: r.message[locale] })),
  }));
}
