/**
 * `npm run fuzz -- --runs N [--seed S] [--path P]`: the property-based tests of
 * test/helpers/fuzz.ts for as many cases as asked. Prints the seed, the cases run and the time;
 * a failing case (shrunk by fast-check) is saved as a fixture in test/fixtures/fuzz/, which the
 * unit suite replays from then on. Exit 1 on a failure.
 */
import { join } from 'node:path';
import { loadExamples, parseFuzzArgs, runFuzz, saveFixture } from '../test/helpers/fuzz';

const ROOT = join(__dirname, '..', '..');

function main(): number {
  const { runs, seed, path } = parseFuzzArgs(process.argv.slice(2));
  const examples = loadExamples(ROOT);
  console.log(`fuzz: ${runs} cases from ${examples.size} example reports, seed ${seed}${path ? `, path ${path}` : ''}`);
  const run = runFuzz(examples, runs, seed, path, (cases, ms) =>
    console.log(`fuzz: ${cases} cases passed, ${(ms / 1000).toFixed(0)} s`),
  );
  const rate = (run.runs / (run.ms / 1000)).toFixed(0);
  console.log(`fuzz: ${run.runs} cases in ${(run.ms / 1000).toFixed(1)} s (${rate}/s), seed ${seed}`);
  if (!run.failure) {
    console.log('fuzz: no property failed');
    return 0;
  }
  const file = saveFixture(ROOT, run.failure);
  console.error(`fuzz: FAILED ${run.failure.message}`);
  console.error(`fuzz: seed ${run.failure.seed}, path ${run.failure.path}; saved ${file}`);
  return 1;
}

process.exitCode = main();
