/**
 * File URIs for the workspace index: one spelling per file, so the scan's uris, the watcher's and
 * the editor's compare equal, and the workspace folders with the include globs
 * (`nianbao.index.include`) that say which files under them are reports.
 */
import { Minimatch } from 'minimatch';

/** A workspace folder and its include globs. */
export interface Folder {
  /** Canonical uri without a trailing slash. */
  uri: string;
  include: string[];
  globs: Minimatch[];
}

/** A path segment encoded as VS Code's URI.toString() does: all but A–Z a–z 0–9 - . _ ~ percent-encoded. */
export function encodeSegment(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A percent-encoded segment decoded; as it is when it is not valid percent-encoding. */
export function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * One spelling per file URI, so the scan's uris, the watcher's and the editor's compare equal:
 * each path segment decoded and encoded again like VS Code, a Windows drive letter in lower
 * case. Other schemes (untitled:) are returned as they are.
 */
export function canonicalUri(uri: string): string {
  const m = /^file:\/\/([^/]*)(\/.*)?$/i.exec(uri);
  if (!m) return uri;
  const segments = (m[2] ?? '').split('/').map((s) => encodeSegment(decode(s)));
  if (segments.length > 1 && /^[A-Za-z]%3A$/.test(segments[1])) segments[1] = segments[1][0].toLowerCase() + segments[1].slice(1);
  return `file://${m[1].toLowerCase()}${segments.join('/')}`;
}

/** A workspace folder's canonical uri without a trailing slash; undefined when it is not a file: folder. */
export function folderUri(uri: string): string | undefined {
  if (!/^file:/i.test(uri)) return undefined;
  return canonicalUri(uri).replace(/\/+$/, '');
}

/** Is canonical `c` strictly under the folder `folder` (a canonical uri without a trailing slash)? */
export function isUnder(c: string, folder: string): boolean {
  return c.startsWith(`${folder}/`);
}

/** A folder's include globs, compiled (no negation, no comments; dot files only where a glob names them). */
export function includeGlobs(include: string[]): Minimatch[] {
  return include.map((g) => new Minimatch(g, { dot: false, nocomment: true, nonegate: true }));
}

/** Path segments the scan and the watcher skip. */
export function skipped(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** Does one of the folder's globs match `c` (a canonical uri under it), no segment on the way skipped? */
export function matches(folder: Folder, c: string): boolean {
  const rel = c
    .slice(folder.uri.length + 1)
    .split('/')
    .map(decode);
  if (rel.some(skipped)) return false;
  const path = rel.join('/');
  return folder.globs.some((g) => g.match(path));
}

/** The innermost folder holding `c`. */
export function folderOf(folders: readonly Folder[], c: string): Folder | undefined {
  let best: Folder | undefined;
  for (const f of folders) if (isUnder(c, f.uri) && (!best || f.uri.length > best.uri.length)) best = f;
  return best;
}
