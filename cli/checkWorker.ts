/**
 * A worker thread of `nianbao check --jobs N` (its own bundle, dist/checkWorker.js; the pool is
 * cli/jobs.ts): it runs the tasks it is sent (cli/checkTask.ts) and sends back their plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseRoster, type CheckOptions } from '../core';
import { runTask, type Task } from './checkTask';

export interface WorkerSetup {
  options: CheckOptions;
  /** `--roster`: the roster file's name and text (parsed here again: its model cannot cross threads). */
  roster?: { file: string; text: string };
}

if (parentPort) {
  const port = parentPort;
  const setup = workerData as WorkerSetup;
  const roster = setup.roster ? parseRoster(setup.roster.text).roster : undefined;
  port.on('message', (task: Task) => port.postMessage(runTask(task, setup.options, roster)));
}
