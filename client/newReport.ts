/**
 * "新建年报 / New Annual Report": asks for the format, the year, the organ and its kind, gets
 * the skeleton from the server (nianbao/skeleton) and opens it as a new untitled report named
 * from its organ and year (淮安市人民政府-2024.nianbao.yaml), so Save proposes that name.
 * Called with an options object (e.g. from a test or another extension), it asks only for
 * what is missing. The facts the dialog needs (formats and their years, organ kinds, the kind a
 * name implies, what is wrong with a typed year, the file name) come from the server
 * (nianbao/reportFacts, answered from core/facts): the client keeps no rules of its own.
 */
import * as vscode from 'vscode';
import { l10n, pick } from './locale';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../protocol/commands';
import { ReportFactsRequest, SkeletonRequest, type ReportFactsParams, type ReportFactsResult } from '../protocol/requests';
import { openUntitled } from './untitled';

type Format = '2019' | '2021';

export interface NewReportOptions {
  format?: Format;
  year?: number;
  organ?: string;
  organKind?: string;
}

export function register(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.newReport, (options?: NewReportOptions) => newReport(client, options)),
  );
}

async function facts(client: LanguageClient, params: ReportFactsParams = {}): Promise<ReportFactsResult> {
  if (!client.isRunning()) await client.start();
  return client.sendRequest(ReportFactsRequest, params);
}

async function newReport(client: LanguageClient, options: NewReportOptions = {}): Promise<vscode.Uri | undefined> {
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
  const organKind = typeof given.organKind === 'string' ? given.organKind : await pickOrganKind(client, info, organ);
  if (!organKind) return undefined;

  let text: string;
  let fileName: string | undefined;
  try {
    text = await client.sendRequest(SkeletonRequest, { format, year, organ, organKind });
    fileName = (await facts(client, { organ, year: String(year) })).fileName;
  } catch (e) {
    void vscode.window.showErrorMessage(l10n.t('Could not create the report: {0}', e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  const editor = await openUntitled(text, fileName);
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

async function pickOrganKind(client: LanguageClient, info: ReportFactsResult, organ: string): Promise<string | undefined> {
  const guess = organ ? (await facts(client, { organ })).suggestedKind : undefined;
  const items = info.organKinds.map(({ kind, label }) => ({
    organKind: kind,
    label,
    description: kind === guess ? l10n.t('{0} (suggested by the name)', kind) : kind,
  }));
  items.sort((a, b) => Number(b.organKind === guess) - Number(a.organKind === guess));
  const picked = await vscode.window.showQuickPick(items, {
    title: l10n.t('New annual report (4/4): kind of organ'),
    placeHolder: l10n.t('Decides the publication deadline (article 49 of the Regulation)'),
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  return picked?.organKind;
}
