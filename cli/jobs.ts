/**
 * `nianbao check --jobs N`: the batch checked by N worker threads (cli/checkWorker.ts, bundled
 * as dist/checkWorker.js), with the same results, in the same order, as in one thread
 * (cli/batch.ts runBatch).
 *
 * 1. Tasks: the files are grouped by a cheap guess of their organ (the `organ:` / `organ_id:`
 *    line near the top, through core's organBucket), so that an organ's reports of every year
 *    are usually checked in one task and pair there; tasks go to whichever worker is free.
 * 2. Each worker reads, checks, pairs within its task and applies the roster to each report.
 * 3. Here the whole batch is paired from the identities the workers found (core/review/batch.ts
 *    pairingIn, the rule the one-thread path uses). A report whose pair differs from the one
 *    its worker found (the guess was wrong: a flow-style meta, another encoding) is checked
 *    against its real pair in a second round; the guess only decides speed, never results.
 * 4. The findings are merged as in one thread (pair, then roster), then cli/batch.ts
 *    finishBatch adds fingerprints and the ledgers' decisions.
 *
 * The report models never leave the workers: the results carry no `report`, `text` or bytes
 * (`fix` and `--format html` check in one thread).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { addCrossYear, addRosterEffect, organBucket, pairingIn, rosterOf, slotsOf, type Added, type Pairing } from '../core';
import {
  type BatchArgs,
  type BatchRun,
  type FileResult,
  finishBatch,
  readRoster,
  reportResult,
  runBatch,
  skippedNote,
  unreadReport,
} from './batch';
import type { WorkerFile, WorkerReply, WorkerSetup, WorkerTask } from './checkWorker';
import { expandPaths } from './files';

/**
 * Below this many files, one thread: a worker takes some 0.3–0.6 s to load its bundle and warm
 * up, which a report at about 7 ms repays only from a few dozen files on (measured with
 * `npm run bench:batch`).
 */
export const MIN_FILES_FOR_JOBS = 64;
/** Files a task holds at least (a group of one organ's reports may make it larger). */
const MIN_TASK = 4;
/** The guess reads this much of a file: `meta` comes first in every report. */
const HEAD_BYTES = 4096;

const checkWorkerPath = () => join(__dirname, 'checkWorker.js');

export async function runBatchJobs(a: BatchArgs, jobs: number): Promise<BatchRun> {
  const expanded = expandPaths(a.paths);
  const { files, errors, notes } = expanded;
  if (jobs <= 1 || files.length < MIN_FILES_FOR_JOBS) return runBatch(a, expanded);
  const roster = a.roster ? readRoster(a.roster) : undefined;
  const setup: WorkerSetup = {
    options: a.options,
    ...(roster ? { roster: { file: roster.file, text: roster.roster.doc.text } } : {}),
  };
  // The workers load their bundle while this thread reads the first lines of every file (no
  // more workers than tasks can be: a task holds at least MIN_TASK files).
  const pool = new Pool(Math.min(jobs, Math.ceil(files.length / MIN_TASK)), setup);
  try {
    const tasks = tasksOf(files, jobs);
    const checked: WorkerFile[] = new Array(files.length);
    await Promise.all(
      tasks.map(async (t) => {
        const reply = await pool.run({ id: 0, kind: 'check', files: t.map((index) => ({ index, file: files[index] })) });
        if (reply.kind === 'check') for (const f of reply.files) checked[f.index] = f;
      }),
    );
    const ioErrors = [...errors];
    const reports: Checked[] = [];
    const tooLarge: FileResult[] = [];
    for (const [index, c] of checked.entries()) {
      const file = files[index];
      if (c.kind === 'error') ioErrors.push(`${file}: ${c.message}`);
      else if (c.kind === 'special') notes.push(skippedNote(file, c.what));
      else if (c.kind === 'too-large') tooLarge.push(unreadReport(file, c.size));
      else reports.push({ ...c, file });
    }
    if ((a.crossYear ?? true) && reports.length > 1) await pairAll(reports, pool);
    for (const r of reports) if (r.roster) addRosterEffect(r, r.roster);
    const held = roster ? rosterOf(reports, roster, a.options) : undefined;
    const results = reports.map((r) => ({
      ...reportResult(r.file, r.identity, r.diagnostics, r.suppressed, r.pairing),
      format: r.format,
    }));
    return finishBatch(a, results, tooLarge, held, ioErrors, notes);
  } finally {
    await pool.close();
  }
}

