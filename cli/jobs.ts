/**
 * `nianbao check`: the batch checked in tasks, in this thread or in N worker threads (`--jobs N`,
 * or as many as repay their warm-up on the batch: cli/workerCount.ts; cli/checkWorker.ts,
 * started by bin/checkWorker.js from the CLI's bundle), with the same results, in the same order,
 * as the whole batch checked at once (cli/batch.ts runBatch, which `fix` and `--format html` use
 * because they need the report models).
 *
 * 1. Groups and tasks: the files are grouped by a cheap guess of their organ (cli/organGuess.ts,
 *    made by the workers a chunk of files at a time), so that an organ's reports of
 *    every year are usually checked in one group and pair there; the groups are packed into
 *    tasks that go to whichever worker is free (in this thread, one task of every group).
 * 2. Each group is read, checked, paired within itself and held to the roster
 *    (cli/checkTask.ts).
 * 3. Here the whole batch is paired from the identities the groups found (core/review/batch.ts
 *    pairingIn, the rule runBatch uses). A report whose pair differs from the one its group
 *    found (the guess was wrong: a flow-style meta, another encoding) is checked against its
 *    real pair in a second round; the guess only decides speed, never results.
 * 4. runBatchJobs (sarif, xlsx, --summary): the findings are merged as runBatch merges them (pair,
 *    then roster), then cli/batch.ts finishBatch adds fingerprints and the ledgers' decisions.
 *    runBatchPieces (json, csv, text): each task has already finished and rendered its reports
 *    with their local pair (cli/checkTask.ts finishFile); the second round renders again the
 *    reports whose pair differs, and only the rendered bytes and counts come back here.
 *
 * The report models live only as long as their group (cli/checkTask.ts): the results carry no
 * `report`, `text` or file bytes. So a batch of any size is checked in memory bounded by a group, and
 * the garbage collector does not carry every report of the batch to the end.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  addCrossYear,
  addRosterEffect,
  pairingIn,
  rosterOf,
  slotsOf,
  type Added,
  type CheckOptions,
  type Pairing,
  type Roster,
} from '../core';
import {
  applyLedger,
  type BatchArgs,
  type BatchRun,
  type FileResult,
  finishBatch,
  LedgerTally,
  readRoster,
  reportResult,
  skippedNote,
  unreadReport,
} from './batch';
import {
  finishOf,
  runTask,
  type FileDone,
  type Finish,
  type FinishSetup,
  type SecondRound,
  type Task,
  type TaskFile,
  type TaskGroup,
  type TaskReply,
} from './checkTask';
import type { WorkerSetup } from './checkWorker';
import { expandPaths } from './files';
import { Ledgers } from './ledger';
import { piecesOf, type Rendering } from './output/pieces';
import type { PiecesRun } from './output/stream';
import { MIN_TASK, workerCount, type Jobs } from './workerCount';

/** Files a task holds at most, unless one organ's group is larger. */
const MAX_TASK = 64;
/** Files whose organ cannot be guessed are grouped this many at most: the models held at once. */
const MAX_GROUP = 64;
/** Files whose organ a task guesses: a few milliseconds' work. */
const GUESS_CHUNK = 256;

// The worker's launcher, beside bin/nianbao.js (this code runs from dist/cli.js).
const checkWorkerPath = () => join(__dirname, '..', 'bin', 'checkWorker.js');

/** Where tasks run: a pool of worker threads, or this thread. */
interface Executor {
  readonly size: number;
  run(task: Task): Promise<TaskReply>;
  close(): Promise<void>;
}

export async function runBatchJobs(a: BatchArgs, jobs: Jobs): Promise<BatchRun> {
  return inTasks(a, jobs, undefined, async ({ reports, tooLarge, roster, ioErrors, notes }, executor) => {
    if ((a.crossYear ?? true) && reports.length > 1) await pairAll(reports, executor);
    for (const r of reports) if (r.roster) addRosterEffect(r, r.roster);
    const held = roster ? rosterOf(reports, roster, a.options) : undefined;
    const results = reports.map((r) => ({
      ...reportResult(r.file, r.identity, r.diagnostics, r.suppressed, r.pairing),
      format: r.format,
    }));
    return finishBatch(a, results, tooLarge, held, ioErrors, notes);
  });
}

/**
 * The batch checked to its output's pieces (cli/output/pieces.ts): each report is fingerprinted,
 * judged by its ledger and rendered where it was checked, so that this thread keeps only its
 * bytes and counts (and writes them in order, cli/output/stream.ts), never the batch's findings.
 * The same output as runBatchJobs's run rendered whole.
 */
