/**
 * `nianbao check --jobs N`: the same output, byte for byte and in the same order, whatever N, and
 * the same as checking the whole batch at once (cli/batch.ts runBatch, as `fix` and html do) —
 * over a batch whose reports pair across years (X-CARRY, X-REUSE), with a report whose organ
 * the scheduler cannot guess (its pair is checked in a second round), a broken file, a GB18030
 * file, a roster and a ledger. The real CLI (bin/nianbao.js, its workers from bin/checkWorker.js) as a user runs it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { runBatch } from '../../cli/batch';
import { runBatchJobs } from '../../cli/jobs';
import { MIN_FILES_FOR_JOBS } from '../../cli/workerCount';
import { runCheck } from '../../cli/commands/check';
import { BOM, csvHeader, toCsv } from '../../cli/output/csv';
import { toJson } from '../../cli/output/json';
import { writePieces } from '../../cli/output/stream';
import { makeCorpus } from '../helpers/corpus';

const ROOT = join(__dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-jobs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const corpus = makeCorpus(ROOT, MIN_FILES_FOR_JOBS);
for (const f of corpus) {
  mkdirSync(dirname(join(dir, 'reports', f.name)), { recursive: true });
  writeFileSync(join(dir, 'reports', f.name), f.text);
}
const organOf = (text: string) => /^\s+organ:\s*(\S+)/m.exec(text)![1];
const y2023 = corpus.filter((f) => f.name.startsWith('2023/'));
// A 2024 report of an organ of 2023 whose `organ:` line lies past what the scheduler reads
// (a long comment first): checked in another task than its pair, paired in the second round.
const late = y2023[1].text
  .replace(/(?<!\d)2023(?!\d)/g, '2024')
  .replace(/(?<!\d)2022(?!\d)/g, '2023')
  .replace(/^/, `${'# 说明：这是一段很长的注释。\n'.repeat(400)}`);
writeFileSync(join(dir, 'reports', 'zz-late-2024.nianbao.yaml'), late);
writeFileSync(join(dir, 'reports', 'broken.nianbao.yaml'), 'format: 2021\nmeta: {organ: [\n');
// GB18030 bytes of a report (YAML-ENCODING, info): iconv-lite as the encoder.
const iconv = require('iconv-lite') as typeof import('iconv-lite');
writeFileSync(
  join(dir, 'reports', 'gbk.nianbao.yaml'),
  iconv.encode(y2023[2].text.replace(/(?<!\d)2023(?!\d)/g, '2024'), 'gb18030'),
);

const ROSTER = `year: 2023
organs:
  - ${organOf(y2023[0].text)}
  - {name: ${organOf(y2023[3].text)}, kind: department}
  - {name: ${organOf(y2023[4].text)}, deadline: 02-15}
  - 不存在的人民政府
`;
writeFileSync(join(dir, 'roster.yaml'), ROSTER);

/** The CLI on the batch with `--jobs N` ('auto': without `--jobs`, the count cli/workerCount.ts picks). */
function check(jobs: number | 'auto', ...args: string[]) {
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'bin', 'nianbao.js'),
      'check',
      ...(jobs === 'auto' ? [] : ['--jobs', String(jobs)]),
      ...args,
      join(dir, 'reports'),
    ],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  );
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  return { out: r.stdout, err: r.stderr, status: r.status };
}

for (const format of ['text', 'json', 'csv']) {
  test(`--jobs 1, --jobs 3 and no --jobs print the same ${format}`, () => {
    const one = check(1, '--format', format);
    for (const jobs of [3, 'auto'] as const) {
      const other = check(jobs, '--format', format);
      assert.equal(other.out, one.out);
      assert.equal(other.err, one.err);
      assert.equal(other.status, one.status);
    }
  });
}

