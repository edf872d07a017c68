/**
 * Last year's report for the check of an open report (AnalysisStore, through `CrossYearSource`):
 * found in the entries with map lookups, and read from its open document (the parse the store
 * already has) or from disk (parsed once per file version, a few kept in the entries).
 */
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkCrossYear, identityOf, loadReport, type CheckOptions, type Diagnostic, type Report } from '../../core';
import type { AnalysisStore, CrossYearSource } from '../documents';
import { exists, readReportSync, readText } from './disk';
import type { Entries } from './entries';
import { canonicalUri } from './uris';

export interface PreviousHooks {
  /** Schedules the open reports the entries noted (an analysis moved a report's organ or year). */
  flush(): void;
  /** A file found missing without a watcher event (a deleted folder, an unwatched change). */
  gone(c: string): void;
}

export class PreviousReports implements CrossYearSource {
  constructor(
    private readonly entries: Entries,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly store: AnalysisStore,
    private readonly hooks: PreviousHooks,
  ) {}

  async prepare(uri: string): Promise<void> {
    const e = this.entries.indexed(canonicalUri(uri));
    if (!e?.identity) return;
    const prev = this.entries.previous(e.uri, e.identity, e.identity.year - 1);
    if (prev && this.entries.openUri(prev.uri) === undefined) await this.diskReport(prev.uri);
  }

  key(uri: string, report: Report): string {
    const self = canonicalUri(uri);
    if (this.entries.analysed(self, report)) this.hooks.flush();
    const id = identityOf(report);
    const prev = id && this.entries.previous(self, id, id.year - 1);
    if (!prev) return '';
    const openUri = this.entries.openUri(prev.uri);
    return openUri !== undefined
      ? `${openUri}@v${this.documents.get(openUri)?.version}`
      : `${prev.uri}@d${this.entries.stamp(prev.uri) ?? 0}`;
  }

  check(uri: string, report: Report, options: CheckOptions): Diagnostic[] {
    const self = canonicalUri(uri);
    return checkCrossYear(
      report,
      (organ, year) => {
        const prev = this.entries.previous(self, organ, year);
        if (!prev) return undefined;
        const openUri = this.entries.openUri(prev.uri);
        const full = openUri !== undefined ? this.store.report(openUri) : this.diskReportSync(prev.uri);
        return full ? { uri: openUri ?? prev.uri, report: full } : undefined;
      },
      options,
    ).diagnostics;
  }

  /** Reads and parses the file ahead of the check, unless it is kept already. */
  private async diskReport(c: string): Promise<void> {
    const stamp = this.entries.stamp(c);
    if (this.entries.report(c)) return;
    const file = await readText(c);
    if (file === null && !exists(c)) this.hooks.gone(c);
    // Changed while it was read: not kept (the check reads the new version).
    if (file === null || this.entries.stamp(c) !== stamp) return;
    this.entries.cacheReport(c, loadReport(file.text, { source: file.source }));
  }

  /** For a check that runs before `prepare` had the file (rare): read it now. */
  private diskReportSync(c: string): Report | undefined {
    const kept = this.entries.report(c);
    if (kept) return kept;
    const report = readReportSync(c);
    if (report) this.entries.cacheReport(c, report);
    return report;
  }
}