export async function runBatchPieces(a: BatchArgs, jobs: Jobs, how: Rendering): Promise<PiecesRun> {
  // A task finishes its reports with their local pair's findings: only where the batch pairs.
  if (a.crossYear === false) throw new Error('runBatchPieces pairs across years; use runBatchJobs without pairing');
  const finish: FinishSetup = { how, ledger: a.ledger };
  return inTasks(a, jobs, finish, async ({ reports, tooLarge, roster, ioErrors, notes }, executor) => {
    if ((a.crossYear ?? true) && reports.length > 1) await pairAgain(reports, executor);
    const held = roster ? rosterOf(reports, roster, a.options) : undefined;
    // The files too large to read and the roster's own findings are finished here.
    const here = finishBatch({ ...a, ledger: false }, [], tooLarge, held, [], []).results;
    const store = new Ledgers(a.ledger === false ? undefined : a.ledger);
    const tally = new LedgerTally();
    const files: PiecesRun['files'] = [];
    for (const r of reports) {
      const done = r.done!; // every report of a finishing task is done (cli/checkTask.ts finishFile)
      if (done.ledger) tally.add(store.load(done.ledger.path), r.file, done.ledger.hits);
      const head = {
        file: r.file,
        kind: 'report' as const,
        identity: r.identity,
        organ: r.identity?.organ,
        year: r.identity?.year,
      };
      files.push({ head: { ...head, ...(r.pairing ? { pairing: r.pairing } : {}) }, pieces: done.pieces });
    }
    for (const r of here) {
      const l = a.ledger === false ? undefined : store.forFile(r.file);
      if (l) tally.add(l, r.file, applyLedger(r, l));
      files.push({ head: r, pieces: piecesOf(r, how) });
    }
    return {
      files,
      ioErrors: [...ioErrors, ...store.errors],
      notes,
      ledgers: a.ledger === false ? [] : tally.summaries(),
      ...(held ? { roster: { file: held.file, roster: held.roster, status: held.status } } : {}),
    };
  });
}

/** What checking the files in tasks gave, in the files' order. */
interface InTasks {
  reports: Checked[];
  tooLarge: FileResult[];
  roster?: { file: string; roster: Roster };
  ioErrors: string[];
  notes: string[];
}

