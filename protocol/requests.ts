/**
 * Every custom request between the VS Code client and the language server, declared once with
 * its parameter and result types (`RequestType<P, R>`): both sides use these objects, so a
 * change to a request's shape is a type error on both sides at once.
 */
import { RequestType } from 'vscode-languageserver-protocol';
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
