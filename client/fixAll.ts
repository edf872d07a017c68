/**
 * "修复全部勾稽错误 / Fix All": runs the server command COMMANDS.fixAll on a report. The server
 * computes the edits and applies them through workspace/applyEdit.
 *
 * The server advertises COMMANDS.fixAll as an executeCommand provider, which vscode-languageclient
 * would register as a VS Code command of the same id: that registration would forward palette
 * invocations without the document argument, and collide with this one. The client keeps the id
 * (so it exists before the server starts, works from the palette, the editor menu and the server's
 * own code lenses) and forwards to the server explicitly.
 */
import type { FixAllOutcome } from '../protocol/results';
import * as vscode from 'vscode';
import { l10n } from './locale';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../protocol/commands';
import { isNianbao } from './feature';

/** Command ids registered by the client even though the server also advertises them. */
const CLIENT_OWNED: readonly string[] = [COMMANDS.fixAll];

export function register(context: vscode.ExtensionContext, client: LanguageClient): void {
  keepClientSide(client, CLIENT_OWNED);
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.fixAll, (target?: unknown, table?: unknown) => fixAll(client, target, table)),
  );
}

async function fixAll(client: LanguageClient, target: unknown, table: unknown): Promise<FixAllOutcome | undefined> {
  const uri = targetUri(client, target);
  if (!uri) {
    void vscode.window.showInformationMessage(l10n.t('Open an annual report (a nianbao document) to fix it.'));
    return undefined;
  }
  const args: unknown[] = [uri, typeof table === 'string' ? table : ''];
  const outcome = (await client.sendRequest(ExecuteCommandRequest.type, {
    command: COMMANDS.fixAll,
    arguments: args,
  })) as FixAllOutcome | null;
  if (outcome && !outcome.applied) {
    const nothing = outcome.edits === 0 && (!outcome.reason || /nothing to fix/i.test(outcome.reason));
    const message = nothing
      ? l10n.t('Nothing to fix: no reconciliation error has an unambiguous fix.')
      : l10n.t('The fixes could not be applied: {0}', outcome.reason ?? '');
    void vscode.window.showInformationMessage(message);
  }
  return outcome ?? undefined;
}

/** The document to fix as a protocol URI string: the argument (Uri or string) or the active report. */
function targetUri(client: LanguageClient, target: unknown): string | undefined {
  if (typeof target === 'string' && target) return target;
  if (target instanceof vscode.Uri) return client.code2ProtocolConverter.asUri(target);
  const doc = vscode.window.activeTextEditor?.document;
  return doc && isNianbao(doc) ? client.code2ProtocolConverter.asUri(doc.uri) : undefined;
}

/**
 * Stops vscode-languageclient from registering `ids` as commands when the server advertises them
 * (statically in its capabilities or by dynamic registration); the client registers them itself.
 */
function keepClientSide(client: LanguageClient, ids: readonly string[]): void {
  const feature = client.getFeature(ExecuteCommandRequest.method) as unknown as {
    register(data: { id: string; registerOptions: { commands?: string[] } }): void;
  };
  const register = feature.register.bind(feature);
  feature.register = (data) =>
    register({
      ...data,
      registerOptions: {
        ...data.registerOptions,
        commands: (data.registerOptions.commands ?? []).filter((c) => !ids.includes(c)),
      },
    });
}
