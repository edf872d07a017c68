/**
 * "在表格中编辑 / Edit as Table": a custom editor for `*.nianbao.yaml` (priority `option`: the
 * text editor stays the default) that shows the report in the official layout and writes every
 * input back into the YAML text (session.ts). Reached by "Reopen Editor With…", the editor-title
 * button, the command, and the New Report wizard.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../../protocol/commands';
import type { ViewMessage } from '../../protocol/tableView';
import { TableSession } from './session';
import { l10n } from '../locale';

export const TABLE_VIEW_TYPE = 'nianbao.table';

/** Commands for the extension-host tests: drive a session through its message handler, read its state. */
const TEST_POST = '_nianbao.tableEditor.post';
const TEST_STATE = '_nianbao.tableEditor.state';

class TableEditorProvider implements vscode.CustomTextEditorProvider {
  readonly sessions = new Map<string, TableSession>();

  constructor(
    private readonly client: LanguageClient,
    private readonly extensionUri: vscode.Uri,
  ) {}

  resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    const session = new TableSession(document, panel, this.client, this.extensionUri);
    const key = document.uri.toString();
    this.sessions.set(key, session);
    session.onDispose(() => {
      if (this.sessions.get(key) === session) this.sessions.delete(key);
      session.dispose();
    });
  }
}

export function register(context: vscode.ExtensionContext, client: LanguageClient): void {
  const provider = new TableEditorProvider(client, context.extensionUri);
  const session = (uri: unknown) => provider.sessions.get(String(uri));
  context.subscriptions.push(
    vscode.window.registerCustomEditorProvider(TABLE_VIEW_TYPE, provider, {
      webviewOptions: { enableFindWidget: true },
      supportsMultipleEditorsPerDocument: true,
    }),
    vscode.commands.registerCommand(COMMANDS.editAsTable, (uri?: vscode.Uri) => editAsTable(uri)),
    vscode.commands.registerCommand(TEST_POST, (uri: string, m: ViewMessage) => session(uri)?.onMessage(m)),
    vscode.commands.registerCommand(TEST_STATE, async (uri: string, drawn?: number) => {
      const s = session(uri);
      if (!s) return undefined;
      if (typeof drawn === 'number') await s.drawn(drawn);
      return { model: s.model, rendered: s.rendered, openMs: s.openMs };
    }),
  );
}

/** Opens a report (the active one by default) in the table editor. */
export async function editAsTable(uri?: vscode.Uri): Promise<void> {
  const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage(l10n.t('Open a nianbao report to edit it as a table.'));
    return;
  }
  // Like "Reopen Editor With…": the table takes the text editor's place (the text stays a click away).
  const group = vscode.window.tabGroups.activeTabGroup;
  const text = group.tabs.find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === target.toString());
  await vscode.commands.executeCommand('vscode.openWith', target, TABLE_VIEW_TYPE, { viewColumn: group.viewColumn });
  if (text) await vscode.window.tabGroups.close(text, true);
}