/** The files read and checked in tasks (cli/checkTask.ts) in this thread or N workers, then `then` while they still run. */
async function inTasks<T>(
  a: BatchArgs,
  jobs: Jobs,
  finish: FinishSetup | undefined,
  then: (checked: InTasks, executor: Executor) => Promise<T>,
): Promise<T> {
  const { files, errors, notes } = expandPaths(a.paths);
  const roster = a.roster ? readRoster(a.roster) : undefined;
  const workers = workerCount(files.length, jobs, availableParallelism());
  const executor: Executor =
    workers > 1
      ? new Pool(workers, {
          options: a.options,
          ...(roster ? { roster: { file: roster.file, text: roster.roster.doc.text } } : {}),
          ...(finish ? { finish } : {}),
        })
      : new InThread(a.options, roster?.roster, finishOf(finish));
  try {
    const checked: TaskFile[] = new Array(files.length);
    await Promise.all(
      (await tasksOf(files, executor)).map(async (t) => {
        const reply = await executor.run({ id: 0, kind: 'check', groups: t });
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
    return await then({ reports, tooLarge, ...(roster ? { roster } : {}), ioErrors, notes }, executor);
  } finally {
    await executor.close();
  }
}

type Checked = TaskFile & { kind: 'report'; file: string; pairing?: Pairing };

/** Pairs the whole batch; a pair its worker did not see is checked in a second round. */
async function pairAll(reports: Checked[], executor: Executor): Promise<void> {
  const slots = slotsOf(reports);
  const again: SecondRound[] = [];
  const added = new Map<number, Added>();
  for (const r of reports) {
    r.pairing = pairingIn(slots, r.file, r.identity);
    const previous = r.pairing.previous;
    if (previous === r.local.previous) added.set(r.index, r.local.added);
    else if (previous) again.push({ index: r.index, file: r.file, previous });
  }
  for (const p of await pairsIn(executor, again)) added.set(p.index, p.added);
  for (const r of reports) addCrossYear(r, added.get(r.index) ?? { diagnostics: [], suppressed: [] });
}

/**
 * Pairs the whole batch; a report its worker paired otherwise is checked to its output again with
 * the batch's pair (one that can no longer be read keeps what it was first given).
 */
async function pairAgain(reports: Checked[], executor: Executor): Promise<void> {
  const slots = slotsOf(reports);
  const again: SecondRound[] = [];
  for (const r of reports) {
    r.pairing = pairingIn(slots, r.file, r.identity);
    if (r.pairing.previous !== r.local.previous) again.push({ index: r.index, file: r.file, previous: r.pairing.previous });
  }
  const byIndex = new Map(reports.map((r) => [r.index, r]));
  for (const p of await pairsIn(executor, again)) if (p.done) byIndex.get(p.index)!.done = p.done;
}

/**
 * The files' indexes in groups (cli/checkTask.ts), packed into tasks of about `size` files for
 * the workers to share (a group is never split). In one thread, one task of every group.
 */
async function tasksOf(files: string[], executor: Executor): Promise<TaskGroup[][]> {
  const groups = (await groupsOf(files, executor)).map((g) => g.map((index) => ({ index, file: files[index] })));
  const workers = executor.size;
  if (workers === 1) return groups.length ? [groups] : [];
  // Several tasks per worker, so that a slow task does not leave the others idle at the end.
  const size = Math.max(MIN_TASK, Math.min(MAX_TASK, Math.ceil(files.length / (workers * 4))));
  const tasks: TaskGroup[][] = [];
  let current: TaskGroup[] = [];
  let count = 0;
  for (const g of groups) {
    current.push(g);
    count += g.length;
    if (count >= size) {
      tasks.push(current);
      current = [];
      count = 0;
    }
  }
  if (current.length) tasks.push(current);
  return tasks;
}

/**
 * Indexes of the files grouped by guessed organ (cli/organGuess.ts, guessed by the executor's
 * workers); the files whose organ cannot be guessed in groups of at most MAX_GROUP. A batch of
 * at most MAX_GROUP files is one group, with nothing to guess.
 */
async function groupsOf(files: string[], executor: Executor): Promise<number[][]> {
  const all = files.map((_, i) => i);
  if (files.length <= MAX_GROUP) return files.length ? [all] : [];
  const organs = await guessesOf(files, executor);
  const byGuess = new Map<string, number[]>();
  const unknown: number[] = [];
  for (const i of all) {
    const key = organs[i];
    if (key === undefined) unknown.push(i);
    else if (byGuess.has(key)) byGuess.get(key)!.push(i);
    else byGuess.set(key, [i]);
  }
  const groups = [...byGuess.values()];
  for (let i = 0; i < unknown.length; i += MAX_GROUP) groups.push(unknown.slice(i, i + MAX_GROUP));
  return groups;
}

/** Every file's guessed organ, the files read in chunks by whichever worker is free. */
async function guessesOf(files: string[], executor: Executor): Promise<(string | undefined)[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < files.length; i += GUESS_CHUNK) chunks.push(files.slice(i, i + GUESS_CHUNK));
  const replies = await Promise.all(chunks.map((c) => executor.run({ id: 0, kind: 'guess', files: c })));
  return replies.flatMap((r) => (r.kind === 'guess' ? r.organs : []));
}

/** The pair checks of the second round, spread over the executor's workers. */
async function pairsIn(executor: Executor, pairs: SecondRound[]): Promise<{ index: number; added: Added; done?: FileDone }[]> {
  if (!pairs.length) return [];
  const per = Math.ceil(pairs.length / executor.size);
  const chunks: (typeof pairs)[] = [];
  for (let i = 0; i < pairs.length; i += per) chunks.push(pairs.slice(i, i + per));
  const replies = await Promise.all(chunks.map((c) => executor.run({ id: 0, kind: 'pairs', pairs: c })));
  return replies.flatMap((r) => (r.kind === 'pairs' ? r.pairs : []));
}

/** Tasks run in this thread, one after the other. */
class InThread implements Executor {
  readonly size = 1;

  constructor(
    private readonly options: CheckOptions,
    private readonly roster: Roster | undefined,
    private readonly finish: Finish | undefined,
  ) {}

  async run(task: Task): Promise<TaskReply> {
    const reply = runTask(task, this.options, this.roster, this.finish);
    if (reply.kind === 'failed') throw new Error(reply.message);
    return reply;
  }

  async close(): Promise<void> {}
}

/** N workers; a task goes to the first free one. A worker's failure fails the run (exit 2). */
class Pool implements Executor {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  private nextId = 1;
  private failure: Error | undefined;
  private readonly pending = new Map<number, { resolve: (r: TaskReply) => void; reject: (e: Error) => void }>();

  constructor(size: number, setup: WorkerSetup) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(checkWorkerPath(), { workerData: setup });
      w.on('message', (reply: TaskReply) => {
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

  get size(): number {
    return this.workers.length;
  }

  async run(task: Task): Promise<TaskReply> {
    while (!this.idle.length) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    if (this.failure) throw this.failure;
    const w = this.idle.pop()!;
    const id = this.nextId++;
    return new Promise<TaskReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ ...task, id });
    });
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
