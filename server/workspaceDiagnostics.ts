/**
 * Diagnostics for the workspace's reports that are not open, so a reviewer who opens a folder
 * sees every report's problems in the Problems panel at once. The workspace index
 * (workspaceIndex.ts) says which files are reports (`nianbao.index.include`) and when one
 * changes on disk; this module checks them one at a time with the CLI's check (decoded like
 * the CLI, single-report rules; cross-year findings come when a report is opened) and
 * publishes the result for the file's URI.
 *
 * Limited and cancellable: at most MAX_CHECKED files (NIANBAO_WORKSPACE_DIAGNOSTICS_MAX; 0
 * turns it off); one check per turn of the event loop, and none while the author is typing
 * (IDLE_MS after the last change of an open document), so requests and open documents come
 * first; a configuration change or a removed folder cancels what is queued (a generation
 * counter) and starts again. An open document is the editor's: its own publisher takes over,
 * and on close the file's disk diagnostics return.
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkReport, loadReportBytes } from '../core';
import { MAX_FILE_BYTES } from '../core/parse/guards';
import { toLsp } from './diagnostics';
import type { SettingsStore } from './settings';
import { canonicalUri } from './index/uris';

const env = Number(process.env.NIANBAO_WORKSPACE_DIAGNOSTICS_MAX);
/** Reports checked without being open, at most: a folder of a province's reports is ~1,000. */
export const MAX_CHECKED = Number.isInteger(env) && env >= 0 ? env : 1_000;
/** Typing in an open report pauses the background checks this long. */
const IDLE_MS = 400;

export interface DiskListener {
  /** A report file appeared or changed on disk (canonical uri). */
  changed(uri: string): void;
  /** A report file is gone, or no longer matches the globs. */
  removed(uri: string): void;
}

export class WorkspaceDiagnostics implements DiskListener {
  private readonly queue = new Set<string>();
  /** Files whose disk diagnostics are shown (canonical uris). */
  private readonly published = new Set<string>();
  private generation = 0;
  private running = false;
  private lastEdit = 0;
  private cappedLogged = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly max = MAX_CHECKED,
  ) {}

  changed(uri: string): void {
    if (!this.max) return;
    if (!this.published.has(uri) && this.published.size + this.queue.size >= this.max) {
      this.logCapped();
      return;
    }
    this.queue.add(uri);
    void this.drain();
  }

  removed(uri: string): void {
    this.queue.delete(uri);
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** An open document changed: its publisher owns its diagnostics; background checks wait. */
  edited(uri: string): void {
    this.lastEdit = performance.now();
    const c = canonicalUri(uri);
    this.queue.delete(c);
    this.published.delete(c);
  }

  /** Settings changed: cancel what is queued and check every shown file again. */
  restart(): void {
    this.generation++;
    for (const uri of this.published) this.queue.add(uri);
    void this.drain();
  }

  private isOpen(uri: string): boolean {
    return this.documents.all().some((d) => canonicalUri(d.uri) === uri);
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const generation = this.generation;
        await idle(() => performance.now() - this.lastEdit >= IDLE_MS);
        const uri = this.queue.values().next().value;
        if (uri === undefined) break;
        this.queue.delete(uri);
        if (this.isOpen(uri)) continue;
        const diagnostics = await this.check(uri);
        // Cancelled (settings changed) or opened meanwhile: the newer state decides.
        if (generation !== this.generation) {
          this.queue.add(uri);
          continue;
        }
        if (this.isOpen(uri) || this.queue.has(uri)) continue;
        if (diagnostics === null) this.removed(uri);
        else {
          this.published.add(uri);
          await this.connection.sendDiagnostics({ uri, diagnostics });
        }
      }
    } catch (e) {
      this.connection.console.error(`[nianbao] workspace diagnostics: ${(e as Error)?.stack ?? e}`);
    } finally {
      this.running = false;
    }
  }

  /** The file's diagnostics, or null when it cannot be read. */
  private async check(uri: string) {
    let bytes: Buffer;
    try {
      const path = fileURLToPath(uri);
      const s = await stat(path);
      if (!s.isFile()) return null;
      if (s.size > MAX_FILE_BYTES) return [];
      bytes = await readFile(path);
    } catch {
      return null;
    }
    const settings = await this.settings.get(uri);
    const result = checkReport(loadReportBytes(bytes).report, settings.options);
    return result.diagnostics.map((d) => toLsp(uri, 0, d, settings.locale));
  }

  private logCapped(): void {
    if (this.cappedLogged) return;
    this.cappedLogged = true;
    this.connection.console.log(
      `[nianbao] workspace diagnostics: capped at ${this.max} files; open a report to check it (NIANBAO_WORKSPACE_DIAGNOSTICS_MAX)`,
    );
  }
}

/** Resolves on a later turn of the event loop once `ready()` holds (polling while it does not). */
function idle(ready: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const tick = () => (ready() ? resolve() : setTimeout(tick, IDLE_MS / 4));
    setImmediate(tick);
  });
}
