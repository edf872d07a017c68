/**
 * META-YEAR, META-DEADLINE: the year everywhere it is written, and the publication date against
 * the deadline for the organ's kind. META-ORGAN and META-DATE are in organ.ts.
 */
import { deadlineBasis, deadlineFor } from '../../facts/deadlines';
import { keySpanAt, locate, spanOf } from '../../model/report';
import { enumLabel } from '../../schema/labels';
import type { Span } from '../../types';
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
  for (const section of ['overview', 'other_matters']) {
    const span = spanOf(locate(ctx.report, [section])?.value);
    if (!span) continue;
    const raw = ctx.report.text.slice(span.start, span.end);
    const re = /统计(?:期限|时限|时间)[^。\n]{0,8}?自?((?:19|20)\d\d)年1月1日(?:起)?至((?:19|20)\d\d)年12月31日/g;
    for (let m = re.exec(raw); m; m = re.exec(raw)) {
      for (const g of [1, 2]) {
        if (Number(m[g]) === year) continue;
        const at = span.start + m.index + m[0].indexOf(m[g], g === 2 ? m[0].indexOf('至') : 0);
        ctx.emit(
          META_YEAR,
          messages.yearProse,
          { found: `${m[g]}年`, year },
          { start: at, end: at + 4 },
          {
            path: section,
            where: section,
            found: Number(m[g]),
            year,
          },
        );
      }
    }
  }
}

export function checkDeadline(ctx: CheckContext): void {
  const { year, publishedOn, organKind } = ctx.meta;
  if (year === undefined || publishedOn === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(publishedOn)) return;
  const kind = organKind ?? 'other';
  const deadline = deadlineFor(year, kind, ctx.options.deadlines);
  if (publishedOn <= deadline) return;
  const basis = DEADLINE_BASIS[deadlineBasis(kind)];
  ctx.emit(
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
    valueSpan(ctx, ['meta', 'published_on']),
    { path: 'meta.published_on', published: publishedOn, deadline, organ_kind: kind },
  );
}
