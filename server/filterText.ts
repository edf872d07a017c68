/**
 * What completion filters on. VS Code matches the typed text against `filterText` from a word
 * start (editor.suggest.matchOnWordStartOnly), and Chinese has no word separators: with the
 * label's characters spaced out, typing any run of it (本年, 部分, （二）, 予以公开) starts at a
 * word. The YAML key and the pinyin initials of the label's Chinese runs (generated at build
 * time: scripts/build-pinyin.mjs) follow, so `partial` and `bfgk` find （二）部分公开 too.
 */
import initials from '../core/schema/pinyin.generated.json';

const INITIALS = initials as Record<string, string>;

export function filterTextOf(key: string, label: string | undefined): string {
  if (!label) return key;
  return [Array.from(label).join(' '), key, INITIALS[label] ?? ''].filter(Boolean).join(' ');
}
