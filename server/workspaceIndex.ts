/**
 * The workspace's report index for the cross-year checks (core/crossyear): which file holds
 * which organ's report for which year, so a report can be checked against last year's.
 *
 * - On `initialized` the workspace folders are scanned once for files matching
 *   `nianbao.index.include` (per folder; node_modules and dot folders skipped; at most
 *   MAX_FILES files, NIANBAO_INDEX_MAX_FILES overrides, logged when capped). Only each file's
 *   `meta:` block is parsed and kept (organ + year): a core `ReportIndex` of tiny reports.
 * - `workspace/didChangeWatchedFiles` (registered dynamically with the globs when the client
 *   can) keeps it current: created/changed re-read the file's meta, deleted drops it (a folder
 *   with everything under it); a rename is deleted + created. Events, scans and re-reads run
 *   one after another, and the open reports they affect are re-checked once per batch.
 * - Open documents override the disk and take part whatever their name: didChange re-reads
 *   the meta block only (a scan of the first lines, parsed when it changed; without a plain
 *   block, the document's own analysis supplies organ and year); closing a file goes back to
 *   its text on disk.
 * - The check of an open report (AnalysisStore, through `CrossYearSource`): last year's
 *   report is found with map lookups and read from its open document (the parse the store
 *   already has) or from disk (parsed once per file version, a few kept). When last year's
 *   report changes, the open reports that depend on it (`ReportIndex.dependentsOf`) are
 *   scheduled; their analysis is redone with the single-document check reused.
 */
import type { Dirent } from 'node:fs';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Minimatch } from 'minimatch';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type Disposable,
  type FileEvent,
  type TextDocuments,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  checkCrossYear,
  decodeBytes,
  ENCODING_LABEL,
  identityOf,
  loadReport,
  loadReportBytes,
  ReportIndex,
  type CheckOptions,
  type Diagnostic,
  type IndexEntry,
  type Report,
  type ReportIdentity,
} from '../core';
import { MAX_FILE_BYTES } from '../core/parse/guards';
import type { SourceEncoding } from '../core/parse/parse';
import type { AnalysisStore, CrossYearSource } from './documents';
import type { SettingsStore } from './settings';
import type { DiskListener } from './workspaceDiagnostics';

/** Report files indexed at most (all folders together). */
export const MAX_FILES = Number(process.env.NIANBAO_INDEX_MAX_FILES) > 0 ? Number(process.env.NIANBAO_INDEX_MAX_FILES) : 5_000;
const READ_CONCURRENCY = 16;
/** Parsed reports of last year's files kept for the checks of open reports. */
const DISK_CACHE = 16;

interface Folder {
  /** Canonical uri without a trailing slash. */
  uri: string;
  include: string[];
  globs: Minimatch[];
}

export interface WorkspaceIndexOptions {
  folders: WorkspaceFolder[];
  /** The client registers file watchers dynamically (workspace.didChangeWatchedFiles.dynamicRegistration). */
  dynamicWatch: boolean;
  /** Told when a report file on disk changes or goes (workspace diagnostics for files not open). */
  disk?: DiskListener;
}

