/**
 * `nianbao review dismiss|confirm|reopen|list`: a reviewer's decisions on findings, kept in the
 * review ledger (core/review/ledger.ts), which `check` reads.
 *
 *   review dismiss FINGERPRINT... --reason TEXT [--by NAME] [--ledger FILE] [PATH...]
 *   review confirm FINGERPRINT... [--reason TEXT] [--by NAME] [--ledger FILE] [PATH...]
 *   review reopen FINGERPRINT... [--ledger FILE]
 *   review list [--ledger FILE] [--format text|json] [PATH...]
 *
 * The ledger is `--ledger FILE`, else the nearest nianbao-review.yaml at or above the first PATH
 * (or the working folder), else a new one there. The reports are the PATHs, else every report
 * under the ledger's folder: `dismiss` and `confirm` check them to find the finding (a mistyped
 * fingerprint is refused unless `--force`) and record what it was; `list` checks them to say
 * which entries no longer match a finding (stale).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  FINGERPRINT_RE,
  LEDGER_FILE,
  parseLedger,
  recordDecision,
  removeDecision,
  rosterSubject,
  today,
  type CheckOptions,
  type Diagnostic,
  type LedgerEntry,
  type Locale,
  type ReviewStatus,
} from '../../core';
import { UsageError } from '../args';
import { U } from '../messages';
import { runBatch, type FileResult } from '../batch';
import { displayPath, findLedger, ledgerRelative } from '../ledger';

export interface ReviewArgs {
  action: string;
  /** Fingerprints and paths, as given. */
  positionals: string[];
  reason?: string;
  by?: string;
  ledger?: string;
  roster?: string;
  force?: boolean;
  format?: string;
  locale: Locale;
  options: CheckOptions;
}

const ACTIONS = ['dismiss', 'confirm', 'reopen', 'list'];

export function runReview(a: ReviewArgs, out: (s: string) => void, err: (s: string) => void): number {
  if (!ACTIONS.includes(a.action)) throw new UsageError(U.reviewAction, { actions: ACTIONS.join(', ') });
  const fingerprints = a.positionals.filter((p) => FINGERPRINT_RE.test(p));
  const paths = a.positionals.filter((p) => !FINGERPRINT_RE.test(p));
  const ledgerPath = ledgerFor(a.ledger, paths);
  if (a.action === 'list') return list(a, ledgerPath, paths, out, err);
  if (!fingerprints.length) throw new UsageError(U.reviewFingerprint, { action: a.action });
  const text = existsSync(ledgerPath) ? readFileSync(ledgerPath, 'utf8') : undefined;
  if (a.action === 'reopen') {
    let next = text ?? '';
    for (const fp of fingerprints) next = removeDecision(next, fp);
    if (text !== undefined && next !== text) writeFileSync(ledgerPath, next);
    out(
      a.locale === 'en'
        ? `${displayPath(ledgerPath)}: ${fingerprints.join(', ')} reopened`
        : `${displayPath(ledgerPath)}：已撤销 ${fingerprints.join('、')} 的审核记录`,
    );
    return 0;
  }
  if (a.action === 'dismiss' && !a.reason?.trim()) throw new UsageError(U.dismissReason, {});
  const found = findFindings(a, ledgerPath, paths, err);
  const missing = fingerprints.filter((fp) => !found.has(fp));
  if (missing.length && !a.force) {
    err(
      a.locale === 'en'
        ? `nianbao: no finding with fingerprint ${missing.join(', ')} in the reports checked (give the report files, and --roster as for check; --force records it anyway)`
        : `nianbao：所检查的报告中没有指纹为 ${missing.join('、')} 的问题（请给出报告文件，名单问题加 --roster；--force 仍然记录）`,
    );
    return 2;
  }
  let next = text;
  for (const fp of fingerprints) {
    const entry: LedgerEntry = {
      fingerprint: fp,
      status: (a.action === 'dismiss' ? 'dismissed' : 'confirmed') as ReviewStatus,
      reason: a.reason?.trim() ?? '',
      ...(a.by?.trim() ? { by: a.by.trim() } : {}),
      date: today(),
      ...describe(found.get(fp), ledgerPath, a.locale),
    };
    next = recordDecision(next, entry);
  }
  writeFileSync(ledgerPath, next!);
  for (const fp of fingerprints) {
    const f = found.get(fp);
    const what = f ? ` ${f.diagnostic.code} ${f.result.file}:${f.diagnostic.range.start.line + 1}` : '';
    out(
      a.locale === 'en'
        ? `${displayPath(ledgerPath)}: ${fp}${what} ${a.action === 'dismiss' ? 'dismissed' : 'confirmed'}`
        : `${displayPath(ledgerPath)}：${fp}${what} ${a.action === 'dismiss' ? '已核实（不再计入）' : '已确认为问题'}`,
    );
  }
  return 0;
}

