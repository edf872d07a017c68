/** The `nianbao` command as a user runs it: a child process of bin/nianbao.js. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, setCell, zeroReport } from '../helpers/report';

function nianbao(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/nianbao.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const SEED4 = 'examples/reports/seed-004-shagou-2020.nianbao.yaml';

/** The findings of `check --format json` (the document is `{files, findings, …}`). */
function findingsOf(out: string): Record<string, unknown>[] {
  return (JSON.parse(out) as { findings: Record<string, unknown>[] }).findings;
}

test('check --format json on seed 004: T3-BAL in other_org and total, T3-SUM-V, T3-COMPLETE, the blank row grouped, T2-19-UNIT', () => {
  const r = nianbao('check', '--format', 'json', SEED4);
  assert.equal(r.code, 1);
  const findings = findingsOf(r.out) as {
    file: string;
    code: string;
    severity: string;
    range: { start: { line: number } };
    data: Record<string, unknown>;
  }[];
  const bal = findings.filter((f) => f.code === 'T3-BAL');
  assert.deepEqual(
    bal.map((f) => f.data.column),
    ['other_org', 'total'],
  );
  assert.ok(findings.some((f) => f.code === 'T3-SUM-V'));
  // Row （一） has five scattered blanks; row （二） is wholly blank: one group of its 7 cells.
  assert.equal(findings.filter((f) => f.code === 'T3-COMPLETE').length, 5);
  const groups = findings.filter((f) => f.code === 'T3-BLANK-GROUP');
  assert.deepEqual(
    groups.map((f) => [f.data.scope, (f.data.cells as string[]).length]),
    [['rows', 7]],
  );
  assert.deepEqual(
    findings.filter((f) => f.code === 'T2-19-UNIT').map((f) => f.data.text),
    ['137次', '1066730.5元'],
  );
  assert.ok(findings.every((f) => f.file === SEED4 && ['error', 'warning', 'info'].includes(f.severity)));
  assert.equal(bal[0].range.start.line, 64, 'zero-based line of （七）总计');
});

test('check on seed 000 reports no error and exits 0', () => {
  const r = nianbao('check', '--format', 'json', 'examples/reports/seed-000-baji-2020.nianbao.yaml');
  assert.equal(r.code, 0);
  assert.deepEqual(
    findingsOf(r.out).filter((f) => f.severity === 'error'),
    [],
  );
});

test('text output is compiler-like, in both locales', () => {
  const zh = nianbao('check', SEED4);
  assert.match(zh.out, /^examples\/reports\/seed-004-shagou-2020\.nianbao\.yaml:65:93 error T3-BAL 其他列勾稽关系不成立/m);
  const en = nianbao('check', '--locale', 'en', SEED4);
  assert.match(en.out, /:65:93 error T3-BAL Balance fails in column other_org/);
});

test('sarif output is SARIF 2.1.0 with rules and 1-based regions', () => {
  const r = nianbao('check', '--format', 'sarif', SEED4);
  const s = JSON.parse(r.out);
  assert.equal(s.version, '2.1.0');
  const run = s.runs[0];
  assert.ok(run.tool.driver.rules.some((x: { id: string }) => x.id === 'T3-BAL'));
  const bal = run.results.find((x: { ruleId: string }) => x.ruleId === 'T3-BAL');
  assert.deepEqual([bal.level, bal.locations[0].physicalLocation.region.startLine], ['error', 65]);
});

test('folders are expanded to *.nianbao.yaml files; usage and I/O errors exit 2', () => {
  const r = nianbao('check', 'examples/reports');
  assert.equal(r.code, 1);
  assert.match(r.out, /seed-002-dacai/);
  assert.equal(nianbao('check', 'no/such/file.yaml').code, 2);
  assert.equal(nianbao('check', '--format', 'xml', SEED4).code, 2);
  assert.equal(nianbao('frobnicate').code, 2);
  assert.equal(nianbao('check').code, 2);
});

test('fix rewrites a copy of seed 004 with no T3 error left; --dry-run writes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-fix-'));
  const file = join(dir, 'seed4.nianbao.yaml');
  copyFileSync(join(ROOT, SEED4), file);
  const before = readFileSync(file, 'utf8');
  const dry = nianbao('fix', '--dry-run', file);
  assert.equal(readFileSync(file, 'utf8'), before);
  // The balance of both columns fixes the two totals together (the sums over the blank row cannot).
  assert.match(dry.out, /T3-BAL 将（七）总计·其他 改为 2，（七）总计·总计 改为 2/);
  const r = nianbao('fix', file);
  assert.equal(r.code, 0);
  const after = nianbao('check', '--format', 'json', file);
  assert.deepEqual(
    findingsOf(after.out).filter((f) => /^T3-(BAL|SUM)/.test(String(f.code))),
    [],
  );
});

