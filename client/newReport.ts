/**
 * "新建政府信息公开年报 / New report": asks for the format, the year, the organ and its kind,
 * gets the skeleton from the server (nianbao/skeleton) and opens it as a new untitled report,
 * in the text editor or (a button of the last step, remembered) in the table editor. Called with
 * an options object (e.g. from a test or another extension), it asks only for what is missing.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, LANGUAGE_ID } from '../protocol/commands';
import { SkeletonRequest } from '../protocol/requests';
import { defaultYear, guessOrganKind, yearProblem, type Format, type YearProblem } from './reportFacts';
import { FORMATS, schemaInfo, type SchemaInfo } from './schemaInfo';
import { TABLE_VIEW_TYPE } from './tableEditor/provider';

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

async function newReport(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  options: NewReportOptions = {},
): Promise<vscode.Uri | undefined> {
  const info = await schemaInfo(context);
  const given = typeof options === 'object' && options !== null ? options : {};
  const format = given.format === '2019' || given.format === '2021' ? given.format : await pickFormat(info);
  if (!format) return undefined;
  const year = Number.isInteger(given.year) ? given.year! : await askYear(format);
  if (year === undefined) return undefined;
  const organ = typeof given.organ === 'string' ? given.organ : await askOrgan();
  if (organ === undefined) return undefined;
  let openAs: OpenAs =
    given.openAs === 'table' || given.openAs === 'text' ? given.openAs : context.globalState.get<OpenAs>(OPEN_AS_KEY, 'text');
  let organKind = typeof given.organKind === 'string' ? given.organKind : undefined;
  if (organKind === undefined) {
    const picked = await pickOrganKind(info, organ, openAs);
    if (!picked) return undefined;
    ({ organKind, openAs } = picked);
    void context.globalState.update(OPEN_AS_KEY, openAs);
  }

  let text: string;
  try {
    text = await client.sendRequest(SkeletonRequest, { format, year, organ, organKind });
  } catch (e) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Could not create the report: {0}', e instanceof Error ? e.message : String(e)),
    );
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
  if (openAs === 'table') {
    await vscode.commands.executeCommand('vscode.openWith', doc.uri, TABLE_VIEW_TYPE);
    return doc.uri;
  }
  const editor = await vscode.window.showTextDocument(doc);
  // Put the cursor where writing starts: the first narrative section.
  const at = /^overview:.*$/m.exec(text);
  if (at) {
    const pos = doc.positionAt(at.index + at[0].length);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos));
  }
  return doc.uri;
}

async function pickFormat(info: SchemaInfo): Promise<Format | undefined> {
  const items = FORMATS.map((format) => ({
    format,
    label: vscode.l10n.t('{0} format', format),
    description: info.formats[format].title,
    detail: info.formats[format].description,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('New annual report (1/4): format'),
    placeHolder: vscode.l10n.t('Reports for 2021 and later use the 2021 format; 2019 and 2020 use the 2019 trial format'),
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  return picked?.format;
}

function yearMessage(p: YearProblem): vscode.InputBoxValidationMessage {
  const error = vscode.InputBoxValidationSeverity.Error;
  switch (p.kind) {
    case 'notYear':
      return { message: vscode.l10n.t('Enter the report year as four digits, e.g. {0}.', defaultYear('2021')), severity: error };
    case 'tooEarly':
      return { message: vscode.l10n.t('The national report formats start with the {0} reports.', p.first), severity: error };
    case 'future':
      return { message: vscode.l10n.t('The report year cannot be later than {0}.', p.last), severity: error };
    case 'oldTemplate':
      return { message: vscode.l10n.t('Reports for {0} and later must use the 2021 format.', p.from), severity: error };
    case 'earlyNewTemplate':
      return {
        message: vscode.l10n.t(
          'Reports up to {0} use the 2019 trial format; the 2021 format will be flagged (X-FORMAT).',
          p.until,
        ),
        severity: vscode.InputBoxValidationSeverity.Warning,
      };
  }
}

async function askYear(format: Format): Promise<number | undefined> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('New annual report (2/4): year'),
    prompt: vscode.l10n.t('The year the report covers (报告年度)'),
    value: String(defaultYear(format)),
    ignoreFocusOut: true,
    validateInput: (text) => {
      const problem = yearProblem(format, text);
      return problem ? yearMessage(problem) : undefined;
    },
  });
  return value === undefined ? undefined : Number(value.trim());
}

async function askOrgan(): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('New annual report (3/4): organ'),
    prompt: vscode.l10n.t('The full name of the organ publishing the report (机关名称); may be left empty'),
    placeHolder: vscode.l10n.t('e.g. 某某县人民政府'),
    ignoreFocusOut: true,
    validateInput: (text) => (/[\n\r]/.test(text) ? vscode.l10n.t('The name must fit on one line.') : undefined),
  });
  return value?.trim();
}

/** The last step: the kind of organ, with a title-bar button that switches where the report opens. */
async function pickOrganKind(
  info: SchemaInfo,
  organ: string,
  openAs: OpenAs,
): Promise<{ organKind: string; openAs: OpenAs } | undefined> {
  const guess = guessOrganKind(organ);
  const items = info.organKinds.map(([kind, label]) => ({
    organKind: kind,
    label,
    description: kind === guess ? vscode.l10n.t('{0} (suggested by the name)', kind) : kind,
  }));
  items.sort((a, b) => Number(b.organKind === guess) - Number(a.organKind === guess));
  const pick = vscode.window.createQuickPick<(typeof items)[number]>();
  pick.items = items;
  pick.placeholder = vscode.l10n.t('Decides the publication deadline (article 49 of the Regulation)');
  pick.matchOnDescription = true;
  pick.ignoreFocusOut = true;
  const show = () => {
    const table = openAs === 'table';
    pick.title = `${vscode.l10n.t('New annual report (4/4): kind of organ')} · ${
      table ? vscode.l10n.t('opens in the table editor') : vscode.l10n.t('opens in the text editor')
    }`;
    pick.buttons = [
      {
        iconPath: new vscode.ThemeIcon(table ? 'file-code' : 'table'),
        tooltip: table
          ? vscode.l10n.t('Open it in the text editor instead')
          : vscode.l10n.t('Open it in the table editor instead'),
      },
    ];
  };
  show();
  return new Promise((resolve) => {
    let result: { organKind: string; openAs: OpenAs } | undefined;
    pick.onDidTriggerButton(() => {
      openAs = openAs === 'table' ? 'text' : 'table';
      show();
    });
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0];
      if (item) result = { organKind: item.organKind, openAs };
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(result);
    });
    pick.show();
  });
}
