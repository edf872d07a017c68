/**
 * A report's layout: its title and meta lines, and its six sections in order, each a narrative
 * or the official layout of its tables (tables.ts) in the version of the format the document
 * follows, plus the rows it has that the template does not (`extra_rows`). What each value
 * cell holds is read from the report with the core's cell reader (`cellText`).
 */
import { makeTitle, TITLE_SUFFIX } from '../../core/facts/title';
import { readCell, type Cell } from '../../core/model/cells';
import { extraRows as extraRowsOf, metaOf, topText, type ReportMeta } from '../../core/model/meta';
import { locate, type Report } from '../../core/model/report';
import { labelAt } from '../../core/schema/labels';
import { FORMATS } from '../../core/schema/nodes';
import { sectionsOf, tableOf } from '../../core/schema/tables';
import { say } from '../../core/messages/define';
import type { FormatId, Locale } from '../../core/types';
import { RENDER } from '../messages';
import { cell, valueCells, type LayoutCell, type LayoutTable } from './model';
import { tableLayout } from './tables';

export interface SectionLayout {
  key: string;
  title: string;
  narrative: boolean;
  /** Absent from the document. */
  absent: boolean;
  /** A narrative section's text ('' when empty or not text). */
  text: string;
  /** A table section's tables: the official one, then its extra rows (if any). */
  tables: LayoutTable[];
}

export interface DocumentLayout {
  format: FormatId;
  title: string;
  /** Organ, period and publication date, as printed under the title. */
  meta: string[];
  /** Contact details joined, '' when there are none. */
  contact: string;
  sections: SectionLayout[];
}

/** `locale` is for the notes the renderer adds (the caption of rows the template lacks); the document's text stays as printed. */
export function documentLayout(report: Report, format: FormatId, locale: Locale = 'zh-CN'): DocumentLayout {
  const meta = metaOf(report);
  return {
    format,
    title: titleOf(meta, format),
    meta: [
      meta.organ ?? '',
      meta.periodFrom || meta.periodTo ? `统计期限 ${meta.periodFrom ?? ''} 至 ${meta.periodTo ?? ''}` : '',
      meta.publishedOn ? `发布日期 ${meta.publishedOn}` : '',
    ].filter(Boolean),
    contact: meta.contact.join('，'),
    sections: sectionsOf(format).map((s) => {
      const absent = !locate(report, [s.key]);
      const text = topText(report, s.key);
      return {
        key: s.key,
        title: s.title,
        narrative: s.narrative,
        absent,
        text: s.narrative ? (text ?? '') : '',
        tables: s.narrative || absent ? [] : tablesOfSection(report, s.key, format, locale),
      };
    }),
  };
}

/** The printed title: meta.title, else made from organ and year, else the form's own title. */
export function titleOf(meta: ReportMeta, format: FormatId): string {
  if (meta.title) return meta.title;
  if (meta.year !== undefined) return makeTitle(meta.organ ?? '', meta.year);
  return meta.organ ? `${meta.organ}${TITLE_SUFFIX}` : labelAt(format, []);
}

function tablesOfSection(report: Report, key: string, reportFormat: FormatId, locale: Locale): LayoutTable[] {
  const main = tableLayout(tableFormat(report, key, reportFormat), key);
  const extra = extraRows(report, main.name, reportFormat, locale);
  return extra ? [main, extra] : [main];
}

/** The format whose version of the table the document follows (a mixed report keeps the other's keys). */
export function tableFormat(report: Report, key: string, fallback: FormatId): FormatId {
  let best = fallback;
  let bestCount = -1;
  for (const f of [fallback, ...FORMATS.filter((g) => g !== fallback)]) {
    if (!tableOf(f, key)) continue;
    const count = valueCells(tableLayout(f, key)).filter((c) => locate(report, c.path!)).length;
    if (count > bestCount) {
      best = f;
      bestCount = count;
    }
  }
  return best;
}

/** Rows the template does not have (extra_rows), under the table they were found in. */
function extraRows(report: Report, name: string, format: FormatId, locale: Locale): LayoutTable | undefined {
  const extra = extraRowsOf(report);
  if (!extra) return undefined;
  const body: LayoutCell[][] = [];
  extra.forEach((row, i) => {
    if (row.table !== name) return;
    const path = ['extra_rows', String(i)];
    body.push([
      { ...cell('row', row.label), path },
      ...row.values.map(
        (v): LayoutCell => ({ ...cell('extra', v === null || v === undefined ? '' : String(v)), kind: extraKind(v) }),
      ),
    ]);
  });
  if (!body.length) return undefined;
  return {
    key: 'extra_rows',
    name,
    layout: 'extra',
    format,
    caption: say(locale, RENDER.extraRows, { table: name }),
    head: [],
    body,
  };
}

/** How an extra row's value reads: a count when it is a number (for styling), else text. */
function extraKind(v: unknown): LayoutCell['kind'] {
  return typeof v === 'number' ? 'count' : undefined;
}

/** What a value cell of the layout holds in the report. */
export function cellOf(report: Report, c: LayoutCell): Cell {
  return readCell(report, c.path!, c.kind ?? 'count');
}

/** A cell's value as printed: the number (with its unit), the text, '' for blank, — for missing. */
export function cellText(cell: Cell): string {
  switch (cell.state) {
    case 'number':
      return cell.unit ? `${cell.value} ${cell.unit}` : String(cell.value);
    case 'blank':
      return '';
    case 'missing':
      return '—';
    default:
      return cell.text ?? '';
  }
}
