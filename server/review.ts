/**
 * The review ledger in the language server (core/review/ledger.ts): every finding of an analysis
 * gets its fingerprint (the same as the CLI's, core/review/fingerprint.ts); the document's ledger
 * (the nearest nianbao-review.yaml at or above its folder) decides which findings are dismissed —
 * published as hints with the reviewer's reason — and `nianbao/review` writes a decision there.
 *
 * Ledgers are read once per file version (size and mtime), so a decision written by the CLI shows
 * on the next check; the file watcher for `**∕nianbao-review.yaml` (server/main.ts) also republishes.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  fingerprintsOf,
  identityOf,
  LEDGER_FILE,
  ledgerCandidates,
  parseLedger,
  recordDecision,
  today,
  type Diagnostic,
  type Ledger,
  type LedgerEntry,
} from '../core';
import type { ReviewParams, ReviewResult } from '../protocol/review';
import { memo, type Analysis, type AnalysisStore } from './documents';

/** The watcher glob for ledgers (registered in main.ts). */
export const LEDGER_GLOB = `**/${LEDGER_FILE}`;

interface Loaded {
  path: string;
  stamp: string;
  ledger: Ledger;
}

/** What the ledger says about an analysis' findings. */
export interface ReviewView {
  /** Changes whenever the ledger does ('' without one): part of the memo keys of what depends on it. */
  stamp: string;
  dismissed: Map<Diagnostic, LedgerEntry>;
}

const NONE: ReviewView = { stamp: '', dismissed: new Map() };

/** A file: URI's path, or undefined for other schemes (untitled documents have no folder). */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The fingerprints of an analysis' findings (suppressed ones included, as the CLI counts them). */
export function fingerprints(a: Analysis): Map<Diagnostic, string> {
  return memo(a, 'fingerprints', () => {
    const all = [...a.result.diagnostics, ...a.result.suppressed.map((s) => s.diagnostic)].sort(
      (x, y) => x.span.start - y.span.start || x.code.localeCompare(y.code),
    );
    const path = pathOf(a.uri);
    const fps = fingerprintsOf(all, {
      identity: identityOf(a.result.report),
      fallback: path ? basename(path) : (a.uri.split('/').pop() ?? ''),
    });
    return new Map(all.map((d, i) => [d, fps[i]]));
  });
}

export class LedgerStore {
  /** Folder → its ledger's path (undefined: none found). */
  private readonly byDir = new Map<string, string | undefined>();
  private readonly files = new Map<string, Loaded>();

  /** The ledger governing a document, or undefined. */
  forUri(uri: string): Loaded | undefined {
    const path = pathOf(uri);
    if (!path) return undefined;
    const dir = dirname(path);
    if (!this.byDir.has(dir))
      this.byDir.set(
        dir,
        ledgerCandidates(dir).find((p) => isFile(p)),
      );
    const ledger = this.byDir.get(dir);
    return ledger ? this.load(ledger) : undefined;
  }

  /** The ledger's verdicts on an analysis' findings (memoised per ledger version). */
  view(a: Analysis): ReviewView {
    const l = this.forUri(a.uri);
    if (!l?.ledger.entries.length) return NONE;
    return memo(a, `review:${l.path}:${l.stamp}`, () => {
      const dismissed = new Map<Diagnostic, LedgerEntry>();
      for (const [d, fp] of fingerprints(a)) {
        const e = l.ledger.byFingerprint.get(fp);
        if (e?.status === 'dismissed') dismissed.set(d, e);
      }
      return { stamp: `${l.path}:${l.stamp}`, dismissed };
    });
  }

  /** A ledger file was created, changed or deleted: find and read ledgers afresh. */
  changed(): void {
    this.byDir.clear();
    this.files.clear();
  }

  /** Records a decision in the document's ledger (a new one beside the report when there is none). */
  record(a: Analysis, params: ReviewParams): ReviewResult {
    const path = pathOf(a.uri);
    if (!path) return { recorded: false, reason: 'the report is not a file on disk (save it first)' };
    const found = [...fingerprints(a)].find(([, fp]) => fp === params.fingerprint);
    if (!found) return { recorded: false, reason: `no finding with fingerprint ${params.fingerprint} in ${a.uri}` };
    const [d] = found;
    const ledger = this.forUri(a.uri)?.path ?? join(dirname(path), LEDGER_FILE);
    const organ = identityOf(a.result.report);
    const entry: LedgerEntry = {
      fingerprint: params.fingerprint,
      status: params.status,
      reason: params.reason.trim(),
      ...(params.by?.trim() ? { by: params.by.trim() } : {}),
      date: today(),
      code: d.code,
      ...(organ ? { organ: organ.organ, year: organ.year } : {}),
      ...(d.data.path ? { path: d.data.path } : {}),
      file: relativeTo(ledger, path),
      message: d.message[a.settings.locale],
    };
    const text = existsSync(ledger) ? readFileSync(ledger, 'utf8') : undefined;
    writeFileSync(ledger, recordDecision(text, entry));
    this.changed();
    return { recorded: true, ledger };
  }

  private load(path: string): Loaded | undefined {
    let stamp: string;
    try {
      const st = statSync(path);
      stamp = `${st.size}:${st.mtimeMs}`;
    } catch {
      return undefined;
    }
    const hit = this.files.get(path);
    if (hit?.stamp === stamp) return hit;
    let ledger: Ledger;
    try {
      ledger = parseLedger(readFileSync(path, 'utf8'));
    } catch {
      return undefined;
    }
    const loaded = { path, stamp, ledger };
    this.files.set(path, loaded);
    return loaded;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** A report's path relative to its ledger's folder, with forward slashes (as the CLI writes it). */
function relativeTo(ledger: string, file: string): string {
  return relative(dirname(ledger), file).split(sep).join('/');
}

/** `nianbao/review`: record the decision, then publish the documents the ledger governs again. */
export async function reviewRequest(
  store: AnalysisStore,
  ledgers: LedgerStore,
  params: ReviewParams,
  republish: () => void,
): Promise<ReviewResult> {
  if (typeof params?.uri !== 'string' || typeof params.fingerprint !== 'string')
    return { recorded: false, reason: 'uri and fingerprint are required' };
  if (params.status !== 'dismissed' && params.status !== 'confirmed')
    return { recorded: false, reason: 'status must be dismissed or confirmed' };
  if (params.status === 'dismissed' && !params.reason?.trim()) return { recorded: false, reason: 'a reason is required' };
  const a = await store.get(params.uri);
  if (!a) return { recorded: false, reason: `document not open: ${params.uri}` };
  let result: ReviewResult;
  try {
    result = ledgers.record(a, { ...params, reason: params.reason ?? '' });
  } catch (e) {
    return { recorded: false, reason: (e as Error).message };
  }
  if (result.recorded) republish();
  return result;
}
