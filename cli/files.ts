/**
 * Expands CLI paths (files as given, folders into their *.nianbao.yaml / *.nianbao.yml files)
 * and reads report files, safely for folders of reports nobody here wrote:
 *
 * - only regular files are read: a FIFO, socket or device (or a link to one, e.g. to /dev/zero)
 *   is skipped with a note, since reading it would block or never end;
 * - a symlink to a regular file or a folder is followed, but every folder is entered once (by
 *   device and inode), so a symlink loop ends the descent there instead of the whole run;
 * - an unreadable file or folder (EACCES, ELOOP, a dangling link) is an I/O error for stderr;
 *   the other files are still checked (exit 2 at the end);
 * - a file is opened without blocking, checked to be regular again on the open descriptor,
 *   and read only up to MAX_FILE_BYTES: anything larger cannot be a report (core MAX_CHARS).
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { MAX_FILE_BYTES } from '../core/parse/guards';

export const REPORT_FILE = /\.nianbao\.ya?ml$/i;

export interface Expanded {
  files: string[];
  /** I/O errors: the run ends with exit code 2. */
  errors: string[];
  /** Things skipped on purpose (not regular files, folders already visited). */
  notes: string[];
}

export function expandPaths(paths: string[]): Expanded {
  const out: Expanded = { files: [], errors: [], notes: [] };
  const visited = new Set<string>();
  for (const p of paths) {
    let st: Stats;
    try {
      st = statSync(p);
    } catch (e) {
      out.errors.push(`${p}: ${ioReason(e)}`);
      continue;
    }
    if (st.isDirectory()) walk(p, st, visited, out);
    else if (st.isFile()) out.files.push(p);
    else out.notes.push(`${p}: skipped, not a regular file (${kindOf(st)})`);
  }
  return out;
}

function walk(dir: string, st: Stats, visited: Set<string>, out: Expanded): void {
  const id = `${st.dev}:${st.ino}`;
  if (visited.has(id)) {
    out.notes.push(`${dir}: skipped, folder already visited (a symlink loop or a second link to it)`);
    return;
  }
  visited.add(id);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    out.errors.push(`${dir}: cannot read folder: ${ioReason(e)}`);
    return;
  }
  for (const name of names) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    const report = REPORT_FILE.test(name);
    let s: Stats;
    try {
      s = statSync(p); // follows symlinks
    } catch (e) {
      // A dangling or looping link, or a file that vanished: only a report's name makes it an error.
      if (report) out.errors.push(`${p}: ${ioReason(e)}`);
      continue;
    }
    if (s.isDirectory()) walk(p, s, visited, out);
    else if (!report) continue;
    else if (s.isFile()) out.files.push(p);
    else out.notes.push(`${p}: skipped, not a regular file (${kindOf(s)})`);
  }
}

function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'character device';
  if (st.isBlockDevice()) return 'block device';
  return 'special file';
}

/** A short reason for an I/O error (the Node message without its `ENOENT: ` prefix and syscall). */
export function ioReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links (a symlink loop)';
    case 'EISDIR':
      return 'is a folder';
    default:
      return String(err?.message ?? e).replace(/^[A-Z]+: /, '');
  }
}

export type ReadResult =
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'too-large'; size: number }
  | { kind: 'special'; what: string }
  | { kind: 'error'; message: string };

/**
 * A file's bytes, up to `max` (default MAX_FILE_BYTES): opened without blocking (a FIFO would
 * block on open), checked to be a regular file on the descriptor, never read past the limit.
 */
export function readFileBounded(path: string, max = MAX_FILE_BYTES): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { kind: 'error', message: ioReason(e) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { kind: 'special', what: st.isDirectory() ? 'folder' : kindOf(st) };
    if (st.size > max) return { kind: 'too-large', size: st.size };
    // The size can change between fstat and read: read until the end, never past max + 1 bytes.
    const chunks: Buffer[] = [];
    let total = 0;
    // The first chunk fits the file as fstat saw it (one byte more to see its end); a file that
    // grows meanwhile is read on in 64 KB chunks. Not zero-filled: only the bytes read are kept.
    for (let want = st.size + 1; ; want = 1 << 16) {
      const chunk = Buffer.allocUnsafe(Math.min(want, max + 1 - total));
      const r = readSync(fd, chunk, 0, chunk.length, null);
      if (r === 0) break;
      chunks.push(chunk.subarray(0, r));
      total += r;
      if (total > max) return { kind: 'too-large', size: total };
    }
    return { kind: 'bytes', bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return { kind: 'error', message: ioReason(e) };
  } finally {
    closeSync(fd);
  }
}
