/**
 * The workspace's report index for the cross-year checks (core/crossyear): which file holds
 * which organ's report for which year, so a report can be checked against last year's. This
 * class adapts the LSP events to the modules in server/index/ (named in docs/ARCHITECTURE.md).
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
 * - The check of an open report finds last year's report through `crossYear`
 *   (index/previous.ts). When last year's report changes, the open reports that depend on it
 *   are scheduled; their analysis is redone with the single-document check reused.
 */
import {
  FileChangeType,
  type Connection,
  type FileEvent,
  type TextDocuments,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { loadReport, type Report } from '../core';
import type { AnalysisStore, CrossYearSource } from './documents';
import { encodingNote, readText } from './index/disk';
import { DISK_CACHE, Entries } from './index/entries';
import { metaBlock, metaOfReport } from './index/meta';
import { PreviousReports } from './index/previous';
import { type Claim, MAX_FILES, scanFolder } from './index/scan';
import { canonicalUri, type Folder, folderOf, folderUri, includeGlobs, matches } from './index/uris';
import { Watchers } from './index/watchers';
import type { SettingsStore } from './settings';
import type { DiskListener } from './workspaceDiagnostics';

// The helpers callers and tests know by this module's name.
export { metaBlock } from './index/meta';
export { canonicalUri } from './index/uris';

export interface WorkspaceIndexOptions {
  folders: WorkspaceFolder[];
  /** The client registers file watchers dynamically (workspace.didChangeWatchedFiles.dynamicRegistration). */
  dynamicWatch: boolean;
  /** Told when a report file on disk changes or goes (workspace diagnostics for files not open). */
  disk?: DiskListener;
}

export class WorkspaceIndex {
  private readonly entries = new Entries({ maxFiles: MAX_FILES, cacheSize: DISK_CACHE });
  private folders: Folder[] = [];
  private readonly watchers: Watchers;
  /** For the AnalysisStore: last year's report of an open report, and the cross-year check. */
  readonly crossYear: CrossYearSource;
  private queue: Promise<void> = Promise.resolve();
  private cappedLogged = false;

  constructor(
    private readonly connection: Connection,
    documents: TextDocuments<TextDocument>,
    store: AnalysisStore,
    private readonly settings: SettingsStore,
    private readonly schedule: (uri: string) => void,
    private readonly options: WorkspaceIndexOptions,
  ) {
    this.watchers = new Watchers(connection, options.dynamicWatch);
    this.crossYear = new PreviousReports(this.entries, documents, store, {
      flush: () => this.flush(),
      gone: (c) => void this.filesChanged([{ uri: c, type: FileChangeType.Deleted }]),
    });
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
      this.watchers.watch(this.folders);
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
      this.watchers.watch(this.folders); // before the scan: changes during it arrive as events, queued after it
      for (const f of changed) {
        this.forget(this.entries.diskUnder(f.uri));
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
        this.forget(this.entries.diskUnder(uri));
      }
      const fresh: Folder[] = [];
      for (const a of added) {
        const uri = folderUri(a.uri);
        if (!uri || this.folders.some((f) => f.uri === uri)) continue;
        const f = await this.folder(uri);
        this.folders.push(f);
        fresh.push(f);
      }
      this.watchers.watch(this.folders);
      for (const f of fresh) await this.scan(f);
      this.scheduleOpen();
    });
  }

  // ---- open documents --------------------------------------------------------------------

  /** didOpen / didChange: the open text overrides the disk; only the meta block is re-read. */
  documentChanged(doc: TextDocument): void {
    this.entries.openChanged(canonicalUri(doc.uri), doc.uri, metaBlock(doc.getText()));
    this.flush();
  }

  /** didClose: back to the file on disk, or out of the index when there is none. */
  documentClosed(uri: string): void {
    const c = canonicalUri(uri);
    if (this.entries.closed(c)) {
      void this.enqueue(async () => {
        await this.reread(c);
        this.flush();
      });
    } else {
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

  /** A file, or a folder with every file under it. */
  private deleted(c: string): void {
    this.forget(this.entries.get(c) ? [c] : this.entries.diskUnder(c));
  }

  private async createdOrChanged(c: string): Promise<void> {
    const folder = folderOf(this.folders, c);
    if (!folder || !matches(folder, c) || this.claim(c) === 'full') return;
    this.entries.bump(c);
    if (this.entries.openUri(c) === undefined) await this.reread(c);
  }

  // ---- internals -------------------------------------------------------------------------

  private flush(): void {
    for (const uri of this.entries.takePending()) this.schedule(uri);
  }

  private scheduleOpen(): void {
    this.entries.noteAllOpen();
    this.flush();
  }

  /** Reads `c` from disk into the index (not when it is open); gone → out of the index. */
  private async reread(c: string): Promise<void> {
    const file = await readText(c);
    const entry = this.entries.get(c);
    // Open: its text wins. No longer on disk: an event queued before this read said so.
    if (!entry?.onDisk || entry.open) return;
    if (file === null) return this.forget([c]);
    this.options.disk?.changed(c);
    const note = encodingNote(c, file);
    if (note) this.connection.console.log(note);
    const { text, source } = file;
    let full: Report | undefined;
    const parse = () => (full ??= loadReport(text, { source }));
    this.entries.diskRead(c, metaBlock(text) ?? metaOfReport(parse()));
    // An open report depends on it: keep the parse for its check instead of reading again.
    if (this.entries.hasOpenDependents(c)) this.entries.cacheReport(c, parse());
  }

  private async folder(uri: string): Promise<Folder> {
    const include = (await this.settings.get(uri)).settings.index.include;
    return { uri, include, globs: includeGlobs(include) };
  }

  /** Forgets files on disk (the open documents among them stay until closed). */
  private forget(uris: string[]): void {
    for (const u of uris) {
      this.entries.leftDisk(u);
      this.options.disk?.removed(u);
    }
  }

  /** Indexes the files a folder's globs match; returns how many were new. Open documents keep their own text. */
  private scan(folder: Folder): Promise<number> {
    return scanFolder(
      folder,
      (c) => this.claim(c),
      (c) => this.reread(c),
    );
  }

  private claim(c: string): Claim {
    const claimed = this.entries.claimDisk(c);
    if (claimed === 'full' && !this.cappedLogged) {
      this.cappedLogged = true;
      this.connection.console.log(
        `[nianbao] index: capped at ${MAX_FILES} report files; further files are not indexed (narrow nianbao.index.include)`,
      );
    }
    return claimed;
  }

  /** Runs `fn` after everything queued before it; errors are logged, never thrown. */
  private enqueue(fn: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(fn).catch((e: Error) => {
      this.connection.console.error(`[nianbao] index: ${e?.stack ?? e}`);
    });
    return this.queue;
  }
}