/** `--ledger`, else the nearest ledger at or above the first path (or the working folder), else a new one there. */
function ledgerFor(given: string | undefined, paths: string[]): string {
  if (given) return resolve(given);
  const first = paths[0];
  const base = first && existsSync(first) ? (statSync(first).isDirectory() ? first : dirname(first)) : process.cwd();
  return findLedger(base) ?? join(resolve(base), LEDGER_FILE);
}

interface Found {
  result: FileResult;
  diagnostic: Diagnostic;
}

/** Every finding of the reports, by fingerprint (counting, silenced and dismissed alike). */
function findFindings(a: ReviewArgs, ledgerPath: string, paths: string[], err: (s: string) => void): Map<string, Found> {
  const run = runBatch({
    paths: paths.length ? paths : [dirname(ledgerPath)],
    options: a.options,
    roster: a.roster,
    ledger: ledgerPath,
  });
  for (const e of run.ioErrors) err(e);
  const found = new Map<string, Found>();
  for (const result of run.results)
    for (const [diagnostic, fp] of result.fingerprints) if (!found.has(fp)) found.set(fp, { result, diagnostic });
  return found;
}

/** What the finding was, for people reading the ledger. */
function describe(f: Found | undefined, ledgerPath: string, locale: Locale): Partial<LedgerEntry> {
  if (!f) return {};
  const d = f.diagnostic;
  const subject = rosterSubject(d);
  const organ = (f.result.kind === 'roster' ? subject?.organ : undefined) ?? f.result.organ;
  const year = f.result.year ?? subject?.year;
  return {
    code: d.code,
    ...(organ ? { organ } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(d.data.path ? { path: d.data.path } : {}),
    file: ledgerRelative(ledgerPath, f.result.file),
    message: d.message[locale],
  };
}

function list(a: ReviewArgs, ledgerPath: string, paths: string[], out: (s: string) => void, err: (s: string) => void): number {
  if (!existsSync(ledgerPath)) {
    out(a.locale === 'en' ? `no review ledger (${displayPath(ledgerPath)})` : `没有审核记录（${displayPath(ledgerPath)}）`);
    return 0;
  }
  const ledger = parseLedger(readFileSync(ledgerPath, 'utf8'));
  for (const e of ledger.errors) err(`${displayPath(ledgerPath)}: ${e}`);
  const found = findFindings(a, ledgerPath, paths, err);
  const entries = ledger.entries.map((e) => ({ ...e, stale: !found.has(e.fingerprint) }));
  if (a.format === 'json') {
    out(JSON.stringify({ ledger: displayPath(ledgerPath), entries }, null, 2));
    return ledger.errors.length ? 2 : 0;
  }
  const en = a.locale === 'en';
  out(
    en
      ? `${displayPath(ledgerPath)}: ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}, ${entries.filter((e) => e.stale).length} stale`
      : `${displayPath(ledgerPath)}：${entries.length} 条记录，其中 ${entries.filter((e) => e.stale).length} 条已没有对应的问题`,
  );
  for (const e of entries) {
    const status = en ? e.status : e.status === 'dismissed' ? '已核实' : '已确认';
    const stale = e.stale ? (en ? ' [stale: the finding has gone]' : ' [已失效：问题已不存在]') : '';
    const who = [e.by, e.date].filter(Boolean).join(en ? ', ' : '，');
    const what = [e.code, e.organ, e.year, e.file].filter((x) => x !== undefined && x !== '').join(' ');
    out(
      `${e.fingerprint} ${status} ${what}${en ? ': ' : '：'}${e.reason}${who ? (en ? ` (${who})` : `（${who}）`) : ''}${stale}`,
    );
  }
  return ledger.errors.length ? 2 : 0;
}
