/** What every check receives: the report, its format, a shared cell reader, the options, and `emit`. */
import { CellReader } from '../model/cellReader';
import type { Report } from '../model/report';
import { metaOf, type ReportMeta } from '../model/meta';
import type { Args, Message } from '../messages/define';
import { makeDiagnostic, type EmitOptions } from '../diagnostic';
import type { Diagnostic, FormatId, Span, Subject } from '../types';
import type { CheckOptions } from './options';
import type { RuleSpec } from './spec';

export interface CheckContext {
  readonly report: Report;
  readonly format: FormatId;
  readonly reader: CellReader;
  readonly options: CheckOptions;
  readonly meta: ReportMeta;
  /** Values that sum relations force on blank cells (filled in by the tables family, read by cells). */
  readonly pins: Map<string, number>;
  readonly out: Diagnostic[];
  emit<C extends string, D extends Subject, A extends Args>(
    rule: RuleSpec<C, D>,
    m: Message<A>,
    args: A,
    span: Span,
    data: D,
    opts?: EmitOptions,
  ): void;
}

export function makeContext(report: Report, format: FormatId, options: CheckOptions): CheckContext {
  const out: Diagnostic[] = [];
  return {
    report,
    format,
    reader: new CellReader(report, format),
    options,
    meta: metaOf(report),
    pins: new Map(),
    out,
    emit(rule, m, args, span, data, opts) {
      out.push(makeDiagnostic(report.lines, rule, m, args, span, data, opts));
    },
  };
}
