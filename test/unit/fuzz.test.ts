/**
 * Property-based tests of check, quick fixes and fix-all (issue 10): a fixed seed, so a failure
 * is reproducible; the message names the seed and fast-check's path (`npm run fuzz -- --seed S
 * --path P` replays it and saves it as a fixture).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadExamples, runFuzz } from '../helpers/fuzz';
import { ROOT } from '../helpers/report';

/** Cases per run of the unit suite: about 20 s on the 2-core test machine. */
const RUNS = Number(process.env.NIANBAO_FUZZ_RUNS ?? 600);
const SEED = 20_241_010;

test(`${RUNS} mutated example reports keep the fix guarantees (seed ${SEED})`, () => {
  const examples = loadExamples(ROOT);
  assert.ok(examples.size >= 5, 'the example reports are found');
  const run = runFuzz(examples, RUNS, SEED);
  const f = run.failure;
  assert.ok(
    !f,
    f &&
      `${f.message}\nseed ${f.seed}, path ${f.path} (npm run fuzz -- --runs ${RUNS} --seed ${f.seed} --path ${f.path})\n` +
        `case ${JSON.stringify(f.case)}`,
  );
  assert.equal(run.runs, RUNS);
});
