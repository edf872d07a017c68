/**
 * How far a report's tables are filled: per table, the cells holding a value (a number or
 * text: anything but blank, N/A or missing) out of the cells the table has. The editor shows
 * it as a form's progress ("表三 已填 42/175") while the blank-cell findings stay grouped.
 */
import { CellReader } from '../model/cellReader';
import type { Report } from '../model/report';
import { locate } from '../model/report';
import { leafRows } from '../rules/tables/relations';
import { tablesOf } from '../schema/tables';
import { tableNameEn } from '../facts/tables';
import type { FormatId, LocalizedText } from '../types';

export interface TableProgress {
  /** The table's key (applications …) and short name in both languages (表三 / Table 3). */
  table: string;
  name: LocalizedText;
  filled: number;
  total: number;
}

/** Progress of every table present in the report, in schema order. */
export function fillProgress(report: Report, format: FormatId, reader = new CellReader(report, format)): TableProgress[] {
  if (report.fatal || !report.root) return [];
  const out: TableProgress[] = [];
  for (const table of tablesOf(format)) {
    if (!locate(report, [table.key])) continue;
    let filled = 0;
    let total = 0;
    for (const row of leafRows(report, table)) {
      for (const col of row.columns) {
        const state = reader.cell([...row.path, col.key]).state;
        total++;
        if (state === 'number' || state === 'text') filled++;
      }
    }
    if (total) out.push({ table: table.key, name: { 'zh-CN': table.name, en: tableNameEn(table.name) }, filled, total });
  }
  return out;
}
