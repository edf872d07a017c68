/** X-FORMAT (format vs year, mixed templates), STRUCT-SECTIONS order, STRUCT-ROWS extra rows. */
import { extraRowLabels } from '../../model/meta';
import { keySpanAt, keysAt, locate, spanOf } from '../../model/report';
import { messages as schemaMessages } from '../schema/specs';
import { labelAt } from '../../schema/labels';
import { nodeAt, x } from '../../schema/nodes';
import { sectionsOf } from '../../schema/tables';
import { FIRST_2021_YEAR } from '../../facts/formats';
import type { FormatId, Span } from '../../types';
import type { CheckContext } from '../context';
import { STRUCT_ROWS, STRUCT_SECTIONS, X_FORMAT, messages } from './specs';

/** For findings about the whole document: the first key's token. */
export function rootAnchor(ctx: CheckContext): Span {
  const first = ctx.report.root?.items[0]?.key as { range?: [number, number, number] } | undefined;
  return first?.range ? { start: first.range[0], end: first.range[1] } : { start: 0, end: 0 };
}

export function checkFormat(ctx: CheckContext): void {
  const { report, format } = ctx;
  const formatLoc = locate(report, ['format']);
  const formatSpan = spanOf(formatLoc?.value) ?? formatLoc?.keySpan ?? rootAnchor(ctx);
  if (!report.declaredFormat) {
    if (formatLoc) {
      const declared = String(report.text.slice(formatSpan.start, formatSpan.end));
      ctx.emit(X_FORMAT, schemaMessages.enum, { label: labelAt(format, ['format']), allowed: '2019 / 2021' }, formatSpan, {
        path: 'format',
        declared,
        detected: report.detection.format,
        assumed: format,
      });
    } else if (report.detection.format) {
      ctx.emit(
        X_FORMAT,
        messages.missingFormat,
        { format },
        formatSpan,
        { path: 'format', detected: format, assumed: format },
        { severity: 'warning' },
      );
    } else {
      ctx.emit(X_FORMAT, messages.unknownFormat, {}, formatSpan, { path: 'format', assumed: format });
    }
  }
  const year = ctx.meta.year;
  if (year !== undefined && report.declaredFormat) {
    if (year >= FIRST_2021_YEAR && format === '2019')
      ctx.emit(X_FORMAT, messages.oldTemplate, { year }, formatSpan, { path: 'format', year, format, expected: '2021' });
    if (year < FIRST_2021_YEAR && format === '2021')
      ctx.emit(
        X_FORMAT,
        messages.newTemplateEarly,
        { year },
        formatSpan,
        { path: 'format', year, format, expected: '2019' },
        { severity: 'warning' },
      );
  }
  checkMixed(ctx);
}

/** Keys of the other format inside this report: one finding per foreign row or table. */
function checkMixed(ctx: CheckContext): void {
  const { report, format } = ctx;
  const other: FormatId = format === '2019' ? '2021' : '2019';
  const anchors = new Map<string, string[]>();
  for (const sig of report.detection.signatures[other]) {
    let n = 1;
    while (n <= sig.length && nodeAt(format, sig.slice(0, n))) n++;
    let anchor = sig.slice(0, n);
    if (x(nodeAt(other, anchor)).cell) anchor = anchor.slice(0, -1); // a column of the other format: flag its row
    const k = anchor.join('.');
    if (!anchors.has(k)) anchors.set(k, anchor);
  }
  // Keep only the outermost anchors.
  const keys = [...anchors.keys()];
  for (const [k, path] of anchors) {
    if (keys.some((o) => o !== k && k.startsWith(`${o}.`))) continue;
    ctx.emit(X_FORMAT, messages.mixed, { format, other, label: labelAt(other, path) }, keySpanAt(report, path), {
      path: k,
      format,
      foreign: other,
    });
  }
}

export function checkStructure(ctx: CheckContext): void {
  checkOrder(ctx);
  checkExtraRows(ctx);
}

/**
 * Sections out of the template's order: the ones outside the longest run that is in order are
 * the ones that moved (one moved section is one finding, not one per section it jumped).
 */
function checkOrder(ctx: CheckContext): void {
  const { report, format } = ctx;
  const sections = sectionsOf(format);
  const order = sections.map((s) => s.key);
  const present = keysAt(report, []).filter((k) => order.includes(k));
  const inOrder = longestIncreasing(present.map((k) => order.indexOf(k)));
  present.forEach((key, i) => {
    if (inOrder.has(i)) return;
    const at = order.indexOf(key);
    const prev = [...present.keys()].filter((j) => inOrder.has(j) && order.indexOf(present[j]) < at).pop();
    const next = [...present.keys()].find((j) => inOrder.has(j) && order.indexOf(present[j]) > at);
    const title = (k: string | undefined) => (k ? labelAt(format, [k]) : '');
    const after = prev !== undefined ? `“${title(present[prev])}”之后` : '';
    const before = next !== undefined ? `“${title(present[next])}”之前` : '';
    ctx.emit(
      STRUCT_SECTIONS,
      messages.sectionOutOfOrder,
      {
        title: title(key),
        after,
        before,
        afterEn: prev !== undefined ? `after "${title(present[prev])}"` : '',
        beforeEn: next !== undefined ? `before "${title(present[next])}"` : '',
      },
      keySpanAt(report, [key]),
      { path: key, outOfOrder: true },
      { severity: 'warning' },
    );
  });
}

/** Indexes of one longest strictly increasing subsequence of `xs`. */
function longestIncreasing(xs: number[]): Set<number> {
  const len = xs.map(() => 1);
  const prev = xs.map(() => -1);
  for (let i = 0; i < xs.length; i++) {
    for (let j = 0; j < i; j++) {
      if (xs[j] < xs[i] && len[j] + 1 > len[i]) {
        len[i] = len[j] + 1;
        prev[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < xs.length; i++) if (end < 0 || len[i] > len[end]) end = i;
  const out = new Set<number>();
  for (let i = end; i >= 0; i = prev[i]) out.add(i);
  return out;
}

function checkExtraRows(ctx: CheckContext): void {
  const { report } = ctx;
  extraRowLabels(report)?.forEach((label, i) => {
    const loc = locate(report, ['extra_rows', String(i), 'label']) ?? locate(report, ['extra_rows', String(i)]);
    const span = spanOf(loc?.value) ?? keySpanAt(report, ['extra_rows']);
    const path = `extra_rows.${i}`;
    if (label.trim())
      ctx.emit(STRUCT_ROWS, messages.extraRow, { label }, span, { path, extra: true, label }, { severity: 'warning' });
    else
      ctx.emit(
        STRUCT_ROWS,
        messages.extraRowUnlabelled,
        { index: i + 1 },
        span,
        { path, extra: true, label },
        { severity: 'warning' },
      );
  });
}
