/**
 * The scan of a workspace folder for report files: breadth first, names sorted (so a capped
 * scan keeps the same files every time), node_modules and dot folders skipped, the files its
 * include globs match claimed one by one and the new ones read READ_CONCURRENCY at a time.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { encodeSegment, type Folder, matches, skipped } from './uris';

const envMax = Number(process.env.NIANBAO_INDEX_MAX_FILES);
/** Report files indexed at most (all folders together): a province's reports are ~1,000 a year. */
export const MAX_FILES = envMax > 0 ? envMax : 5_000;
/** Files read at once: enough to overlap the disk's latency, few enough to keep open handles low. */
export const READ_CONCURRENCY = 16;

/** What claiming a file found says: a new report file, one already known, or the cap reached (the walk stops). */
export type Claim = 'new' | 'known' | 'full';

/** Walks `folder`, claims the files its globs match, then reads the new ones; returns how many were new. */
export async function scanFolder(
  folder: Folder,
  claim: (c: string) => Claim,
  read: (c: string) => Promise<void>,
): Promise<number> {
  if (!folder.globs.length) return 0;
  const found: string[] = [];
  const dirs = [folder.uri];
  walk: for (let i = 0; i < dirs.length; i++) {
    let entries: Dirent[];
    try {
      entries = await readdir(fileURLToPath(dirs[i]), { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (skipped(e.name)) continue;
      const child = `${dirs[i]}/${encodeSegment(e.name)}`;
      if (e.isDirectory()) dirs.push(child);
      else if (e.isFile() && matches(folder, child)) {
        const claimed = claim(child);
        if (claimed === 'full') break walk;
        if (claimed === 'new') found.push(child);
      }
    }
  }
  await forEachLimit(found, READ_CONCURRENCY, read);
  return found.length;
}

/** Runs `fn` on every item, at most `limit` at a time. */
export async function forEachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
