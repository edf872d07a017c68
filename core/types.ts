/** Shared value types of the core. Positions are zero-based, characters in UTF-16 code units (as LSP). */
import type { DataOf, RuleCode } from './rules/codes';

export type FormatId = '2019' | '2021';
export type Severity = 'error' | 'warning' | 'info';
export type Locale = 'zh-CN' | 'en';

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
/** Half-open character offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface RelatedInfo {
  path: string;
  span: Span;
  range: Range;
  message: LocalizedText;
  /** Set when the related location is in another document (cross-year checks): its URI and/or file path. */
  uri?: string;
  file?: string;
}

/**
 * What every finding's data holds: `path`, the dotted key path of the finding's subject (a cell
 * `applications.granted.total`, a row, a section `problems`, a key `meta.year`; '' for the
 * whole document). It does not change when lines move, so fingerprints and quick fixes use it.
 */
export interface Subject {
  path: string;
}

export interface DiagnosticOf<C extends RuleCode> {
  code: C;
  severity: Severity;
  message: LocalizedText;
  span: Span;
  range: Range;
  /** Machine-readable facts, typed per rule code; quick fixes read these, never the message. */
  data: DataOf<C>;
  related?: RelatedInfo[];
}

/** A finding of any rule: narrow on `code` to read its `data`. */
export type Diagnostic = { [C in RuleCode]: DiagnosticOf<C> }[RuleCode];

export interface TextEdit {
  span: Span;
  range: Range;
  newText: string;
}

export type FixKind = 'sum' | 'fill' | 'balance' | 'unit' | 'suppress' | 'carry' | 'suspect';

export interface Fix {
  /** What the fix does, e.g. 将（七）总计·总计 改为 2. */
  title: LocalizedText;
  edits: TextEdit[];
  /** The best fix for its diagnostic. */
  preferred: boolean;
  /** Fix kinds let clients group them ("fix all of this kind"). */
  kind: FixKind;
}
