/**
 * The batch check in tasks (cli/jobs.ts), the part that runs wherever a task is executed: in
 * this thread, or in a worker thread (cli/checkWorker.ts). A task holds groups of files; it
 * reads and checks each group's files, pairs them across years among themselves and judges each
 * against the roster, and returns plain data: findings, identities, which file each was paired
 * with here. A group's report models are dropped when the group is done, so memory stays
 * bounded by a group, however large the batch, and the models die young (the garbage collector
 * does not carry them to the old generation, as it would if the whole batch were held).
 */
import {
  addCrossYear,
  addRosterEffect,
  checkReport,
  crossYearFindings,
  identityOf,
  loadReportBytes,
  pairingIn,
  rosterEffect,
  slotsOf,
  type Added,
  type CheckOptions,
  type Diagnostic,
  type FormatId,
  type Report,
  type ReportIdentity,
  type Roster,
  type RosterEffect,
  type Suppressed,
} from '../core';
import { applyLedger, fingerprint, reportResult } from './batch';
import { readFileBounded } from './files';
import { Ledgers } from './ledger';
import { organGuess } from './organGuess';
import { piecesOf, transferablesOf, type FilePieces, type Rendering } from './output/pieces';

/**
 * Files checked and paired together, their models held until the last is checked: usually one
 * organ's reports of every year (cli/jobs.ts guesses which).
 */
export type TaskGroup = { index: number; file: string }[];

export type Task =
  | { id: number; kind: 'check'; groups: TaskGroup[] }
  | { id: number; kind: 'pairs'; pairs: SecondRound[] }
  /** The organs of a chunk of files guessed (cli/organGuess.ts), to group the batch. */
  | { id: number; kind: 'guess'; files: string[] };

/** A report to pair again, with the report the whole batch pairs it with (null: none). */
export interface SecondRound {
  index: number;
  file: string;
  previous: string | null;
}

/** One file of a `check` task: what reading it gave, and for a report its findings. */
export type TaskFile =
  | { index: number; kind: 'error'; message: string }
  | { index: number; kind: 'special'; what: string }
  | { index: number; kind: 'too-large'; size: number }
  | {
      index: number;
      kind: 'report';
      format: FormatId | null;
      identity?: ReportIdentity;
      diagnostics: Diagnostic[];
      suppressed: Suppressed[];
      /** The pair found among this task's files, and its findings (the batch decides whether it stands). */
      local: { previous: string | null; added: Added };
      roster?: RosterEffect;
      /**
       * Set when the task renders (`Finish`): the file checked to its end, its local pair
       * assumed, and rendered; then `diagnostics`, `suppressed` and `local.added` are empty.
       */
      done?: FileDone;
    };

/** A report checked to its output: its pieces, and the ledger that governs it with the fingerprints found in it. */
export interface FileDone {
  pieces: FilePieces;
  ledger?: { path: string; hits: string[] };
}

/**
 * How a task finishes its reports when the batch is written from pieces (cli/output/pieces.ts):
 * the rendering, and the review ledgers (the nearest one of each report, or `--ledger`; none
 * when undefined).
 */
export interface Finish {
  how: Rendering;
  ledgers?: Ledgers;
}

export type TaskReply =
  | { id: number; kind: 'check'; files: TaskFile[] }
  | { id: number; kind: 'pairs'; pairs: { index: number; added: Added; done?: FileDone }[] }
  | { id: number; kind: 'guess'; organs: (string | undefined)[] }
  | { id: number; kind: 'failed'; message: string };

/** What a Finish is made from, as it crosses to a worker: the rendering and `--ledger` (false: no ledger). */
export interface FinishSetup {
  how: Rendering;
  ledger: string | false | undefined;
}

/** The Finish a setup asks for, its ledgers read in this thread, each once (their errors are the main thread's to report). */
export function finishOf(setup: FinishSetup | undefined): Finish | undefined {
  if (!setup) return undefined;
  return { how: setup.how, ...(setup.ledger === false ? {} : { ledgers: new Ledgers(setup.ledger) }) };
}

/** A task's answer; an exception becomes a `failed` reply (the batch fails with it, exit 2). */
export function runTask(task: Task, options: CheckOptions, roster: Roster | undefined, finish?: Finish): TaskReply {
  try {
    if (task.kind === 'guess') return { id: task.id, kind: 'guess', organs: task.files.map(organGuess) };
    return task.kind === 'check'
      ? { id: task.id, kind: 'check', files: task.groups.flatMap((g) => checkGroup(g, options, roster, finish)) }
      : { id: task.id, kind: 'pairs', pairs: pairsTask(task.pairs, options, roster, finish) };
  } catch (e) {
    return { id: task.id, kind: 'failed', message: String((e as Error)?.message ?? e) };
  }
}

/** The byte buffers of a reply's pieces, handed over with it to the thread that writes them. */
export function transferablesOfReply(reply: TaskReply): ArrayBuffer[] {
  const done =
    reply.kind === 'check'
      ? reply.files.map((f) => (f.kind === 'report' ? f.done : undefined))
      : reply.kind === 'pairs'
        ? reply.pairs.map((p) => p.done)
        : [];
  return transferablesOf(done.flatMap((d) => (d ? [d.pieces] : [])));
}

