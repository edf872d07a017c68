/**
 * The table editor's requests: `nianbao/table` (model.ts; it pulls in render/, so main.ts loads
 * this module on the first request) and `nianbao/cellEdits` (cellEdits.ts).
 */
import type { Connection } from 'vscode-languageserver';
import { TableRequest } from '../../protocol/requests';
import type { TableModel } from '../../protocol/table';
import type { Analysis } from '../documents';
import { tableModel } from './model';

export function registerTable(connection: Connection, getAnalysis: (uri: string) => Promise<Analysis | undefined>): void {
  connection.onRequest(TableRequest, async (params): Promise<TableModel | null> => {
    const uri = params?.uri;
    if (typeof uri !== 'string') return null;
    const a = await getAnalysis(uri);
    return a ? tableModel(a) : null;
  });
}
