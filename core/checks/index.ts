/** Runs every single-document check in order and applies suppressions and severity settings. */
import { loadReport, type Report } from '../model/report';
import type { Diagnostic, FormatId } from '../types';
import { checkArithmetic } from './arithmetic';
import { checkCells } from './cells';
import { makeContext } from './context';
import { checkMeta } from './meta';
import { checkProse } from './prose';
import type { CheckOptions } from './options';
import { checkSchema } from './schema';
import { checkFormat, checkStructure } from './structure';
import { applySuppressions } from './suppress';

export interface CheckResult {
  report: Report;
  /** The format the checks assumed (declared, detected, or by year). */
  format: FormatId | null;
  diagnostics: Diagnostic[];
}

/** The format to check against when none is declared: detected from keys, else by meta.year. */
function assumedFormat(report: Report): FormatId {
  if (report.format) return report.format;
  const year = (report.value as { meta?: { year?: unknown } } | undefined)?.meta?.year;
  return typeof year === 'number' && year <= 2020 ? '2019' : '2021';
}

export function checkReport(report: Report, options: CheckOptions = {}): CheckResult {
  if (report.fatal) return { report, format: report.format, diagnostics: finish(report, report.diagnostics, options) };
  const format = assumedFormat(report);
  const ctx = makeContext(report, format, options);
  ctx.out.push(...report.diagnostics);
  checkFormat(ctx);
  checkSchema(ctx);
  checkStructure(ctx);
  checkArithmetic(ctx); // before cells: it computes the values that blank cells are pinned to
  checkCells(ctx);
  checkMeta(ctx);
  checkProse(ctx); // TXT-T3, TXT-ZERO, META-ORGAN, META-DATE, S1-GOV, S5-RECTIFY, S6-FEE
  return { report, format, diagnostics: finish(report, ctx.out, options) };
}

export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  return checkReport(loadReport(text), options);
}

/** Applies suppression comments and severity settings, and orders findings by position. */
export function finish(report: Report, diags: Diagnostic[], options: CheckOptions): Diagnostic[] {
  const sev = options.severity ?? {};
  const out: Diagnostic[] = [];
  for (const d of applySuppressions(diags, report.text, report.lines)) {
    const s = sev[d.code];
    if (s === 'off') continue;
    out.push(s ? { ...d, severity: s } : d);
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
}