const none: Added = { diagnostics: [], suppressed: [] };

function load(file: string): Report | undefined {
  const r = readFileBounded(file);
  return r.kind === 'bytes' ? loadReportBytes(r.bytes).report : undefined;
}

type Loaded = { file: string; report: Report; identity?: ReportIdentity; out: TaskFile & { kind: 'report' } };

/** A file read and checked alone: its result, and for a report its model. */
function checkOne(index: number, file: string, options: CheckOptions): { out: TaskFile; loaded?: Loaded } {
  const r = readFileBounded(file);
  if (r.kind === 'error') return { out: { index, kind: 'error', message: r.message } };
  if (r.kind === 'special') return { out: { index, kind: 'special', what: r.what } };
  if (r.kind === 'too-large') return { out: { index, kind: 'too-large', size: r.size } };
  // As cli/batch.ts runBatch and core/review/batch.ts checkBatch do for a whole batch at once.
  const checked = checkReport(loadReportBytes(r.bytes).report, options);
  const identity = identityOf(checked.report);
  const res: TaskFile & { kind: 'report' } = {
    index,
    kind: 'report',
    format: checked.report.format,
    ...(identity ? { identity } : {}),
    diagnostics: checked.diagnostics,
    suppressed: checked.suppressed,
    local: { previous: null, added: none },
  };
  return { out: res, loaded: { file, report: checked.report, identity, out: res } };
}

/** A group's files checked, paired among themselves and held to the roster; their models dropped at the end. */
function checkGroup(files: TaskGroup, options: CheckOptions, roster: Roster | undefined, finish?: Finish): TaskFile[] {
  const out: TaskFile[] = [];
  const loaded: Loaded[] = [];
  for (const { index, file } of files) {
    const one = checkOne(index, file, options);
    out.push(one.out);
    if (one.loaded) loaded.push(one.loaded);
  }
  const slots = slotsOf(loaded);
  const byFile = new Map(loaded.map((l) => [l.file, l]));
  for (const l of loaded) {
    const previous = pairingIn(slots, l.file, l.identity).previous;
    if (previous)
      l.out.local = {
        previous,
        added: crossYearFindings(l.report, { file: previous, report: byFile.get(previous)!.report }, options),
      };
    if (roster) {
      const effect = rosterEffect(l, roster, options);
      if (effect) l.out.roster = effect;
    }
    if (finish) finishFile(l, finish);
  }
  return out;
}

/**
 * A report checked to its output, its local pair taken as the batch's (cli/jobs.ts pairs it
 * again when the whole batch says otherwise): its pair's and the roster's findings added, every
 * finding fingerprinted, the ledger's decisions applied, rendered; its findings then dropped.
 */
function finishFile(l: Loaded, finish: Finish): void {
  const o = l.out;
  const findings = { diagnostics: o.diagnostics, suppressed: o.suppressed };
  addCrossYear(findings, o.local.added);
  if (o.roster) addRosterEffect(findings, o.roster);
  const r = { ...reportResult(l.file, l.identity, findings.diagnostics, findings.suppressed, undefined), format: o.format };
  fingerprint(r);
  const ledger = finish.ledgers?.forFile(l.file);
  const hits = ledger ? applyLedger(r, ledger) : [];
  o.done = { pieces: piecesOf(r, finish.how), ...(ledger ? { ledger: { path: ledger.path, hits } } : {}) };
  o.diagnostics = [];
  o.suppressed = [];
  o.local = { previous: o.local.previous, added: none };
  delete o.roster;
}

function pairsTask(pairs: SecondRound[], options: CheckOptions, roster: Roster | undefined, finish?: Finish) {
  return pairs.map(({ index, file, previous }) => {
    if (finish) return { index, added: none, done: secondRound(index, file, previous, options, roster, finish) };
    const current = load(file);
    const prev = previous ? load(previous) : undefined;
    // Both were read and checked a moment ago; one that can no longer be read pairs with nothing.
    const added = current && prev ? crossYearFindings(current, { file: previous!, report: prev }, options) : none;
    return { index, added };
  });
}

/** A report checked to its output again, with the pair the whole batch gives it (none when it cannot be read again). */
function secondRound(
  index: number,
  file: string,
  previous: string | null,
  options: CheckOptions,
  roster: Roster | undefined,
  finish: Finish,
): FileDone | undefined {
  const { loaded } = checkOne(index, file, options);
  if (!loaded) return undefined;
  const prev = previous ? load(previous) : undefined;
  if (prev) loaded.out.local = { previous, added: crossYearFindings(loaded.report, { file: previous!, report: prev }, options) };
  if (roster) {
    const effect = rosterEffect(loaded, roster, options);
    if (effect) loaded.out.roster = effect;
  }
  finishFile(loaded, finish);
  return loaded.out.done;
}
