/**
 * XLSX writer: sheets of rows → a workbook, each sheet with a frozen, bold header row and filters
 * (the tables come from cli/output/sheets.ts).
 *
 * exceljs is large: this module is its own bundle (dist/xlsx.js, see esbuild.mjs), loaded by
 * `check --format xlsx` only, and imports nothing else of nianbao, so the CLI's start-up never
 * reads it and the bundle holds exceljs alone.
 */
import ExcelJS from 'exceljs';

export interface Sheet {
  name: string;
  head: string[];
  /** Column widths in characters (CJK text counts about double). */
  widths: number[];
  rows: (string | number)[][];
  /** Columns (0-based) whose cells wrap (long messages). */
  wrap?: number[];
}

export async function writeWorkbook(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'nianbao';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.head.map((h, i) => ({ header: h, width: s.widths[i] ?? 12 }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    for (const c of s.wrap ?? []) ws.getColumn(c + 1).alignment = { wrapText: true, vertical: 'top' };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: s.rows.length + 1, column: s.head.length } };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
