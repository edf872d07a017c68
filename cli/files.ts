/** Expands CLI paths: files as given, folders into their *.nianbao.yaml / *.nianbao.yml files. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const REPORT_FILE = /\.nianbao\.ya?ml$/i;

export function expandPaths(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) files.push(...walk(p));
    else files.push(p);
  }
  return { files, missing };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...walk(p));
    else if (REPORT_FILE.test(name)) out.push(p);
  }
  return out;
}
