/**
 * The table editor's facts, as the server sends them (`nianbao/table`) and the webview draws
 * them: the official layout of the report (render/layout/) filled with the document's cells, the
 * findings mapped to what they mark, the computed sums of the totals, and the answer to a batch
 * of inputs (`nianbao/cellEdits`). Types only: the webview bundles none of the server's code.
 */
import type { Range, TextEdit } from 'vscode-languageserver-protocol';

export type GridLocale = 'zh-CN' | 'en';
export type GridSeverity = 'error' | 'warning' | 'info';
export type GridCellKind = 'count' | 'signed' | 'money_wan' | 'money_unit';
export type GridCellState = 'number' | 'blank' | 'na' | 'text' | 'missing';

export interface TableParams {
  uri: string;
}

export interface TableModel {
  uri: string;
  /** The document version the model describes. */
  version: number;
  locale: GridLocale;
  format: '2019' | '2021';
  title: string;
  /** Groups of scalar fields (meta at the top; fee_collection after the sections). */
  fields: FieldGroup[];
  sections: GridSection[];
  findings: GridFinding[];
  /** Every total with the sum of its operands, by the total's cell path. */
  sums: GridSum[];
  counts: Record<GridSeverity, number>;
}

export interface FieldGroup {
  key: string;
  title: string;
  fields: GridField[];
}

export interface GridField {
  path: string;
  /** The printed label (统计期限·起). */
  label: string;
  /** The value as text ('' when blank or missing). */
  value: string;
  input: 'text' | 'number' | 'date' | 'enum';
  /** Enum values with their labels. */
  options?: { value: string; label: string }[];
  /** Help from the schema. */
  help?: string;
  range?: Range;
}

export interface GridSection {
  key: string;
  title: string;
  narrative: boolean;
  /** The document lacks the section. */
  absent: boolean;
  /** A narrative's text. */
  text: string;
  /** Help from the schema (what the section should say). */
  help?: string;
  tables: GridTable[];
}

export type GridRole = 'value' | 'row' | 'group' | 'caption' | 'column' | 'note' | 'extra';

export interface GridTable {
  key: string;
  name: string;
  layout: 'stacked' | 'matrix' | 'sideBySide' | 'extra';
  caption?: string;
  head: GridCell[][];
  body: GridCell[][];
}

export interface GridCell {
  role: GridRole;
  /** What is shown: a label, or a value as printed (number with its unit, text, '' for blank). */
  text: string;
  rowspan: number;
  colspan: number;
  /** Dotted key path (values, row labels, captions). */
  path?: string;
  /** Value cells. */
  kind?: GridCellKind;
  state?: GridCellState;
  total?: boolean;
  /** The printed row and column labels of a value cell, for screen readers (第二十条第（一）项 · 规章 · 本年制发件数). */
  label?: string;
  /** The text an edit starts from (F2): the number with its unit, the cell's text. */
  edit?: string;
  /** The value's range in the document (the key's when the value is empty). */
  range?: Range;
}

export interface GridFinding {
  /** Index in the model's list (stable for one model). */
  id: number;
  code: string;
  severity: GridSeverity;
  message: string;
  /** The diagnostic's range (to ask for its code actions). */
  range: Range;
  /** The finding's subject path (`data.path`). */
  path: string;
  /** What it marks: value cell paths, a row's path, a section key, a field path; [] for the document. */
  marks: string[];
  /** Other cells of a relation (the operands of a sum), shown with the finding in focus. */
  involved: string[];
  /** The value the sum of its operands gives (a wrong total). */
  computed?: number;
  /** A group of blank cells: how it is grouped, and how many. */
  group?: { scope: 'table' | 'rows' | 'columns'; count: number };
}

export interface GridSum {
  /** The total's cell path. */
  path: string;
  rule: string;
  each: 'row' | 'column';
  /** Σ of the operands that hold numbers. */
  computed: number;
  reported?: number;
  /** Operands that are blank, text or missing. */
  blanks: number;
  ok: boolean;
}

export interface CellChange {
  /** Dotted key path of a table cell, a narrative section or a field. */
  path: string;
  /** What was typed or pasted. */
  input: string;
}

export interface CellEditsParams {
  uri: string;
  /** The document version the inputs were made on (the model's). */
  version: number;
  changes: CellChange[];
}

export interface CellEditsResult {
  uri: string;
  /** The version the edits apply to; the client applies them only to that version. */
  version: number;
  edits: TextEdit[];
  outcomes: { path: string; as: 'number' | 'text' | 'blank' | 'unchanged' | 'rejected' }[];
}
