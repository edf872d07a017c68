/**
 * The reviewer's memory: fingerprints that survive edits elsewhere, the YAML ledger (read,
 * write in place keeping comments, stale entries), and the CLI round trip — `review dismiss`
 * turns the exit code green, `check` lists the finding as verified, JSON carries `review`,
 * SARIF `partialFingerprints` and an external suppression, `review list` names stale entries.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkText,
  fingerprintsOf,
  identityOf,
  parseLedger,
  recordDecision,
  removeDecision,
  staleEntries,
  type Diagnostic,
} from '../../core';
import { ROOT, setCell, zeroReport } from '../helpers/report';

const fps = (text: string): Map<string, string> => {
  const r = checkText(text);
  const ds = [...r.diagnostics, ...r.suppressed.map((s) => s.diagnostic)].sort((a, b) => a.span.start - b.span.start);
  const out = fingerprintsOf(ds, { identity: identityOf(r.report), fallback: 'x.nianbao.yaml' });
  return new Map(ds.map((d, i) => [`${d.code} ${d.data.path}`, out[i]]));
};

/** A report with one T4-SUM error (review total 0 while upheld is 1). */
const broken = (t = zeroReport('2021', 2023)) => setCell(t, 'review', 'upheld', 1);

test('fingerprints: 16 hex digits, stable when lines move, values change or the organ name is respaced; not across organs or years', () => {
  const base = fps(broken());
  const fp = base.get('T4-SUM review_litigation.review.total')!;
  assert.match(fp, /^[0-9a-f]{16}$/);
  const moved = broken().replace(/^overview:/m, '# 一段新的注释\n# 又一行\noverview:');
  assert.equal(fps(moved).get('T4-SUM review_litigation.review.total'), fp, 'lines inserted above');
  assert.equal(fps(setCell(broken(), 'review', 'upheld', 7)).get('T4-SUM review_litigation.review.total'), fp, 'another value');
  const spaced = broken().replace('organ: 测试乡人民政府', 'organ: 测试乡　人民政府');
  assert.equal(fps(spaced).get('T4-SUM review_litigation.review.total'), fp, 'a full-width space in the name');
  const other = broken().replace('organ: 测试乡人民政府', 'organ: 别的乡人民政府');
  assert.notEqual(fps(other).get('T4-SUM review_litigation.review.total'), fp, 'another organ');
  assert.notEqual(fps(broken(zeroReport('2021', 2022))).get('T4-SUM review_litigation.review.total'), fp, 'another year');
  const id = (t: string) => t.replace(/^(\s+)year: /m, '$1organ_id: 11320800MB0000000X\n$1year: ');
  const withId = fps(id(broken())).get('T4-SUM review_litigation.review.total');
  assert.notEqual(withId, fp);
  assert.equal(
    fps(id(other)).get('T4-SUM review_litigation.review.total'),
    withId,
    'meta.organ_id wins over the name: a renamed organ keeps its fingerprints',
  );
});

test('fingerprints: two findings of one code on one subject are told apart (META-YEAR’s year, then the occurrence)', () => {
  const t = zeroReport('2021', 2023).replace(
    /^overview:.*$/m,
    'overview: 统计期限自2021年1月1日起至2022年12月31日止。另：统计期限自2022年1月1日起至2022年12月31日止。',
  );
  const r = checkText(t);
  const ds = r.diagnostics.filter((d) => d.code === 'META-YEAR');
  assert.equal(ds.length, 4);
  const out = fingerprintsOf(ds, { identity: identityOf(r.report) });
  assert.equal(new Set(out).size, 4, 'all distinct');
  const again = fingerprintsOf(
    checkText(t).diagnostics.filter((d) => d.code === 'META-YEAR'),
    { identity: identityOf(r.report) },
  );
  assert.deepEqual(again, out, 'and stable');
});

test('fingerprints: a report without organ or year falls back to its file name', () => {
  const d = checkText('format: 2021\nmeta: {title: x}\n').diagnostics as Diagnostic[];
  const a = fingerprintsOf(d, { fallback: 'a.nianbao.yaml' });
  const b = fingerprintsOf(d, { fallback: 'b.nianbao.yaml' });
  assert.notDeepEqual(a, b);
});

const ENTRY = {
  fingerprint: '0123456789abcdef',
  status: 'dismissed' as const,
  reason: '原文如此，已核实',
  by: '张三',
  date: '2025-03-02',
  code: 'T4-SUM',
  organ: '测试乡人民政府',
  year: 2023,
  path: 'review_litigation.review.total',
  file: 'a/2023.nianbao.yaml',
  message: '行政复议·总计 为 0',
};

