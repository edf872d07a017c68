/**
 * A cheap guess of a report file's organ, for grouping a batch (cli/jobs.ts) before anything is
 * checked: the `organ:` / `organ_id:` line near the top, through core's organBucket. Only a
 * guess: it decides which reports are checked together (speed), never what is found. Run in the
 * worker threads, a chunk of files a task, so that the main thread's share of a large batch
 * stays small.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { organBucket } from '../core';

/** The guess reads this much of a file: `meta` comes first in every report. */
const HEAD_BYTES = 4096;

/** After the key, on its line: the value, bare or quoted, and an optional comment. */
const LINE_VALUE = /^[ \t]*(["']?)([^"'#\r\n]*?)\1[ \t]*(?:#.*)?\r?$/;

/** The organ bucket a file's first lines suggest; undefined when they do not say (a guess: see the top). */
export function organGuess(file: string): string | undefined {
  const head = readHead(file);
  if (!head) return undefined;
  const name = indentedValue(head, 'organ:');
  const id = indentedValue(head, 'organ_id:');
  return organBucket({ ...(name ? { name } : {}), ...(id ? { id } : {}) });
}

/**
 * The value of the first indented `KEY value` line (as under `meta:`) in the bytes. Found in the
 * bytes and only that line decoded: the head of every file of a batch is read.
 */
function indentedValue(head: Buffer, key: string): string | undefined {
  for (let at = head.indexOf(key); at >= 0; at = head.indexOf(key, at + 1)) {
    let s = at - 1;
    while (s >= 0 && (head[s] === 0x20 || head[s] === 0x09)) s--;
    if (s === at - 1 || (s >= 0 && head[s] !== 0x0a)) continue;
    const nl = head.indexOf(0x0a, at);
    const m = LINE_VALUE.exec(head.toString('utf8', at + key.length, nl < 0 ? head.length : nl));
    if (m) return m[2].trim() || undefined;
  }
  return undefined;
}

/** The first bytes of a regular file, or undefined (the worker reads and reports it properly). */
function readHead(file: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
