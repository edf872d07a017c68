/** The message language: a setting ('auto' | 'zh-CN' | 'en') over the editor's or system locale. */
import type { Locale } from '../types';

export type LocaleSetting = 'auto' | Locale;

/** 'zh', 'zh-cn', 'zh-TW' → zh-CN; any other language → en; nothing known → zh-CN (the users' language). */
export function localeOf(tag: string | undefined): Locale {
  if (!tag) return 'zh-CN';
  return tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function resolveLocale(setting: LocaleSetting | undefined, tag: string | undefined): Locale {
  return setting === 'zh-CN' || setting === 'en' ? setting : localeOf(tag);
}
