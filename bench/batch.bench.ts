/**
 * Batch speed (issue 13 §7). Prints figures against references measured in the same run; never
 * fails. Run: npm run bench:batch  (BENCH_REPORTS=2000 for another batch size, BENCH_RUNS=5 for more runs)
 *
 * On a batch of reports made from examples/reports/ (test/helpers/corpus.ts: organs × years, so
 * the reports pair across years and X-REUSE fires), in a temporary folder:
 *   (a) the floor for this stack: read the same files and `yaml.parseDocument` each, in one process,
 *       with the `yaml` package as Node loads it (its Node build); and, inside the process only, with
 *       the build nianbao bundles (the browser build: the same code without a `process.env` read per
 *       token, see esbuild.mjs), the stricter floor; and yaml's lexer and parser alone (the CST
 *       every approach built on yaml must make; core/parse/compose.ts composes reports from it);
 *   (b) `nianbao check --format json --jobs 1` over the folder (bin/nianbao.js as a child process),
 *       as a ratio to (a), both as wall time of the process and as time inside it;
 *   (c) the speed-up of `--jobs 1, 2, N` (N: the number of cores) and of the default (no
 *       `--jobs`: the worker count cli/workerCount.ts chooses), the most N jobs can gain where one
 *       already keeps more than a core busy, their CPU time against one
 *       job (the work the threads add: each worker warms up its own JIT), beside the machine's own
 *       ceiling: N parse-only processes at once against one (a shared or virtual machine may not
 *       give N cores' worth of work to N busy threads);
 *   (d) start-up: `nianbao --version` and `check` of one file against bare `node -e 0`;
 * and the reports checked per second per core. Each time is the median of several runs, each in
 * a fresh process (so one run's warm JIT or garbage does not help or slow the next); each ratio is
 * the median of the ratios taken within a round, where both sides ran moments apart.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { Parser, parseDocument as bundledParseDocument } from 'yaml';
import { runBatchPieces } from '../cli/jobs';
import { writePieces } from '../cli/output/stream';
import { workerCount } from '../cli/workerCount';
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

/** In a child: one in-process measurement, printed as JSON ({ ms }: CPU time, steadier than wall time on a busy machine). */
async function inChild(kind: string, dir: string): Promise<{ ms: number }> {
  const t0 = process.cpuUsage();
  if (kind === 'cst') {
    for (const f of filesUnder(dir)) for (const _ of new Parser().parse(readFileSync(f, 'utf8')));
  } else if (kind === 'parse' || kind === 'parse-bundled') {
    // Required at run time, so Node resolves the package itself (its Node build), not esbuild.
    const { parseDocument } =
      kind === 'parse'
        ? (createRequire(__filename)('yaml') as { parseDocument: typeof bundledParseDocument })
        : { parseDocument: bundledParseDocument };
    for (const f of filesUnder(dir)) parseDocument(readFileSync(f, 'utf8'));
  } else {
    // What `check --format json` runs on one job (cli/jobs.ts: in this thread, in tasks, written in pieces).
    const how = { format: 'json', locale: 'zh-CN' } as const;
    writePieces(await runBatchPieces({ paths: [dir], options: {} }, 1, how), how, () => undefined);
  }
  const t = process.cpuUsage(t0);
  return { ms: (t.user + t.system) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Makes every child print its CPU time (all threads, user + system) on stderr as it exits. */
/**
 * Makes every child print its CPU time (all threads, user + system) on stderr as it exits, and on
 * Linux its main thread's (/proc/self/task/PID/stat: utime and stime, in the kernel's 100 Hz ticks).
 */
const CPU_PRELOAD = `process.on('exit', () => {
  const fs = require('fs');
  const u = process.resourceUsage();
  let main = NaN;
  try {
    const stat = fs.readFileSync('/proc/self/task/' + process.pid + '/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    main = (Number(f[11]) + Number(f[12])) * 10;
  } catch {}
  fs.writeSync(2, '\\ncpu-ms ' + (u.userCPUTime + u.systemCPUTime) / 1000 + ' main-ms ' + main + '\\n');
});`;
let preload = '';

interface Timing {
  /** Wall time, ms. */
  ms: number;
  /** CPU time of the process (every thread), ms: steadier than wall time on a busy machine. */
  cpu: number;
  /** CPU time of its main thread, ms (NaN where /proc is not there). */
  main: number;
  stdout: string;
}

/** A process's times, its stdout to a file (the JSON of 500 reports is written, not piped into memory). */
function wall(args: string[], sink: string): Timing {
  const fd = openSync(sink, 'w');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', preload, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  closeSync(fd);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  const [, cpu, main] = /cpu-ms ([\d.]+) main-ms ([\d.]+|NaN)\s*$/.exec(r.stderr) ?? [];
  return { ms, cpu: Number(cpu ?? Number.NaN), main: Number(main ?? Number.NaN), stdout: readFileSync(sink, 'utf8') };
}

/**
 * N parse-only processes started together, from one parent that waits for them all (wall time
 * of the parent): against N = 1, how much work the machine does at once, whatever the program.
 */
function atOnce(n: number, dir: string, sink: string): Timing {
  const script = `const { spawn } = require('node:child_process'); let left = ${n};
    for (let i = 0; i < ${n}; i++) spawn(process.execPath, [${JSON.stringify(__filename)}, 'parse', ${JSON.stringify(dir)}], { stdio: 'ignore' })
      .on('exit', () => { if (--left === 0) process.exit(0); });`;
  return wall(['-e', script], sink);
}

/** Each measurement's timings, one per round. */
type Rounds<K extends string> = Record<K, Timing[]>;

/**
 * Every measurement, several rounds. A round takes every measurement once, in turn, so that a
 * machine that speeds up or slows down during the run (a shared host) moves every figure alike.
 */
function rounds<K extends string>(runs: number, measures: Record<K, () => Timing>): Rounds<K> {
  const keys = Object.keys(measures) as K[];
  const all = Object.fromEntries(keys.map((k) => [k, [] as Timing[]])) as Rounds<K>;
  for (let r = 0; r < runs; r++) for (const k of keys) all[k].push(measures[k]());
  return all;
}

/** A measurement's median wall and CPU times over the rounds. */
function medianOf(ts: Timing[]): { ms: number; cpu: number } {
  return { ms: median(ts.map((t) => t.ms)), cpu: median(ts.map((t) => t.cpu)) };
}

/** The median over the rounds of a ratio taken within each round (steadier than a ratio of medians when the host drifts). */
function ratioOf(a: Timing[], b: Timing[], f: (t: Timing) => number): number {
  return median(a.map((t, i) => f(t) / f(b[i])));
}

const f0 = (n: number) => n.toFixed(0).padStart(6);

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  try {
    for (const f of makeCorpus(ROOT, COUNT)) {
      mkdirSync(dirname(join(dir, f.name)), { recursive: true });
      writeFileSync(join(dir, f.name), f.text);
    }
    const sink = join(dir, 'out.json');
    preload = join(dir, 'cpu.js');
    writeFileSync(preload, CPU_PRELOAD);
    const self = (kind: string) => {
      const t = wall([__filename, kind, dir], sink);
      return { ...t, ms: (JSON.parse(t.stdout) as { ms: number }).ms };
    };
    const cores = availableParallelism();
    const lines: string[] = [
      `batch speed: ${COUNT} reports, ${cores} cores, node ${process.version}, median of ${RUNS} rounds (a round runs each measurement once, in turn)`,
    ];

    // (a), (b) and (c): the process (wall and CPU time) and the time inside it, in rounds.
    const check = (jobs: number) => wall([BIN, 'check', '--format', 'json', '--jobs', String(jobs), dir], sink);
    const findings = (JSON.parse(check(1).stdout) as { findings: unknown[] }).findings.length;
    const jobs = [...new Set([1, 2, cores])];
    const m = rounds(RUNS, {
      parse: () => wall([__filename, 'parse', dir], sink),
      parseIn: () => self('parse'),
      bundledIn: () => self('parse-bundled'),
      cstIn: () => self('cst'),
      coreIn: () => self('check'),
      ...Object.fromEntries(jobs.map((j) => [`jobs${j}`, () => check(j)])),
      auto: () => wall([BIN, 'check', '--format', 'json', dir], sink),
      ...Object.fromEntries(jobs.map((j) => [`atOnce${j}`, () => atOnce(j, dir, sink)])),
    });
    const med = (k: string) => medianOf((m as Rounds<string>)[k]);
    const series = (k: string) => (m as Rounds<string>)[k];
    const wallOf = (t: Timing) => t.ms;
    const cpuOf = (t: Timing) => t.cpu;
    const parse = med('parse');
    const [parseIn, bundledIn, cstIn, coreIn] = ['parseIn', 'bundledIn', 'cstIn', 'coreIn'].map((k) => med(k).ms);
    const one = med('jobs1');
    const x = (n: number) => `${n.toFixed(2)}×`;
    // The main thread's share of the work with the most jobs (NaN where /proc is not there).
    const top = Math.max(...jobs);
    const mainOf = (j: number) => median(series(`jobs${j}`).map((t) => t.main));
    const serial = median(series(`jobs${top}`).map((t) => t.main / t.cpu));
    lines.push(
      `                                              wall ms   CPU ms   inside (CPU ms)`,
      `(a) parse only (read + yaml.parseDocument)   ${f0(parse.ms)}   ${f0(parse.cpu)}   ${f0(parseIn)}`,
      `(a′) the same, yaml as nianbao bundles it                       ${f0(bundledIn)}`,
      `(a″) its lexer and parser alone (the CST)                       ${f0(cstIn)}   (${x(cstIn / bundledIn)} of a′)`,
      `(b) check --format json --jobs 1             ${f0(one.ms)}   ${f0(one.cpu)}   ${f0(coreIn)} (check in tasks, JSON in pieces)   ${findings} findings`,
      `    ratio (b)/(a), the median of each round's ratio: ${x(ratioOf(series('jobs1'), series('parse'), wallOf))} wall, ${x(
        ratioOf(series('jobs1'), series('parse'), cpuOf),
      )} CPU, ${x(ratioOf(series('coreIn'), series('parseIn'), wallOf))} inside   (goal ≤ 1.3×); inside against (a′): ${x(
        ratioOf(series('coreIn'), series('bundledIn'), wallOf),
      )}`,
      `    (the ratio of the medians: ${x(one.ms / parse.ms)} wall, ${x(one.cpu / parse.cpu)} CPU, ${x(coreIn / parseIn)} inside)`,
      `(c) --jobs (wall; speed-up: the median of each round's ratio to --jobs 1): ${jobs
        .map((j) => `${j}: ${med(`jobs${j}`).ms.toFixed(0)} ms (${x(ratioOf(series('jobs1'), series(`jobs${j}`), wallOf))})`)
        .join('   ')}`,
      `    without --jobs (${workerCount(COUNT, 'auto', cores)} worker threads chosen for ${COUNT} files on ${cores} cores, 1 = this thread): ${med('auto').ms.toFixed(0)} ms (${x(
        ratioOf(series('jobs1'), series('auto'), wallOf),
      )})`,
      `    one job keeps ${x(one.cpu / one.ms).replace('×', '')} cores busy (its CPU over its wall time: V8 compiles and collects garbage on other threads), so ${cores} jobs can gain at most ${x(
        cores / (one.cpu / one.ms),
      )} here`,
      `    CPU time of the whole process (every thread), against --jobs 1: ${jobs
        .map((j) => `${j}: ${med(`jobs${j}`).cpu.toFixed(0)} ms (${x(ratioOf(series(`jobs${j}`), series('jobs1'), cpuOf))})`)
        .join('   ')}   (near 1×: the threads add little work, so free cores would give a near-linear speed-up)`,
      `    the machine's ceiling, N parse-only processes at once against one (work per wall second): ${jobs
        .map((j) => `${j}: ${x(j * ratioOf(series('atOnce1'), series(`atOnce${j}`), wallOf))}`)
        .join('   ')}`,
      `    the main thread (reading the folders, grouping, pairing, writing; the serial part, some of it beside the workers) with --jobs ${top}: ${mainOf(
        top,
      ).toFixed(
        0,
      )} ms CPU, ${((mainOf(top) * 1000) / COUNT).toFixed(2)} ms per 1,000 reports, ${(serial * 100).toFixed(1)} % of the process's CPU: at most ${x(
        1 / (serial + (1 - serial) / 16),
      )} on 16 free cores (Amdahl)`,
      `    ${((COUNT * 1000) / one.cpu).toFixed(0)} reports/s/core (one job, CPU time of the whole process); ${((COUNT * 1000) / coreIn).toFixed(0)} inside`,
    );

    // (d) start-up against bare node.
    const single = join(ROOT, 'examples', 'reports', 'clean-2021.nianbao.yaml');
    const startRuns = Math.max(RUNS, 9);
    const start = rounds(startRuns, {
      bare: () => wall(['-e', '0'], sink),
      version: () => wall([BIN, '--version'], sink),
      oneFile: () => wall([BIN, 'check', single], sink),
    });
    const [bare, version, oneFile] = [start.bare, start.version, start.oneFile].map(medianOf);
    const plus = (t: { ms: number; cpu: number }) =>
      `+${(t.ms - bare.ms).toFixed(0)} ms wall, +${(t.cpu - bare.cpu).toFixed(0)} ms CPU`;
    lines.push(
      `(d) node -e 0: ${bare.ms.toFixed(0)} ms wall, ${bare.cpu.toFixed(0)} ms CPU; nianbao --version ${plus(version)}; check of one file ${plus(oneFile)}   (goal ≤ +150 ms)`,
    );
    console.log(lines.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2]) void inChild(process.argv[2], process.argv[3]).then((r) => process.stdout.write(JSON.stringify(r)));
else main();
