/**
 * The extension's own language, ruled by `nianbao.locale` like the server's (core/facts/locale.ts
 * `resolveLocale`: `auto` follows VS Code's display language). `vscode.l10n.t` would follow the
 * display language only; `l10n.t` here looks the English text up in the Chinese bundle
 * (l10n/bundle.l10n.zh-cn.json, also what VS Code reads) when the locale is zh-CN, and fills
 * `{0}`-style placeholders either way.
 */
import * as vscode from 'vscode';
import { resolveLocale, type LocaleSetting } from '../core/facts/locale';
import type { Locale } from '../core/types';
import { SETTINGS_SECTION } from '../protocol/settings';
import zh from '../l10n/bundle.l10n.zh-cn.json';

const ZH: Record<string, string> = zh;

/** The locale every string of the client is shown in. */
export function locale(): Locale {
  const setting = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<LocaleSetting>('locale');
  return resolveLocale(setting, vscode.env.language);
}

/** One of a server message's two texts, in the client's locale. */
export function pick(text: { 'zh-CN': string; en: string }): string {
  return text[locale()];
}

function t(message: string, ...args: (string | number | boolean)[]): string {
  const template = locale() === 'zh-CN' ? (ZH[message] ?? message) : message;
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}

export const l10n = { t };
