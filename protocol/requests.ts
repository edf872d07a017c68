/**
 * Custom requests, typed once for both sides: the server registers `connection.onRequest(X, …)`
 * and the client calls `client.sendRequest(X, …)` with the same `RequestType` (its `method` is
 * the wire name).
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { CellEditsParams, CellEditsResult, TableModel, TableParams } from './table';

/** `nianbao/table`: the table editor's model of a document (layout filled with cells, findings, sums); null for an unknown document. */
export const TableRequest = new RequestType<TableParams, TableModel | null, void>('nianbao/table');

/** `nianbao/cellEdits`: inputs to cells, sections and fields as minimal text edits on the document's current version. */
export const CellEditsRequest = new RequestType<CellEditsParams, CellEditsResult | null, void>('nianbao/cellEdits');
