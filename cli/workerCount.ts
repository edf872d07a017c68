/**
 * How many worker threads check a batch (cli/jobs.ts). `--jobs N` asks for N; without it, the
 * count is the one a cost model expects to finish soonest on this machine's cores, which for a
 * small batch on few cores is none at all: a worker is an isolate of its own that loads its bundle
 * and has V8 compile its hot code again (no compiled code is shared between threads), and until a
 * batch repays that, one thread is faster.
 */

/** `--jobs N`, or 'auto' without it. */
export type Jobs = number | 'auto';

/** Below this many files, one thread whatever `--jobs` says: a worker would not repay its start. */
export const MIN_FILES_FOR_JOBS = 64;
/** Files a task holds at least (a group of one organ's reports may make it larger). */
export const MIN_TASK = 4;

/**
 * A worker's warm-up, in reports' worth of CPU (one report: some 5–7 ms of one job's CPU, every
 * thread counted): loading the bundle (from its code cache), running cold, and chiefly V8's
 * optimizing compiler, which runs on background threads and so takes cores from the checking. On
 * a 2-vCPU machine the process's CPU with `--jobs 2` was 0.6 s above `--jobs 1` on 80 files,
 * 1.0–1.1 s on 160–320 and 1.0–1.7 s on 400–2,000 (the more varied the batch, the more code turns
 * hot): 150–250 reports' worth. 240 is at the top of that, because one thread alone already keeps
 * a third of the second core busy compiling, which the model leaves out; it puts the point where
 * two workers pay off on two cores at 480 files, where it was measured (`--jobs 2` against one
 * thread, the median of paired rounds: 0.99× on 400 files, 1.14× on 500, 1.05× on 600, 1.15–1.2×
 * on 1,000, 1.2–1.6× on 2,000; slower on 320).
 */
const WARM_UP = 240;
/** The part of a worker's warm-up on its own thread (its bundle, its cold first reports). */
const WARM_UP_OWN = 30;

/**
 * The time a batch of `files` reports is expected to take with `w` workers (or, for 1, in this
 * thread, whose bundle is loaded already), in reports' worth: every thread's CPU spread over
 * the cores, unless one worker's share of the files takes longer.
 */
function expected(files: number, w: number, cores: number): number {
  if (w === 1) return Math.max((WARM_UP + files) / cores, files);
  return Math.max((w * WARM_UP + files) / cores, WARM_UP_OWN + files / w);
}

/** The worker threads that check `files` files (1: in this thread), for `--jobs N` or, with 'auto', for `cores`. */
export function workerCount(files: number, jobs: Jobs, cores: number): number {
  if (files < MIN_FILES_FOR_JOBS) return 1;
  // No more workers than tasks can be: a task holds at least MIN_TASK files.
  const most = Math.ceil(files / MIN_TASK);
  if (jobs !== 'auto') return Math.max(1, Math.min(jobs, most));
  let best = 1;
  for (let w = 2; w <= Math.min(cores, most); w++) if (expected(files, w, cores) < expected(files, best, cores)) best = w;
  return best;
}
