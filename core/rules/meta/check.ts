/**
 * META-YEAR, META-DEADLINE: the year everywhere it is written, and the publication date against
 * the deadline for the organ's kind. META-ORGAN and META-DATE are in organ.ts.
 */
import { deadlineBasis, deadlineFor } from '../../facts/deadlines';
import { makeDiagnostic } from '../../diagnostic';
import { metaOf } from '../../model/meta';
import { keySpanAt, locate, spanOf, type Report } from '../../model/report';
import { enumLabel } from '../../schema/labels';
import { sectionsOf } from '../../schema/tables';
import type { Diagnostic, Span } from '../../types';
import type { CheckOptions } from '../options';
import type { CheckContext } from '../context';
import { DEADLINE_BASIS, META_DEADLINE, META_YEAR, messages } from './specs';

const valueSpan = (ctx: CheckContext, path: string[]): Span =>
  spanOf(locate(ctx.report, path)?.value) ?? keySpanAt(ctx.report, path);

export function checkYear(ctx: CheckContext): void {
  const { year, title, periodFrom, periodTo } = ctx.meta;
  if (year === undefined) return;
  if (title !== undefined) {
    const found = /(?:19|20)\d\d(?=年)/.exec(title)?.[0];
    if (found && Number(found) !== year)
      ctx.emit(META_YEAR, messages.yearTitle, { found, year }, valueSpan(ctx, ['meta', 'title']), {
        path: 'meta.title',
        where: 'meta.title',
        found: Number(found),
        year,
      });
  }
  for (const [end, v] of [
    ['from', periodFrom],
    ['to', periodTo],
  ] as const) {
    if (v !== undefined && /^\d{4}-/.test(v) && Number(v.slice(0, 4)) !== year)
      ctx.emit(META_YEAR, messages.yearPeriod, { found: v, year }, valueSpan(ctx, ['meta', 'period', end]), {
        path: `meta.period.${end}`,
        where: `meta.period.${end}`,
        found: v,
        year,
      });
  }
  // The statistical-period sentence in the narrative: 统计期限自2020年1月1日起至2020年12月31日止.
  for (const section of sectionsOf(ctx.format).filter((s) => s.narrative)) {
    for (const sentence of periodSentences(ctx.report, section.key)) {
      for (const y of sentence.years) {
        if (y.year === year) continue;
        ctx.emit(
          META_YEAR,
          messages.yearProse,
          { found: `${y.year}年`, year },
          { start: y.at, end: y.at + 4 },
          { path: section.key, where: section.key, found: y.year, year },
        );
      }
    }
  }
}

/**
 * The statistics-period sentence, which states the report's period exactly (META-YEAR's; the
 * looser year phrases are META-YEAR-TEXT's, which skips these spans).
 */
const PERIOD_SENTENCE = /统计(?:期限|时限|时间)[^。\n]{0,8}?自?((?:19|20)\d\d)年1月1日(?:起)?至((?:19|20)\d\d)年12月31日/g;

/** The statistics-period sentences of a section: their source spans and the two years with their offsets. */
export function periodSentences(report: Report, section: string): (Span & { years: { year: number; at: number }[] })[] {
  const span = spanOf(locate(report, [section])?.value);
  if (!span) return [];
  const raw = report.text.slice(span.start, span.end);
  return [...raw.matchAll(PERIOD_SENTENCE)].map((m) => {
    const start = span.start + m.index;
    const to = m[0].indexOf('至');
    return {
      start,
      end: start + m[0].length,
      years: [
        { year: Number(m[1]), at: start + m[0].indexOf(m[1]) },
        { year: Number(m[2]), at: start + m[0].indexOf(m[2], to) },
      ],
    };
  });
}

export function checkDeadline(ctx: CheckContext): void {
  const d = deadlineFinding(ctx.report, ctx.options);
  if (d) ctx.out.push(d);
}

/**
 * Where a report's deadline comes from: its own `meta.organ_kind` (the default), or a reviewer's
 * roster entry (core/review/roster.ts), which may give the organ's kind or the date itself.
 */
export interface DeadlineSource {
  kind?: string;
  /** `YYYY-MM-DD`, or `MM-DD` of the year after the report's. */
  deadline?: string;
}

/** META-DEADLINE for a report, with the deadline of its own organ kind or of a roster entry. */
export function deadlineFinding(report: Report, options: CheckOptions, roster?: DeadlineSource): Diagnostic | undefined {
  const { year, publishedOn, organKind } = metaOf(report);
  if (year === undefined || publishedOn === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(publishedOn)) return undefined;
  const kind = roster?.kind ?? organKind ?? 'other';
  const given = roster?.deadline && (/^\d{4}-/.test(roster.deadline) ? roster.deadline : `${year + 1}-${roster.deadline}`);
  const deadline = given || deadlineFor(year, kind, options.deadlines);
  if (publishedOn <= deadline) return undefined;
  const span = spanOf(locate(report, ['meta', 'published_on'])?.value) ?? keySpanAt(report, ['meta', 'published_on']);
  const data = {
    path: 'meta.published_on',
    published: publishedOn,
    deadline,
    organ_kind: kind,
    ...(roster ? { roster: true } : {}),
  };
  if (given)
    return makeDiagnostic(report.lines, META_DEADLINE, messages.deadlineRoster, { published: publishedOn, deadline }, span, data);
  const basis = DEADLINE_BASIS[deadlineBasis(kind)];
  return makeDiagnostic(
    report.lines,
    META_DEADLINE,
    messages.deadline,
    {
      published: publishedOn,
      deadline,
      kind: enumLabel(['meta', 'organ_kind'], kind),
      kindEn: kind,
      basis: basis['zh-CN'],
      basisEn: basis.en,
    },
    span,
    data,
  );
}
