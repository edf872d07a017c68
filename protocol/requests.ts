/**
 * Every custom request between the VS Code client and the language server, declared once with
 * its parameter and result types (`RequestType<P, R>`): both sides use these objects, so a
 * change to a request's shape is a type error on both sides at once.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { ImportParams, ImportResponse, PreviewParams } from './importPreview';
import type { ReviewParams, ReviewResult } from './review';
import type { StatusResult } from './results';
import type { CellEditsParams, CellEditsResult, TableModel, TableParams } from './table';

/** `nianbao/skeleton`: the text of a blank report of a format. */
export interface SkeletonParams {
  format: '2019' | '2021';
  year?: number;
  organ?: string;
  organKind?: string;
}

export const SkeletonRequest = new RequestType<SkeletonParams, string, void>('nianbao/skeleton');

/** `nianbao/status`: what the status item shows for a document (null for a document that is not open). */
export const StatusRequest = new RequestType<{ uri: string }, StatusResult | null, void>('nianbao/status');

/** `nianbao/preview`: the report rendered as the official page, for the preview webview (null for an unknown document). */
export const PreviewRequest = new RequestType<PreviewParams, string | null, void>('nianbao/preview');

/** `nianbao/import`: a published report (text, HTML, DOCX, PDF) imported in the server's import worker. */
export const ImportRequest = new RequestType<ImportParams, ImportResponse, void>('nianbao/import');

/** `nianbao/review`: record a reviewer's decision on one finding in the review ledger beside the report. */
export const ReviewRequest = new RequestType<ReviewParams, ReviewResult, void>('nianbao/review');

/** `nianbao/table`: the table editor's model of a document (layout filled with cells, findings, sums); null for an unknown document. */
export const TableRequest = new RequestType<TableParams, TableModel | null, void>('nianbao/table');

/** `nianbao/cellEdits`: inputs to cells, sections and fields as minimal text edits on the document's current version. */
export const CellEditsRequest = new RequestType<CellEditsParams, CellEditsResult | null, void>('nianbao/cellEdits');

/** `nianbao/reportFacts`: params; every field optional, each answers its part of the result. */
export interface ReportFactsParams {
  /** The format whose year is checked. */
  format?: '2019' | '2021';
  /** A typed year to check against the format (the New Report dialog validates as it is typed). */
  year?: string;
  /** An organ name: its kind is suggested, and with `year` it names the file. */
  organ?: string;
  /** A report's text: the file name comes from its meta (organ, year). */
  text?: string;
}

export interface ReportFactsResult {
  formats: { format: '2019' | '2021'; title: string; description?: string; first: number; last?: number; defaultYear: number }[];
  /** `meta.organ_kind` values with their Chinese labels, in schema order. */
  organKinds: { kind: string; label: string }[];
  /** The organ kind the organ's name implies. */
  suggestedKind?: string;
  yearProblem?: { severity: 'error' | 'warning'; message: { 'zh-CN': string; en: string } };
  /** A file name for the report: 淮安市人民政府-2024.nianbao.yaml. */
  fileName?: string;
}

/**
 * `nianbao/reportFacts`: the facts the client's dialogs need (formats and their years, organ
 * kinds, the kind a name implies, a year's problem, the file name), answered from core/facts:
 * the client keeps no organ or year rules of its own.
 */
export const ReportFactsRequest = new RequestType<ReportFactsParams, ReportFactsResult, void>('nianbao/reportFacts');

/**
 * `nianbao/trust` (client → server): whether VS Code trusts the workspace. Untrusted, the server
 * offers nothing that runs on save (`source.fixAll.nianbao` for editor.codeActionsOnSave).
 */
export const TrustNotification = new NotificationType<{ trusted: boolean }>('nianbao/trust');
