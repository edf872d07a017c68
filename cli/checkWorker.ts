/**
 * A worker thread of `nianbao check --jobs N` (the pool is cli/jobs.ts): it runs the tasks it is
 * sent (cli/checkTask.ts) and sends back their plain data, and the rendered pieces' bytes without
 * a copy. The worker starts from bin/checkWorker.js, which loads the CLI's own bundle with its
 * code cache (bin/codeCache.js) and calls serveCheckTasks: so each worker skips compiling the
 * bundle and the functions a check runs, as the CLI's start does.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseRoster, type CheckOptions } from '../core';
import { finishOf, runTask, transferablesOfReply, type FinishSetup, type Task } from './checkTask';

export interface WorkerSetup {
  options: CheckOptions;
  /** `--roster`: the roster file's name and text (parsed here again: its model cannot cross threads). */
  roster?: { file: string; text: string };
  /** Set when the reports are checked to their output: the rendering and `--ledger` (false: no ledger). */
  finish?: FinishSetup;
}

/** Answers the pool's tasks for as long as this worker lives (called in a worker thread only). */
export function serveCheckTasks(): void {
  const port = parentPort;
  if (!port) throw new Error('serveCheckTasks runs in a worker thread of cli/jobs.ts');
  const setup = workerData as WorkerSetup;
  const roster = setup.roster ? parseRoster(setup.roster.text).roster : undefined;
  const finish = finishOf(setup.finish);
  port.on('message', (task: Task) => {
    const reply = runTask(task, setup.options, roster, finish);
    port.postMessage(reply, transferablesOfReply(reply));
  });
}
