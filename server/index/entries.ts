/**
 * The workspace index's state: one record per canonical file URI, and over the records a core
 * `ReportIndex` (organ + year → uri) that finds last year's report and next year's dependents.
 * No I/O and no LSP here: server/workspaceIndex.ts reads the files and turns the editor's and the
 * watcher's events into the transitions below.
 *
 * Invariants (every change goes through a method of `Entries`, so they hold between calls):
 * - A record exists while its file is on disk (claimed: it matched its folder's globs) or its
 *   document is open. A record that is neither is dropped, with its ReportIndex entry and its
 *   parsed report, and the open reports that depended on it are noted.
 * - Every open document is in the ReportIndex; every uri in the ReportIndex has a record.
 * - `diskCount` is the number of records on disk, never above `maxFiles` (claims beyond are refused).
 * - A record's `report` is its file parsed at the record's `stamp` (a bump drops it); at most
 *   `cacheSize` records hold one, listed oldest first in `cached`.
 * - Stamps come from one counter, at a record's creation and at every bump, so a uri with a stamp
 *   never names two contents (the cross-year key of an open report relies on it).
 * - `pending` holds the client uris of open reports whose cross-year findings may have changed,
 *   until `takePending`.
 */
import { ReportIndex, type IndexEntry, type Report, type ReportIdentity } from '../../core';
import { metaOfReport } from './meta';
import type { Claim } from './scan';
import { isUnder } from './uris';

/** Parsed reports of last year's files kept for the checks of open reports. */
export const DISK_CACHE = 16;

export interface OpenDocument {
  /** The client's spelling of the uri (what its diagnostics are published for). */
  uri: string;
  /** The meta text last indexed: an unchanged block is not indexed again. */
  meta?: string;
  /** No plain `meta:` block: organ and year come from the document's analysis (`analysed`). */
  fromAnalysis: boolean;
}

export interface Entry {
  /** The file exists on disk and matches its folder's include globs. */
  onDisk: boolean;
  /** The editor has it open: its text overrides the file's. */
  open?: OpenDocument;
  /** Changes whenever the file's content on disk changes: part of the cross-year key. */
  stamp: number;
  /** The file parsed at `stamp`, kept for the checks of the open reports that depend on it. */
  report?: Report;
}

export interface EntryLimits {
  /** Files on disk claimed at most. */
  maxFiles: number;
  /** Records holding a parsed report at most. */
  cacheSize: number;
}

export class Entries {
  private readonly records = new Map<string, Entry>();
  private readonly index = new ReportIndex();
  private diskCount = 0;
  private stampCounter = 0;
  private readonly cached = new Set<string>();
  private readonly pending = new Set<string>();

  constructor(private readonly limits: EntryLimits) {}

  // ---- queries ---------------------------------------------------------------------------

  /** Reports in the ReportIndex (open or read from disk). */
  get size(): number {
    return this.index.size;
  }

  get(c: string): Readonly<Entry> | undefined {
    return this.records.get(c);
  }

  /** The open document's client uri, or undefined when `c` is not open. */
  openUri(c: string): string | undefined {
    return this.records.get(c)?.open?.uri;
  }

  stamp(c: string): number | undefined {
    return this.records.get(c)?.stamp;
  }

  /** The file's parsed report when it is kept (always of the current stamp). */
  report(c: string): Report | undefined {
    return this.records.get(c)?.report;
  }

  indexed(c: string): IndexEntry | undefined {
    return this.index.entry(c);
  }

  /** The indexed report of `organ` and `year` other than `self` (the smallest uri). */
  previous(self: string, organ: ReportIdentity, year: number): IndexEntry | undefined {
    return this.index.find(organ, year).find((e) => e.uri !== self);
  }

  /** The files on disk under a folder. */
  diskUnder(folder: string): string[] {
    return [...this.records].filter(([c, r]) => r.onDisk && isUnder(c, folder)).map(([c]) => c);
  }

  /** Does an open report depend on `c` (next year's report of the same organ)? */
  hasOpenDependents(c: string): boolean {
    return this.index.dependentsOf(c).some((d) => this.records.get(d)?.open);
  }

  // ---- open documents --------------------------------------------------------------------

