/**
 * A small LSP client for the protocol tests: spawns the REAL bundled server (dist/server.js)
 * over stdio (or node-ipc), speaks JSON-RPC with vscode-languageserver-protocol, keeps the
 * documents it opened in sync (applying workspace/applyEdit and code action edits locally and
 * sending didChange), serves workspace/configuration from `settings`, and lets tests wait for
 * publishDiagnostics with a deadline instead of sleeping.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  CodeActionResolveRequest,
  CodeLensRefreshRequest,
  CodeLensRequest,
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  ExitNotification,
  FoldingRangeRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  InlayHintRefreshRequest,
  InlayHintRequest,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InitializeResult,
  type InlayHint,
  type CodeLens,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../core/text/lines';

export const ROOT = join(__dirname, '..', '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');

export function example(name: string): string {
  return readFileSync(join(ROOT, 'examples', name), 'utf8');
}

export function uriFor(name: string): string {
  return `file:///workspace/${name}`;
}

/** The position of the `n`th occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0, n = 0): Position {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${n}) not in text`);
  }
  return new LineIndex(text).position(at + delta);
}

/** The position of `needle` (plus `delta`) on the first line that contains `lineNeedle`. */
export function positionOnLine(text: string, lineNeedle: string, needle: string, delta = 0): Position {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(lineNeedle));
  if (line < 0) throw new Error(`no line with "${lineNeedle}"`);
  const character = lines[line].indexOf(needle);
  if (character < 0) throw new Error(`"${needle}" not on the line of "${lineNeedle}"`);
  return { line, character: character + delta };
}

/** What VS Code 1.9x announces, trimmed to what the server looks at. */
export const VSCODE_CAPABILITIES: ClientCapabilities = {
  workspace: {
    applyEdit: true,
    workspaceEdit: {
      documentChanges: true,
      resourceOperations: ['create', 'rename', 'delete'],
      failureHandling: 'textOnlyTransactional',
      changeAnnotationSupport: { groupsOnLabel: true },
    },
    didChangeConfiguration: { dynamicRegistration: true },
    configuration: true,
    executeCommand: { dynamicRegistration: true },
    inlayHint: { refreshSupport: true },
    codeLens: { refreshSupport: true },
    workspaceFolders: true,
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: true,
      codeDescriptionSupport: true,
      dataSupport: true,
      tagSupport: { valueSet: [1, 2] },
    },
    hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
    completion: {
      dynamicRegistration: true,
      contextSupport: true,
      completionItem: {
        snippetSupport: true,
        documentationFormat: ['markdown', 'plaintext'],
        insertReplaceSupport: true,
        preselectSupport: true,
        labelDetailsSupport: true,
      },
    },
    codeAction: {
      dynamicRegistration: true,
      isPreferredSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
      codeActionLiteralSupport: {
        codeActionKind: {
          valueSet: [
            '',
            'quickfix',
            'refactor',
            'refactor.extract',
            'refactor.inline',
            'refactor.rewrite',
            'source',
            'source.organizeImports',
            'source.fixAll',
          ],
        },
      },
    },
    codeLens: { dynamicRegistration: true },
    documentSymbol: { dynamicRegistration: true, hierarchicalDocumentSymbolSupport: true, labelSupport: true },
    foldingRange: { dynamicRegistration: true, rangeLimit: 5000, lineFoldingOnly: true },
    inlayHint: {
      dynamicRegistration: true,
      resolveSupport: { properties: ['tooltip', 'textEdits', 'label.tooltip', 'label.location', 'label.command'] },
    },
  },
  window: { workDoneProgress: true, showMessage: {}, showDocument: { support: true } },
};

export interface StartOptions {
  transport?: 'stdio' | 'ipc';
  /** Arguments for node instead of `dist/server.js --stdio` (e.g. the CLI's `lsp --stdio`). */
  command?: string[];
  /** initializationOptions besides the locale (e.g. clientCommands). */
  initializationOptions?: Record<string, unknown>;
  /** initializationOptions.locale (the VS Code display language). */
  locale?: string;
  /** The "nianbao" configuration section served to workspace/configuration. */
  settings?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  env?: Record<string, string>;
  /** More initializationOptions (e.g. `trusted: false`, as the VS Code client sends in Restricted Mode). */
  init?: Record<string, unknown>;
  /** The workspace folders to announce (default file:///workspace); null for a window without folders. */
  workspaceFolders?: { uri: string; name: string }[] | null;
}

