/**
 * Generates snippets/nianbao.code-snippets (gitignored) from the schemas through the core's
 * `skeleton({ format, snippet: true })`: one blank report per format, under an ASCII and a
 * Chinese prefix. No label is written here; every line comes from the schema.
 *
 * Run by esbuild.mjs after bundling (out/scripts/build-snippets.js); `snippets()` is also
 * imported by the unit tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { skeleton } from '../core/skeleton';
import { rootSchema } from '../core/schema/nodes';
import type { FormatId } from '../core/types';

export const SNIPPET_FILE = join('snippets', 'nianbao.code-snippets');
export const FORMATS: FormatId[] = ['2019', '2021'];

export interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

export function snippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const format of FORMATS) {
    const root = rootSchema(format);
    const body = skeleton({ format, snippet: true }).replace(/\n$/, '').split('\n');
    out[`nianbao ${format}`] = {
      prefix: [`nianbao${format}`, `年报${format}`],
      body,
      description: [root.title, root.description].filter(Boolean).join(' — '),
    };
  }
  return out;
}

export function snippetFileText(): string {
  return `${JSON.stringify(snippets(), null, 2)}\n`;
}

export function writeSnippets(root = process.cwd()): string {
  const file = join(root, SNIPPET_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, snippetFileText());
  return file;
}

if (require.main === module) writeSnippets();
