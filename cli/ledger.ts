/**
 * Finding and reading review ledgers (core/review/ledger.ts) for the CLI. A report's ledger is
 * the nearest `nianbao-review.yaml` in its folder or a folder above it (the way ESLint finds
 * `.eslintrc`), unless `--ledger FILE` names one for all. Each ledger is read once per run.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { emptyLedger, ledgerCandidates, parseLedger, type Ledger, type LedgerEntry } from '../core';

/** The nearest ledger at or above `dir`, or undefined. */
export function findLedger(dir: string): string | undefined {
  return ledgerCandidates(dir).find((p) => existsSync(p) && statSync(p).isFile());
}

export interface LoadedLedger {
  /** As the user sees it (relative to the working folder when inside it). */
  file: string;
  /** Absolute. */
  path: string;
  ledger: Ledger;
}

/** A ledger entry's report file (relative to the ledger's folder, forward slashes) for a report path. */
export function ledgerRelative(ledgerPath: string, file: string): string {
  return relative(dirname(ledgerPath), resolve(file)).split(sep).join('/');
}

export class Ledgers {
  private readonly byPath = new Map<string, LoadedLedger>();
  private readonly byDir = new Map<string, string | undefined>();
  readonly errors: string[] = [];

  /** `override`: `--ledger FILE` (it need not exist yet). */
  constructor(private readonly override?: string) {}

  /** The ledger that governs a report file, read on first use; undefined when there is none. */
  forFile(file: string): LoadedLedger | undefined {
    const path = this.override ? resolve(this.override) : this.nearest(dirname(resolve(file)));
    return path ? this.load(path) : undefined;
  }

  all(): LoadedLedger[] {
    return [...this.byPath.values()];
  }

  private nearest(dir: string): string | undefined {
    if (!this.byDir.has(dir)) this.byDir.set(dir, findLedger(dir));
    return this.byDir.get(dir);
  }

  load(path: string): LoadedLedger {
    let hit = this.byPath.get(path);
    if (hit) return hit;
    let ledger = emptyLedger();
    if (existsSync(path)) {
      try {
        ledger = parseLedger(readFileSync(path, 'utf8'));
      } catch (e) {
        ledger = { ...emptyLedger(), errors: [(e as Error).message] };
      }
    }
    hit = { file: displayPath(path), path, ledger };
    for (const e of ledger.errors) this.errors.push(`${hit.file}: ${e}`);
    this.byPath.set(path, hit);
    return hit;
  }
}

/** A path relative to the working folder when inside it, else absolute. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** Does an entry concern one of `files` (absolute paths)? An entry naming no file is judged only by `review list`. */
export function entryConcerns(ledgerPath: string, files: ReadonlySet<string>, e: LedgerEntry): boolean {
  return !!e.file && files.has(resolve(dirname(ledgerPath), e.file));
}
