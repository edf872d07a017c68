/**
 * "新建年报 / New Annual Report": asks for the format, the year, the organ and its kind, gets
 * the skeleton from the server (nianbao/skeleton) and opens it as a new untitled report named
 * from its organ and year (淮安市人民政府-2024.nianbao.yaml), so Save proposes that name.
 * Called with an options object (e.g. from a test or another extension), it asks only for
 * what is missing. The last step has a button that opens it in the table editor instead (remembered). The facts the dialog needs (formats and their years, organ kinds, the kind a
 * name implies, what is wrong with a typed year, the file name) come from the server
 * (nianbao/reportFacts, answered from core/facts): the client keeps no rules of its own.
 */
import * as vscode from 'vscode';
import { l10n, pick } from './locale';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../protocol/commands';
import { ReportFactsRequest, SkeletonRequest, type ReportFactsParams, type ReportFactsResult } from '../protocol/requests';
import { TABLE_VIEW_TYPE } from './tableEditor/provider';
import { createUntitled } from './untitled';

type Format = '2019' | '2021';

/** Where the new report opens. */
export type OpenAs = 'text' | 'table';

export interface NewReportOptions {
  format?: Format;
  year?: number;
  organ?: string;
  organKind?: string;
  openAs?: OpenAs;
}

/** The last choice of where a new report opens (globalState). */
const OPEN_AS_KEY = 'nianbao.newReport.openAs';

export function register(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.newReport, (options?: NewReportOptions) => newReport(context, client, options)),
  );
}

async function facts(client: LanguageClient, params: ReportFactsParams = {}): Promise<ReportFactsResult> {
  if (!client.isRunning()) await client.start();
  return client.sendRequest(ReportFactsRequest, params);
}

async function newReport(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  options: NewReportOptions = {},
): Promise<vscode.Uri | undefined> {
  let info: ReportFactsResult;
  try {
    info = await facts(client);
  } catch (e) {
    void vscode.window.showErrorMessage(l10n.t('Could not create the report: {0}', e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  const given = typeof options === 'object' && options !== null ? options : {};
  const format = given.format === '2019' || given.format === '2021' ? given.format : await pickFormat(info);
  if (!format) return undefined;
  const year = Number.isInteger(given.year) ? given.year! : await askYear(client, info, format);
  if (year === undefined) return undefined;
  const organ = typeof given.organ === 'string' ? given.organ : await askOrgan();
  if (organ === undefined) return undefined;
  let openAs: OpenAs =
    given.openAs === 'table' || given.openAs === 'text' ? given.openAs : context.globalState.get<OpenAs>(OPEN_AS_KEY, 'text');
  let organKind = typeof given.organKind === 'string' ? given.organKind : undefined;
  if (organKind === undefined) {
    const picked = await pickOrganKind(client, info, organ, openAs);
    if (!picked) return undefined;
    ({ organKind, openAs } = picked);
    void context.globalState.update(OPEN_AS_KEY, openAs);
  }

  let text: string;
  let fileName: string | undefined;
  try {
    text = await client.sendRequest(SkeletonRequest, { format, year, organ, organKind });
    fileName = (await facts(client, { organ, year: String(year) })).fileName;
  } catch (e) {
    void vscode.window.showErrorMessage(l10n.t('Could not create the report: {0}', e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  const doc = await createUntitled(text, fileName);
  if (openAs === 'table') {
    await vscode.commands.executeCommand('vscode.openWith', doc.uri, TABLE_VIEW_TYPE);
    return doc.uri;
  }
  const editor = await vscode.window.showTextDocument(doc);
  // Put the cursor where writing starts: the first narrative section.
  const at = /^overview:.*$/m.exec(text);
  if (at) {
    const pos = editor.document.positionAt(at.index + at[0].length);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos));
  }
  return editor.document.uri;
}

async function pickFormat(info: ReportFactsResult): Promise<Format | undefined> {
  const items = info.formats.map((f) => ({
    format: f.format,
    label: l10n.t('{0} format', f.format),
    description: f.title,
    detail: f.description,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: l10n.t('New annual report (1/4): format'),
    placeHolder: l10n.t('Reports for 2021 and later use the 2021 format; 2019 and 2020 use the 2019 trial format'),
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  return picked?.format;
}

async function askYear(client: LanguageClient, info: ReportFactsResult, format: Format): Promise<number | undefined> {
  const value = await vscode.window.showInputBox({
    title: l10n.t('New annual report (2/4): year'),
    prompt: l10n.t('The year the report covers'),
    value: String(info.formats.find((f) => f.format === format)?.defaultYear ?? ''),
    ignoreFocusOut: true,
    validateInput: async (text) => {
      const problem = (await facts(client, { format, year: text })).yearProblem;
      if (!problem) return undefined;
      const severity =
        problem.severity === 'warning' ? vscode.InputBoxValidationSeverity.Warning : vscode.InputBoxValidationSeverity.Error;
      return { message: pick(problem.message), severity };
    },
  });
  return value === undefined ? undefined : Number(value.trim());
}

async function askOrgan(): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: l10n.t('New annual report (3/4): organ'),
    prompt: l10n.t('The full name of the organ publishing the report; may be left empty'),
    placeHolder: l10n.t('e.g. Qinghe County People’s Government'),
    ignoreFocusOut: true,
    validateInput: (text) => (/[\n\r]/.test(text) ? l10n.t('The name must fit on one line.') : undefined),
  });
  return value?.trim();
}

/** The last step: the kind of organ, with a title-bar button that switches where the report opens. */
async function pickOrganKind(
  client: LanguageClient,
  info: ReportFactsResult,
  organ: string,
  openAs: OpenAs,
): Promise<{ organKind: string; openAs: OpenAs } | undefined> {
  const guess = organ ? (await facts(client, { organ })).suggestedKind : undefined;
  const items = info.organKinds.map(({ kind, label }) => ({
    organKind: kind,
    label,
    description: kind === guess ? l10n.t('{0} (suggested by the name)', kind) : kind,
  }));
  items.sort((a, b) => Number(b.organKind === guess) - Number(a.organKind === guess));
  const quick = vscode.window.createQuickPick<(typeof items)[number]>();
  quick.items = items;
  quick.placeholder = l10n.t('Decides the publication deadline (article 49 of the Regulation)');
  quick.matchOnDescription = true;
  quick.ignoreFocusOut = true;
  const show = () => {
    const table = openAs === 'table';
    quick.title = `${l10n.t('New annual report (4/4): kind of organ')} · ${
      table ? l10n.t('opens in the table editor') : l10n.t('opens in the text editor')
    }`;
    quick.buttons = [
      {
        iconPath: new vscode.ThemeIcon(table ? 'file-code' : 'table'),
        tooltip: table ? l10n.t('Open it in the text editor instead') : l10n.t('Open it in the table editor instead'),
      },
    ];
  };
  show();
  return new Promise((resolve) => {
    let result: { organKind: string; openAs: OpenAs } | undefined;
    quick.onDidTriggerButton(() => {
      openAs = openAs === 'table' ? 'text' : 'table';
      show();
    });
    quick.onDidAccept(() => {
      const item = quick.selectedItems[0];
      if (item) result = { organKind: item.organKind, openAs };
      quick.hide();
    });
    quick.onDidHide(() => {
      quick.dispose();
      resolve(result);
    });
    quick.show();
  });
}
