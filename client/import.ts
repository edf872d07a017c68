/**
 * "从已发布年报导入 / Import published report": pick a published report (.txt, .html, .docx, .pdf),
 * import it in the server (`nianbao/import`, import/), open the YAML as a new untitled
 * report and list the import warnings (source line, message, text) in an output channel.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, LANGUAGE_ID } from '../protocol/commands';
import type { ImportParams, ImportResponse } from '../protocol/importPreview';
import { ImportRequest } from '../protocol/requests';

export function register(context: vscode.ExtensionContext, client: LanguageClient): void {
  const channel = vscode.window.createOutputChannel(vscode.l10n.t('nianbao Import'));
  context.subscriptions.push(
    channel,
    vscode.commands.registerCommand(COMMANDS.importReport, (uri?: vscode.Uri) => importReport(client, channel, uri)),
  );
}

async function importReport(
  client: LanguageClient,
  channel: vscode.OutputChannel,
  given?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  let uri = given instanceof vscode.Uri ? given : undefined;
  if (!uri) {
    const picked = await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Import published report'),
      canSelectMany: false,
      openLabel: vscode.l10n.t('Import'),
      filters: {
        [vscode.l10n.t('Published reports')]: ['txt', 'html', 'htm', 'docx', 'pdf'],
        [vscode.l10n.t('All files')]: ['*'],
      },
    });
    uri = picked?.[0];
  }
  if (!uri) return undefined;
  const name = uri.path.split('/').pop() ?? 'report';
  const params: ImportParams = { uri: uri.toString(), name };
  if (uri.scheme === 'file') params.path = uri.fsPath;
  else params.data = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('base64');

  let res: ImportResponse;
  try {
    if (!client.isRunning()) await client.start();
    res = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}…', name) },
      () => client.sendRequest(ImportRequest, params),
    );
  } catch (e) {
    // The server's import failures (no text layer, too large, damaged) carry both messages.
    const data = (e as { data?: { message?: { 'zh-CN': string; en: string } } })?.data?.message;
    const zh = vscode.env.language.toLowerCase().startsWith('zh');
    const message = data ? (zh ? data['zh-CN'] : data.en) : e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not import {0}: {1}', name, message));
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: res.yaml });
  await vscode.window.showTextDocument(doc);

  const zh = vscode.env.language.toLowerCase().startsWith('zh');
  channel.clear();
  channel.appendLine(`${name}: ${res.tables.map((t) => `${t.name} ${t.format} (${t.cells})`).join(', ')}`);
  for (const w of res.warnings) {
    channel.appendLine(
      `${name}:${w.line || 1}: ${w.severity}: ${zh ? w.message['zh-CN'] : w.message.en}${w.text ? ` [${w.text}]` : ''}`,
    );
  }
  const show = vscode.l10n.t('Show warnings');
  const warnings = res.warnings.filter((w) => w.severity === 'warning').length;
  const answer = !res.ok
    ? await vscode.window.showErrorMessage(
        vscode.l10n.t('Imported {0}, but a table could not be read: see the warnings.', name),
        show,
      )
    : warnings
      ? await vscode.window.showWarningMessage(vscode.l10n.t('Imported {0} with {1} warning(s).', name, warnings), show)
      : await vscode.window.showInformationMessage(vscode.l10n.t('Imported {0}.', name), ...(res.warnings.length ? [show] : []));
  if (answer === show) channel.show(true);
  return doc.uri;
}
