/**
 * `nianbao/reportFacts`: the New Report dialog's and Save As's facts, from the core's one home
 * of each (core/facts: formats and years, organ kind, title and file name; the schemas for
 * titles and organ-kind labels). The client asks here instead of keeping its own rules.
 */
import { defaultYear, loadReport, metaOf, organKindOf, reportFileName, text, UI, yearsOf } from '../core';
import { CURRENT_FORMAT, yearProblem, type YearProblem } from '../core/facts/formats';
import { enumLabel } from '../core/schema/labels';
import { FORMATS, nodeAt, rootSchema } from '../core/schema/nodes';
import type { ReportFactsParams, ReportFactsResult } from '../protocol/requests';

const ORGAN_KIND = ['meta', 'organ_kind'];

export function reportFacts(params: ReportFactsParams | undefined, now = new Date()): ReportFactsResult {
  const p = params ?? {};
  const formats = [...FORMATS]
    .sort((a, b) => Number(b) - Number(a)) // the current format first
    .map((format) => {
      const root = rootSchema(format);
      const { first, last } = yearsOf(format);
      return {
        format,
        title: root.title ?? format,
        description: root.description,
        first,
        last,
        defaultYear: defaultYear(format, now),
      };
    });
  const kinds = (nodeAt(CURRENT_FORMAT, ORGAN_KIND)?.node.enum ?? []).map(String);
  const out: ReportFactsResult = {
    formats,
    organKinds: kinds.map((kind) => ({ kind, label: enumLabel(ORGAN_KIND, kind) })),
  };
  const organ = typeof p.organ === 'string' ? p.organ.trim() : '';
  if (organ) out.suggestedKind = organKindOf(organ);
  if ((p.format === '2019' || p.format === '2021') && typeof p.year === 'string') {
    const problem = yearProblem(p.format, p.year, now);
    if (problem)
      out.yearProblem = { severity: problem.kind === 'earlyNewTemplate' ? 'warning' : 'error', message: yearMessage(problem) };
  }
  if (typeof p.text === 'string') {
    const meta = metaOf(loadReport(p.text));
    out.fileName = reportFileName(meta.organ, meta.year);
  } else if (organ || p.year) {
    const year = Number(p.year);
    out.fileName = reportFileName(organ || undefined, Number.isInteger(year) && year > 0 ? year : undefined);
  }
  return out;
}

function yearMessage(p: YearProblem): { 'zh-CN': string; en: string } {
  switch (p.kind) {
    case 'notYear':
      return text(UI.yearNotYear, { example: p.example });
    case 'tooEarly':
      return text(UI.yearTooEarly, { first: p.first });
    case 'future':
      return text(UI.yearFuture, { last: p.last });
    case 'oldTemplate':
      return text(UI.yearOldTemplate, { from: p.from });
    case 'earlyNewTemplate':
      return text(UI.yearEarlyNewTemplate, { until: p.until });
  }
}
