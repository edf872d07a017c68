/**
 * Batch speed (issue 13 §7). Prints figures against references measured in the same run; never
 * fails. Run: npm run bench:batch  (BENCH_REPORTS=2000 for another batch size, BENCH_RUNS=5 for more runs)
 *
 * On a batch of reports made from examples/reports/ (test/helpers/corpus.ts: organs × years, so
 * the reports pair across years and X-REUSE fires), in a temporary folder:
 *   (a) the floor for this stack: read the same files and `yaml.parseDocument` each, in one process;
 *   (b) `nianbao check --format json --jobs 1` over the folder (bin/nianbao.js as a child process),
 *       as a ratio to (a), both as wall time of the process and as time inside it;
 *   (c) the speed-up of `--jobs 1, 2, N` (N: the number of cores);
 *   (d) start-up: `nianbao --version` and `check` of one file against bare `node -e 0`;
 * and the reports checked per second per core. Each figure is the median of several runs, each in
 * a fresh process (so one run's warm JIT or garbage does not help or slow the next).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { runBatch } from '../cli/batch';
import { toJson } from '../cli/output/json';
import { makeCorpus } from '../test/helpers/corpus';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nianbao.js');
const COUNT = Number(process.env.BENCH_REPORTS ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((n) => join(dir, n));
}

/** In a child: one in-process measurement, printed as JSON ({ ms }). */
function inChild(kind: string, dir: string): { ms: number } {
  const t0 = performance.now();
  if (kind === 'parse') {
    for (const f of filesUnder(dir)) parseDocument(readFileSync(f, 'utf8'));
  } else {
    const run = runBatch({ paths: [dir], options: {} });
    JSON.stringify(toJson(run, 'zh-CN'), null, 2);
  }
  return { ms: performance.now() - t0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall time (ms) of a process, its stdout to a file (the JSON of 500 reports is written, not piped into memory). */
function wall(args: string[], sink: string): { ms: number; stdout: string } {
  const fd = openSync(sink, 'w');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  closeSync(fd);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return { ms, stdout: readFileSync(sink, 'utf8') };
}

function medianOf(runs: number, f: () => number): number {
  return median(Array.from({ length: runs }, f));
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  try {
    for (const f of makeCorpus(ROOT, COUNT)) {
      mkdirSync(dirname(join(dir, f.name)), { recursive: true });
      writeFileSync(join(dir, f.name), f.text);
    }
    const sink = join(dir, 'out.json');
    const self = (kind: string) => JSON.parse(wall([__filename, kind, dir], sink).stdout) as { ms: number };
    const cores = availableParallelism();
    const lines: string[] = [`batch speed: ${COUNT} reports, ${cores} cores, node ${process.version}, median of ${RUNS} runs`];

    // (a) and (b): wall time of the process and time inside it.
    const parseWall = medianOf(RUNS, () => wall([__filename, 'parse', dir], sink).ms);
    const parseIn = medianOf(RUNS, () => self('parse').ms);
    const coreIn = medianOf(RUNS, () => self('check').ms);
    const check = (jobs: number) => wall([BIN, 'check', '--format', 'json', '--jobs', String(jobs), dir], sink);
    const first = check(1);
    const findings = (JSON.parse(first.stdout) as { findings: unknown[] }).findings.length;
    const jobs = [...new Set([1, 2, cores])];
    const byJobs = new Map(jobs.map((j) => [j, medianOf(RUNS, () => check(j).ms)]));
    const one = byJobs.get(1)!;
    lines.push(
      `(a) parse only (read + yaml.parseDocument)   ${parseWall.toFixed(0).padStart(6)} ms process   ${parseIn.toFixed(0).padStart(6)} ms inside`,
      `(b) check --format json --jobs 1             ${one.toFixed(0).padStart(6)} ms process   ${coreIn.toFixed(0).padStart(6)} ms inside (runBatch + JSON)   ${findings} findings`,
      `    ratio to (a): ${(one / parseWall).toFixed(2)}× (process), ${(coreIn / parseIn).toFixed(2)}× (inside)   goal ≤ 1.3×`,
      `(c) --jobs: ${jobs.map((j) => `${j}: ${byJobs.get(j)!.toFixed(0)} ms (${(one / byJobs.get(j)!).toFixed(2)}×)`).join('   ')}`,
      `    ${((COUNT * 1000) / one).toFixed(0)} reports/s/core (one job, whole process); ${((COUNT * 1000) / coreIn).toFixed(0)} reports/s/core (inside)`,
    );

    // (d) start-up against bare node.
    const single = join(ROOT, 'examples', 'reports', 'clean-2021.nianbao.yaml');
    const startRuns = Math.max(RUNS, 7);
    const bare = medianOf(startRuns, () => wall(['-e', '0'], sink).ms);
    const version = medianOf(startRuns, () => wall([BIN, '--version'], sink).ms);
    const oneFile = medianOf(startRuns, () => wall([BIN, 'check', single], sink).ms);
    lines.push(
      `(d) node -e 0 ${bare.toFixed(0)} ms; nianbao --version +${(version - bare).toFixed(0)} ms; check of one file +${(oneFile - bare).toFixed(0)} ms   goal ≤ +150 ms`,
    );
    console.log(lines.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2]) process.stdout.write(JSON.stringify(inChild(process.argv[2], process.argv[3])));
else main();
