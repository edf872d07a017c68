/**
 * A report's layout: its title and meta lines, and its six sections in order, each a narrative
 * or the official layout of its tables (tables.ts) in the version of the format the document
 * follows, plus the rows it has that the template does not (`extra_rows`). What each value
 * cell holds is read from the report with the core's cell reader (`cellText`).
 */
import { readCell, type Cell } from '../../core/model/cells';
import { locate, type Report } from '../../core/model/report';
import { labelAt } from '../../core/schema/labels';
import { FORMATS } from '../../core/schema/nodes';
import { sectionsOf, tableOf } from '../../core/schema/tables';
import type { FormatId } from '../../core/types';
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

export function documentLayout(report: Report, format: FormatId): DocumentLayout {
  const value = (report.value ?? {}) as Record<string, unknown>;
  const meta = (value.meta ?? {}) as Record<string, unknown>;
  const period = meta.period as { from?: unknown; to?: unknown } | undefined;
  const contact = meta.contact as Record<string, unknown> | undefined;
  return {
    format,
    title: titleOf(meta, format),
    meta: [
      typeof meta.organ === 'string' ? meta.organ : '',
      period && (period.from || period.to) ? `统计期限 ${period.from ?? ''} 至 ${period.to ?? ''}` : '',
      meta.published_on ? `发布日期 ${meta.published_on}` : '',
    ].filter(Boolean),
    contact:
      contact && typeof contact === 'object'
        ? Object.values(contact)
            .filter((v) => v !== null && v !== undefined && v !== '')
            .map(String)
            .join('，')
        : '',
    sections: sectionsOf(format).map((s) => {
      const absent = !locate(report, [s.key]);
      const text = value[s.key];
      return {
        key: s.key,
        title: s.title,
        narrative: s.narrative,
        absent,
        text: s.narrative && typeof text === 'string' ? text : '',
        tables: s.narrative || absent ? [] : tablesOfSection(report, s.key, format),
      };
    }),
  };
}

export function titleOf(meta: Record<string, unknown>, format: FormatId): string {
  if (typeof meta.title === 'string' && meta.title) return meta.title;
  const organ = typeof meta.organ === 'string' ? meta.organ : '';
  const year = typeof meta.year === 'number' ? `${meta.year}年` : '';
  return organ || year ? `${organ}${year}政府信息公开工作年度报告` : labelAt(format, []);
}

function tablesOfSection(report: Report, key: string, reportFormat: FormatId): LayoutTable[] {
  const main = tableLayout(tableFormat(report, key, reportFormat), key);
  const extra = extraRows(report, main.name, reportFormat);
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
function extraRows(report: Report, name: string, format: FormatId): LayoutTable | undefined {
  const extra = (report.value as { extra_rows?: unknown } | undefined)?.extra_rows;
  if (!Array.isArray(extra)) return undefined;
  const body: LayoutCell[][] = [];
  extra.forEach((e, i) => {
    if (!e || typeof e !== 'object' || (e as { table?: unknown }).table !== name) return;
    const row = e as { label?: unknown; values?: unknown; value?: unknown };
    const vals = Array.isArray(row.values) ? row.values : 'value' in row ? [row.value] : [];
    const path = ['extra_rows', String(i)];
    body.push([
      { ...cell('row', String(row.label ?? '')), path },
      ...vals.map((v): LayoutCell => ({ ...cell('extra', v === null || v === undefined ? '' : String(v)), kind: extraKind(v) })),
    ]);
  });
  if (!body.length) return undefined;
  return { key: 'extra_rows', name, layout: 'extra', format, caption: `非模板行（${name}）`, head: [], body };
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
