/**
 * The table editor's requests: `nianbao/table` (model.ts; it pulls in render/, so main.ts loads
 * this module on the first request) and `nianbao/cellEdits` (cellEdits.ts).
 */
import type { TableModel, TableParams } from '../../protocol/table';
import type { Analysis } from '../documents';
import { tableModel } from './model';

/**
 * The `nianbao/table` handler: the model of an open document, null for one the server does not have.
 * @public loaded lazily by server/main.ts through `require`, which knip does not follow.
 */
export function tableHandler(
  getAnalysis: (uri: string) => Promise<Analysis | undefined>,
): (params: TableParams) => Promise<TableModel | null> {
  return async (params) => {
    const uri = params?.uri;
    if (typeof uri !== 'string') return null;
    const a = await getAnalysis(uri);
    return a ? tableModel(a) : null;
  };
}
