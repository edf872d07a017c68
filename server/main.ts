/**
 * The nianbao language server: connection and wiring only. Each LSP feature lives in its own
 * file and adapts the pure core; every handler is timed and guarded (timing.ts), and all of
 * them share one parse and check per document version (documents.ts).
 *
 * Started as `node dist/server.js --stdio` (or `--node-ipc`, `--socket=N`, `--pipe=NAME`:
 * vscode-languageserver reads the transport from argv), or via `nianbao lsp --stdio`.
 *
 * Environment: NIANBAO_SLOW_MS (default 100) is the threshold above which a handler is logged
 * with its document uri and version; NIANBAO_LOG_TIMINGS=1 also logs, for every published
 * version, the time from didOpen/didChange to publishDiagnostics.
 */
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  createConnection,
  ErrorCodes,
  ResponseError,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { RequestHandler, RequestType } from 'vscode-languageserver-protocol';
import { LEDGER_FILE } from '../core';
import { COMMANDS } from '../protocol/commands';
import {
  CellEditsRequest,
  ImportRequest,
  PreviewRequest,
  ReportFactsRequest,
  ReviewRequest,
  SkeletonRequest,
  StatusRequest,
  TableRequest,
  TrustNotification,
} from '../protocol/requests';
import type { ClientCommandsOption } from '../protocol/review';
import { codeActions, FIX_ALL_KIND, isFixAllData, resolveFixAll, type EditCapabilities } from './codeActions';
import { codeLenses } from './codeLens';
import { executeCommand, SERVER_COMMANDS } from './commands';
import { completion, type CompletionCapabilities } from './completion';
import { DiagnosticsPublisher } from './diagnostics';
import { AnalysisStore, type Analysis } from './documents';
import { reportFacts } from './facts';
import { FILL_KIND, fillActions } from './fillActions';
import { foldingRanges } from './folding';
import { hover } from './hover';
import { inlayHints } from './inlayHints';
import { Lifecycle, stdioTransport } from './lifecycle';
import { skeletonRequest, statusRequest } from './requests';
import { LEDGER_GLOB, LedgerStore, reviewRequest } from './review';
import { SettingsStore } from './settings';
import { cellEditsRequest } from './table/cellEdits';
import { documentSymbols } from './symbols';
import { makeTimer } from './timing';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';
import { WorkspaceIndex } from './workspaceIndex';

const documents = new TextDocuments(TextDocument);
// Requests before initialize / after shutdown, stale didChange versions: refused before any handler (lifecycle.ts).
const lifecycle = new Lifecycle((uri) => documents.get(uri)?.version);
const connection = makeConnection();
lifecycle.attach(connection);
const timer = makeTimer(connection);

/** --stdio gets its own transport (a -32700 answer for a message that is not JSON); the rest as vscode-languageserver reads argv. */
function makeConnection(): Connection {
  const options = { messageStrategy: lifecycle.strategy };
  if (!process.argv.slice(2).includes('--stdio')) return createConnection(ProposedFeatures.all, options);
  const t = stdioTransport(lifecycle);
  const c = createConnection(ProposedFeatures.all, t.reader, t.writer, options);
  t.patchConsole(c);
  return c;
}

let settings: SettingsStore;
let store: AnalysisStore;
let publisher: DiagnosticsPublisher;
let workspace: WorkspaceIndex;
/** The review ledgers next to the reports (server/review.ts). */
const ledgers = new LedgerStore();
let watchLedgers = false;
let canReview = false;
let diskDiagnostics: WorkspaceDiagnostics;
/** VS Code's workspace trust (the client says); untrusted, nothing runs on save. */
let trusted = true;
let workspaceFolderEvents = false;
let editCaps: EditCapabilities = { documentChanges: false };
let completionCaps: CompletionCapabilities = { snippets: false };
let dynamicConfiguration = false;
let refresh = { inlayHints: false, codeLens: false };

