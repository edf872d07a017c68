/**
 * Property-based testing of check, quick fixes and fix-all (issue 10, item 8): fast-check
 * mutates the example reports (test/helpers/fuzz-mutations.ts) and every case must keep the
 * properties of test/helpers/fuzz-properties.ts. Used by test/unit/fuzz.test.ts (a fixed seed,
 * a few thousand cases) and by `npm run fuzz` (scripts/fuzz.ts), which saves each failing case
 * as a fixture in test/fixtures/fuzz/ that test/unit/fuzz-fixtures.test.ts replays.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { fuzzCase, render, type FuzzCase } from './fuzz-mutations';
import { checkCase, Violation } from './fuzz-properties';

export const FIXTURE_DIR = join('test', 'fixtures', 'fuzz');

/** The example reports by file name. */
export function loadExamples(root: string): Map<string, string> {
  const dir = join(root, 'examples', 'reports');
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.nianbao.yaml'))
    .sort();
  return new Map(names.map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
}

export interface Fixture {
  /** How to reproduce it: `npm run fuzz -- --seed S --path P` (or fast-check's seed and path). */
  seed: number;
  path: string;
  property: string;
  message: string;
  case: FuzzCase;
  /** The minimal counterexample's text, exactly (line ends included). */
  text: string;
}

export interface FuzzRun {
  runs: number;
  seed: number;
  ms: number;
  failure?: Fixture;
}

/** Runs `runs` cases from `seed`; on a failure, the shrunk counterexample as a fixture. */
export function runFuzz(
  examples: ReadonlyMap<string, string>,
  runs: number,
  seed: number,
  path?: string,
  progress?: (cases: number, ms: number) => void,
): FuzzRun {
  const t0 = performance.now();
  let cases = 0;
  const property = fc.property(fuzzCase([...examples.keys()]), (c) => {
    checkCase(render(examples, c));
    if (++cases % 1000 === 0) progress?.(cases, performance.now() - t0);
  });
  const details = fc.check(property, { numRuns: runs, seed, path, endOnFailure: false });
  const ms = performance.now() - t0;
  if (!details.failed || !details.counterexample) return { runs: details.numRuns, seed, ms };
  const [c] = details.counterexample;
  const err = details.errorInstance;
  return {
    runs: details.numRuns,
    seed,
    ms,
    failure: {
      seed: details.seed,
      path: details.counterexamplePath ?? '',
      property: err instanceof Violation ? err.property : 'no exception',
      message: err instanceof Error ? err.message : String(err),
      case: c,
      text: render(examples, c),
    },
  };
}

/** Writes a fixture named for its text's hash; returns its path. */
export function saveFixture(root: string, f: Fixture): string {
  const dir = join(root, FIXTURE_DIR);
  mkdirSync(dir, { recursive: true });
  const hash = createHash('sha256').update(f.text).digest('hex').slice(0, 12);
  const file = join(dir, `${f.property.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${hash}.json`);
  writeFileSync(file, `${JSON.stringify(f, null, 2)}\n`);
  return file;
}

export function readFixtures(root: string): { file: string; fixture: Fixture }[] {
  const dir = join(root, FIXTURE_DIR);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  return names.sort().map((n) => ({ file: join(dir, n), fixture: JSON.parse(readFileSync(join(dir, n), 'utf8')) as Fixture }));
}

/** `--runs N --seed S --path P` from argv (the npm run fuzz script). */
export function parseFuzzArgs(argv: readonly string[]): { runs: number; seed: number; path?: string } {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const runs = Number(get('--runs') ?? 1000);
  const seed = get('--seed') === undefined ? Date.now() ^ (process.pid << 8) : Number(get('--seed'));
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error('--runs wants a positive integer');
  if (!Number.isSafeInteger(seed)) throw new Error('--seed wants an integer');
  return { runs, seed: seed | 0, path: get('--path') };
}
