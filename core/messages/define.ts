/**
 * Messages as typed values: each message is a pair of templates (zh-CN, en) over named
 * arguments, and its argument type is checked where it is used. There are no message ids to
 * mistype and no template strings to parse: a message is an object in the module that owns it
 * (a rule family, the UI table in ui.ts) and is rendered with `text()`.
 */
import type { Locale, LocalizedText } from '../types';

export type Arg = string | number | undefined;
export type Args = Record<string, Arg>;

export interface Message<A extends Args = Args> {
  readonly zh: (a: A) => string;
  readonly en: (a: A) => string;
}

/** A message; `A` names its arguments. */
export function message<A extends Args = Record<never, never>>(zh: (a: A) => string, en: (a: A) => string): Message<A> {
  return { zh, en };
}

/**
 * Longest argument shown whole. A report cell or key can hold a megabyte of text, which must not
 * be echoed into every output: longer arguments are cut and their length given. 160 keeps the
 * longest generated argument whole (organ_kind's allowed values, 121 characters).
 */
export const MAX_ARG_CHARS = 160;

function cut(a: Arg, locale: Locale): Arg {
  if (typeof a !== 'string' || a.length <= MAX_ARG_CHARS) return a;
  const n = Array.from(a).length;
  if (n <= MAX_ARG_CHARS) return a;
  let head = a.slice(0, MAX_ARG_CHARS);
  if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1); // never split a surrogate pair
  return locale === 'zh-CN' ? `${head}…（共 ${n} 字）` : `${head}… (${n} characters)`;
}

function cutAll<A extends Args>(args: A, locale: Locale): A {
  const out: Args = {};
  for (const k of Object.keys(args)) out[k] = cut(args[k], locale);
  return out as A;
}

/** Both locales of a message. */
export function text<A extends Args>(m: Message<A>, ...args: keyof A extends never ? [] : [A]): LocalizedText {
  return render(m, (args[0] ?? {}) as A);
}

/** Both locales of a message with its arguments (long arguments cut). */
export function render<A extends Args>(m: Message<A>, args: A): LocalizedText {
  return { 'zh-CN': m.zh(cutAll(args, 'zh-CN')), en: m.en(cutAll(args, 'en')) };
}

/** One locale of a message. */
export function say<A extends Args>(locale: Locale, m: Message<A>, ...args: keyof A extends never ? [] : [A]): string {
  return text(m, ...args)[locale];
}

/** Plain text in both locales (titles, explanations): no arguments. */
export const both = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
