/**
 * Core diagnostics → LSP diagnostics, published after an adaptive debounce: ~0–10 ms for
 * ordinary reports, longer for big documents or ones that were slow to check, so typing in a
 * large file does not queue a check per keystroke. The check runs from a timer, never inside
 * the didChange handler, so requests already queued are answered first.
 */
import type { Connection, Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { say, UI, type Diagnostic, type LedgerEntry, type Locale } from '../core';
import { memo, type Analysis, type AnalysisStore } from './documents';
import { fingerprints, type LedgerStore, type ReviewView } from './review';
import type { Timer } from './timing';

export const SOURCE = 'nianbao';

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What the review ledger adds to a finding: its fingerprint, and the decision when it was dismissed. */
export interface Reviewed {
  fingerprint?: string;
  dismissed?: LedgerEntry;
}

export function toLsp(uri: string, version: number, d: Diagnostic, locale: Locale, review: Reviewed = {}): LspDiagnostic {
  const { fingerprint, dismissed } = review;
  const out: LspDiagnostic = {
    range: d.range,
    // A finding dismissed in the review ledger stays visible, faintly, with the reviewer's reason.
    severity: dismissed ? DiagnosticSeverity.Hint : SEVERITY[d.severity],
    code: d.code,
    source: SOURCE,
    message: dismissed ? `${d.message[locale]}${say(locale, UI.verifiedTag, { reason: dismissed.reason })}` : d.message[locale],
    data: { ...d.data, version, ...(fingerprint ? { fingerprint } : {}), ...(dismissed ? { review: 'dismissed' } : {}) },
  };
  if (d.related?.length) {
    // Cross-year findings relate to last year's report: r.uri names it.
    out.relatedInformation = d.related.map((r) => ({
      location: { uri: r.uri ?? uri, range: r.range },
      message: r.message[locale],
    }));
  }
  return out;
}

/** The LSP diagnostics of an analysis in its locale, with the ledger's verdicts (memoised per locale and ledger version). */
export function lspDiagnostics(a: Analysis, view: ReviewView = { stamp: '', dismissed: new Map() }): LspDiagnostic[] {
  const locale = a.settings.locale;
  const fps = fingerprints(a);
  return memo(a, `lsp:${locale}:${view.stamp}`, () =>
    a.result.diagnostics.map((d) =>
      toLsp(a.uri, a.version, d, locale, { fingerprint: fps.get(d), dismissed: view.dismissed.get(d) }),
    ),
  );
}

/**
 * Delay before checking: ~0–10 ms up to 50 KB (a real report is ~20 KB), then growing with the
 * text. A document whose last check was slow (> 50 ms) waits only for what is left of that
 * check's time since it ran: a change after a pause is checked at once (typing → squiggle is the
 * check alone), while fast typing coalesces into one check per check-time instead of a queue.
 */
export function debounceMs(length: number, lastCostMs: number, sinceLastMs = 0): number {
  const bySize = length <= 50_000 ? length / 5_000 : 10 + (length - 50_000) / 5_000;
  const byCost = lastCostMs > 50 ? Math.max(0, lastCostMs - sinceLastMs) : 0;
  return Math.round(Math.min(500, bySize + byCost));
}

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** When the latest version of each document arrived (didOpen/didChange), for the timing log. */
  private readonly arrived = new Map<string, { version: number; at: number }>();
  /** When each document was last published (performance.now()). */
  private readonly publishedAt = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly store: AnalysisStore,
    private readonly timer: Timer,
    private readonly ledgers?: LedgerStore,
  ) {}

  schedule(uri: string): void {
    const doc = this.store.documents.get(uri);
    if (!doc) return;
    this.arrived.set(uri, { version: doc.version, at: performance.now() });
    const old = this.timers.get(uri);
    if (old) clearTimeout(old);
    const since = performance.now() - (this.publishedAt.get(uri) ?? Number.NEGATIVE_INFINITY);
    const delay = debounceMs(doc.getText().length, this.store.lastCost(uri), since);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.publish(uri);
      }, delay),
    );
  }

  /** Re-check every open document (configuration changed). */
  scheduleAll(): void {
    for (const doc of this.store.documents.all()) this.schedule(doc.uri);
  }

  async publish(uri: string): Promise<void> {
    const where = () => `${uri} v${this.store.documents.get(uri)?.version ?? '?'}`;
    await this.timer.run('diagnostics', where, undefined, async () => {
      const a = await this.store.get(uri);
      if (!a) return;
      // A newer version arrived while the settings were read: its own timer will publish.
      if (this.store.documents.get(uri)?.version !== a.version) return;
      const diagnostics = lspDiagnostics(a, this.ledgers?.view(a));
      this.publishedAt.set(uri, performance.now());
      await this.connection.sendDiagnostics({ uri, version: a.version, diagnostics });
      const arrived = this.arrived.get(uri);
      if (arrived?.version === a.version) {
        this.arrived.delete(uri);
        if (process.env.NIANBAO_LOG_TIMINGS) {
          this.connection.console.log(
            `[nianbao] ${uri} v${a.version}: ${diagnostics.length} diagnostics ${(performance.now() - arrived.at).toFixed(1)} ms after the change (parse + check ${a.costMs.toFixed(1)} ms)`,
          );
        }
      }
    });
  }

  clear(uri: string): void {
    const old = this.timers.get(uri);
    if (old) clearTimeout(old);
    this.timers.delete(uri);
    this.arrived.delete(uri);
    this.publishedAt.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