export class WorkspaceIndex implements CrossYearSource {
  private readonly index = new ReportIndex();
  private folders: Folder[] = [];
  /** Files found on disk that match their folder's globs (canonical uris). */
  private readonly onDisk = new Set<string>();
  /** Open documents: canonical uri → the client's uri. */
  private readonly open = new Map<string, string>();
  /** The meta text last indexed for each open document (to skip unchanged ones cheaply). */
  private readonly openMeta = new Map<string, string>();
  /** Open documents without a plain `meta:` block: their identity is read from their analysis (`key`). */
  private readonly fromAnalysis = new Set<string>();
  /** Bumped whenever a file's content on disk changes: part of the cross-year key. */
  private readonly stamps = new Map<string, number>();
  private stampCounter = 0;
  private readonly diskReports = new Map<string, { stamp: number; report: Report }>();
  private queue: Promise<void> = Promise.resolve();
  /** Open documents to re-check when the current batch ends (client uris). */
  private readonly pending = new Set<string>();
  private registration?: Promise<Disposable | undefined>;
  private watchedKey = '';
  private cappedLogged = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly store: AnalysisStore,
    private readonly settings: SettingsStore,
    private readonly schedule: (uri: string) => void,
    private readonly options: WorkspaceIndexOptions,
  ) {}

  get size(): number {
    return this.index.size;
  }

  // ---- life cycle ------------------------------------------------------------------------

  /** `initialized`: scan the folders once, then watch them. */
  start(): Promise<void> {
    return this.enqueue(async () => {
      const t0 = performance.now();
      for (const f of this.options.folders) {
        const uri = folderUri(f.uri);
        if (uri) this.folders.push(await this.folder(uri));
      }
      this.registerWatchers();
      let n = 0;
      for (const f of this.folders) n += await this.scan(f);
      if (this.folders.length)
        this.connection.console.log(
          `[nianbao] index: ${n} report files in ${this.folders.length} folder(s), ${(performance.now() - t0).toFixed(0)} ms`,
        );
      this.scheduleOpen();
    });
  }

  /** workspace/didChangeConfiguration: folders whose globs changed are scanned again. */
  configurationChanged(): Promise<void> {
    return this.enqueue(async () => {
      const changed: Folder[] = [];
      for (const f of this.folders) {
        const next = await this.folder(f.uri);
        if (next.include.join('\n') === f.include.join('\n')) continue;
        f.include = next.include;
        f.globs = next.globs;
        changed.push(f);
      }
      if (!changed.length) return;
      this.registerWatchers(); // before the scan: changes during it arrive as events, queued after it
      for (const f of changed) {
        this.dropUnder(f.uri);
        await this.scan(f);
      }
      this.scheduleOpen();
    });
  }

  /** workspace/didChangeWorkspaceFolders. */
  foldersChanged(added: WorkspaceFolder[], removed: WorkspaceFolder[]): Promise<void> {
    return this.enqueue(async () => {
      for (const r of removed) {
        const uri = folderUri(r.uri);
        if (!uri) continue;
        this.folders = this.folders.filter((f) => f.uri !== uri);
        this.dropUnder(uri);
      }
      const fresh: Folder[] = [];
      for (const a of added) {
        const uri = folderUri(a.uri);
        if (!uri || this.folders.some((f) => f.uri === uri)) continue;
        const f = await this.folder(uri);
        this.folders.push(f);
        fresh.push(f);
      }
      this.registerWatchers();
      for (const f of fresh) await this.scan(f);
      this.scheduleOpen();
    });
  }

  // ---- open documents --------------------------------------------------------------------

  /** didOpen / didChange: the open text overrides the disk; only the meta block is re-read. */
  documentChanged(doc: TextDocument): void {
    const c = canonicalUri(doc.uri);
    this.open.set(c, doc.uri);
    const meta = metaBlock(doc.getText());
    if (meta === undefined) {
      // No plain meta block: the document's own (debounced) analysis has the full parse; `key` reads it there.
      this.fromAnalysis.add(c);
      if (!this.index.entry(c)) this.index.update(c, '');
      this.noteDependents(c);
    } else if (this.openMeta.get(c) !== meta || this.fromAnalysis.delete(c) || !this.index.entry(c)) {
      this.openMeta.set(c, meta);
      this.update(c, meta);
    } else {
      this.noteDependents(c); // same organ and year, other figures: next year's report re-checks
    }
    this.flush();
  }

  /** didClose: back to the file on disk, or out of the index when there is none. */
  documentClosed(uri: string): void {
    const c = canonicalUri(uri);
    this.open.delete(c);
    this.openMeta.delete(c);
    this.fromAnalysis.delete(c);
    if (this.onDisk.has(c)) {
      void this.enqueue(async () => {
        await this.reread(c);
        this.flush();
      });
    } else {
      this.noteDependents(c);
      this.index.remove(c);
      this.flush();
    }
  }

  // ---- file watcher ----------------------------------------------------------------------

  /** workspace/didChangeWatchedFiles: one batch, one re-check of each affected open report. */
  filesChanged(changes: FileEvent[]): Promise<void> {
    return this.enqueue(async () => {
      for (const change of changes) {
        const c = canonicalUri(change.uri);
        if (change.type === FileChangeType.Deleted) this.deleted(c);
        else await this.createdOrChanged(c);
      }
      this.flush();
    });
  }

  private deleted(c: string): void {
    const under = this.onDisk.has(c) || this.index.entry(c) ? [c] : [...this.onDisk].filter((u) => u.startsWith(`${c}/`));
    for (const u of under) {
      this.onDisk.delete(u);
      this.options.disk?.removed(u);
      this.bump(u);
      if (this.open.has(u)) continue; // the open text stays until the document is closed
      this.noteDependents(u);
      this.index.remove(u);
    }
  }

  private async createdOrChanged(c: string): Promise<void> {
    const folder = this.folderOf(c);
    if (!folder || !matches(folder, c)) return;
    if (!this.onDisk.has(c)) {
      if (this.onDisk.size >= MAX_FILES) return this.logCapped();
      this.onDisk.add(c);
    }
    this.bump(c);
    if (this.open.has(c)) return;
    await this.reread(c);
  }

  // ---- CrossYearSource (documents.ts) ----------------------------------------------------

  async prepare(uri: string): Promise<void> {
    const e = this.index.entry(canonicalUri(uri));
    if (!e?.identity) return;
    const prev = this.previous(e.uri, e.identity, e.identity.year - 1);
    if (prev && !this.open.has(prev.uri)) await this.diskReport(prev.uri);
  }

  key(uri: string, report: Report): string {
    const self = canonicalUri(uri);
    if (this.fromAnalysis.has(self) && this.open.has(self)) {
      const meta = metaOfReport(report);
      if (this.openMeta.get(self) !== meta) {
        this.openMeta.set(self, meta);
        this.update(self, meta);
        this.flush();
      }
    }
    const id = identityOf(report);
    const prev = id && this.previous(self, id, id.year - 1);
    if (!prev) return '';
    const openUri = this.open.get(prev.uri);
    return openUri !== undefined
      ? `${openUri}@v${this.documents.get(openUri)?.version}`
      : `${prev.uri}@d${this.stamps.get(prev.uri) ?? 0}`;
  }

  check(uri: string, report: Report, options: CheckOptions): Diagnostic[] {
    const self = canonicalUri(uri);
    return checkCrossYear(
      report,
      (organ, year) => {
        const prev = this.previous(self, organ, year);
        if (!prev) return undefined;
        const openUri = this.open.get(prev.uri);
        const full = openUri !== undefined ? this.store.report(openUri) : this.diskReportSync(prev.uri);
        return full ? { uri: openUri ?? prev.uri, report: full } : undefined;
      },
      options,
    ).diagnostics;
  }

  // ---- internals -------------------------------------------------------------------------

  private previous(self: string, organ: ReportIdentity, year: number): IndexEntry | undefined {
    return this.index.find(organ, year).find((e) => e.uri !== self);
  }

  /** Re-indexes `c` from `meta`, noting the open reports that depended on it before and after. */
  private update(c: string, meta: string): void {
    this.noteDependents(c);
    this.index.update(c, meta);
    this.noteDependents(c);
  }

  private noteDependents(c: string): void {
    for (const d of this.index.dependentsOf(c)) {
      const openUri = this.open.get(d);
      if (openUri !== undefined) this.pending.add(openUri);
    }
  }

  private flush(): void {
    for (const uri of this.pending) this.schedule(uri);
    this.pending.clear();
  }

  private scheduleOpen(): void {
    for (const uri of this.open.values()) this.pending.add(uri);
    this.flush();
  }

  private bump(c: string): void {
    this.stamps.set(c, ++this.stampCounter);
    this.diskReports.delete(c);
  }

  /** Reads `c` from disk into the index (not when it is open); gone → out of the index. */
  private async reread(c: string): Promise<void> {
    const file = await readText(c);
    if (this.open.has(c)) return;
    if (file === null) {
      this.onDisk.delete(c);
      this.options.disk?.removed(c);
      this.noteDependents(c);
      this.index.remove(c);
      return;
    }
    this.bump(c);
    this.options.disk?.changed(c);
    this.noteEncoding(c, file);
    const { text, source } = file;
    let full: Report | undefined;
    const parse = () => (full ??= loadReport(text, { source }));
    this.update(c, metaBlock(text) ?? metaOfReport(parse()));
    // An open report depends on it: keep the parse for its check instead of reading again.
    if (this.index.dependentsOf(c).some((d) => this.open.has(d))) this.cache(c, parse());
  }

  /**
   * Files from disk are decoded here (GB18030, UTF-16 …); their reports carry the YAML-ENCODING
   * finding like the CLI's, but only open documents get diagnostics, so the server says it in its
   * log, once per file version. Open documents are decoded by the editor: nothing to decode.
   */
  private noteEncoding(c: string, file: DiskText): void {
    const src = file.source;
    if (!src || (src.encoding === 'utf-8' && src.invalidAt === undefined)) return;
    this.connection.console.log(
      src.invalidAt !== undefined
        ? `[nianbao] index: ${c} is not UTF-8, UTF-16 or GB18030 from byte ${src.invalidAt}; read with replacement characters`
        : `[nianbao] index: ${c} is encoded in ${ENCODING_LABEL[src.encoding]}${src.bom ? ' with BOM' : ''} (not UTF-8); read as such`,
    );
  }

  private async diskReport(c: string): Promise<void> {
    const stamp = this.stamps.get(c) ?? 0;
    if (this.diskReports.get(c)?.stamp === stamp) return;
    const file = await readText(c);
    // Gone without a watcher event (a deleted folder, an unwatched change): forget it.
    if (file === null && !exists(c)) void this.filesChanged([{ uri: c, type: FileChangeType.Deleted }]);
    if (file === null || (this.stamps.get(c) ?? 0) !== stamp) return;
    this.cache(c, loadReport(file.text, { source: file.source }));
  }

  /** For a check that runs before `prepare` had the file (rare): read it now. */
  private diskReportSync(c: string): Report | undefined {
    const stamp = this.stamps.get(c) ?? 0;
    const hit = this.diskReports.get(c);
    if (hit?.stamp === stamp) return hit.report;
    try {
      const path = fileURLToPath(c);
      if (statSync(path).size > MAX_FILE_BYTES) return undefined;
      const { report } = loadReportBytes(readFileSync(path));
      this.cache(c, report);
      return report;
    } catch {
      return undefined;
    }
  }

  private cache(c: string, report: Report): void {
    this.diskReports.delete(c);
    this.diskReports.set(c, { stamp: this.stamps.get(c) ?? 0, report });
    while (this.diskReports.size > DISK_CACHE) this.diskReports.delete(this.diskReports.keys().next().value!);
  }

  private async folder(uri: string): Promise<Folder> {
    const include = (await this.settings.get(uri)).settings.index.include;
    return { uri, include, globs: include.map((g) => new Minimatch(g, { dot: false, nocomment: true, nonegate: true })) };
  }

  /** The innermost folder holding `c`. */
  private folderOf(c: string): Folder | undefined {
    let best: Folder | undefined;
    for (const f of this.folders) if (c.startsWith(`${f.uri}/`) && (!best || f.uri.length > best.uri.length)) best = f;
    return best;
  }

  /** Forgets the disk files under a folder (open documents stay). */
  private dropUnder(uri: string): void {
    for (const u of [...this.onDisk]) {
      if (!u.startsWith(`${uri}/`)) continue;
      this.onDisk.delete(u);
      this.options.disk?.removed(u);
      this.bump(u);
      if (!this.open.has(u)) this.index.remove(u);
    }
  }

  /** Walks a folder breadth first and indexes the files its globs match; returns how many. */
  private async scan(folder: Folder): Promise<number> {
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
        else if (e.isFile() && matches(folder, child) && !this.onDisk.has(child)) {
          if (this.onDisk.size >= MAX_FILES) {
            this.logCapped();
            break walk;
          }
          this.onDisk.add(child);
          found.push(child);
        }
      }
    }
    await forEachLimit(found, READ_CONCURRENCY, (c) => this.reread(c));
    // Open documents keep their own text (reread skips them).
    return found.length;
  }

  private logCapped(): void {
    if (this.cappedLogged) return;
    this.cappedLogged = true;
    this.connection.console.log(
      `[nianbao] index: capped at ${MAX_FILES} report files; further files are not indexed (narrow nianbao.index.include)`,
    );
  }

  private registerWatchers(): void {
    if (!this.options.dynamicWatch) return;
    const globs = [...new Set(this.folders.flatMap((f) => f.include))].sort();
    const key = globs.join('\n');
    if (key === this.watchedKey) return;
    this.watchedKey = key;
    const old = this.registration;
    this.registration = undefined;
    void old?.then((d) => d?.dispose());
    if (!globs.length) return;
    this.registration = this.connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) })
      .catch((e: Error) => {
        this.connection.console.error(`[nianbao] index: registering file watchers failed: ${e.message}`);
        return undefined;
      });
  }

  /** Runs `fn` after everything queued before it; errors are logged, never thrown. */
  private enqueue(fn: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(fn).catch((e: Error) => {
      this.connection.console.error(`[nianbao] index: ${e?.stack ?? e}`);
    });
    return this.queue;
  }
}