test('skeleton prints a report whose only findings are blank-cell warnings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-sk-'));
  for (const format of ['2019', '2021']) {
    const r = nianbao('skeleton', '--format', format, '--organ', '某县人民政府', '--year', format === '2019' ? '2020' : '2024');
    assert.equal(r.code, 0);
    const file = join(dir, `s${format}.nianbao.yaml`);
    writeFileSync(file, r.out);
    const found = findingsOf(nianbao('check', '--format', 'json', file).out) as { code: string; severity: string }[];
    // A new report is a form to fill: one finding per blank table, not one per cell.
    assert.deepEqual(found.map((f) => f.code).sort(), ['S5-EMPTY', 'T2-COMPLETE', 'T3-BLANK-GROUP', 'T4-COMPLETE']);
    assert.ok(found.every((f) => f.severity === 'warning'));
  }
  assert.equal(nianbao('skeleton', '--format', '2020').code, 2);
});

test('--config turns a rule off', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-cfg-'));
  const cfg = join(dir, 'cfg.json');
  writeFileSync(cfg, JSON.stringify({ severity: { 'T3-COMPLETE': 'off' } }));
  const found = findingsOf(nianbao('check', '--format', 'json', '--config', cfg, SEED4).out) as { code: string }[];
  assert.equal(found.filter((f) => f.code === 'T3-COMPLETE').length, 0);
});

test('--config sets X-REUSE’s threshold; a threshold out of range is a usage error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-reuse-cfg-'));
  const cfg = join(dir, 'cfg.json');
  const reuse = (threshold: number) => {
    writeFileSync(cfg, JSON.stringify({ reuse: { threshold } }));
    return nianbao(
      'check',
      '--format',
      'json',
      '--locale',
      'en',
      '--config',
      cfg,
      'examples/reports/corpus-003-hongze-2023.nianbao.yaml',
      'examples/reports/corpus-004-hongze-2024.nianbao.yaml',
    );
  };
  const count = (threshold: number) => findingsOf(reuse(threshold).out).filter((f) => f.code === 'X-REUSE').length;
  assert.equal(count(50), 2, 'the default: （三） and （四）');
  assert.equal(count(80), 1, 'only （三） repeats more than 80 %');
  assert.equal(count(40), 1, 'over 40 %: the whole of 一 (46 %), one finding instead of its parts; 五 (38 %) stays under');
  const bad = reuse(0);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /reuse\.threshold is a percentage, 1 to 100/);
});

test('json and sarif carry related locations, across files for cross-year findings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-pair-'));
  let last = zeroReport('2019');
  last = setCell(setCell(last, 'new_received', 'natural', 3), 'new_received', 'total', 3);
  last = setCell(setCell(last, 'carry_forward', 'natural', 3), 'carry_forward', 'total', 3);
  let cur = zeroReport('2021', 2021).replace(/2022/g, '2021');
  cur = setCell(setCell(cur, 'carried_over', 'natural', 2), 'carried_over', 'total', 2);
  cur = setCell(setCell(cur, 'carry_forward', 'natural', 2), 'carry_forward', 'total', 2);
  const lastFile = join(dir, 'a-2020.nianbao.yaml');
  const curFile = join(dir, 'b-2021.nianbao.yaml');
  writeFileSync(lastFile, last);
  writeFileSync(curFile, cur);
  const found = findingsOf(nianbao('check', '--format', 'json', dir).out) as {
    file: string;
    code: string;
    related: { file: string; range: { start: { line: number } } }[];
  }[];
  const carry = found.filter((f) => f.code === 'X-CARRY');
  assert.equal(carry.length, 2);
  assert.ok(carry.every((f) => f.file === curFile && f.related[0].file === lastFile));
  assert.equal(
    carry[0].related[0].range.start.line,
    last.split('\n').findIndex((l) => l.includes('carry_forward:')),
  );
  const sarif = JSON.parse(nianbao('check', '--format', 'sarif', dir).out);
  const x = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'X-CARRY');
  assert.equal(x.relatedLocations[0].physicalLocation.artifactLocation.uri, lastFile);
});
