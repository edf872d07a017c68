/** JSON output: one flat array of findings with zero-based LSP positions. */
import { categoryOf, type Category, type Diagnostic, type Locale, type Suppressed } from '../../core';

export interface JsonFinding {
  file: string;
  code: string;
  /** Whose finding: the report's own, the importer's (IMPORT-*, recorded by `nianbao import`), or a reviewer's. */
  category: Category;
  severity: Diagnostic['severity'];
  message: string;
  range: Diagnostic['range'];
  data: Diagnostic['data'];
  /** Set for a finding silenced by a suppression comment (it does not count in the exit code). */
  suppressed?: { line: number; codes: string[] };
  /** Related cells: the operands of a sum, or last year's cell (in `file`) for a cross-year finding. */
  related: { file: string; range: Diagnostic['range']; message: string }[];
}

export function toJson(file: string, diags: Diagnostic[], locale: Locale, suppressed: Suppressed[] = []): JsonFinding[] {
  const one = (d: Diagnostic, by?: Suppressed['directive']): JsonFinding => ({
    file,
    code: d.code,
    category: categoryOf(d.code),
    severity: d.severity,
    message: d.message[locale],
    range: d.range,
    data: d.data,
    related: (d.related ?? []).map((r) => ({ file: r.file ?? file, range: r.range, message: r.message[locale] })),
    ...(by ? { suppressed: { line: by.line - 1, codes: by.codes } } : {}),
  });
  return [...diags.map((d) => one(d)), ...suppressed.map((s) => one(s.diagnostic, s.directive))];
}
