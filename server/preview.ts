/**
 * `nianbao/preview`: the document rendered by render/ as the official report in HTML, with
 * its diagnostics, the webview's CSP nonce and source, and the scroll-sync script.
 */
import { randomBytes } from 'node:crypto';
import type { RemoteConsole } from 'vscode-languageserver';
import { checkText, type CheckOptions, type CheckResult, type Locale } from '../core';
import { renderReport } from '../render';
import type { PreviewParams } from '../protocol/importPreview';

export interface PreviewSettings {
  locale?: Locale;
  options?: CheckOptions;
}

export function previewHtml(text: string, params: Omit<PreviewParams, 'uri'>, settings: PreviewSettings = {}): string {
  return previewOf(checkText(text, settings.options ?? {}), params, settings.locale);
}

/** The page for a check result the server already has (no second check). */
export function previewOf(result: CheckResult, params: Omit<PreviewParams, 'uri'>, locale?: Locale): string {
  const nonce = params.nonce ?? randomBytes(16).toString('base64');
  return renderReport(result, { nonce, cspSource: params.cspSource, script: true, locale });
}

/** What the server knows of an open document: its current check (cross-year findings included). */
export interface PreviewSource {
  result: CheckResult;
  locale: Locale;
}

/**
 * The `nianbao/preview` handler: the rendered page of the document's current analysis (shared
 * with every other feature), or null for a document the server does not have.
 * @public loaded lazily by server/main.ts through `require`, which knip does not follow.
 */
export function previewHandler(
  console: RemoteConsole,
  getAnalysis: (uri: string) => Promise<PreviewSource | undefined>,
): (params: PreviewParams) => Promise<string | null> {
  return async (params) => {
    const uri = params?.uri;
    if (typeof uri !== 'string') return null;
    const source = await getAnalysis(uri);
    if (!source) return null;
    try {
      return previewOf(source.result, params, source.locale);
    } catch (e) {
      console.error(`[nianbao] preview of ${uri} failed: ${(e as Error)?.stack ?? e}`);
      return null;
    }
  };
}
