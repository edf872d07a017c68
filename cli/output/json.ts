/** JSON output: one flat array of findings with zero-based LSP positions. */
import type { Diagnostic, Locale } from '../../core';

export interface JsonFinding {
  file: string;
  code: string;
  severity: Diagnostic['severity'];
  message: string;
  range: Diagnostic['range'];
  data: Record<string, unknown>;
}

export function toJson(file: string, diags: Diagnostic[], locale: Locale): JsonFinding[] {
  return diags.map((d) => ({ file, code: d.code, severity: d.severity, message: d.message[locale], range: d.range, data: d.data }));
}
