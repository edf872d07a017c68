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
import { readFileBounded } from './files';

/**
 * Files checked and paired together, their models held until the last is checked: usually one
 * organ's reports of every year (cli/jobs.ts guesses which).
 */
export type TaskGroup = { index: number; file: string }[];

export type Task =
  | { id: number; kind: 'check'; groups: TaskGroup[] }
  | { id: number; kind: 'pairs'; pairs: { index: number; file: string; previous: string }[] };

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
    };

export type TaskReply =
  | { id: number; kind: 'check'; files: TaskFile[] }
  | { id: number; kind: 'pairs'; pairs: { index: number; added: Added }[] }
  | { id: number; kind: 'failed'; message: string };

/** A task's answer; an exception becomes a `failed` reply (the batch fails with it, exit 2). */
export function runTask(task: Task, options: CheckOptions, roster: Roster | undefined): TaskReply {
  try {
    return task.kind === 'check'
      ? { id: task.id, kind: 'check', files: task.groups.flatMap((g) => checkGroup(g, options, roster)) }
      : { id: task.id, kind: 'pairs', pairs: pairsTask(task.pairs, options) };
  } catch (e) {
    return { id: task.id, kind: 'failed', message: String((e as Error)?.message ?? e) };
  }
}

const none: Added = { diagnostics: [], suppressed: [] };

function load(file: string): Report | undefined {
  const r = readFileBounded(file);
  return r.kind === 'bytes' ? loadReportBytes(r.bytes).report : undefined;
}

/** A group's files checked, paired among themselves and held to the roster; their models dropped at the end. */
function checkGroup(files: TaskGroup, options: CheckOptions, roster: Roster | undefined): TaskFile[] {
  const out: TaskFile[] = [];
  const loaded: { file: string; report: Report; identity?: ReportIdentity; out: TaskFile & { kind: 'report' } }[] = [];
  for (const { index, file } of files) {
    const r = readFileBounded(file);
    if (r.kind === 'error') out.push({ index, kind: 'error', message: r.message });
    else if (r.kind === 'special') out.push({ index, kind: 'special', what: r.what });
    else if (r.kind === 'too-large') out.push({ index, kind: 'too-large', size: r.size });
    else {
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
