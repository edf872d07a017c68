/** X-FORMAT (format vs year, mixed templates), STRUCT-SECTIONS order, STRUCT-ROWS extra rows. */
import { makeDiagnostic } from '../diagnostic';
import { keySpanAt, keysAt, locate, spanOf } from '../model/report';
import { labelAt } from '../schema/labels';
import { nodeAt, x } from '../schema/nodes';
import { sectionsOf } from '../schema/tables';
import type { FormatId } from '../types';
import type { CheckContext } from './context';
import { rootAnchor } from './schema';

export function checkFormat(ctx: CheckContext): void {
  const { report, format } = ctx;
  const lines = report.lines;
  const formatLoc = locate(report, ['format']);
  const formatSpan = spanOf(formatLoc?.value) ?? formatLoc?.keySpan ?? rootAnchor(ctx);
  if (!report.declaredFormat) {
    if (formatLoc) {
      ctx.out.push(
        makeDiagnostic(
          lines,
          'X-FORMAT',
          'schema.enum',
          { label: labelAt(format, ['format']), allowed: '2019 / 2021' },
          formatSpan,
          {
            declared: String(report.text.slice(formatSpan.start, formatSpan.end)),
            detected: report.detection.format,
            assumed: format,
          },
        ),
      );
    } else if (report.detection.format) {
      ctx.out.push(
        makeDiagnostic(
          lines,
          'X-FORMAT',
          'format.missing',
          { format },
          formatSpan,
          { detected: format, assumed: format },
          'warning',
        ),
      );
    } else {
      ctx.out.push(makeDiagnostic(lines, 'X-FORMAT', 'format.unknown', {}, formatSpan, { assumed: format }));
    }
  }
  const year = (report.value as { meta?: { year?: unknown } })?.meta?.year;
  if (typeof year === 'number' && report.declaredFormat) {
    if (year >= 2021 && format === '2019')
      ctx.out.push(
        makeDiagnostic(lines, 'X-FORMAT', 'format.oldTemplate', { year }, formatSpan, { year, format, expected: '2021' }),
      );
    if (year <= 2020 && format === '2021')
      ctx.out.push(
        makeDiagnostic(
          lines,
          'X-FORMAT',
          'format.newTemplateEarly',
          { year },
          formatSpan,
          { year, format, expected: '2019' },
          'warning',
        ),
      );
  }
  checkMixed(ctx);
}

/** Keys of the other format inside this report: one finding per foreign row or table. */
function checkMixed(ctx: CheckContext): void {
  const { report, format } = ctx;
  const other: FormatId = format === '2019' ? '2021' : '2019';
  const anchors = new Map<string, { path: string[] }>();
  for (const sig of report.detection.signatures[other]) {
    let n = 1;
    while (n <= sig.length && nodeAt(format, sig.slice(0, n))) n++;
    let anchor = sig.slice(0, n);
    if (x(nodeAt(other, anchor)).cell) {
      anchor = anchor.slice(0, -1); // a column of the other format: flag its row
    }
    const k = anchor.join('.');
    if (!anchors.has(k)) anchors.set(k, { path: anchor });
  }
  // Keep only the outermost anchors.
  const keys = [...anchors.keys()];
  for (const [k, a] of anchors) {
    if (keys.some((o) => o !== k && k.startsWith(`${o}.`))) continue;
    ctx.out.push(
      makeDiagnostic(
        report.lines,
        'X-FORMAT',
        'format.mixed',
        { format, other, label: labelAt(other, a.path) },
        keySpanAt(report, a.path),
        { format, foreign: other, path: k },
      ),
    );
  }
}

export function checkStructure(ctx: CheckContext): void {
  const { report, format } = ctx;
  const order = sectionsOf(format).map((s) => s.key);
  const present = keysAt(report, []).filter((k) => order.includes(k));
  let last = -1;
  for (const key of present) {
    const i = order.indexOf(key);
    if (i < last) {
      ctx.out.push(
        makeDiagnostic(
          report.lines,
          'STRUCT-SECTIONS',
          'struct.missingSection',
          { title: `${labelAt(format, [key])}（顺序不对）`, key },
          keySpanAt(report, [key]),
          { outOfOrder: key },
          'warning',
        ),
      );
    }
    last = Math.max(last, i);
  }
  const extra = (report.value as { extra_rows?: unknown })?.extra_rows;
  if (Array.isArray(extra)) {
    extra.forEach((row, i) => {
      const label = row && typeof row === 'object' ? String((row as { label?: unknown }).label ?? '') : String(row);
      const loc = locate(report, ['extra_rows', String(i), 'label']) ?? locate(report, ['extra_rows', String(i)]);
      const span = spanOf(loc?.value) ?? keySpanAt(report, ['extra_rows']);
      ctx.out.push(
        makeDiagnostic(
          report.lines,
          'STRUCT-ROWS',
          'struct.extraRow',
          { label },
          span,
          { extra: `extra_rows.${i}`, label },
          'warning',
        ),
      );
    });
  }
}
