/**
 * workspace/executeCommand: COMMANDS.fixAll (args: uri, optional table key) computes fix-all
 * for the document, or only for that table's diagnostics, and applies it with
 * workspace/applyEdit as minimal edits pinned to the document version: one edit, one undo.
 */
import type { FixAllOutcome } from '../protocol/results';
import type { Connection, ExecuteCommandParams } from 'vscode-languageserver/node';
import { say, UI, type Diagnostic } from '../core';
import { tableOf } from '../core/schema/tables';
import { COMMANDS } from '../protocol/commands';
import { fixAllEdits, workspaceEdit, type EditCapabilities } from './codeActions';
import type { AnalysisStore } from './documents';

export const SERVER_COMMANDS = [COMMANDS.fixAll];

/** The table a diagnostic belongs to: the first key of its subject path (or its data's table). */
export function tableOfDiagnostic(d: Diagnostic): string | undefined {
  if ('table' in d.data && typeof d.data.table === 'string') return d.data.table;
  return d.data.path ? d.data.path.split('.')[0] : undefined;
}

export async function executeCommand(
  connection: Connection,
  store: AnalysisStore,
  caps: EditCapabilities,
  params: ExecuteCommandParams,
): Promise<FixAllOutcome | null> {
  if (params.command !== COMMANDS.fixAll) return null;
  const [uri, table] = (params.arguments ?? []) as [unknown, unknown];
  if (typeof uri !== 'string') return { applied: false, edits: 0, reason: 'missing uri argument' };
  const a = await store.get(uri);
  if (!a) return { applied: false, edits: 0, reason: `document not open: ${uri}` };
  const only = typeof table === 'string' && table ? (d: Diagnostic) => tableOfDiagnostic(d) === table : undefined;
  const edits = fixAllEdits(a, only);
  if (!edits.length) return { applied: false, edits: 0, reason: 'nothing to fix' };
  const name = typeof table === 'string' ? tableOf(a.format, table)?.name : undefined;
  const label = name ? say(a.settings.locale, UI.lensFix, { table: name }) : say(a.settings.locale, UI.fixAll);
  const res = await connection.workspace.applyEdit({ label, edit: workspaceEdit(a.uri, a.version, edits, caps) });
  return { applied: res.applied, edits: edits.length, reason: res.failureReason };
}
