/** META-YEAR, META-DEADLINE and S5-EMPTY: facts about the report as a document. */
import { makeDiagnostic } from '../diagnostic';
import { keySpanAt, locate, spanOf } from '../model/report';
import { enumLabel } from '../schema/labels';
import type { Span } from '../types';
import type { CheckContext } from './context';
import { DEFAULT_DEADLINES } from './options';

interface Meta {
  year?: unknown;
  title?: unknown;
  organ_kind?: unknown;
  published_on?: unknown;
  period?: { from?: unknown; to?: unknown };
}

const valueSpan = (ctx: CheckContext, path: string[]): Span =>
  spanOf(locate(ctx.report, path)?.value) ?? keySpanAt(ctx.report, path);

export function checkMeta(ctx: CheckContext): void {
  const value = ctx.report.value as { meta?: Meta; overview?: unknown; problems?: unknown };
  const meta = value?.meta;
  const year = meta?.year;
  if (typeof year === 'number') {
    checkYear(ctx, year, meta!);
    checkDeadline(ctx, year, meta!);
  }
  checkProblems(ctx, value?.problems);
}

function checkYear(ctx: CheckContext, year: number, meta: Meta): void {
  const lines = ctx.report.lines;
  if (typeof meta.title === 'string') {
    const found = /(?:19|20)\d\d(?=年)/.exec(meta.title)?.[0];
    if (found && Number(found) !== year) {
      ctx.out.push(
        makeDiagnostic(lines, 'META-YEAR', 'meta.yearTitle', { found, year }, valueSpan(ctx, ['meta', 'title']), {
          where: 'meta.title',
          found: Number(found),
          year,
        }),
      );
    }
  }
  for (const end of ['from', 'to'] as const) {
    const v = meta.period?.[end];
    if (typeof v === 'string' && /^\d{4}-/.test(v) && Number(v.slice(0, 4)) !== year) {
      ctx.out.push(
        makeDiagnostic(lines, 'META-YEAR', 'meta.yearPeriod', { found: v, year }, valueSpan(ctx, ['meta', 'period', end]), {
          where: `meta.period.${end}`,
          found: v,
          year,
        }),
      );
    }
  }
  // The statistical-period sentence in the narrative: 统计期限自2020年1月1日起至2020年12月31日止.
  for (const section of ['overview', 'other_matters']) {
    const loc = locate(ctx.report, [section]);
    const span = spanOf(loc?.value);
    if (!span) continue;
    const raw = ctx.report.text.slice(span.start, span.end);
    const re = /统计(?:期限|时限|时间)[^。\n]{0,8}?自?((?:19|20)\d\d)年1月1日(?:起)?至((?:19|20)\d\d)年12月31日/g;
    for (let m = re.exec(raw); m; m = re.exec(raw)) {
      for (const g of [1, 2]) {
        if (Number(m[g]) === year) continue;
        const at = span.start + m.index + m[0].indexOf(m[g], g === 2 ? m[0].indexOf('至') : 0);
        ctx.out.push(
          makeDiagnostic(
            lines,
            'META-YEAR',
            'meta.yearProse',
            { found: `${m[g]}年`, year },
            { start: at, end: at + 4 },
            { where: section, found: Number(m[g]), year },
          ),
        );
      }
    }
  }
}

function checkDeadline(ctx: CheckContext, year: number, meta: Meta): void {
  if (typeof meta.published_on !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(meta.published_on)) return;
  const kind = typeof meta.organ_kind === 'string' ? meta.organ_kind : 'other';
  const mmdd = ctx.options.deadlines?.[kind] ?? DEFAULT_DEADLINES[kind] ?? DEFAULT_DEADLINES.other;
  const deadline = `${year + 1}-${mmdd}`;
  if (meta.published_on <= deadline) return;
  const statutory =
    kind === 'department'
      ? '条例第四十九条第一款'
      : kind.endsWith('_government') && kind !== 'township_government'
        ? '条例第四十九条第二款'
        : '地方规定，可在设置中修改';
  ctx.out.push(
    makeDiagnostic(
      ctx.report.lines,
      'META-DEADLINE',
      'meta.deadline',
      {
        published: meta.published_on,
        deadline,
        kind: enumLabel(['meta', 'organ_kind'], kind),
        kindEn: kind,
        basis: statutory,
      },
      valueSpan(ctx, ['meta', 'published_on']),
      { published: meta.published_on, deadline, organ_kind: kind },
    ),
  );
}

function checkProblems(ctx: CheckContext, problems: unknown): void {
  const loc = locate(ctx.report, ['problems']);
  if (!loc) return; // a missing section is STRUCT-SECTIONS
  const text = typeof problems === 'string' ? problems.replace(/[\s\u3000。.．]/g, '') : '';
  if (text === '' || text === '无' || text === '暂无' || text === '没有') {
    ctx.out.push(
      makeDiagnostic(
        ctx.report.lines,
        'S5-EMPTY',
        's5.empty',
        {},
        spanOf(loc.value) && text !== '' ? spanOf(loc.value)! : loc.keySpan!,
        { text: typeof problems === 'string' ? problems : null },
      ),
    );
  }
}