  /** didOpen / didChange, with the document's meta block (undefined: no plain block). */
  openChanged(c: string, clientUri: string, meta: string | undefined): void {
    const record = this.record(c);
    const open = record.open ?? { uri: clientUri, fromAnalysis: false };
    open.uri = clientUri;
    record.open = open;
    if (meta === undefined) {
      // The document's own (debounced) analysis has the full parse: `analysed` indexes it from there.
      open.fromAnalysis = true;
      if (!this.index.entry(c)) this.index.update(c, '');
      this.noteDependents(c);
      return;
    }
    // A plain block (again): the block, not the analysis, says organ and year from now on.
    const wasFromAnalysis = open.fromAnalysis;
    open.fromAnalysis = false;
    if (open.meta !== meta || wasFromAnalysis || !this.index.entry(c)) {
      open.meta = meta;
      this.reindex(c, meta);
    } else {
      this.noteDependents(c); // same organ and year, other figures: next year's report re-checks
    }
  }

  /** The analysis of an open document without a plain meta block: re-indexed when its organ or year moved (returns true). */
  analysed(c: string, report: Report): boolean {
    const open = this.records.get(c)?.open;
    if (!open?.fromAnalysis) return false;
    const meta = metaOfReport(report);
    if (open.meta === meta) return false;
    open.meta = meta;
    this.reindex(c, meta);
    return true;
  }

  /** didClose: true when the file is on disk (its index entry stays until it is read again). */
  closed(c: string): boolean {
    const record = this.records.get(c);
    if (!record) return false;
    record.open = undefined;
    if (record.onDisk) return true;
    this.drop(c);
    return false;
  }

  // ---- files on disk ---------------------------------------------------------------------

  /** A file found by the scan or the watcher that matches its folder's globs. */
  claimDisk(c: string): Claim {
    if (this.records.get(c)?.onDisk) return 'known';
    if (this.diskCount >= this.limits.maxFiles) return 'full';
    this.record(c).onDisk = true;
    this.diskCount++;
    return 'new';
  }

  /** The file's content on disk changed (or may have). */
  bump(c: string): void {
    const record = this.records.get(c);
    if (!record) return;
    record.stamp = ++this.stampCounter;
    record.report = undefined;
    this.cached.delete(c);
  }

  /** The file was read from disk: a new stamp, indexed from its meta block (ignored once open: the open text wins). */
  diskRead(c: string, meta: string): void {
    const record = this.records.get(c);
    if (!record?.onDisk || record.open) return;
    this.bump(c);
    this.reindex(c, meta);
  }

  /** The file is gone or no longer matches: out of the index unless its document is open (its text stays until closed). */
  leftDisk(c: string): void {
    const record = this.records.get(c);
    if (!record) return;
    if (record.onDisk) this.diskCount--;
    record.onDisk = false;
    this.bump(c);
    if (!record.open) this.drop(c);
  }

  /** Keeps the file's parsed report (of its current stamp) for the checks that need it; the oldest kept goes. */
  cacheReport(c: string, report: Report): void {
    const record = this.records.get(c);
    if (!record) return;
    record.report = report;
    this.cached.delete(c);
    this.cached.add(c);
    for (const oldest of this.cached) {
      if (this.cached.size <= this.limits.cacheSize) break;
      this.cached.delete(oldest);
      this.records.get(oldest)!.report = undefined;
    }
  }

  // ---- re-checks -------------------------------------------------------------------------

  /** Notes every open report (after a scan: any of them may pair differently now). */
  noteAllOpen(): void {
    for (const record of this.records.values()) if (record.open) this.pending.add(record.open.uri);
  }

  /** The open reports to re-check, noted since the last call (client uris). */
  takePending(): string[] {
    const uris = [...this.pending];
    this.pending.clear();
    return uris;
  }

  // ---- internals -------------------------------------------------------------------------

  private record(c: string): Entry {
    let record = this.records.get(c);
    if (!record) {
      record = { onDisk: false, stamp: ++this.stampCounter };
      this.records.set(c, record);
    }
    return record;
  }

  /** Re-indexes `c` from `meta`, noting the open reports that depended on it before and after. */
  private reindex(c: string, meta: string): void {
    this.noteDependents(c);
    this.index.update(c, meta);
    this.noteDependents(c);
  }

  private noteDependents(c: string): void {
    for (const d of this.index.dependentsOf(c)) {
      const uri = this.openUri(d);
      if (uri !== undefined) this.pending.add(uri);
    }
  }

  /** Forgets a record that is neither on disk nor open. */
  private drop(c: string): void {
    this.noteDependents(c);
    this.index.remove(c);
    this.records.delete(c);
    this.cached.delete(c);
  }
}
