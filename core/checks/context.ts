/** What every check receives: the report, its format, a shared cell reader and the options. */
import type { Report } from '../model/report';
import type { FormatId, Diagnostic } from '../types';
import { CellReader } from './relations';
import type { CheckOptions } from './options';

export interface CheckContext {
  report: Report;
  format: FormatId;
  reader: CellReader;
  options: CheckOptions;
  /** Values that sum relations force on blank cells (filled in by the arithmetic check). */
  pins: Map<string, number>;
  out: Diagnostic[];
}

export function makeContext(report: Report, format: FormatId, options: CheckOptions): CheckContext {
  return { report, format, reader: new CellReader(report, format), options, pins: new Map(), out: [] };
}
