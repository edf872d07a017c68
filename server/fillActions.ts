/**
 * "Fill with 0" actions at the cursor in a table: the blank cells of its row, of its column
 * group (法人或其他组织 …) or column, and of the whole table become 0, totals and balances
 * taking the values the sums decide (core/form/fill.ts). Offered only when every sum relation
 * still holds afterwards. They are refactorings, not quick fixes: filling is the author's
 * choice, not the repair of a finding.
 */
import type { CodeAction, CodeActionParams } from 'vscode-languageserver/node';
import { CodeActionKind } from 'vscode-languageserver/node';
import { say, UI } from '../core';
import { formatNumber, cellEdit } from '../core/fix/edits';
import { fillValues } from '../core/form/fill';
import { CellReader } from '../core/model/cellReader';
import { labelAt, rowName } from '../core/schema/labels';
import { groupLabels } from '../core/schema/nodes';
import { tablesOf, type TableSpec } from '../core/schema/tables';
import { leafRows } from '../core/rules/tables/relations';
import { workspaceEdit, type EditCapabilities } from './codeActions';
import { memo, type Analysis } from './documents';
import { pathAt } from './position';

export const FILL_KIND = `${CodeActionKind.RefactorRewrite}.nianbao.fill`;

const wanted = (only: string[] | undefined) =>
  !only?.length || only.some((o) => FILL_KIND === o || FILL_KIND.startsWith(`${o}.`));

export function fillActions(a: Analysis, params: CodeActionParams, caps: EditCapabilities): CodeAction[] {
  if (!wanted(params.context.only)) return [];
  const report = a.result.report;
  if (report.fatal || !report.root || !a.result.format) return [];
  const hit = pathAt(report, report.lines.offset(params.range.start));
  if (!hit) return [];
  const table = tablesOf(a.format).find((t) => t.key === hit.path[0]);
  if (!table) return [];
  const reader = memo(a, 'cellReader', () => new CellReader(report, a.format));
  const rows = leafRows(report, table);
  const row = rows.find((r) => r.path.every((k, i) => hit.path[i] === k));
  const column = row && hit.path.length === row.path.length + 1 ? hit.path[row.path.length] : undefined;
  const locale = a.settings.locale;
  const out: CodeAction[] = [];
  // Memoised per analysis: the lightbulb asks again at every cursor move.
  const offer = (cells: string[][], title: (count: number) => string) => {
    const key = `fill:${cells.map((c) => c.join('.')).join(',')}`;
    const values = memo(a, key, () => fillValues(report, a.format, reader, cells));
    if (!values?.size) return;
    const edits = [...values].flatMap(([k, v]) => {
      const e = cellEdit(report, reader.cell(k.split('.')), formatNumber(v));
      return e ? [{ range: e.range, newText: e.newText }] : [];
    });
    if (edits.length !== values.size) return;
    out.push({ title: title(edits.length), kind: FILL_KIND, edit: workspaceEdit(a.uri, a.version, edits, caps) });
  };
  if (row) {
    const name = rowName(a.format, row.path);
    offer(
      row.columns.map((c) => [...row.path, c.key]),
      (count) => say(locale, UI.fillRow, { row: name, count }),
    );
  }
  if (column && table.rows.length > 1) {
    const cols = columnGroupOf(table, column);
    const label = cols.length > 1 ? groupLabel(table, cols) : labelAt(a.format, [...row!.path, column]);
    offer(
      rows.flatMap((r) => r.columns.filter((c) => cols.includes(c.key)).map((c) => [...r.path, c.key])),
      (count) => say(locale, UI.fillColumns, { columns: label, count }),
    );
  }
  offer(
    rows.flatMap((r) => r.columns.map((c) => [...r.path, c.key])),
    (count) => say(locale, UI.fillTable, { table: table.name, count }),
  );
  // The same cells reached twice (a one-row table): list each fill once.
  const seen = new Set<string>();
  return out.filter((x) => {
    const key = JSON.stringify(x.edit);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The narrowest column group (under one header, not the whole width) holding `column`, or the column alone. */
function columnGroupOf(table: TableSpec, column: string): string[] {
  const width = table.rows[0]?.columns.length ?? 0;
  const groups = table.columnGroups.filter((g) => g.columns.includes(column) && g.columns.length < width);
  groups.sort((a, b) => a.columns.length - b.columns.length);
  return groups[0]?.columns ?? [column];
}

function groupLabel(table: TableSpec, cols: string[]): string {
  const g = table.columnGroups.find((x) => x.columns.length === cols.length && x.columns.every((k, i) => k === cols[i]));
  return g ? (groupLabels[g.label] ?? g.label) : cols.join('、');
}