interface Waiter {
  uri: string;
  predicate: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class TestClient {
  readonly logs: string[] = [];
  readonly applyEditRequests: ApplyWorkspaceEditParams[] = [];
  /** Every client/registerCapability registration, in order. */
  readonly registrations: Registration[] = [];
  /** Every publishDiagnostics per uri, with the time it arrived (performance.now()). */
  readonly published = new Map<string, { params: PublishDiagnosticsParams; at: number }[]>();
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  private readonly docs = new Map<string, TextDocument>();
  private waiters: Waiter[] = [];
  private logListeners: (() => void)[] = [];
  private exited = false;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    opts: StartOptions,
  ) {
    this.settings = opts.settings ?? {};
    child.on('exit', () => {
      this.exited = true;
    });
    child.stderr?.on('data', (d: Buffer) => this.logs.push(`stderr: ${d.toString()}`));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.published.get(p.uri) ?? [];
      list.push({ params: p, at: performance.now() });
      this.published.set(p.uri, list);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== p.uri || !w.predicate(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    connection.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p.message);
      for (const l of [...this.logListeners]) l();
    });
    connection.onRequest(ConfigurationRequest.type, (p) =>
      p.items.map((item) => (item.section === 'nianbao' ? this.settings : null)),
    );
    connection.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations);
    });
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(InlayHintRefreshRequest.type, () => undefined);
    connection.onRequest(CodeLensRefreshRequest.type, () => undefined);
    connection.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      this.applyEditRequests.push(p);
      try {
        // The edits land when the server's own didChange notifications arrive; the answer is only whether they apply.
        void Promise.all(this.applyEdit(p.edit));
        return { applied: true };
      } catch (e) {
        return { applied: false, failureReason: (e as Error).message };
      }
    });
  }

  static async start(opts: StartOptions = {}): Promise<TestClient> {
    const env = { ...process.env, ...opts.env };
    let child: ChildProcess;
    let connection: ProtocolConnection;
    if (opts.transport === 'ipc') {
      child = fork(SERVER, ['--node-ipc'], { silent: true, env });
      connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    } else {
      child = spawn(process.execPath, opts.command ?? [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
      connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    }
    const client = new TestClient(child, connection, opts);
    const folders =
      opts.workspaceFolders === undefined ? [{ uri: 'file:///workspace', name: 'workspace' }] : opts.workspaceFolders;
    connection.listen();
    const died = new Promise<never>((_, reject) => {
      child.once('error', reject);
      child.once('exit', (code) =>
        reject(new Error(`server exited (${code}) before answering initialize:\n${client.logs.join('\n')}`)),
      );
    });
    died.catch(() => undefined);
    client.initializeResult = await withDeadline(
      Promise.race([
        died,
        connection.sendRequest(InitializeRequest.type, {
          processId: process.pid,
          rootUri: folders?.[0]?.uri ?? null,
          workspaceFolders: folders,
          capabilities: opts.capabilities ?? VSCODE_CAPABILITIES,
          initializationOptions: { ...opts.initializationOptions, ...(opts.locale ? { locale: opts.locale } : {}), ...opts.init },
          locale: opts.locale,
          clientInfo: { name: 'nianbao-protocol-test', version: '0' },
        }),
      ]),
      10_000,
      'initialize',
    );
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  // ---- documents -------------------------------------------------------------------------

  async open(uri: string, text: string, languageId = 'nianbao'): Promise<number> {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return 1;
  }

  /** Replaces the whole text (a full-content change). */
  async change(uri: string, text: string): Promise<number> {
    const doc = this.doc(uri);
    const next = TextDocument.create(uri, doc.languageId, doc.version + 1, text);
    this.docs.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: next.version },
      contentChanges: [{ text }],
    });
    return next.version;
  }

  /** Applies edits locally and sends them as incremental changes (last first, like an editor). */
  async edit(uri: string, edits: TextEdit[]): Promise<number> {
    const doc = this.doc(uri);
    const text = TextDocument.applyEdits(doc, edits);
    const next = TextDocument.create(uri, doc.languageId, doc.version + 1, text);
    this.docs.set(uri, next);
    const sorted = [...edits].sort(
      (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
    );
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: next.version },
      contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })),
    });
    return next.version;
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.doc(uri).getText();
  }
  version(uri: string): number {
    return this.doc(uri).version;
  }

  private doc(uri: string): TextDocument {
    const d = this.docs.get(uri);
    if (!d) throw new Error(`not open: ${uri}`);
    return d;
  }

  /**
   * Applies a WorkspaceEdit as VS Code would: a versioned TextDocumentEdit must name the
   * current version, or the edit is refused. Returns the new version per uri.
   */
  applyEdit(edit: WorkspaceEdit): Promise<number>[] {
    const plans: { uri: string; edits: TextEdit[] }[] = [];
    for (const change of edit.documentChanges ?? []) {
      if (!('textDocument' in change)) throw new Error('resource operations are not expected');
      const { uri, version } = change.textDocument;
      if (version !== null && version !== this.version(uri))
        throw new Error(`stale edit: v${version}, document is v${this.version(uri)}`);
      plans.push({ uri, edits: change.edits as TextEdit[] });
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) plans.push({ uri, edits });
    return plans.map((p) => this.edit(p.uri, p.edits));
  }

  /** Resolves when a window/logMessage matching `pattern` has arrived. */
  async waitForLog(pattern: RegExp, timeoutMs = 5_000): Promise<string> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const hit = this.logs.find((l) => pattern.test(l));
      if (hit) return hit;
      if (performance.now() > deadline)
        throw new Error(`no log matching ${pattern} within ${timeoutMs} ms:\n${this.logs.join('\n')}`);
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.logListeners = this.logListeners.filter((l) => l !== done);
          resolve();
        };
        const timer = setTimeout(done, Math.max(1, deadline - performance.now()));
        this.logListeners.push(done);
      });
    }
  }

  // ---- diagnostics -----------------------------------------------------------------------

  latestDiagnostics(uri: string): PublishDiagnosticsParams | undefined {
    const list = this.published.get(uri);
    return list?.[list.length - 1]?.params;
  }

  /** Resolves with the first publishDiagnostics (the latest one already received included) that satisfies `predicate`. */
  waitForDiagnostics(
    uri: string,
    predicate: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 5_000,
  ): Promise<PublishDiagnosticsParams> {
    const latest = this.latestDiagnostics(uri);
    if (latest && predicate(latest)) return Promise.resolve(latest);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        uri,
        predicate,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const last = this.latestDiagnostics(uri);
        reject(
          new Error(
            `no matching diagnostics for ${uri} within ${timeoutMs} ms; last: v${last?.version} ${last?.diagnostics.map((d) => d.code).join(',')}\n${this.logs.join('\n')}`,
          ),
        );
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Diagnostics for the document's current version. */
  currentDiagnostics(uri: string, timeoutMs = 5_000): Promise<Diagnostic[]> {
    const v = this.version(uri);
    return this.waitForDiagnostics(uri, (p) => p.version === v, timeoutMs).then((p) => p.diagnostics);
  }

  // ---- requests --------------------------------------------------------------------------

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request(HoverRequest.type.method, { textDocument: { uri }, position });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const r = await this.request<CompletionItem[] | CompletionList | null>(CompletionRequest.type.method, {
      textDocument: { uri },
      position,
      context: { triggerKind: 1 },
    });
    return Array.isArray(r) ? r : (r?.items ?? []);
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const r = await this.request<(CodeAction | Command)[] | null>(CodeActionRequest.type.method, {
      textDocument: { uri },
      range,
      context: { diagnostics, only, triggerKind: 1 },
    });
    return (r ?? []).filter((a): a is CodeAction => 'kind' in a || 'edit' in a || 'diagnostics' in a);
  }

  /** The action with its edit (resolving it when the server deferred the edit). */
  async resolveCodeAction(action: CodeAction): Promise<CodeAction> {
    if (action.edit || action.data === undefined) return action;
    return this.request<CodeAction>(CodeActionResolveRequest.type.method, action);
  }

  async codeLenses(uri: string): Promise<CodeLens[]> {
    return (await this.request<CodeLens[] | null>(CodeLensRequest.type.method, { textDocument: { uri } })) ?? [];
  }

  async symbols(uri: string): Promise<DocumentSymbol[]> {
    return (await this.request<DocumentSymbol[] | null>(DocumentSymbolRequest.type.method, { textDocument: { uri } })) ?? [];
  }

  async folding(uri: string): Promise<FoldingRange[]> {
    return (await this.request<FoldingRange[] | null>(FoldingRangeRequest.type.method, { textDocument: { uri } })) ?? [];
  }

  async inlayHints(uri: string, range?: Range): Promise<InlayHint[]> {
    const all = { start: { line: 0, character: 0 }, end: { line: this.doc(uri).lineCount, character: 0 } };
    return (
      (await this.request<InlayHint[] | null>(InlayHintRequest.type.method, { textDocument: { uri }, range: range ?? all })) ?? []
    );
  }

  executeCommand<R = unknown>(command: string, args: unknown[]): Promise<R> {
    return this.request(ExecuteCommandRequest.type.method, { command, arguments: args });
  }

  /** Any request, with a deadline so a hung server fails the test instead of stalling it. */
  request<R>(method: string, params: unknown, timeoutMs = 10_000): Promise<R> {
    return withDeadline(this.connection.sendRequest(method, params) as Promise<R>, timeoutMs, method);
  }

  /** Any notification to the server. */
  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Replaces the settings and tells the server (which pulls them again). */
  async updateSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  get alive(): boolean {
    return !this.exited;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => {
      if (this.exited) resolve();
      else this.child.once('exit', () => resolve());
    });
    try {
      await withDeadline(this.connection.sendRequest(ShutdownRequest.type), 5_000, 'shutdown');
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      /* killed below */
    }
    try {
      await withDeadline(exited, 5_000, 'exit');
    } catch {
      this.child.kill();
    }
    this.connection.dispose();
  }
}

export function withDeadline<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** Number of comment lines (`#` after optional indentation) in a text. */
export function commentLines(text: string): number {
  return text.split('\n').filter((l) => /^\s*#/.test(l)).length;
}

/** Number of end-of-line comments (`  # …` after a value). */
export function trailingComments(text: string): number {
  return text.split('\n').filter((l) => /\S\s+#\s/.test(l) && !/^\s*#/.test(l)).length;
}
