/** What a family's fixes read: the checked report, its format, a cell reader and the findings. */
import { CellReader } from '../model/cellReader';
import type { Report } from '../model/report';
import type { Diagnostic, FormatId } from '../types';

export interface FixContext {
  readonly report: Report;
  readonly format: FormatId;
  readonly reader: CellReader;
  /** All findings of the check the fix answers (a fix may decline when others share its cell). */
  readonly diagnostics: readonly Diagnostic[];
}

export function makeFixContext(report: Report, format: FormatId, diagnostics: readonly Diagnostic[]): FixContext {
  return { report, format, reader: new CellReader(report, format), diagnostics };
}
