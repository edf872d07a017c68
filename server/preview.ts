/**
 * `nianbao/preview`: the document rendered by core/render as the official report in HTML, with
 * its diagnostics, the webview's CSP nonce and source, and the scroll-sync script.
 */
import { randomBytes } from 'node:crypto';
import type { Connection } from 'vscode-languageserver';
import { checkText, type CheckOptions, type Locale } from '../core';
import { renderReport } from '../core/render';
import { REQUESTS } from '../protocol/commands';
import type { PreviewParams } from '../protocol/importPreview';

export interface PreviewSettings { locale?: Locale; options?: CheckOptions }

export function previewHtml(text: string, params: Omit<PreviewParams, 'uri'>, settings: PreviewSettings = {}): string {
  const nonce = params.nonce ?? randomBytes(16).toString('base64');
  return renderReport(checkText(text, settings.options ?? {}), { nonce, cspSource: params.cspSource, script: true, locale: settings.locale });
}

/**
 * Answers `nianbao/preview` with the rendered page, or null for a document the server does not
 * have. `getSettings` (optional) gives the document's locale and check options.
 */
export function registerPreview(connection: Connection, getText: (uri: string) => string | undefined, getSettings?: (uri: string) => PreviewSettings | Promise<PreviewSettings>): void {
  connection.onRequest(REQUESTS.preview, async (params: PreviewParams) => {
    const uri = params?.uri;
    if (typeof uri !== 'string') return null;
    const text = getText(uri);
    if (text === undefined) return null;
    try {
      return previewHtml(text, params, getSettings ? await getSettings(uri) : {});
    } catch (e) {
      connection.console.error(`[nianbao] preview of ${uri} failed: ${(e as Error)?.stack ?? e}`);
      return null;
    }
  });
}
