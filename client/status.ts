/**
 * The status bar item for the active report: while a table is being filled, its progress
 * ("表三 已填 42/175", a new report is a form), else the detected format; and the problem
 * counts. From the server's nianbao/status request, refreshed when the active editor or the
 * report's diagnostics change. Clicking it opens the Problems panel.
 */
import type { StatusResult } from '../protocol/results';
import * as vscode from 'vscode';
import { l10n, pick } from './locale';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { StatusRequest } from '../protocol/requests';
import { isNianbao } from './feature';

const DEBOUNCE_MS = 150;

let shown: vscode.StatusBarItem | undefined;

/** The item's text while it is shown (for the extension's API: tests read it). */
export function statusText(): string | undefined {
  return shown?.text;
}

export function register(context: vscode.ExtensionContext, client: LanguageClient): void {
  const item = vscode.window.createStatusBarItem('nianbao.status', vscode.StatusBarAlignment.Right, 100);
  shown = item;
  item.name = l10n.t('nianbao Annual Report');
  item.command = 'workbench.actions.view.problems';
  let timer: NodeJS.Timeout | undefined;
  let generation = 0;

  const refresh = async () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isNianbao(doc)) {
      generation++;
      item.hide();
      return;
    }
    if (client.state !== State.Running) {
      // Starting: a spinner; stopped or failed to start: nothing to report.
      if (client.state === State.Starting) show(item, undefined);
      else item.hide();
      return;
    }
    const mine = ++generation;
    let status: StatusResult | null = null;
    try {
      status = await client.sendRequest(StatusRequest, {
        uri: client.code2ProtocolConverter.asUri(doc.uri),
      });
    } catch {
      status = null;
    }
    if (mine !== generation) return; // a newer refresh is under way
    show(item, status ?? undefined);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), DEBOUNCE_MS);
  };

  context.subscriptions.push(
    item,
    { dispose: () => clearTimeout(timer) },
    vscode.window.onDidChangeActiveTextEditor(schedule),
    vscode.workspace.onDidOpenTextDocument(schedule),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) schedule();
    }),
    client.onDidChangeState(schedule),
  );
  schedule();
}

function show(item: vscode.StatusBarItem, status: StatusResult | undefined): void {
  if (!status) {
    item.text = `$(sync~spin) ${l10n.t('Annual report')}`;
    item.tooltip = l10n.t('nianbao: checking…');
    item.accessibilityInformation = { label: l10n.t('nianbao: checking…') };
    item.show();
    return;
  }
  const format = status.format ? l10n.t('{0} format', status.format) : l10n.t('format unknown');
  const counts = status.errors || status.warnings ? `$(error) ${status.errors} $(warning) ${status.warnings}` : '$(check)';
  const progress = status.progress ?? [];
  const filling = progress.find((p) => p.filled < p.total);
  const lead = filling ? l10n.t('{0}: {1}/{2} filled', pick(filling.name), filling.filled, filling.total) : format;
  item.text = `$(checklist) ${lead} ${counts}`;
  const summary = l10n.t(
    'Annual report, {0}: {1} errors, {2} warnings, {3} infos',
    format,
    status.errors,
    status.warnings,
    status.infos ?? 0,
  );
  const declared =
    status.format && status.declaredFormat === null
      ? `\n${l10n.t('The format is not declared; detected from the content.')}`
      : '';
  const tables = progress.map((p) => l10n.t('{0}: {1}/{2} filled', pick(p.name), p.filled, p.total)).join('\n');
  item.tooltip = `${summary}${declared}${tables ? `\n${tables}` : ''}\n${l10n.t('Click to open the Problems panel.')}`;
  item.accessibilityInformation = { label: summary };
  item.show();
}
