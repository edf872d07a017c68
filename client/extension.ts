/**
 * The VS Code extension: starts the bundled language server (dist/server.js) over IPC for
 * `nianbao` documents and registers the feature modules. Everything else (diagnostics, hovers,
 * quick fixes, completion, inlay hints …) comes from the server.
 */
import * as vscode from 'vscode';
import { l10n } from './locale';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { COMMANDS, LANGUAGE_ID } from '../protocol/commands';
import { TrustNotification } from '../protocol/requests';
import { SETTINGS_SECTION } from '../protocol/settings';
import * as detect from './detect';
import { isNianbao, type Feature } from './feature';
import * as fixAll from './fixAll';
import * as importReport from './import';
import * as newReport from './newReport';
import * as preview from './preview';
import * as review from './review';
import * as showRules from './showRules';
import * as status from './status';
import * as tableEditor from './tableEditor/provider';

/** Feature modules, each with `register(context, client)`. */
const FEATURES: Feature[] = [fixAll, newReport, showRules, status, detect, preview, importReport, review, tableEditor];

let client: LanguageClient | undefined;

/** Report files by name (the package.json language's extensions). */
const REPORT_FILES = '**/*.nianbao.{yaml,yml}';
/** The search for report files in a large workspace is given up after this (VS Code's own workspaceContains waits 7 s). */
const SEARCH_MS = 7_000;

/** What the extension exports: events tests and benchmarks wait on. */
export interface NianbaoApi {
  onDidRenderPreview: vscode.Event<{ uri: string; version: number }>;
  /** The status item's text for the active report (undefined when hidden or not created). */
  statusText(): string | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<NianbaoApi> {
  const api: NianbaoApi = { onDidRenderPreview: preview.rendered.event, statusText: status.statusText };
  const module = context.asAbsolutePath('dist/server.js');
  // Node ≥ 22 keeps the server's compiled code between starts (NODE_COMPILE_CACHE): the second and
  // later windows start it faster. Older Node ignores the variable.
  const env = { ...process.env, NODE_COMPILE_CACHE: vscode.Uri.joinPath(context.globalStorageUri, 'compile-cache').fsPath };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Every scheme (virtual workspaces too), less the views of other documents (feature.ts).
    documentSelector: [{ language: LANGUAGE_ID }],
    middleware: {
      didOpen: (doc, next) => (isNianbao(doc) ? next(doc) : Promise.resolve()),
      didChange: (e, next) => (isNianbao(e.document) ? next(e) : Promise.resolve()),
      didClose: (doc, next) => (isNianbao(doc) ? next(doc) : Promise.resolve()),
    },
    synchronize: { configurationSection: SETTINGS_SECTION },
    // Untrusted (Restricted Mode), the server offers nothing that runs on save; told when trust is granted.
    initializationOptions: () => ({
      locale: vscode.env.language,
      trusted: vscode.workspace.isTrusted,
      clientCommands: [COMMANDS.reviewDismiss],
    }),
  };
  // The id 'nianbao' makes the client read the `nianbao.trace.server` setting.
  client = new LanguageClient('nianbao', l10n.t('nianbao Language Server'), serverOptions, clientOptions);
  for (const feature of FEATURES) feature.register(context, client);
  const trusting = client;
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (trusting.isRunning()) void trusting.sendNotification(TrustNotification, { trusted: true });
    }),
  );

  // Start with the first report; activation on a plain YAML file (first-line detection, see
  // detect.ts) does not start a server process until a document turns out to be a report.
  const started = client;
  const start = () =>
    started.start().catch((e: unknown) => {
      void vscode.window.showErrorMessage(
        l10n.t('The nianbao language server failed to start: {0}', e instanceof Error ? e.message : String(e)),
      );
    });
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (isNianbao(doc)) void start();
    }),
  );
  // Activation (onStartupFinished: after the window is up, so opening a report does not wait for
  // the extension host to load this module) does not wait for the server either: its features
  // register themselves once it answers. A folder of reports starts it at once, so the reports
  // that are not open get their diagnostics (the server's workspace index) without any being opened.
  if (vscode.workspace.textDocuments.some(isNianbao)) void start();
  else if (vscode.workspace.workspaceFolders?.length) void startIfReports(start);
  return api;
}

/** Starts the server when the workspace holds a report file (one search, given up after SEARCH_MS). */
async function startIfReports(start: () => Promise<void>): Promise<void> {
  const cancel = new vscode.CancellationTokenSource();
  const timer = setTimeout(() => cancel.cancel(), SEARCH_MS);
  try {
    const found = await vscode.workspace.findFiles(REPORT_FILES, '**/node_modules/**', 1, cancel.token);
    if (found.length) await start();
  } catch {
    // Cancelled or no search provider: the first report opened starts the server.
  } finally {
    clearTimeout(timer);
    cancel.dispose();
  }
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c?.needsStop()) await c.stop();
}
