/**
 * The report's sections as the table editor draws them: the layout model (render/layout/) with
 * each value cell filled from the document (what it shows, its state, the text an edit starts
 * from, its range) and labelled for screen readers with its printed row and column labels.
 */
import type { Cell } from '../../core/model/cells';
import type { Report } from '../../core/model/report';
import { formatNumber } from '../../core/fix/edits';
import { labelPath } from '../../core/schema/labels';
import { nodeAt } from '../../core/schema/nodes';
import type { FormatId } from '../../core/types';
import type { GridCell, GridSection, GridTable } from '../../protocol/table';
import { cellOf, cellText, type LayoutCell, type LayoutTable, type SectionLayout } from '../../render';

/** A label path's first two parts are the table's name and its section's title, already on screen. */
const SHOWN_ABOVE = 2;

export function gridSection(report: Report, format: FormatId, s: SectionLayout): GridSection {
  return {
    key: s.key,
    title: s.title,
    narrative: s.narrative,
    absent: s.absent,
    text: s.text,
    help: nodeAt(format, [s.key])?.node.description,
    tables: s.tables.map((t) => gridTable(report, t)),
  };
}

function gridTable(report: Report, t: LayoutTable): GridTable {
  const row = (r: LayoutCell[]) => r.map((c) => gridCell(report, t.format, c));
  return { key: t.key, name: t.name, layout: t.layout, caption: t.caption, head: t.head.map(row), body: t.body.map(row) };
}

function gridCell(report: Report, format: FormatId, c: LayoutCell): GridCell {
  const base: GridCell = { role: c.role, text: c.label, rowspan: c.rowspan, colspan: c.colspan, path: c.path?.join('.') };
  if (c.role !== 'value') return base;
  const cell = cellOf(report, c);
  return {
    ...base,
    text: cellText(cell),
    kind: cell.kind,
    state: cell.state,
    total: c.total || undefined,
    label: labelPath(format, c.path!).slice(SHOWN_ABOVE).join(' · '),
    edit: editText(cell),
    range: report.lines.range(cell.span),
  };
}

/** What an edit of the cell starts from: what a person would type to get the value back. */
function editText(cell: Cell): string {
  if (cell.state === 'number') return `${formatNumber(cell.value!)}${cell.unit ?? ''}`;
  return cell.state === 'blank' || cell.state === 'missing' ? '' : (cell.text ?? '');
}