type Checked = WorkerFile & { kind: 'report'; file: string; pairing?: Pairing };

/** Pairs the whole batch; a pair its worker did not see is checked in a second round. */
async function pairAll(reports: Checked[], pool: Pool): Promise<void> {
  const slots = slotsOf(reports);
  const again: { index: number; file: string; previous: string }[] = [];
  const added = new Map<number, Added>();
  for (const r of reports) {
    r.pairing = pairingIn(slots, r.file, r.identity);
    const previous = r.pairing.previous;
    if (previous === r.local.previous) added.set(r.index, r.local.added);
    else if (previous) again.push({ index: r.index, file: r.file, previous });
  }
  for (const p of await pool.pairs(again)) added.set(p.index, p.added);
  for (const r of reports) addCrossYear(r, added.get(r.index) ?? { diagnostics: [], suppressed: [] });
}

/** Indexes of the files, grouped by guessed organ, in tasks of about `size` files (a group is never split). */
function tasksOf(files: string[], jobs: number): number[][] {
  // Several tasks per worker, so that a slow task does not leave the others idle at the end.
  const size = Math.max(MIN_TASK, Math.min(64, Math.ceil(files.length / (jobs * 4))));
  const groups = new Map<string, number[]>();
  for (const [i, file] of files.entries()) {
    const key = organGuess(file) ?? `\u0000${i}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  const tasks: number[][] = [];
  let current: number[] = [];
  for (const g of groups.values()) {
    current.push(...g);
    if (current.length >= size) {
      tasks.push(current);
      current = [];
    }
  }
  if (current.length) tasks.push(current);
  return tasks;
}

const ORGAN_LINE = /^[ \t]+organ:[ \t]*(["']?)([^"'#\r\n]*?)\1[ \t]*(?:#.*)?$/m;
const ORGAN_ID_LINE = /^[ \t]+organ_id:[ \t]*(["']?)([^"'#\r\n]*?)\1[ \t]*(?:#.*)?$/m;

/** The organ bucket a file's first lines suggest; undefined when they do not say (a guess: see the top). */
function organGuess(file: string): string | undefined {
  const head = readHead(file);
  if (!head) return undefined;
  const name = ORGAN_LINE.exec(head)?.[2]?.trim();
  const id = ORGAN_ID_LINE.exec(head)?.[2]?.trim();
  return organBucket({ ...(name ? { name } : {}), ...(id ? { id } : {}) });
}

/** The first bytes of a regular file as UTF-8, or undefined (the worker reads and reports it properly). */
function readHead(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** N workers; a task goes to the first free one. A worker's failure fails the run (exit 2). */
class Pool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  private nextId = 1;
  private failure: Error | undefined;
  private readonly pending = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void }>();

  constructor(size: number, setup: WorkerSetup) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(checkWorkerPath(), { workerData: setup });
      w.on('message', (reply: WorkerReply) => {
        const p = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        this.release(w);
        if (reply.kind === 'failed') p?.reject(new Error(reply.message));
        else p?.resolve(reply);
      });
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`a check worker stopped (exit code ${code})`));
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  private closing = false;

  async run(task: WorkerTask): Promise<WorkerReply> {
    while (!this.idle.length) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    if (this.failure) throw this.failure;
    const w = this.idle.pop()!;
    const id = this.nextId++;
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ ...task, id });
    });
  }

  /** The pair checks of the second round, spread over the workers. */
  async pairs(pairs: { index: number; file: string; previous: string }[]): Promise<{ index: number; added: Added }[]> {
    if (!pairs.length) return [];
    const per = Math.ceil(pairs.length / this.workers.length);
    const chunks: (typeof pairs)[] = [];
    for (let i = 0; i < pairs.length; i += per) chunks.push(pairs.slice(i, i + per));
    const replies = await Promise.all(chunks.map((c) => this.run({ id: 0, kind: 'pairs', pairs: c })));
    return replies.flatMap((r) => (r.kind === 'pairs' ? r.pairs : []));
  }

  private release(w: Worker): void {
    this.idle.push(w);
    this.waiting.shift()?.();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
    for (const wake of this.waiting.splice(0)) wake();
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
