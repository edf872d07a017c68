/**
 * Entry of the table editor's webview (bundled by esbuild into dist/webview/table.js). It talks
 * only to its host through `acquireVsCodeApi().postMessage` and the window's `message` events:
 * no network, no storage.
 */
import type { HostMessage, ViewMessage } from '../../protocol/tableView';
import { App } from './app';
import './style.css';

declare function acquireVsCodeApi(): { postMessage(m: ViewMessage): void };

const api = acquireVsCodeApi();
const app = new App(document.getElementById('app')!, { post: (m) => api.postMessage(m) });
window.addEventListener('message', (e: MessageEvent<HostMessage>) => {
  if (e.data && typeof e.data === 'object' && typeof e.data.type === 'string') app.onMessage(e.data);
});
// For tests and benches: the input → marks timings measured in the page.
(window as unknown as { nianbaoTable: App }).nianbaoTable = app;
api.postMessage({ type: 'ready' });
