/**
 * The frame of every standalone page nianbao writes (the rendered report, the reviewer's batch
 * page): doctype, language, the Content-Security-Policy in a meta tag (no network, nothing
 * inline without its nonce or hash), the style sheet, the body and an optional script.
 */
import type { Locale } from '../core/types';
import { attr, esc } from './escape';

export interface PageFrame {
  locale: Locale;
  /** The policy's directives, joined with `; `. */
  csp: string[];
  title: string;
  /** Further meta tags, already escaped. */
  head?: string[];
  style: string;
  /** The style's and the script's nonce, when the policy allows them by nonce. */
  nonce?: string;
  body: string[];
  /** Inline script (needs the nonce). */
  script?: string;
}

export function htmlPage(p: PageFrame): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${p.locale === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(p.csp.join('; '))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(p.head ?? []),
    `<title>${esc(p.title)}</title>`,
    `<style${attr('nonce', p.nonce)}>${p.style}</style>`,
    '</head>',
    ...p.body,
    p.script && p.nonce ? `<script nonce="${p.nonce}">${p.script}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
