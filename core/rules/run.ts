/**
 * Runs every family's check in registry order, then applies severity settings and suppression
 * comments. Suppressed findings are not dropped: they are returned apart (`suppressed`), so
 * every output can count and show them.
 */
import { makeDiagnostic } from '../diagnostic';
import { formatOfReport } from '../model/meta';
import { loadReport, type Report } from '../model/report';
import type { Diagnostic, FormatId, Span } from '../types';
import { makeContext } from './context';
import { directivesOf, isCode } from './directives/parse';
import { DIRECTIVE_BARE, DIRECTIVE_UNKNOWN, DIRECTIVE_UNUSED, messages as directiveMessages } from './directives/specs';
import type { CheckOptions } from './options';
import { FAMILIES, familyOf, isRuleCode } from './registry';

/** A finding silenced by a suppression comment, and the comment. */
export interface Suppressed {
  diagnostic: Diagnostic;
  directive: { span: Span; line: number; codes: string[] };
}

export interface CheckResult {
  report: Report;
  /** The format the checks assumed (declared, detected, or by year). */
  format: FormatId | null;
  diagnostics: Diagnostic[];
  /** Findings silenced by `# nianbao-disable-next-line` (counted and listed by every output). */
  suppressed: Suppressed[];
}

export function checkReport(report: Report, options: CheckOptions = {}): CheckResult {
  if (report.fatal) return finish(report, report.diagnostics, options, report.format);
  const format = formatOfReport(report);
  const ctx = makeContext(report, format, options);
  ctx.out.push(...report.diagnostics);
  for (const f of FAMILIES) f.check?.(ctx);
  return finish(report, ctx.out, options, format);
}

export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  return checkReport(loadReport(text), options);
}

const byPosition = (a: Diagnostic, b: Diagnostic) => a.span.start - b.span.start || a.code.localeCompare(b.code);

type Directive = ReturnType<typeof directivesOf>[number];

/** Applies severity settings and suppression comments; orders findings by position. */
export function applySettings(
  report: Report,
  diags: Diagnostic[],
  options: CheckOptions,
): { diagnostics: Diagnostic[]; suppressed: Suppressed[]; directives: Directive[]; used: Set<Directive> } {
  const sev = options.severity ?? {};
  const directives = options.inlineConfig === false ? [] : directivesOf(report.comments, report.lines);
  const byLine = new Map<number, Directive[]>();
  for (const d of directives) byLine.set(d.line, [...(byLine.get(d.line) ?? []), d]);
  const used = new Set<Directive>();
  const diagnostics: Diagnostic[] = [];
  const suppressed: Suppressed[] = [];
  for (const d of diags) {
    const s = sev[d.code];
    if (s === 'off') continue;
    const diag = s ? { ...d, severity: s } : d;
    const silencer = byLine.get(diag.range.start.line)?.find((x) => x.codes.includes(diag.code));
    if (silencer) {
      used.add(silencer);
      suppressed.push({ diagnostic: diag, directive: silencer });
    } else diagnostics.push(diag);
  }
  return { diagnostics: diagnostics.sort(byPosition), suppressed, directives, used };
}

/**
 * The single-document check's last step: settings, suppressions, and the findings about the
 * directives themselves. A directive naming only cross-year codes is not judged unused here:
 * those findings come from the pairing (core/crossyear).
 */
export function finish(
  report: Report,
  diags: Diagnostic[],
  options: CheckOptions,
  format: FormatId | null = report.format,
): CheckResult {
  const applied = applySettings(report, diags, options);
  const own: Diagnostic[] = [];
  for (const d of applied.directives) {
    const data = { path: '', line: d.line, codes: d.codes };
    if (!d.codes.length) own.push(makeDiagnostic(report.lines, DIRECTIVE_BARE, directiveMessages.bare, {}, d.span, data));
    const unknown = d.codes.filter((c) => !isCode(c) || !isRuleCode(c));
    if (unknown.length)
      own.push(
        makeDiagnostic(report.lines, DIRECTIVE_UNKNOWN, directiveMessages.unknown, { codes: unknown.join(' ') }, d.span, data),
      );
    const judged = d.codes.filter((c) => isRuleCode(c) && familyOf(c).id !== 'crossyear');
    if (options.reportUnusedDirectives && judged.length && !unknown.length && !applied.used.has(d))
      own.push(
        makeDiagnostic(report.lines, DIRECTIVE_UNUSED, directiveMessages.unused, { codes: d.codes.join(' ') }, d.span, data),
      );
  }
  const sev = options.severity ?? {};
  const kept = own.flatMap((d) => {
    const s = sev[d.code];
    return s === 'off' ? [] : [s ? { ...d, severity: s } : d];
  });
  return { report, format, diagnostics: [...applied.diagnostics, ...kept].sort(byPosition), suppressed: applied.suppressed };
}
