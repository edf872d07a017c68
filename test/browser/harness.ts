/**
 * The table editor's webview alone, in headless Chromium (playwright-core and Debian's chromium
 * from the editors cache, scripts/setup-editors.sh), with a fake message bus in place of VS Code:
 * the built page (client/tableEditor/page.ts loading dist/webview/table.{js,css}) served from a
 * loopback HTTP server, `acquireVsCodeApi` injected before the page's script, and the host's side
 * played by this process against the REAL language server (test/protocol/client.ts): models from
 * `nianbao/table`, inputs through `nianbao/cellEdits`, quick fixes from `textDocument/codeAction`.
 * Ctrl+S with nothing pending reaches the "workbench" as it does in VS Code: it saves.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { tablePage } from '../../client/tableEditor/page';
import { CellEditsRequest, TableRequest } from '../../protocol/requests';
import type { CellEditsResult, TableModel } from '../../protocol/table';
import type { HostMessage, ViewMessage } from '../../protocol/tableView';
import { ROOT, TestClient, uriFor } from '../protocol/client';

/** How long stop() lets the browser context take to close before it moves on. */
const CLOSE_DEADLINE_MS = 5_000;

const CACHE = process.env.NIANBAO_EDITOR_CACHE || join(homedir(), '.cache/nianbao-editors');
const CHROMIUM = process.env.NIANBAO_CHROMIUM || '/usr/bin/chromium';
/** Deadline of any one wait in the page. */
export const STEP_MS = Number(process.env.NIANBAO_UI_STEP_MS || 20_000);

// biome-ignore lint/suspicious/noExplicitAny: playwright-core is loaded from the editors cache, untyped here.
type Page = any;

interface Playwright {
  chromium: {
    launchPersistentContext(
      dir: string,
      o: Record<string, unknown>,
    ): Promise<{ pages(): Page[]; newPage(): Promise<Page>; close(): Promise<void> }>;
  };
}

export function playwright(): Playwright | undefined {
  try {
    return createRequire(join(CACHE, 'playwright/package.json'))('playwright-core') as Playwright;
  } catch {
    return undefined;
  }
}

export interface HarnessOptions {
  text: string;
  name?: string;
  locale?: 'zh-CN' | 'en';
  /** VS Code's body class (vscode-light, vscode-dark, vscode-high-contrast) and its colours. */
  theme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

const DARK_VARS = {
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-editor-foreground': '#cccccc',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-editorWidget-background': '#202020',
  '--vscode-editorWidget-border': '#454545',
  '--vscode-input-background': '#313131',
  '--vscode-input-foreground': '#cccccc',
  '--vscode-editor-selectionBackground': '#264f78',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-editorError-foreground': '#f14c4c',
  '--vscode-editorWarning-foreground': '#cca700',
  '--vscode-inputValidation-errorBackground': '#5a1d1d',
  '--vscode-inputValidation-warningBackground': '#352a05',
};

export class Harness {
  readonly uri: string;
  readonly messages: ViewMessage[] = [];
  readonly requests: string[] = [];
  model: TableModel | undefined;
  rendered = -1;
  /** Milliseconds from loading the page to its first model drawn (the server's model included). */
  openMs = 0;
  saved: string | undefined;
  private offers: CodeAction[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly client: TestClient,
    readonly page: Page,
    private readonly context: { close(): Promise<void> },
    private readonly http: Server,
    private readonly scratch: string,
    name: string,
  ) {
    this.uri = uriFor(name);
  }

