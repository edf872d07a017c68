/**
 * How many worker threads check a batch (cli/workerCount.ts): `--jobs N` as asked (bounded by the
 * tasks), and without it the count its cost model expects to finish soonest — none for a small
 * batch on few cores, where `--jobs 2` was measured slower than one thread, and every core for a
 * national sweep.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { MIN_FILES_FOR_JOBS, MIN_TASK, workerCount } from '../../cli/workerCount';

test('below MIN_FILES_FOR_JOBS files, one thread whatever is asked', () => {
  for (const jobs of [1, 2, 16, 'auto'] as const) {
    assert.equal(workerCount(MIN_FILES_FOR_JOBS - 1, jobs, 16), 1);
    assert.equal(workerCount(0, jobs, 16), 1);
  }
});

test('--jobs N is honoured, beyond the cores too, but never past one task of MIN_TASK files per worker', () => {
  assert.equal(workerCount(100, 1, 16), 1);
  assert.equal(workerCount(100, 3, 2), 3);
  assert.equal(workerCount(MIN_FILES_FOR_JOBS, 1000, 2), MIN_FILES_FOR_JOBS / MIN_TASK);
});

test('without --jobs on two cores: one thread for a few hundred reports, both cores for a larger batch', () => {
  assert.equal(workerCount(100, 'auto', 2), 1);
  assert.equal(workerCount(320, 'auto', 2), 1);
  assert.equal(workerCount(400, 'auto', 2), 1);
  assert.equal(workerCount(600, 'auto', 2), 2);
  assert.equal(workerCount(100_000, 'auto', 2), 2);
  assert.equal(workerCount(100_000, 'auto', 1), 1);
});

test('without --jobs on 16 cores: some workers for 500 reports, all 16 for a national sweep', () => {
  const small = workerCount(500, 'auto', 16);
  assert.ok(small > 1 && small < 16, `500 reports on 16 cores: ${small} workers`);
  assert.equal(workerCount(100_000, 'auto', 16), 16);
});

test('without --jobs: within the cores and the tasks, and never fewer workers for a larger batch', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 128 }),
      fc.integer({ min: 0, max: 200_000 }),
      fc.integer({ min: 0, max: 50_000 }),
      (cores, files, more) => {
        const n = workerCount(files, 'auto', cores);
        assert.ok(n >= 1 && n <= Math.max(1, Math.min(cores, Math.ceil(files / MIN_TASK))));
        assert.ok(workerCount(files + more, 'auto', cores) >= n);
      },
    ),
  );
});
