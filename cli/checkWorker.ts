/**
 * A worker thread of `nianbao check --jobs N` (its own bundle, dist/checkWorker.js; the pool is
 * cli/jobs.ts). It reads and checks the files of a task, pairs them across years among
 * themselves and judges each against the roster, and sends back plain data: findings,
 * identities, which file each was paired with here. The main thread pairs the whole batch and
 * asks again (a `pairs` task) for the few reports whose pair was checked in another task.
 * The report models stay here and are dropped with the task: memory stays bounded by a task.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  checkReport,
  crossYearFindings,
  identityOf,
  loadReportBytes,
  pairingIn,
  parseRoster,
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
import { readFileBounded } from './files';

export interface WorkerSetup {
  options: CheckOptions;
  /** `--roster`: the roster file's name and text (parsed here again: its model cannot cross threads). */
  roster?: { file: string; text: string };
}

export type WorkerTask =
  | { id: number; kind: 'check'; files: { index: number; file: string }[] }
  | { id: number; kind: 'pairs'; pairs: { index: number; file: string; previous: string }[] };

/** One file of a `check` task: what reading it gave, and for a report its findings. */
export type WorkerFile =
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
      /** The pair found among this task's files, and its findings (the main thread decides whether it stands). */
      local: { previous: string | null; added: Added };
      roster?: RosterEffect;
    };

export type WorkerReply =
  | { id: number; kind: 'check'; files: WorkerFile[] }
  | { id: number; kind: 'pairs'; pairs: { index: number; added: Added }[] }
  | { id: number; kind: 'failed'; message: string };

const none: Added = { diagnostics: [], suppressed: [] };

function load(file: string): Report | undefined {
  const r = readFileBounded(file);
  return r.kind === 'bytes' ? loadReportBytes(r.bytes).report : undefined;
}

function checkTask(files: { index: number; file: string }[], options: CheckOptions, roster: Roster | undefined): WorkerFile[] {
  const out: WorkerFile[] = [];
  const loaded: { file: string; report: Report; identity?: ReportIdentity; out: WorkerFile & { kind: 'report' } }[] = [];
  for (const { index, file } of files) {
    const r = readFileBounded(file);
    if (r.kind === 'error') out.push({ index, kind: 'error', message: r.message });
    else if (r.kind === 'special') out.push({ index, kind: 'special', what: r.what });
    else if (r.kind === 'too-large') out.push({ index, kind: 'too-large', size: r.size });
    else {
      // As cli/batch.ts runBatch and core/review/batch.ts checkBatch do in one thread.
      const checked = checkReport(loadReportBytes(r.bytes).report, options);
      const identity = identityOf(checked.report);
      const res: WorkerFile & { kind: 'report' } = {
        index,
        kind: 'report',
        format: checked.report.format,
        ...(identity ? { identity } : {}),
        diagnostics: checked.diagnostics,
        suppressed: checked.suppressed,
        local: { previous: null, added: none },
      };
      out.push(res);
      loaded.push({ file, report: checked.report, identity, out: res });
    }
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
  }
  return out;
}

function pairsTask(pairs: { index: number; file: string; previous: string }[], options: CheckOptions) {
  return pairs.map(({ index, file, previous }) => {
    const current = load(file);
    const prev = load(previous);
    // Both were read and checked a moment ago; one that can no longer be read pairs with nothing.
    const added = current && prev ? crossYearFindings(current, { file: previous, report: prev }, options) : none;
    return { index, added };
  });
}

if (parentPort) {
  const port = parentPort;
  const setup = workerData as WorkerSetup;
  const roster = setup.roster ? parseRoster(setup.roster.text).roster : undefined;
  port.on('message', (task: WorkerTask) => {
    let reply: WorkerReply;
    try {
      reply =
        task.kind === 'check'
          ? { id: task.id, kind: 'check', files: checkTask(task.files, setup.options, roster) }
          : { id: task.id, kind: 'pairs', pairs: pairsTask(task.pairs, setup.options) };
    } catch (e) {
      reply = { id: task.id, kind: 'failed', message: String((e as Error)?.message ?? e) };
    }
    port.postMessage(reply);
  });
}
