/**
 * The official layout of a report's tables, independent of any output: header rows with their
 * spans, row labels with rowspans, value cells by key path. Built from the schemas alone (the
 * table's `x-nianbao.layout`, its rows, columns, labels, `columnGroups`, `rowGroup`, `note`,
 * `labelHeader`), once per format and table. The HTML page, the DOCX export and the table
 * editor all read this one model.
 */
import type { CellKind, TableLayoutKind } from '../../core/schema/nodes';
import type { FormatId } from '../../core/types';

/**
 * What a cell of the grid is: a `value` (a report cell), a `row` label (a leaf row or one of its
 * groups), a row `group` label (三、本年度办理结果), a sub-table `caption`, a `column` header, the
 * table's `note` (表三's corner), or a value of a row the template does not have (`extra`).
 */
export type LayoutRole = 'value' | 'row' | 'group' | 'caption' | 'column' | 'note' | 'extra';

export interface LayoutCell {
  role: LayoutRole;
  /** The printed label (headers), or the text of an `extra` value; '' for values. */
  label: string;
  rowspan: number;
  colspan: number;
  /** Key path of a value's cell, of a row label's or caption's node; the table's for a row group. */
  path?: string[];
  /** Value cells: the kind of number the cell holds. */
  kind?: CellKind;
  /** Value cells in a column the schema marks as a total. */
  total?: boolean;
  /** Row-group cells: the group's id (`result`). */
  group?: string;
  /** Row-group cells: the path of the first row they label (for its source line). */
  firstRow?: string[];
}

export interface LayoutTable {
  /** The table's key (`applications`), or `extra_rows`. */
  key: string;
  /** 表二 / 表三 / 表四. */
  name: string;
  layout: TableLayoutKind | 'extra';
  /** The format whose version of the table this is. */
  format: FormatId;
  /** A caption above the table (rows the template does not have). */
  caption?: string;
  head: LayoutCell[][];
  body: LayoutCell[][];
}

export function cell(role: LayoutRole, label: string, span: { rowspan?: number; colspan?: number } = {}): LayoutCell {
  return { role, label, rowspan: span.rowspan ?? 1, colspan: span.colspan ?? 1 };
}

/** The value cells of a table, in reading order (row by row, left to right). */
export function valueCells(t: LayoutTable): LayoutCell[] {
  return [...t.head, ...t.body].flat().filter((c) => c.role === 'value');
}