// ---- helpers (exported for tests) -------------------------------------------------------

/**
 * The top-level `meta:` block of a report's text (block style, key at column 0, up to the next
 * top-level line), or undefined when there is none: enough to read organ and year.
 */
export function metaBlock(text: string): string | undefined {
  const m = /^(?:meta|"meta"|'meta')[ \t]*:(?=[ \t]|\r?$)/m.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m.index);
  const next = /\n(?=[^\s#])/.exec(rest);
  return next ? rest.slice(0, next.index + 1) : rest;
}

/** A meta block that says what a fully parsed report does (for texts without a plain `meta:` block). */
function metaOfReport(report: Report | undefined): string {
  const id = report && identityOf(report);
  return id ? `meta:\n  organ: ${JSON.stringify(id.organ)}\n  year: ${id.year}\n` : '';
}

/** Path segments the scan and the watcher skip. */
function skipped(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

function matches(folder: Folder, c: string): boolean {
  const rel = c
    .slice(folder.uri.length + 1)
    .split('/')
    .map(decode);
  if (rel.some(skipped)) return false;
  const path = rel.join('/');
  return folder.globs.some((g) => g.match(path));
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A path segment encoded as VS Code's URI.toString() does: all but A–Z a–z 0–9 - . _ ~ percent-encoded. */
export function encodeSegment(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
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

function folderUri(uri: string): string | undefined {
  if (!/^file:/i.test(uri)) return undefined;
  return canonicalUri(uri).replace(/\/+$/, '');
}

interface DiskText {
  text: string;
  /** How the file was encoded (core/text/encoding.ts: the same decoding as the CLI's). */
  source?: SourceEncoding;
}

/** A file's text, decoded; '' when it is too large to be a report; null when it cannot be read. */
async function readText(c: string): Promise<DiskText | null> {
  try {
    const path = fileURLToPath(c);
    const s = await stat(path);
    if (!s.isFile()) return null;
    if (s.size > MAX_FILE_BYTES) return { text: '' };
    const d = decodeBytes(await readFile(path));
    return { text: d.text, source: { encoding: d.encoding, bom: d.bom, invalidAt: d.invalidAt } };
  } catch {
    return null;
  }
}

function exists(c: string): boolean {
  try {
    return existsSync(fileURLToPath(c));
  } catch {
    return false;
  }
}

async function forEachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
