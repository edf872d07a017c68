/**
 * A worker thread of `nianbao check --jobs N` (its own bundle, dist/checkWorker.js; the pool is
 * cli/jobs.ts): it runs the tasks it is sent (cli/checkTask.ts) and sends back their plain data,
 * and the rendered pieces' bytes without a copy.
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

if (parentPort) {
  const port = parentPort;
  const setup = workerData as WorkerSetup;
  const roster = setup.roster ? parseRoster(setup.roster.text).roster : undefined;
  const finish = finishOf(setup.finish);
  port.on('message', (task: Task) => {
    const reply = runTask(task, setup.options, roster, finish);
    port.postMessage(reply, transferablesOfReply(reply));
  });
}
