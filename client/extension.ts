/**
 * The VS Code extension: starts the bundled language server (dist/server.js) over IPC for
 * `nianbao` documents and registers the feature modules. Everything else (diagnostics, hovers,
 * quick fixes, completion, inlay hints …) comes from the server.
 */
import * as vscode from 'vscode';
import { l10n } from './locale';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from '../protocol/commands';
import { TrustNotification } from '../protocol/requests';
import { SETTINGS_SECTION } from '../protocol/settings';
import * as detect from './detect';
import { isNianbao, type Feature } from './feature';
import * as fixAll from './fixAll';
import * as importReport from './import';
import * as newReport from './newReport';
import * as preview from './preview';
import * as showRules from './showRules';
import * as status from './status';

/** Feature modules, each with `register(context, client)`. */
const FEATURES: Feature[] = [fixAll, newReport, showRules, status, detect, preview, importReport];

let client: LanguageClient | undefined;

/** What the extension exports: events tests and benchmarks wait on. */
export interface NianbaoApi {
  onDidRenderPreview: vscode.Event<{ uri: string; version: number }>;
}

export async function activate(context: vscode.ExtensionContext): Promise<NianbaoApi> {
  const api: NianbaoApi = { onDidRenderPreview: preview.rendered.event };
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
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
    initializationOptions: () => ({ locale: vscode.env.language, trusted: vscode.workspace.isTrusted }),
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
  // Activation does not wait for the server: its features register themselves once it answers.
  if (vscode.workspace.textDocuments.some(isNianbao)) void start();
  return api;
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c?.needsStop()) await c.stop();
}
