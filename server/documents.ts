/**
 * One parse and one check per document version, shared by every feature. The parse (the
 * core's `loadReport`) is kept per version; the check is redone only when the document's
 * check options change. Features read `Analysis`; derived data (sums, fix-all) is memoised
 * on it so two features asking the same question pay once. Cross-year findings
 * (workspaceIndex.ts) are added on top: when last year's report changes, the analysis is redone
 * with the single-document check reused and only the pair checked again.
 */
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  assumedFormat,
  metaOf,
  checkReport,
  fixAll,
  fixesFor,
  loadReport,
  type CheckOptions,
  type CheckResult,
  type Diagnostic,
  type Fix,
  type FixAllResult,
  type FormatId,
  type Report,
} from '../core';
import type { EffectiveSettings, SettingsStore } from './settings';
import type { Timer } from './timing';

export interface Analysis {
  uri: string;
  version: number;
  text: string;
  settings: EffectiveSettings;
  result: CheckResult;
  /** The format features describe the document in: checked, declared or detected; 2021 when unknown. */
  format: FormatId;
  /** Milliseconds the parse and the check took (for the adaptive debounce). */
  costMs: number;
  /** Which report was last year's (and its version) when the cross-year findings were added; '' for none. */
  crossKey: string;
  memo: Map<string, unknown>;
}

/**
 * Cross-year findings (server/workspaceIndex.ts): they depend on another document, so the
 * analysis is redone when `key` changes, and only the pair is checked again.
 */
export interface CrossYearSource {
  /** Loads what `check` will need that is not in memory (last year's file from disk). */
  prepare(uri: string): Promise<void>;
  /** Changes whenever the findings for `report` may change (last year's uri and version); '' when there is none. */
  key(uri: string, report: Report): string;
  /** The findings for `report`, with severity settings and suppressions applied. */
  check(uri: string, report: Report, options: CheckOptions): Diagnostic[];
}

interface Entry {
  version: number;
  text: string;
  report: Report;
  parseMs: number;
  /** The single-document check, per options. */
  checked?: { optionsKey: string; result: CheckResult; ms: number };
  analysis?: Analysis;
}

export class AnalysisStore {
  private readonly entries = new Map<string, Entry>();
  /** Set once the workspace index exists (server/main.ts). */
  crossYear?: CrossYearSource;

  constructor(
    readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly timer: Timer,
  ) {}

  /** The analysis of the document's current version, or undefined when it is not open. */
  async get(uri: string): Promise<Analysis | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const settings = await this.settings.get(uri);
    if (this.crossYear)
      await this.timer.run(
        'crossyear/prepare',
        () => uri,
        undefined,
        () => this.crossYear!.prepare(uri),
      );
    const now = this.documents.get(uri);
    if (!now) return undefined;
    return this.analyse(now, settings);
  }

  /** Synchronous core of `get`: parse once per version, check once per options. */
  analyse(doc: TextDocument, settings: EffectiveSettings): Analysis {
    const uri = doc.uri;
    const where = () => `${uri} v${doc.version}`;
    const entry = this.entryOf(doc);
    const report = entry.report;
    const crossKey = this.crossYear ? this.timer.runSync('crossyear/key', where, '', () => this.crossYear!.key(uri, report)) : '';
    const cached = entry.analysis;
    if (cached && cached.settings.optionsKey === settings.optionsKey && cached.crossKey === crossKey) {
      if (cached.settings !== settings) cached.settings = settings; // same options, maybe another locale
      return cached;
    }
    let checked = entry.checked;
    if (!checked || checked.optionsKey !== settings.optionsKey) {
      const t0 = performance.now();
      const result = this.timer.runSync('check', where, null, () => checkReport(report, settings.options)) ?? {
        report,
        format: report.format,
        diagnostics: [],
        suppressed: [],
      };
      checked = { optionsKey: settings.optionsKey, result, ms: performance.now() - t0 };
      entry.checked = checked;
    }
    let result = checked.result;
    const t0 = performance.now();
    if (crossKey) {
      const cross = this.timer.runSync('crossyear', where, [], () => this.crossYear!.check(uri, report, settings.options));
      if (cross.length)
        result = {
          ...result,
          diagnostics: [...result.diagnostics, ...cross].sort(
            (a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code),
          ),
        };
    }
    const analysis: Analysis = {
      uri,
      version: doc.version,
      text: entry.text,
      settings,
      result,
      format: result.format ?? assumedFormat({ format: report.format, year: metaOf(report).year }),
      costMs: entry.parseMs + checked.ms + performance.now() - t0,
      crossKey,
      memo: new Map(),
    };
    entry.analysis = analysis;
    return analysis;
  }

  /** The parsed report of an open document's current version (shared with its analysis); undefined when not open. */
  report(uri: string): Report | undefined {
    const doc = this.documents.get(uri);
    return doc ? this.entryOf(doc).report : undefined;
  }

  /** Parse once per version. */
  private entryOf(doc: TextDocument): Entry {
    const uri = doc.uri;
    let entry = this.entries.get(uri);
    if (!entry || entry.version !== doc.version) {
      const text = doc.getText();
      const t0 = performance.now();
      const report =
        this.timer.runSync(
          'parse',
          () => `${uri} v${doc.version}`,
          null,
          () => loadReport(text),
        ) ?? emptyReport(text);
      entry = { version: doc.version, text, report, parseMs: performance.now() - t0 };
      this.entries.set(uri, entry);
    }
    return entry;
  }

  /** Last known cost of checking a document (0 when never checked). */
  lastCost(uri: string): number {
    return this.entries.get(uri)?.analysis?.costMs ?? 0;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}

/** Memoises derived data on an analysis. */
export function memo<T>(a: Analysis, key: string, make: () => T): T {
  if (a.memo.has(key)) return a.memo.get(key) as T;
  const v = make();
  a.memo.set(key, v);
  return v;
}

/** Fix-all over the whole document, computed once per analysis. */
export function fixAllOf(a: Analysis): FixAllResult {
  return memo(a, 'fixAll', () => fixAll(a.text, a.settings.options));
}

/** The core's fixes for one of the analysis' diagnostics, computed once. */
export function fixesOf(a: Analysis, d: Diagnostic): Fix[] {
  const cache = memo(a, 'fixes', () => new Map<Diagnostic, Fix[]>());
  let fixes = cache.get(d);
  if (!fixes) {
    fixes = fixesFor(a.result, d);
    cache.set(d, fixes);
  }
  return fixes;
}

/** If loadReport itself ever threw: an empty report, so features answer nothing rather than fail. */
function emptyReport(_text: string): Report {
  return loadReport('');
}
