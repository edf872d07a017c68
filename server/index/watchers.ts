/**
 * The file watchers of the workspace index: registered dynamically with the client
 * (workspace/didChangeWatchedFiles) for the union of the folders' include globs, and registered
 * again only when that union changes.
 */
import { type Connection, DidChangeWatchedFilesNotification, type Disposable } from 'vscode-languageserver/node';
import type { Folder } from './uris';

export class Watchers {
  private registration?: Promise<Disposable | undefined>;
  private watchedKey = '';

  /** `dynamic`: the client registers file watchers dynamically; otherwise this does nothing. */
  constructor(
    private readonly connection: Connection,
    private readonly dynamic: boolean,
  ) {}

  /** Watches the folders' include globs, replacing the previous registration when they changed. */
  watch(folders: readonly Folder[]): void {
    if (!this.dynamic) return;
    const globs = [...new Set(folders.flatMap((f) => f.include))].sort();
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
}
