/**
 * The VS Code extension: starts the bundled language server (dist/server.js) over IPC for
 * `nianbao` documents and registers the feature modules. Everything else (diagnostics, hovers,
 * quick fixes, completion, inlay hints …) comes from the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { COMMANDS, LANGUAGE_ID } from '../protocol/commands';
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

/** How long activation waits for the server's initialize answer before going on without it. */
const START_DEADLINE_MS = 15_000;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
    ],
    synchronize: { configurationSection: SETTINGS_SECTION },
    initializationOptions: { locale: vscode.env.language, clientCommands: [COMMANDS.reviewDismiss] },
  };
  // The id 'nianbao' makes the client read the `nianbao.trace.server` setting.
  client = new LanguageClient('nianbao', vscode.l10n.t('nianbao Language Server'), serverOptions, clientOptions);
  for (const feature of FEATURES) feature.register(context, client);

  // Start with the first report; activation on a plain YAML file (first-line detection, see
  // detect.ts) does not start a server process until a document turns out to be a report.
  const started = client;
  const start = () =>
    started.start().catch((e: unknown) => {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('The nianbao language server failed to start: {0}', e instanceof Error ? e.message : String(e)),
      );
    });
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (isNianbao(doc)) void start();
    }),
  );
  if (vscode.workspace.textDocuments.some(isNianbao)) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      start(),
      new Promise((resolve) => {
        timer = setTimeout(resolve, START_DEADLINE_MS);
      }),
    ]);
    clearTimeout(timer);
  }
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c?.needsStop()) await c.stop();
}