test('ledger: written with a header, read back; a second decision on a fingerprint replaces it in place, comments kept', () => {
  const first = recordDecision(undefined, ENTRY);
  assert.match(first, /^# nianbao 审核记录/);
  const l = parseLedger(first);
  assert.deepEqual(l.errors, []);
  assert.deepEqual(l.entries, [ENTRY]);
  const commented = first.replace('  - fingerprint: 0123456789abcdef', '  # 与作者电话核实\n  - fingerprint: 0123456789abcdef');
  const second = recordDecision(commented, { ...ENTRY, fingerprint: 'fedcba9876543210', code: 'X-CARRY' });
  const third = recordDecision(second, {
    fingerprint: '0123456789abcdef',
    status: 'confirmed',
    reason: '确是错误',
    date: '2025-03-05',
  });
  assert.match(
    third,
    /# 与作者电话核实\n {2}- fingerprint: 0123456789abcdef\n {4}status: confirmed\n {4}reason: 确是错误\n {4}date: 2025-03-05\n/,
  );
  const read = parseLedger(third);
  assert.deepEqual(
    read.entries.map((e) => [e.fingerprint, e.status, e.by]),
    [
      ['0123456789abcdef', 'confirmed', undefined],
      ['fedcba9876543210', 'dismissed', '张三'],
    ],
  );
  assert.equal(parseLedger(removeDecision(third, '0123456789abcdef')).entries.length, 1);
  assert.deepEqual(
    staleEntries(read, new Set(['fedcba9876543210'])).map((e) => e.fingerprint),
    ['0123456789abcdef'],
  );
  // A fingerprint of digits only stays text.
  const digits = recordDecision(undefined, { ...ENTRY, fingerprint: '1234e56789012345' });
  assert.equal(parseLedger(digits).entries[0].fingerprint, '1234e56789012345');
});

test('ledger: unreadable entries are named, the rest are used', () => {
  const l = parseLedger(
    'entries:\n  - fingerprint: 0123456789abcdef\n    status: maybe\n  - {fingerprint: fedcba9876543210, status: dismissed, reason: ok, date: 2025-01-01}\n',
  );
  assert.deepEqual(l.errors, ['entry 1: status must be dismissed or confirmed']);
  assert.equal(l.entries.length, 1);
  assert.ok(parseLedger('entries: [').errors.length);
});

// ---- the command line --------------------------------------------------------------------

function nianbao(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/nianbao.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface JsonOut {
  files: { file: string; errors: number; dismissed: number }[];
  findings: { file: string; code: string; fingerprint: string; review?: Record<string, unknown>; severity: string }[];
  ledgers?: { file: string; entries: number; stale: string[] }[];
}

test('review dismiss → check is green, lists it as verified; JSON, SARIF and review list agree; stale entries are found', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-review-'));
  mkdirSync(join(dir, 'reports'));
  // One error (T4-SUM) and one warning (a blank 表二 cell).
  const report = setCell(broken(), 'penalty', 'decisions', '~');
  writeFileSync(join(dir, 'reports', 'a-2023.nianbao.yaml'), report);
  const before = nianbao(dir, 'check', '--format', 'json', 'reports');
  assert.equal(before.code, 1);
  const json = JSON.parse(before.out) as JsonOut;
  const sum = json.findings.find((f) => f.code === 'T4-SUM')!;
  assert.match(sum.fingerprint, /^[0-9a-f]{16}$/);
  assert.ok(json.findings.every((f) => /^[0-9a-f]{16}$/.test(f.fingerprint)));

  // A mistyped fingerprint is refused; a dismissal needs a reason.
  assert.equal(nianbao(dir, 'review', 'dismiss', '0000000000000000', '--reason', 'x', 'reports').code, 2);
  assert.equal(nianbao(dir, 'review', 'dismiss', sum.fingerprint, 'reports').code, 2);
  const dismissed = nianbao(dir, 'review', 'dismiss', sum.fingerprint, '--reason', '原文如此，已核实', '--by', '张三', 'reports');
  assert.equal(dismissed.code, 0, dismissed.err);
  const ledger = join(dir, 'reports', 'nianbao-review.yaml');
  assert.ok(existsSync(ledger), 'beside the reports');
  const entry = parseLedger(readFileSync(ledger, 'utf8')).entries[0];
  assert.deepEqual(
    [entry.fingerprint, entry.status, entry.reason, entry.by, entry.code, entry.file, entry.year],
    [sum.fingerprint, 'dismissed', '原文如此，已核实', '张三', 'T4-SUM', 'a-2023.nianbao.yaml', 2023],
  );

  const after = nianbao(dir, 'check', 'reports');
  assert.equal(after.code, 0, 'the only error is dismissed: green');
  assert.match(after.out, /^已核实（审核记录中已核实，不计入问题数）：$/m);
  assert.match(after.out, /a-2023\.nianbao\.yaml:\d+:\d+ error T4-SUM .* — 已核实：原文如此，已核实（张三，\d{4}-\d\d-\d\d）$/m);
  assert.match(after.out, /0 个错误.*1 条已核实（审核记录）$/m);
  const en = nianbao(dir, 'check', '--locale', 'en', 'reports');
  assert.match(en.out, /^Verified \(dismissed in the review ledger; not counted\):$/m);
  const afterJson = JSON.parse(nianbao(dir, 'check', '--format', 'json', 'reports').out) as JsonOut;
  const again = afterJson.findings.find((f) => f.code === 'T4-SUM')!;
  assert.deepEqual(again.review, { status: 'dismissed', reason: '原文如此，已核实', by: '张三', date: entry.date });
  assert.deepEqual([afterJson.files[0].errors, afterJson.files[0].dismissed], [0, 1]);
  const summary = nianbao(dir, 'check', '--summary', 'reports');
  assert.equal(summary.code, 0);
  assert.match(summary.out, /共 0 个错误.*1 条已核实/);
  assert.match(summary.out, /\[已核实 1\]/);

  const sarif = JSON.parse(nianbao(dir, 'check', '--format', 'sarif', 'reports').out);
  const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'T4-SUM');
  assert.deepEqual(result.partialFingerprints, { 'nianbao/v1': sum.fingerprint });
  assert.deepEqual(result.suppressions, [{ kind: 'external', status: 'accepted', justification: '原文如此，已核实' }]);

  // --ledger elsewhere: the default one does not apply.
  const elsewhere = join(dir, 'other.yaml');
  assert.equal(nianbao(dir, 'check', '--ledger', elsewhere, 'reports').code, 1);

  // confirm: still counted, marked.
  const s5 = json.findings.find((f) => f.severity === 'warning')!;
  assert.equal(nianbao(dir, 'review', 'confirm', s5.fingerprint, '--reason', '请补写', 'reports').code, 0);
  assert.match(nianbao(dir, 'check', 'reports').out, /\[已确认：请补写\]$/m);

  // The finding goes away (the report is corrected): the entry is stale.
  writeFileSync(join(dir, 'reports', 'a-2023.nianbao.yaml'), setCell(report, 'review', 'total', 1));
  const fixed = nianbao(dir, 'check', 'reports');
  assert.match(fixed.out, /nianbao-review\.yaml：1 条记录已没有对应的问题（nianbao review list 可查看）/);
  const listed = nianbao(dir, 'review', 'list', 'reports');
  assert.equal(listed.code, 0);
  assert.match(listed.out, /2 条记录，其中 1 条已没有对应的问题/);
  assert.match(listed.out, new RegExp(`^${sum.fingerprint} 已核实 T4-SUM .*\\[已失效：问题已不存在\\]$`, 'm'));
  const listJson = JSON.parse(nianbao(dir, 'review', 'list', '--format', 'json', 'reports').out) as {
    entries: { fingerprint: string; stale: boolean }[];
  };
  assert.deepEqual(
    listJson.entries.map((e) => [e.fingerprint, e.stale]),
    [
      [sum.fingerprint, true],
      [s5.fingerprint, false],
    ],
  );
  assert.equal(nianbao(dir, 'review', 'reopen', sum.fingerprint, 'reports').code, 0);
  assert.equal(parseLedger(readFileSync(ledger, 'utf8')).entries.length, 1);
});

test('the ledger is found the way .eslintrc is: the nearest one at or above each report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-ledger-up-'));
  mkdirSync(join(dir, 'county', 'town'), { recursive: true });
  writeFileSync(join(dir, 'county', 'town', 'a.nianbao.yaml'), broken());
  const fp = (JSON.parse(nianbao(dir, 'check', '--format', 'json', 'county').out) as JsonOut).findings.find(
    (f) => f.code === 'T4-SUM',
  )!.fingerprint;
  writeFileSync(join(dir, 'county', 'nianbao-review.yaml'), recordDecision(undefined, { ...ENTRY, fingerprint: fp }));
  assert.equal(nianbao(dir, 'check', 'county/town').code, 0, 'from the report’s folder up to county/');
  // A review from the top writes to that same ledger.
  assert.equal(nianbao(join(dir, 'county'), 'review', 'list').code, 0);
  assert.match(nianbao(join(dir, 'county'), 'review', 'list').out, /1 条记录，其中 0 条已没有对应的问题/);
});
