/**
 * Suppression comments a reviewer can see (issue 10, item 3): a directive counts only in a
 * real YAML comment, only for the next line and the codes it names; a bare one is a warning
 * and silences nothing; every silenced finding is counted in text, --summary, JSON and SARIF;
 * --no-inline-config ignores them and --report-unused-disable-directives flags stale ones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkText } from '../../core';
import { codes, example, ROOT } from '../helpers/report';

const SEED4 = example('reports/seed-004-shagou-2020.nianbao.yaml');
const above = (directive: string) => SEED4.replace(/^(\s+)(total_processed:)/m, `$1${directive}\n$1$2`);
const errorCount = (t: string) => checkText(t).diagnostics.filter((d) => d.severity === 'error').length;

function nianbao(text: string, ...args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-directives-'));
  const file = join(dir, 'r.nianbao.yaml');
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/nianbao.js'), 'check', ...args, file], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout };
}

test('seed 004 has 4 errors on its 合计 line; a bare directive above it silences none and is itself a warning', () => {
  assert.equal(errorCount(SEED4), 4);
  const t = above('# nianbao-disable-next-line');
  const r = checkText(t);
  assert.equal(errorCount(t), 4);
  assert.deepEqual(r.suppressed, []);
  assert.ok(codes(r.diagnostics, 'warning').includes('DIRECTIVE-BARE'));
  const cli = nianbao(t);
  assert.equal(cli.code, 1, 'errors still fail the check');
  assert.match(cli.out, /DIRECTIVE-BARE/);
});

test('a directive inside a quoted string value is text, not a comment', () => {
  const t = above('x_note: "# nianbao-disable-next-line T3-BAL T3-SUM-V"');
  assert.equal(errorCount(t), 4);
  assert.deepEqual(checkText(t).suppressed, []);
  const block = SEED4.replace(/^other_matters:.*$/m, 'other_matters: |\n  # nianbao-disable-next-line T3-BAL\n  无。');
  assert.deepEqual(checkText(block).suppressed, []);
});

test('a named directive silences those codes on the next line only, and every output counts them', () => {
  const t = above('# nianbao-disable-next-line T3-BAL T3-SUM-V');
  const r = checkText(t);
  assert.equal(errorCount(t), 0);
  assert.deepEqual(r.suppressed.map((s) => s.diagnostic.code).sort(), ['T3-BAL', 'T3-BAL', 'T3-SUM-V', 'T3-SUM-V']);
  // The same directive two lines up (a blank line between) silences nothing.
  assert.equal(errorCount(t.replace('T3-SUM-V\n', 'T3-SUM-V\n\n')), 4);

  const text = nianbao(t);
  assert.equal(text.code, 0);
  assert.match(text.out, /0 个错误，9 个警告，0 条提示；另有 4 条被忽略注释隐去（--no-inline-config 可显示）/);
  const summary = nianbao(t, '--summary');
  assert.match(summary.out, /另有 4 条被忽略注释隐去/);
  assert.match(summary.out, /\[忽略 4\]/);
  const json = JSON.parse(nianbao(t, '--format', 'json').out) as {
    files: { suppressed: number }[];
    findings: { code: string; suppressed?: { line: number; codes: string[] } }[];
  };
  assert.equal(json.files[0].suppressed, 4);
  assert.equal(json.findings.filter((f) => f.suppressed).length, 4);
  const sarif = JSON.parse(nianbao(t, '--format', 'sarif').out) as {
    runs: { results: { ruleId: string; suppressions?: { kind: string; justification: string }[] }[] }[];
  };
  const silenced = sarif.runs[0].results.filter((x) => x.suppressions?.length);
  assert.equal(silenced.length, 4);
  assert.deepEqual(silenced[0].suppressions, [
    { kind: 'inSource', justification: '# nianbao-disable-next-line T3-BAL T3-SUM-V' },
  ]);
});

test('--no-inline-config ignores every directive; --report-unused-disable-directives flags a stale one', () => {
  const t = above('# nianbao-disable-next-line T3-BAL T3-SUM-V');
  assert.equal(checkText(t, { inlineConfig: false }).diagnostics.filter((d) => d.severity === 'error').length, 4);
  assert.equal(nianbao(t, '--no-inline-config').code, 1);
  const stale = above('# nianbao-disable-next-line T4-SUM');
  assert.ok(!codes(checkText(stale).diagnostics).includes('DIRECTIVE-UNUSED'));
  assert.ok(codes(checkText(stale, { reportUnusedDirectives: true }).diagnostics).includes('DIRECTIVE-UNUSED'));
  assert.match(nianbao(stale, '--report-unused-disable-directives').out, /DIRECTIVE-UNUSED/);
  assert.ok(codes(checkText(above('# nianbao-disable-next-line T3-BALL')).diagnostics).includes('DIRECTIVE-UNKNOWN'));
});