test('the same json with a roster and a ledger; pairs, X-REUSE and the second-round pair are there', () => {
  // A ledger dismissing the first finding of the batch.
  const first = JSON.parse(check(1, '--format', 'json').out) as { findings: { fingerprint: string }[] };
  writeFileSync(
    join(dir, 'ledger.yaml'),
    `entries:\n  - fingerprint: ${first.findings[0].fingerprint}\n    status: dismissed\n    reason: 原文如此\n    by: test\n    date: 2026-01-01\n`,
  );
  const args = ['--format', 'json', '--roster', join(dir, 'roster.yaml'), '--ledger', join(dir, 'ledger.yaml')];
  const one = check(1, ...args);
  const three = check(3, ...args);
  assert.equal(three.out, one.out);
  const json = JSON.parse(one.out) as {
    files: { file: string; pairing?: { status: string; previous: string | null } }[];
    findings: { code: string; review?: { status: string } }[];
  };
  const lateFile = json.files.find((f) => f.file.endsWith('zz-late-2024.nianbao.yaml'))!;
  assert.equal(lateFile.pairing?.status, 'paired');
  assert.ok(lateFile.pairing?.previous?.endsWith(y2023[1].name), 'paired with its organ’s 2023 report');
  assert.ok(json.files.filter((f) => f.pairing?.status === 'paired').length > 20);
  const codes = new Set(json.findings.map((f) => f.code));
  for (const code of ['X-REUSE', 'ROSTER-MISSING', 'ROSTER-UNKNOWN', 'YAML-ENCODING', 'YAML-SYNTAX'])
    assert.ok(codes.has(code), code);
  assert.ok(json.findings.some((f) => f.review?.status === 'dismissed'));
  assert.equal(readFileSync(join(dir, 'roster.yaml'), 'utf8'), ROSTER);
});

test('checking in tasks (one thread, the groups guessed) finds what checking the whole batch at once finds', async () => {
  // More files than one group holds, so the files are grouped by guessed organ, and the late
  // report's pair (its organ line beyond the guess) is checked in the second round.
  assert.ok(corpus.length + 3 > 64);
  const args = { paths: [join(dir, 'reports')], options: {}, roster: join(dir, 'roster.yaml'), ledger: false as const };
  const whole = toJson(runBatch(args), 'zh-CN');
  const tasks = toJson(await runBatchJobs(args, 1), 'zh-CN');
  assert.deepEqual(tasks, whole);
  const files = (whole as { files: { pairing?: { status: string } }[] }).files;
  assert.ok(files.filter((f) => f.pairing?.status === 'paired').length > 20);
});