  static async start(o: HarnessOptions): Promise<Harness> {
    const pw = playwright();
    if (!pw) throw new Error(`playwright-core not found in ${CACHE}: run scripts/setup-editors.sh`);
    const client = await TestClient.start({ locale: o.locale === 'en' ? 'en' : 'zh-cn' });
    const name = o.name ?? 'webview.nianbao.yaml';
    await client.open(uriFor(name), o.text);
    const nonce = randomBytes(16).toString('base64');
    const http = createServer((req, res) => {
      const url = req.url ?? '/';
      if (url === '/') {
        const origin = `http://${req.headers.host}`;
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(
          tablePage({
            nonce,
            cspSource: origin,
            scriptUri: `${origin}/dist/webview/table.js`,
            styleUri: `${origin}/dist/webview/table.css`,
            lang: o.locale ?? 'zh-CN',
            title: name,
          }),
        );
      } else if (/^\/dist\/webview\/table\.(js|css)$/.test(url)) {
        res.setHeader('content-type', url.endsWith('.js') ? 'text/javascript' : 'text/css');
        res.end(readFileSync(join(ROOT, url)));
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const port = (http.address() as { port: number }).port;
    const scratch = mkdtempSync(join(tmpdir(), 'nianbao-webview-'));
    const context = await pw.chromium.launchPersistentContext(scratch, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: o.viewport ?? { width: 1280, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-sync',
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(STEP_MS);
    const h = new Harness(client, page, context, http, scratch, name);
    page.on('request', (r: { url(): string }) => h.requests.push(r.url()));
    await page.exposeFunction('__nianbaoPost', (m: ViewMessage) => h.onViewMessage(m));
    const theme = o.theme ?? 'light';
    await page.addInitScript(
      ({ vars, dark }: { vars: Record<string, string>; dark: boolean }) => {
        const w = window as unknown as Record<string, unknown>;
        w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => (w.__nianbaoPost as (m: unknown) => void)(m) });
        // VS Code's theme: the body class and the colour variables on the root element.
        document.addEventListener('DOMContentLoaded', () => {
          document.body.classList.add(dark ? 'vscode-dark' : 'vscode-light');
          if (dark) for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
        });
        // The workbench's keybinding for a Ctrl+S the page does not keep: save.
        window.addEventListener('keydown', (e) => {
          if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
            e.preventDefault();
            (w.__nianbaoPost as (m: unknown) => void)({ type: '__save' });
          }
        });
      },
      { vars: DARK_VARS, dark: theme === 'dark' },
    );
    const t0 = performance.now();
    await page.goto(`http://127.0.0.1:${port}/`);
    await h.drawn(1);
    h.openMs = performance.now() - t0;
    return h;
  }

  /** The host's side of a message, in order (as the extension's session does it). */
  private onViewMessage(m: ViewMessage | { type: '__save' }): void {
    if (m.type !== '__save') this.messages.push(m);
    const run = this.queue.then(() => this.handle(m));
    this.queue = run.catch((e) => console.error('[harness]', e));
  }

  private async handle(m: ViewMessage | { type: '__save' }): Promise<void> {
    switch (m.type) {
      case 'ready':
        return this.sendModel();
      case 'rendered':
        this.rendered = Math.max(this.rendered, m.version);
        return;
      case '__save':
        this.saved = this.text;
        return;
      case 'edit': {
        const r = m.changes.length
          ? await this.client.request<CellEditsResult>(CellEditsRequest.method, {
              uri: this.uri,
              version: this.client.version(this.uri),
              changes: m.changes,
            })
          : undefined;
        if (r?.edits.length) await this.client.edit(this.uri, r.edits);
        if (m.save) this.saved = this.text;
        this.post({ type: 'applied', seq: m.seq, ok: true, version: this.client.version(this.uri) });
        return this.sendModel();
      }
      case 'fixes': {
        const findings = m.findings.map((i) => this.model!.findings[i]);
        const published = await this.client.currentDiagnostics(this.uri);
        this.offers = [];
        for (const f of findings) {
          const d = published.find((x: Diagnostic) => x.code === f.code && JSON.stringify(x.range) === JSON.stringify(f.range));
          if (!d) continue;
          const actions = await this.client.codeActions(this.uri, d.range, [d], ['quickfix']);
          this.offers.push(...actions.filter((a) => !this.offers.some((o) => o.title === a.title)));
        }
        this.offers.sort((a, b) => Number(b.isPreferred ?? false) - Number(a.isPreferred ?? false));
        this.post({
          type: 'fixes',
          request: m.request,
          fixes: this.offers.map((a, id) => ({ id, title: a.title, preferred: a.isPreferred === true })),
        });
        return;
      }
      case 'applyFix': {
        const action = await this.client.resolveCodeAction(this.offers[m.fix]);
        if (action.edit) await Promise.all(this.client.applyEdit(action.edit));
        return this.sendModel();
      }
      default:
        return;
    }
  }

  private async sendModel(): Promise<void> {
    const model = await this.client.request<TableModel | null>(TableRequest.method, { uri: this.uri });
    if (!model) return;
    this.model = model;
    this.post({ type: 'model', model });
  }

  private post(m: HostMessage): void {
    void this.page.evaluate((msg: HostMessage) => window.postMessage(msg, '*'), m);
  }

  get text(): string {
    return this.client.text(this.uri);
  }

  get version(): number {
    return this.client.version(this.uri);
  }

  /** Waits until the page has drawn the model of `version` (or later). */
  async drawn(version = this.version): Promise<void> {
    const deadline = Date.now() + STEP_MS;
    while (this.rendered < version) {
      if (Date.now() > deadline)
        throw new Error(`the page did not draw version ${version} within ${STEP_MS} ms (drew ${this.rendered})`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Waits for all messages so far to be handled and the resulting model to be drawn. */
  async settle(): Promise<void> {
    const deadline = Date.now() + STEP_MS;
    for (;;) {
      await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      await this.queue;
      if (this.rendered >= this.version) {
        await this.queue;
        if (this.rendered >= this.version) return;
      }
      if (Date.now() > deadline) throw new Error('the page did not settle');
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** The messages of a type since index `from`. */
  sent<T extends ViewMessage['type']>(type: T, from = 0): Extract<ViewMessage, { type: T }>[] {
    return this.messages.slice(from).filter((m): m is Extract<ViewMessage, { type: T }> => m.type === type);
  }

  /** The path of the cell that has the focus. */
  activePath(): Promise<string | undefined> {
    return this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.path);
  }

  /** The page's own input → marks timings (ms), from the first index on. */
  timings(from = 0): Promise<number[]> {
    return this.page.evaluate(
      (i: number) => (window as unknown as { nianbaoTable: { timings: number[] } }).nianbaoTable.timings.slice(i),
      from,
    );
  }

  async focusCell(path: string): Promise<void> {
    await this.page.locator(`td[data-path="${path}"]`).click();
  }

  async stop(): Promise<void> {
    // A deadline, not a wait: the browser context closes at once; if it hangs, the test still ends.
    await Promise.race([
      this.context.close().catch(() => undefined),
      new Promise((r) => setTimeout(r, CLOSE_DEADLINE_MS).unref()),
    ]);
    await new Promise((r) => this.http.close(r));
    await this.client.stop();
    rmSync(this.scratch, { recursive: true, force: true });
  }
}
