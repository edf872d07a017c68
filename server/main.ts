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
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { REQUESTS } from '../protocol/commands';
import { IMPORT_REQUEST } from '../protocol/importPreview';
import { CellEditsRequest, TableRequest } from '../protocol/requests';
import { codeActions, FIX_ALL_KIND, isFixAllData, resolveFixAll, type EditCapabilities } from './codeActions';
import { codeLenses } from './codeLens';
import { executeCommand, SERVER_COMMANDS } from './commands';
import { completion, type CompletionCapabilities } from './completion';
import { DiagnosticsPublisher } from './diagnostics';
import { AnalysisStore, type Analysis } from './documents';
import { foldingRanges } from './folding';
import { hover } from './hover';
import { inlayHints } from './inlayHints';
import { skeletonRequest, statusRequest, type SkeletonParams } from './requests';
import { SettingsStore } from './settings';
import { cellEditsRequest } from './table/cellEdits';
import { documentSymbols } from './symbols';
import { makeTimer } from './timing';
import { WorkspaceIndex } from './workspaceIndex';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const timer = makeTimer(connection);

let settings: SettingsStore;
let store: AnalysisStore;
let publisher: DiagnosticsPublisher;
let workspace: WorkspaceIndex;
let workspaceFolderEvents = false;
let editCaps: EditCapabilities = { documentChanges: false };
let completionCaps: CompletionCapabilities = { snippets: false };
let dynamicConfiguration = false;
let refresh = { inlayHints: false, codeLens: false };

process.on('uncaughtException', (e) => connection.console.error(`[nianbao] uncaught: ${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`[nianbao] unhandled rejection: ${(e as Error)?.stack ?? e}`));

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  const init = (params.initializationOptions ?? {}) as { locale?: unknown };
  const clientLocale = typeof init.locale === 'string' ? init.locale : params.locale;
  settings = new SettingsStore(connection, caps.workspace?.configuration === true, clientLocale);
  store = new AnalysisStore(documents, settings, timer);
  publisher = new DiagnosticsPublisher(connection, store, timer);
  // Cross-year checks: the workspace's reports by organ and year (server/workspaceIndex.ts).
  const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
  workspace = new WorkspaceIndex(connection, documents, store, settings, (uri) => publisher.schedule(uri), {
    folders,
    dynamicWatch: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
  });
  store.crossYear = workspace;
  workspaceFolderEvents = caps.workspace?.workspaceFolders === true;
  editCaps = {
    documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
    resolveEdit: caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
  };
  completionCaps = { snippets: caps.textDocument?.completion?.completionItem?.snippetSupport === true };
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
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
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
});

connection.onDidChangeConfiguration((params) => {
  settings.changed(params?.settings);
  publisher.scheduleAll();
  void workspace.configurationChanged();
  if (refresh.inlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
  if (refresh.codeLens) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
});

documents.onDidChangeContent((e) => {
  workspace.documentChanged(e.document);
  publisher.schedule(e.document.uri);
});
documents.onDidClose((e) => {
  store.delete(e.document.uri);
  settings.forget(e.document.uri);
  publisher.clear(e.document.uri);
  workspace.documentClosed(e.document.uri);
});
connection.onDidChangeWatchedFiles((p) => void workspace.filesChanged(p.changes));

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
connection.onCodeAction((p) => feature('codeAction', p.textDocument.uri, [], (a) => codeActions(a, p, editCaps)));
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

connection.onRequest(REQUESTS.skeleton, (p: SkeletonParams) =>
  timer.run(
    'nianbao/skeleton',
    () => `format ${p?.format}`,
    null,
    () => skeletonRequest(p),
  ),
);
connection.onRequest(REQUESTS.status, (p: { uri: string }) =>
  timer.run(
    'nianbao/status',
    () => `${p?.uri} v${documents.get(p?.uri)?.version ?? '?'}`,
    null,
    () => statusRequest(store, p),
  ),
);

/**
 * A request served by a module that registers its own handler (`register(connection)`), loaded on
 * the first request: the renderer and the DOCX/HTML importers stay out of the server's start-up.
 * The handler is timed like the others; its errors are its answer and pass through.
 */
function lazyRequest(method: string, load: () => (c: Connection) => void): void {
  let handler: ((params: unknown, token: unknown) => unknown) | undefined;
  connection.onRequest(method, (params: unknown, token) => {
    if (!handler) {
      const capture = {
        onRequest: (_m: string, h: typeof handler) => {
          handler = h;
        },
        console: connection.console,
      } as unknown as Connection;
      load()(capture);
    }
    const uri = (params as { uri?: unknown } | undefined)?.uri;
    return timer.measure(
      method,
      () => (typeof uri === 'string' ? `${uri} v${documents.get(uri)?.version ?? '?'}` : ''),
      () => handler!(params, token),
    );
  });
}

// nianbao/preview and nianbao/import live in their own modules (server/preview.ts, server/import.ts).
lazyRequest(
  REQUESTS.preview,
  () => (c) =>
    (require('./preview') as typeof import('./preview')).registerPreview(c, async (uri) => {
      const a = await store.get(uri);
      return a && { result: a.result, locale: a.settings.locale };
    }),
);
// The table editor: its model needs render/ (lazy); its edits only the core.
lazyRequest(
  TableRequest.method,
  () => (c) => (require('./table') as typeof import('./table')).registerTable(c, (uri) => store.get(uri)),
);
connection.onRequest(CellEditsRequest, (p) =>
  timer.run(
    CellEditsRequest.method,
    () => `${p?.uri} v${documents.get(p?.uri)?.version ?? '?'}`,
    null,
    () => cellEditsRequest(store, p),
  ),
);
lazyRequest(IMPORT_REQUEST, () => (c) => (require('./import') as typeof import('./import')).registerImport(c));

documents.listen(connection);
connection.listen();
