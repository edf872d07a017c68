/**
 * "从已发布年报导入 / Import published report": pick a published report (.txt, .html, .docx, .pdf),
 * import it in the server (`nianbao/import`, import/), open the YAML as a new untitled
 * report and list the import warnings (source line, message, text) in an output channel.
 */
import * as vscode from 'vscode';
import { l10n, pick } from './locale';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../protocol/commands';
import type { ImportParams, ImportResponse } from '../protocol/importPreview';
import { ImportRequest, ReportFactsRequest } from '../protocol/requests';
import { createUntitled } from './untitled';

export function register(context: vscode.ExtensionContext, client: LanguageClient): void {
  const channel = vscode.window.createOutputChannel(l10n.t('nianbao Import'));
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
      title: l10n.t('Import published report'),
      canSelectMany: false,
      openLabel: l10n.t('Import'),
      filters: {
        [l10n.t('Published reports')]: ['txt', 'html', 'htm', 'docx', 'pdf'],
        [l10n.t('All files')]: ['*'],
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
      { location: vscode.ProgressLocation.Notification, title: l10n.t('Importing {0}…', name) },
      () => client.sendRequest(ImportRequest, params),
    );
  } catch (e) {
    // The server's import failures (no text layer, too large, damaged) carry both messages.
    const data = (e as { data?: { message?: { 'zh-CN': string; en: string } } })?.data?.message;
    const message = data ? pick(data) : e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(l10n.t('Could not import {0}: {1}', name, message));
    return undefined;
  }
  // Named from the imported meta (organ, year), so Save proposes 某某县人民政府-2024.nianbao.yaml.
  const fileName = await client
    .sendRequest(ReportFactsRequest, { text: res.yaml })
    .then((f) => f.fileName)
    .catch(() => undefined);
  const doc = await createUntitled(res.yaml, fileName);
  await vscode.window.showTextDocument(doc);

  channel.clear();
  channel.appendLine(`${name}: ${res.coverage ?? res.tables.map((t) => `${t.name} ${t.format} (${t.cells})`).join(', ')}`);
  for (const w of res.warnings) {
    channel.appendLine(
      `${name}:${w.line || 1}: ${w.severity}${w.code ? ` ${w.code}` : ''}: ${pick(w.message)}${w.text ? ` [${w.text}]` : ''}`,
    );
  }
  const show = l10n.t('Show warnings');
  const warnings = res.warnings.filter((w) => w.severity !== 'info').length;
  const answer = !res.ok
    ? await vscode.window.showErrorMessage(l10n.t('Imported {0}, but a table could not be read: see the warnings.', name), show)
    : warnings
      ? await vscode.window.showWarningMessage(l10n.t('Imported {0} with {1} warning(s).', name, warnings), show)
      : await vscode.window.showInformationMessage(l10n.t('Imported {0}.', name), ...(res.warnings.length ? [show] : []));
  if (answer === show) channel.show(true);
  return doc.uri;
}