process.on('uncaughtException', (e) => connection.console.error(`[nianbao] uncaught: ${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`[nianbao] unhandled rejection: ${(e as Error)?.stack ?? e}`));

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  const init = (params.initializationOptions ?? {}) as { locale?: unknown; trusted?: unknown } & ClientCommandsOption;
  trusted = init.trusted !== false;
  // "Mark as verified" runs a client command: offered only to a client that has it (the VS Code extension).
  canReview = Array.isArray(init.clientCommands) && init.clientCommands.includes(COMMANDS.reviewDismiss);
  const clientLocale = typeof init.locale === 'string' ? init.locale : params.locale;
  settings = new SettingsStore(connection, caps.workspace?.configuration === true, clientLocale);
  store = new AnalysisStore(documents, settings, timer);
  publisher = new DiagnosticsPublisher(connection, store, timer, ledgers);
  // Cross-year checks: the workspace's reports by organ and year (server/workspaceIndex.ts).
  const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
  // Reports that are not open get diagnostics too (server/workspaceDiagnostics.ts), fed by the index.
  diskDiagnostics = new WorkspaceDiagnostics(connection, documents, settings);
  workspace = new WorkspaceIndex(connection, documents, store, settings, (uri) => publisher.schedule(uri), {
    folders,
    dynamicWatch: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    disk: diskDiagnostics,
  });
  store.crossYear = workspace.crossYear;
  workspaceFolderEvents = caps.workspace?.workspaceFolders === true;
  // Ledgers are watched in the workspace folders (a window without folders has nothing to watch).
  watchLedgers = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true && folders.length > 0;
  editCaps = {
    documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
    resolveEdit: caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
  };
  completionCaps = {
    snippets: caps.textDocument?.completion?.completionItem?.snippetSupport === true,
    labelDetails: caps.textDocument?.completion?.completionItem?.labelDetailsSupport === true,
  };
  dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  refresh = {
    inlayHints: caps.workspace?.inlayHint?.refreshSupport === true,
    codeLens: caps.workspace?.codeLens?.refreshSupport === true,
  };
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '{', ','], resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, FILL_KIND], resolveProvider: true },
      codeLensProvider: { resolveProvider: false },
      documentSymbolProvider: { label: 'nianbao' },
      foldingRangeProvider: true,
      inlayHintProvider: { resolveProvider: false },
      executeCommandProvider: { commands: SERVER_COMMANDS },
      ...(workspaceFolderEvents ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
    },
    serverInfo: { name: 'nianbao', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'nianbao' });
  if (workspaceFolderEvents)
    connection.workspace.onDidChangeWorkspaceFolders((e) => void workspace.foldersChanged(e.added, e.removed));
  void workspace.start();
  // A ledger written outside the editor (nianbao review dismiss) shows at once.
  if (watchLedgers)
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: LEDGER_GLOB }] })
      .catch(() => undefined);
});

connection.onDidChangeConfiguration((params) => {
  settings.changed(params?.settings);
  publisher.scheduleAll();
  diskDiagnostics.restart();
  void workspace.configurationChanged();
  if (refresh.inlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
  if (refresh.codeLens) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
});

documents.onDidChangeContent((e) => {
  diskDiagnostics.edited(e.document.uri);
  workspace.documentChanged(e.document);
  publisher.schedule(e.document.uri);
});
documents.onDidClose((e) => {
  store.delete(e.document.uri);
  settings.forget(e.document.uri);
  publisher.clear(e.document.uri);
  workspace.documentClosed(e.document.uri);
});
connection.onDidChangeWatchedFiles((p) => {
  if (p.changes.some((c) => c.uri.endsWith(`/${LEDGER_FILE}`))) {
    ledgers.changed();
    publisher.scheduleAll();
  }
  void workspace.filesChanged(p.changes);
});

/** Runs a document feature on the current analysis, timed and guarded. */
function feature<R>(name: string, uri: string, fallback: R, fn: (a: Analysis) => R): Promise<R> {
  const where = () => `${uri} v${documents.get(uri)?.version ?? '?'}`;
  return timer.run(name, where, fallback, async () => {
    const a = await store.get(uri);
    return a ? fn(a) : fallback;
  });
}

connection.onHover((p) => feature('hover', p.textDocument.uri, null, (a) => hover(a, p)));
connection.onCompletion((p) => feature('completion', p.textDocument.uri, [], (a) => completion(a, p, completionCaps)));
connection.onCodeAction((p) =>
  feature('codeAction', p.textDocument.uri, [], (a) =>
    [...codeActions(a, p, editCaps, canReview ? ledgers.view(a) : undefined), ...fillActions(a, p, editCaps)].filter(
      (c) => trusted || c.kind !== FIX_ALL_KIND,
    ),
  ),
);
connection.onNotification(TrustNotification, (p) => {
  trusted = p?.trusted !== false;
});
connection.onCodeActionResolve((action) => {
  const data = action.data;
  if (!isFixAllData(data)) return action;
  return feature('codeAction/resolve', data.uri, action, (a) => resolveFixAll(a, action, editCaps));
});
connection.onCodeLens((p) => feature('codeLens', p.textDocument.uri, [], (a) => codeLenses(a)));
connection.onDocumentSymbol((p) => feature('documentSymbol', p.textDocument.uri, [], (a) => documentSymbols(a)));
connection.onFoldingRanges((p) => feature('foldingRange', p.textDocument.uri, [], (a) => foldingRanges(a)));
connection.languages.inlayHint.on((p) => feature('inlayHint', p.textDocument.uri, [], (a) => inlayHints(a, p)));

connection.onExecuteCommand((p) => {
  const uri = typeof p.arguments?.[0] === 'string' ? p.arguments[0] : '?';
  return timer.run(
    `executeCommand ${p.command}`,
    () => `${uri} v${documents.get(uri)?.version ?? '?'}`,
    null,
    () => executeCommand(connection, store, editCaps, p),
  );
});

connection.onRequest(SkeletonRequest, (p) =>
  timer.run(
    SkeletonRequest.method,
    () => `format ${p?.format}`,
    new ResponseError<void>(ErrorCodes.InternalError, 'nianbao/skeleton failed (see the server log)'),
    () => skeletonRequest(p),
  ),
);
connection.onRequest(ReportFactsRequest, (p) =>
  timer.run<ReturnType<typeof reportFacts> | ResponseError<void>>(
    ReportFactsRequest.method,
    () => '',
    new ResponseError<void>(ErrorCodes.InternalError, 'nianbao/reportFacts failed (see the server log)'),
    () => reportFacts(p),
  ),
);
connection.onRequest(StatusRequest, (p) =>
  timer.run(
    StatusRequest.method,
    () => `${p?.uri} v${documents.get(p?.uri)?.version ?? '?'}`,
    null,
    () => statusRequest(store, p, ledgers),
  ),
);
connection.onRequest(ReviewRequest, (p) =>
  timer.run(
    ReviewRequest.method,
    () => `${p?.uri} v${documents.get(p?.uri)?.version ?? '?'}`,
    { recorded: false, reason: 'failed' },
    () => reviewRequest(store, ledgers, p, () => publisher.scheduleAll()),
  ),
);

/**
 * A request whose handler lives in a module loaded on the first request: the renderer and the
 * importer stay out of the server's start-up. Timed like the others; its errors are its answer.
 */
function lazyRequest<P, R>(type: RequestType<P, R, void>, load: () => (params: P) => Promise<R>): void {
  let handler: ((params: P) => Promise<R>) | undefined;
  const run = (params: P): Promise<R> => {
    handler ??= load();
    const uri = (params as { uri?: unknown } | undefined)?.uri;
    return timer.measure(
      type.method,
      () => (typeof uri === 'string' ? `${uri} v${documents.get(uri)?.version ?? '?'}` : ''),
      () => handler!(params),
    );
  };
  // vscode-jsonrpc's HandlerResult is a conditional type on R, which TypeScript cannot resolve for a generic R.
  connection.onRequest(type, run as RequestHandler<P, R, void>);
}

// nianbao/preview and nianbao/import live in their own modules (server/preview.ts, server/import.ts).
lazyRequest(PreviewRequest, () =>
  (require('./preview') as typeof import('./preview')).previewHandler(connection.console, async (uri) => {
    const a = await store.get(uri);
    return a && { result: a.result, locale: a.settings.locale };
  }),
);
// The import itself runs in a worker thread (server/importWorker.ts): this thread only reads the file.
lazyRequest(ImportRequest, () =>
  (require('./import') as typeof import('./import')).importHandler(connection.console, async (uri) =>
    uri && documents.get(uri) ? (await settings.get(uri)).locale : settings.effective(undefined).locale,
  ),
);
// The table editor: its model needs render/ (lazy); its edits only the core.
lazyRequest(TableRequest, () => (require('./table') as typeof import('./table')).tableHandler((uri) => store.get(uri)));
connection.onRequest(CellEditsRequest, (p) =>
  timer.run(
    CellEditsRequest.method,
    () => `${p?.uri} v${documents.get(p?.uri)?.version ?? '?'}`,
    null,
    () => cellEditsRequest(store, p),
  ),
);

documents.listen(connection);
connection.listen();
