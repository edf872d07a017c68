/**
 * "在侧边打开年报预览 / Open Report Preview to the Side": a webview beside the editor showing
 * the report as the official report (HTML from the server's `nianbao/preview`, rendered by
 * render/). It follows edits (debounced re-render), follows the active report editor,
 * scrolls with the editor (visible range → the element with the nearest source line), and a
 * double-click in the preview reveals that line in the editor. Strict CSP: the page's style
 * and script carry a fresh nonce; resources only from `webview.cspSource`.
 *
 * Speed: the first page is loaded whole; later renders replace its `<main>` in place (a small
 * script added beside the page's own, `LIVE_UPDATE`), because reloading the webview for every
 * edit took most of a second. A page without `<main>` asks for a whole reload.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { l10n } from './locale';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../protocol/commands';
import { PreviewRequest } from '../protocol/requests';
import type { PreviewParams } from '../protocol/importPreview';
import { isNianbao } from './feature';

/**
 * Edits are coalesced this long before a render (typing runs ~5–10 characters a second): the
 * page follows within ~50 ms of the last keystroke plus the render and the page load.
 */
const DEBOUNCE_MS = 50;
const VIEW_TYPE = 'nianbao.preview';

/**
 * Runs before the page's own script (same nonce): keeps the one webview API object the page may
 * acquire, so both scripts can post; on `update` swaps the page's `<main>` for the new one
 * (parsed, never executed) and says `ready` as a loaded page does.
 */
const LIVE_UPDATE = `(function () {
  var api = acquireVsCodeApi();
  window.acquireVsCodeApi = function () { return api; };
  window.addEventListener('message', function (e) {
    var m = e.data;
    if (!m || m.type !== 'update' || typeof m.html !== 'string') return;
    var next = new DOMParser().parseFromString(m.html, 'text/html');
    var main = next.querySelector('main');
    var current = document.querySelector('main');
    if (!main || !current) { api.postMessage({ type: 'reload' }); return; }
    current.replaceWith(document.adoptNode(main));
    document.title = next.title;
    api.postMessage({ type: 'ready', version: m.version });
  });
})();`;

/** The page with LIVE_UPDATE before its first nonce'd script; undefined when it has none (then every render reloads). */
function withLiveUpdate(html: string, nonce: string): string | undefined {
  const at = html.indexOf(`<script nonce="${nonce}">`);
  return at < 0 ? undefined : `${html.slice(0, at)}<script nonce="${nonce}">${LIVE_UPDATE}</script>${html.slice(at)}`;
}

/** A page was loaded in the preview (its script said `ready`): which document, which version. Tests and benchmarks wait on it. */
export const rendered = new vscode.EventEmitter<{ uri: string; version: number }>();

export function register(context: vscode.ExtensionContext, client: LanguageClient): void {
  const preview = new Preview(client);
  context.subscriptions.push(
    preview,
    vscode.commands.registerCommand(COMMANDS.preview, (uri?: vscode.Uri) => preview.show(uri)),
  );
}

class Preview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private doc: vscode.TextDocument | undefined;
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  /** The document version the page being loaded was rendered from. */
  private shownVersion = -1;
  /** The loaded page can take updates in place (it said `ready` and has LIVE_UPDATE). */
  private live = false;
  private canUpdate = false;
  /** The document the loaded page shows. */
  private shownUri = '';
  /** A render is under way: a later edit waits for it, then renders once (no queue of stale pages). */
  private busy = false;
  private again = false;
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.subs.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document === this.doc) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && isNianbao(editor.document) && editor.document !== this.doc) {
          this.doc = editor.document;
          void this.update();
        }
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (this.panel && e.textEditor.document === this.doc) this.scrollTo(e.visibleRanges[0]?.start.line);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.doc) this.panel?.dispose();
      }),
    );
  }

  async show(uri?: vscode.Uri): Promise<void> {
    const doc =
      uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!doc || !isNianbao(doc)) {
      void vscode.window.showInformationMessage(l10n.t('Open a nianbao report to preview it.'));
      return;
    }
    this.doc = doc;
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      this.panel = vscode.window.createWebviewPanel(
        VIEW_TYPE,
        this.title(doc),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, enableFindWidget: true, localResourceRoots: [] },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.live = false;
        clearTimeout(this.timer);
      });
      this.panel.webview.onDidReceiveMessage((m: { type?: string; line?: number; version?: number }) => this.onMessage(m));
    }
    await this.update();
  }

  private title(doc: vscode.TextDocument): string {
    const name = doc.uri.path.split('/').pop() ?? '';
    return l10n.t('Preview {0}', name);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), DEBOUNCE_MS);
  }

  private async update(): Promise<void> {
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    try {
      do {
        this.again = false;
        await this.render();
      } while (this.again);
    } finally {
      this.busy = false;
    }
  }

  private async render(): Promise<void> {
    const panel = this.panel;
    const doc = this.doc;
    if (!panel || !doc) return;
    const seq = ++this.seq;
    const version = doc.version;
    const nonce = randomBytes(16).toString('base64');
    const params: PreviewParams = {
      uri: this.client.code2ProtocolConverter.asUri(doc.uri),
      nonce,
      cspSource: panel.webview.cspSource,
    };
    let html: string | null;
    try {
      if (!this.client.isRunning()) await this.client.start();
      html = await this.client.sendRequest(PreviewRequest, params);
    } catch (e) {
      html = null;
      if (seq === this.seq)
        void vscode.window.showErrorMessage(
          l10n.t('The preview could not be rendered: {0}', e instanceof Error ? e.message : String(e)),
        );
    }
    // A newer request (a later edit) wins; a stale answer is dropped.
    if (seq !== this.seq || panel !== this.panel || html === null) return;
    panel.title = this.title(doc);
    this.shownVersion = version;
    if (this.live && this.shownUri === doc.uri.toString() && (await panel.webview.postMessage({ type: 'update', html, version })))
      return;
    const page = withLiveUpdate(html, nonce);
    this.live = false;
    this.shownUri = doc.uri.toString();
    this.canUpdate = page !== undefined;
    panel.webview.html = page ?? html;
  }

  private scrollTo(line: number | undefined): void {
    if (line !== undefined) void this.panel?.webview.postMessage({ type: 'scroll', line });
  }

  private onMessage(m: { type?: string; line?: number; version?: number }): void {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.doc);
    if (m?.type === 'reload') {
      this.live = false;
      void this.update();
    } else if (m?.type === 'ready') {
      // A new page was loaded: put it where the editor is.
      this.live = this.canUpdate;
      this.scrollTo(editor?.visibleRanges[0]?.start.line);
      const version = typeof m.version === 'number' ? m.version : this.shownVersion;
      if (this.doc) rendered.fire({ uri: this.doc.uri.toString(), version });
    } else if (m?.type === 'reveal' && typeof m.line === 'number' && this.doc) {
      const pos = new vscode.Position(Math.max(0, m.line), 0);
      void vscode.window.showTextDocument(this.doc, { viewColumn: editor?.viewColumn, selection: new vscode.Range(pos, pos) });
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subs) s.dispose();
  }
}