test('written in pieces (each file rendered where it was checked), json and csv are byte for byte the whole-batch renderings', async () => {
  // A ledger that dismisses one finding, confirms another and has an entry whose finding is gone.
  const all = JSON.parse(check(1, '--format', 'json').out) as { findings: { fingerprint: string; file: string }[] };
  const late = all.findings.filter((f) => f.file.endsWith('zz-late-2024.nianbao.yaml'));
  const ledger = join(dir, 'pieces-ledger.yaml');
  const entry = (fp: string, status: string) =>
    `  - fingerprint: ${fp}\n    status: ${status}\n    reason: 原文如此\n    by: test\n    date: 2026-01-01\n    file: reports/zz-late-2024.nianbao.yaml\n`;
  writeFileSync(
    ledger,
    `entries:\n${entry(late[0].fingerprint, 'dismissed')}${entry(all.findings[3].fingerprint, 'confirmed')}${entry('0123456789abcdef', 'dismissed')}`,
  );
  const args = { paths: [join(dir, 'reports')], options: {}, roster: join(dir, 'roster.yaml'), ledger };
  const whole = runBatch(args);
  const flags = ['--roster', args.roster, '--ledger', ledger];
  for (const locale of ['zh-CN', 'en'] as const) {
    const json = `${JSON.stringify(toJson(whole, locale), null, 2)}\n`;
    const csv = toCsv(whole.results, locale);
    // In worker threads, through the CLI.
    assert.equal(check(3, '--format', 'json', '--locale', locale, ...flags).out, json, `json ${locale}`);
    assert.equal(check(3, '--format', 'csv', '--locale', locale, ...flags).out, csv, `csv ${locale}`);
    // In this thread, through the command's own writer.
    const bytes: Uint8Array[] = [];
    const run = (format: string) =>
      runCheck(
        {
          paths: args.paths,
          format,
          locale,
          options: {},
          version: 't',
          roster: args.roster,
          ledger,
          jobs: 1,
          stdoutIsTTY: false,
        },
        () => assert.fail('json and csv are written as bytes'),
        () => undefined,
        (b) => bytes.push(b),
      );
    assert.equal(await run('json'), 1);
    assert.equal(Buffer.concat(bytes.splice(0)).toString('utf8'), json);
    await run('csv');
    assert.equal(Buffer.concat(bytes).toString('utf8'), csv);
  }
  const parsed = JSON.parse(check(3, '--format', 'json', ...flags).out) as {
    findings: { review?: { status: string } }[];
    ledgers: { stale: string[] }[];
  };
  assert.deepEqual(
    parsed.findings
      .filter((f) => f.review)
      .map((f) => f.review!.status)
      .sort(),
    ['confirmed', 'dismissed'],
  );
  assert.deepEqual(parsed.ledgers[0].stale, ['0123456789abcdef']);
  const text = check(3, '--format', 'text', ...flags).out;
  assert.match(
    text,
    /已核实（审核记录中已核实，不计入问题数）：\n.*zz-late-2024\.nianbao\.yaml.*已核实：原文如此（test，2026-01-01）/,
  );
  assert.match(text, /pieces-ledger\.yaml：1 条记录已没有对应的问题/);
});

test('the pieces are written a megabyte at a time, never as one string of the whole output', () => {
  const body = (s: string) => new TextEncoder().encode(s);
  const counts = { errors: 1, warnings: 0, infos: 0, suppressed: 0, dismissed: 0, imports: 0 };
  const row = `${'报告,'.repeat(200)}\r\n`;
  const files = Array.from({ length: 2000 }, (_, i) => ({
    head: { file: `r${i}.nianbao.yaml`, kind: 'report' as const },
    pieces: { body: body(row.repeat(3)), dismissed: [], counts, failing: true },
  }));
  const writes: number[] = [];
  const out: Uint8Array[] = [];
  writePieces({ files, ioErrors: [], notes: [], ledgers: [] }, { format: 'csv', locale: 'zh-CN' }, (b) => {
    writes.push(b.length);
    out.push(b);
  });
  assert.equal(Buffer.concat(out).toString('utf8'), `${BOM}${csvHeader('zh-CN')}\r\n${row.repeat(3 * 2000)}`);
  assert.ok(writes.length > 5, `${writes.length} writes`);
  assert.ok(Math.max(...writes) < 3 << 20, 'each write about a megabyte');
});

test('--jobs must be a whole number ≥ 1', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'nianbao.js'), 'check', '--locale', 'en', '--jobs', '0', dir], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--jobs must be a whole number/);
});

test('the help explains --jobs in zh-CN and en, by --locale or the environment', () => {
  const help = (args: string[], env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, [join(ROOT, 'bin', 'nianbao.js'), '--help', ...args], {
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...env },
    }).stdout;
  const en = help(['--locale', 'en'], {});
  assert.match(en, /^Usage:/m);
  assert.match(
    en,
    /--jobs N: check in N worker threads \(default: the count\s+the batch's size and the cores make fastest, none for a\s+small batch\)/,
  );
  const zh = help([], { LANG: 'zh_CN.UTF-8' });
  assert.match(zh, /^用法：/m);
  assert.match(zh, /--jobs N：用 N 个工作线程检查（默认：按批量大小\s+与 CPU 核数取最快者，小批量在本线程）/);
  assert.equal(help([], { LANG: 'en_US.UTF-8' }), en);
  assert.equal(help([], { LANG: 'C' }), zh, 'no language named: the default, zh-CN');
});
