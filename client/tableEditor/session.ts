/**
 * One table editor: a webview on one text document. The webview's inputs go to the server
 * (`nianbao/cellEdits`) and come back as minimal text edits, applied as one WorkspaceEdit per
 * batch (so a paste is one undo step, and undo, dirty state, save and an open text editor stay in
 * step). Every change of the text or its diagnostics brings a fresh model (`nianbao/table`).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CellEditsRequest, TableRequest } from '../../protocol/requests';
import type { CellChange, TableModel } from '../../protocol/table';
import type { FixOffer, HostMessage, ViewMessage } from '../../protocol/tableView';
import { applyFix, quickFixes } from './fixes';
import { tablePage } from './page';
import { l10n } from '../locale';

/** Tries of a batch whose edits were computed for a version the document has already left. */
const STALE_RETRIES = 3;

export class TableSession implements vscode.Disposable {
  private readonly subs: vscode.Disposable[] = [];
  private refreshing: Promise<void> | undefined;
  private again = false;
  /** Edit batches run one after the other, each on the version the previous one left. */
  private queue: Promise<unknown> = Promise.resolve();
  private offers: vscode.CodeAction[] = [];
  private lastJson: string | undefined;
  /** The last model sent, and the last version the webview said it drew. */
  model: TableModel | undefined;
  rendered = -1;
  /** Milliseconds from the editor's creation to its first model drawn, marks included. */
  openMs: number | undefined;
  private readonly createdAt = performance.now();
  private readonly renderWaiters: { version: number; resolve: () => void }[] = [];

  constructor(
    readonly document: vscode.TextDocument,
    private readonly panel: vscode.WebviewPanel,
    private readonly client: LanguageClient,
    extensionUri: vscode.Uri,
  ) {
    const root = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: [root] };
    webview.html = tablePage({
      nonce: randomBytes(16).toString('base64'),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'table.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'table.css')).toString(),
      lang: vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en',
      title: document.uri.path.split('/').pop() ?? '',
    });
    this.subs.push(
      webview.onDidReceiveMessage((m: ViewMessage) => void this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === document && e.contentChanges.length) void this.refresh();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === document.uri.toString())) void this.refresh();
      }),
    );
  }

  private post(m: HostMessage): void {
    void this.panel.webview.postMessage(m);
  }

  private async ready(): Promise<void> {
    if (!this.client.isRunning()) await this.client.start();
  }

  /** Sends the model of the document's current version; calls during a request make one more. */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      try {
        do {
          this.again = false;
          await this.ready();
          const model = await this.client.sendRequest(TableRequest, { uri: this.document.uri.toString() });
          // Diagnostics events often repeat what the last model said: the page is not redrawn for them.
          const json = model ? JSON.stringify(model) : undefined;
          if (model && json !== this.lastJson) {
            this.model = model;
            this.lastJson = json;
            this.post({ type: 'model', model });
          }
        } while (this.again);
      } catch (e) {
        void vscode.window.showErrorMessage(
          l10n.t('The table could not be drawn: {0}', e instanceof Error ? e.message : String(e)),
        );
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  /** A message from the webview (or from a test, through the same path). */
  onMessage(m: ViewMessage): Promise<unknown> {
    switch (m?.type) {
      case 'ready':
        // A new page (first open, or reloaded): it needs the model even if it is the last one sent.
        this.lastJson = undefined;
        return this.refresh();
      case 'edit': {
        const run = this.queue.then(() => this.edit(m.seq, m.changes ?? [], m.save === true));
        this.queue = run.catch(() => undefined);
        return run;
      }
      case 'fixes':
        return this.fixes(m.request, m.findings ?? []);
      case 'applyFix':
        return this.applyFix(m.fix);
      case 'reveal':
        return this.reveal(m.path);
      case 'rendered':
        this.openMs ??= performance.now() - this.createdAt;
        this.rendered = m.version;
        for (const w of this.renderWaiters.filter((x) => x.version <= m.version)) w.resolve();
        this.renderWaiters.splice(0, this.renderWaiters.length, ...this.renderWaiters.filter((x) => x.version > m.version));
        return Promise.resolve();
      default:
        return Promise.resolve();
    }
  }

  /** Resolves once the webview has drawn the model of `version` (or a later one). */
  drawn(version: number): Promise<void> {
    if (this.rendered >= version) return Promise.resolve();
    return new Promise((resolve) => this.renderWaiters.push({ version, resolve }));
  }

  private async edit(seq: number, changes: CellChange[], save: boolean): Promise<boolean> {
    const uri = this.document.uri;
    try {
      await this.ready();
      for (let attempt = 0; attempt < STALE_RETRIES; attempt++) {
        const version = this.document.version;
        const r = changes.length
          ? await this.client.sendRequest(CellEditsRequest, { uri: uri.toString(), version, changes })
          : { uri: uri.toString(), version, edits: [], outcomes: [] };
        if (!r) throw new Error(l10n.t('the language server does not have this document'));
        // The server answered for a version the document has left (or not reached): ask again.
        if (r.version !== this.document.version) continue;
        let ok = true;
        if (r.edits.length) {
          const edit = new vscode.WorkspaceEdit();
          for (const e of r.edits) edit.replace(uri, this.client.protocol2CodeConverter.asRange(e.range), e.newText);
          ok = await vscode.workspace.applyEdit(edit);
        }
        if (ok && save) await this.document.save();
        const rejected = r.outcomes.filter((o) => o.as === 'rejected').map((o) => o.path);
        this.post({
          type: 'applied',
          seq,
          ok: ok && !rejected.length,
          reason: rejected.length ? rejected.join(', ') : undefined,
          version: this.document.version,
        });
        if (!r.edits.length) void this.refresh(); // nothing changed: the webview still needs its pending marks cleared
        return ok;
      }
      throw new Error(l10n.t('the document kept changing'));
    } catch (e) {
      this.post({ type: 'applied', seq, ok: false, reason: e instanceof Error ? e.message : String(e) });
      return false;
    }
  }

  private async fixes(request: number, ids: number[]): Promise<FixOffer[]> {
    const findings = ids.map((i) => this.model?.findings[i]).filter((f) => f !== undefined);
    this.offers = await quickFixes(this.document.uri, findings);
    const fixes = this.offers.map((a, id) => ({ id, title: a.title, preferred: a.isPreferred === true }));
    this.post({ type: 'fixes', request, fixes });
    return fixes;
  }

  private async applyFix(id: number): Promise<boolean> {
    const action = this.offers[id];
    return action ? applyFix(action) : false;
  }

  /** The text editor beside, at the path's value. */
  private async reveal(path: string): Promise<void> {
    const cells = this.model?.sections.flatMap((s) => s.tables.flatMap((t) => [...t.head, ...t.body].flat())) ?? [];
    const fields = this.model?.fields.flatMap((g) => g.fields) ?? [];
    const range = cells.find((c) => c.path === path)?.range ?? fields.find((f) => f.path === path)?.range;
    const at = range ? this.client.protocol2CodeConverter.asRange(range) : undefined;
    await vscode.window.showTextDocument(this.document, {
      viewColumn: vscode.ViewColumn.Beside,
      selection: at,
      preserveFocus: false,
    });
  }

  onDispose(fn: () => void): void {
    this.subs.push(this.panel.onDidDispose(fn));
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}
