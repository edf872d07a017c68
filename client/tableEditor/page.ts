/**
 * The table editor's page: an empty shell that loads the grid app (dist/webview/table.js) and its
 * style sheet from the extension, under a strict Content Security Policy — scripts only with the
 * page's nonce, styles and fonts only from the webview's resource origin, no network at all.
 */
import { attr, cspToken, esc } from '../../render/escape';

export interface PageOptions {
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  lang: 'zh-CN' | 'en';
  title: string;
}

export function tablePage(o: PageOptions): string {
  const nonce = cspToken(o.nonce) ?? '';
  const source = cspToken(o.cspSource) ?? "'none'";
  const csp = [
    "default-src 'none'",
    `style-src ${source}`,
    `font-src ${source}`,
    `img-src ${source} data:`,
    `script-src 'nonce-${nonce}'`,
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    `<html lang="${o.lang === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(o.title)}</title>`,
    `<link rel="stylesheet"${attr('href', o.styleUri)}>`,
    '</head>',
    '<body>',
    '<div id="app"></div>',
    `<script${attr('nonce', nonce)}${attr('src', o.scriptUri)}></script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
