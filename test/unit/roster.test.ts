/**
 * Rosters (`--roster FILE`): who has not reported (ROSTER-MISSING on the roster's line), reports
 * of organs not on it (ROSTER-UNKNOWN, with the roster name meant), each listed organ's
 * deadline (META-DEADLINE from the roster's kind or date), organ identity across spellings and
 * `meta.organ_id`, the summary listing the missing first, and a roster that cannot be read.
 */
import { test } from 'node:test';
import { linesOf } from '../helpers/output';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from '../../cli/commands/check';
import { UsageError } from '../../cli/args';
import { checkBatch, parseRoster } from '../../core';
import { loose, ROOT, zeroReport } from '../helpers/report';

const report = (organ: string, year: number, kind: string, published: string, extra = '') =>
  zeroReport('2021', year)
    .replace(/organ: 测试乡人民政府/, `organ: ${organ}${extra}`)
    .replace(/title: .*/, `title: ${organ}${year}年政府信息公开工作年度报告`)
    .replace(/organ_kind: .*/, `organ_kind: ${kind}`)
    .replace(/^(\s+)year: (\d+)$/m, `$1year: $2\n$1published_on: ${published}`);

const ROSTER = `# 洪泽区 2024 年度
year: 2024
organs:
  - 洪泽区人民政府
  - {name: 洪泽区发展和改革委员会, kind: department}
  - {name: 洪泽区教育局, kind: department}
  - {name: 洪泽区高良涧街道办事处, deadline: 02-15}
  - {name: 洪泽区财政局, id: 11320813MB0000001X}
`;

function batch() {
  const files = [
    // 淮安市洪泽区人民政府 = 洪泽区人民政府; published 03-20, within a county's 03-31.
    { file: 'gov.nianbao.yaml', text: report('淮安市洪泽区人民政府', 2024, 'county_government', '2025-03-20') },
    // The report calls itself 'other' (03-31); the roster says department: 01-31 — late.
    { file: 'fgw.nianbao.yaml', text: report('洪泽区发展和改革委员会', 2024, 'other', '2025-02-10') },
    // The roster gives the date: 02-15 — late on 02-20.
    { file: 'glj.nianbao.yaml', text: report('洪泽区高良涧街道办事处', 2024, 'subdistrict_office', '2025-02-20') },
    // Renamed, but the id matches the roster's.
    {
      file: 'cz.nianbao.yaml',
      text: report('淮安市洪泽区财政局（国资办）', 2024, 'department', '2025-01-20').replace(
        /^(\s+)year: 2024$/m,
        '$1organ_id: 11320813MB0000001X\n$1year: 2024',
      ),
    },
    // A typo: not on the roster.
    { file: 'typo.nianbao.yaml', text: report('洪泽区教肓局', 2024, 'department', '2025-01-20') },
    // Another year: not judged.
    { file: 'old.nianbao.yaml', text: report('洪泽区水利局', 2023, 'department', '2024-01-20') },
  ];
  const parsed = parseRoster(ROSTER);
  assert.ok(parsed.roster, parsed.errors.map((e) => e.en).join('; '));
  return checkBatch(files, {}, { roster: { file: 'roster.yaml', roster: parsed.roster } });
}

test('ROSTER-MISSING on the roster line of each organ without a report; identity across spellings and organ_id', () => {
  const b = batch();
  assert.deepEqual(
    loose(b.roster!.diagnostics).map((d) => [d.code, d.severity, d.range.start.line, d.data.organ, d.data.year]),
    [['ROSTER-MISSING', 'error', 5, '洪泽区教育局', 2024]],
  );
  assert.deepEqual(
    b.roster!.status.map((s) => [s.organ.name, s.files]),
    [
      ['洪泽区人民政府', ['gov.nianbao.yaml']],
      ['洪泽区发展和改革委员会', ['fgw.nianbao.yaml']],
      ['洪泽区教育局', []],
      ['洪泽区高良涧街道办事处', ['glj.nianbao.yaml']],
      ['洪泽区财政局', ['cz.nianbao.yaml']],
    ],
  );
});

test('ROSTER-UNKNOWN on meta.organ of a report of the roster’s year not on it, naming the roster organ meant', () => {
  const b = batch();
  const codes = (file: string, code: string) =>
    loose(b.reports.find((r) => r.file === file)!.diagnostics.filter((d) => d.code === code));
  const [d] = codes('typo.nianbao.yaml', 'ROSTER-UNKNOWN');
  assert.deepEqual([d.severity, d.data.path, d.data.nearest], ['info', 'meta.organ', '洪泽区教育局']);
  assert.match(d.message['zh-CN'], /“洪泽区教肓局”不在 2024 年度的名单上（名单上有“洪泽区教育局”）/);
  assert.deepEqual(codes('old.nianbao.yaml', 'ROSTER-UNKNOWN'), [], 'another year');
  assert.deepEqual(codes('gov.nianbao.yaml', 'ROSTER-UNKNOWN'), []);
});

test('META-DEADLINE per listed organ: the roster’s kind or date decides, not what the report says of itself', () => {
  const b = batch();
  const late = (file: string) =>
    b.reports
      .find((r) => r.file === file)!
      .diagnostics.filter((d) => d.code === 'META-DEADLINE')
      .map((d) => [d.data.deadline, d.data.roster, d.message['zh-CN']]);
  assert.deepEqual(late('gov.nianbao.yaml'), []);
  assert.deepEqual(late('fgw.nianbao.yaml'), [
    ['2025-01-31', true, '发布日期 2025-02-10 晚于县级以上人民政府部门的期限 2025-01-31（条例第四十九条第一款）'],
  ]);
  assert.deepEqual(late('glj.nianbao.yaml'), [['2025-02-15', true, '发布日期 2025-02-20 晚于名单规定的期限 2025-02-15']]);
  // Without the roster the 街道 report is on time (03-31) and 发改委 calls itself 'other'.
  const alone = checkBatch([{ file: 'f', text: report('洪泽区发展和改革委员会', 2024, 'other', '2025-02-10') }]);
  assert.deepEqual(
    alone.reports[0].diagnostics.filter((d) => d.code === 'META-DEADLINE'),
    [],
  );
});

test('a roster that cannot be read is refused with its line', () => {
  assert.deepEqual(parseRoster('year: 2024\norgans: 洪泽区\n').errors, [
    { 'zh-CN': '第 2 行：`organs` 应为机关名称的列表', en: 'line 2: `organs` must be a list of organ names' },
  ]);
  assert.deepEqual(parseRoster('year: x\norgans: []\n').errors, [
    { 'zh-CN': '第 1 行：`year` 应为年份，如 2024', en: 'line 1: `year` must be a year, e.g. 2024' },
  ]);
  const kind = parseRoster('year: 2024\norgans:\n  - {name: 某局, kind: bureau}\n').errors[0];
  assert.match(kind.en, /^line 3: `kind` must be one of department, /);
  assert.match(kind['zh-CN'], /^第 3 行：`kind` 应为以下之一：department, /);
  assert.match(parseRoster('year: 2024\norgans:\n  - {nmae: 某局}\n').errors[0].en, /unknown field nmae/);
  assert.match(parseRoster('year: 2024\norgans:\n  - {nmae: 某局}\n').errors[0]['zh-CN'], /未知字段 nmae/);
  const big = parseRoster('year: 2024\norgans:\n  - {name: 某局, id: 113208130000000012}\n');
  assert.equal(big.roster?.organs[0].id, '113208130000000012', 'an unquoted 18-digit id keeps its digits');
});

test('check --roster: the missing organs lead the summary and count as errors; JSON lists the roster', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-roster-'));
  for (const f of ['gov', 'fgw']) writeFileSync(join(dir, `${f}.nianbao.yaml`), batchText(f));
  const roster = join(dir, 'roster.yaml');
  writeFileSync(roster, ROSTER);
  const run = async (format: string, summary = false) => {
    const lines: string[] = [];
    const code = await runCheck(
      { paths: [dir], format, locale: 'zh-CN', options: {}, version: 't', summary, roster },
      (s) => lines.push(s),
      () => undefined,
      linesOf(lines),
    );
    return { code, out: lines.join('\n') };
  };
  const s = await run('text', true);
  assert.equal(s.code, 1);
  const rows = s.out.split('\n').filter((l) => /^洪泽区|^淮安市/.test(l));
  assert.deepEqual(
    rows.slice(0, 3).map((l) => l.split(/\s+/)[0]),
    ['洪泽区教育局', '洪泽区财政局', '洪泽区高良涧街道办事处'],
    'who has not reported comes first',
  );
  assert.match(s.out, /^2 个文件，2 份报告：.*；名单上 3 个机关未报送/);
  const text = await run('text');
  assert.match(text.out, /roster\.yaml:6:12 error ROSTER-MISSING 名单上的“洪泽区教育局”没有 2024 年度的报告/);
  const json = JSON.parse((await run('json')).out) as {
    roster: { year: number; organs: { name: string; files: string[] }[] };
    findings: { file: string; code: string; fingerprint: string }[];
  };
  assert.equal(json.roster.year, 2024);
  assert.deepEqual(
    json.roster.organs.filter((o) => !o.files.length).map((o) => o.name),
    ['洪泽区教育局', '洪泽区高良涧街道办事处', '洪泽区财政局'],
  );
  const missing = json.findings.filter((f) => f.code === 'ROSTER-MISSING');
  assert.equal(new Set(missing.map((f) => f.fingerprint)).size, 3);
  await assert.rejects(
    runCheck(
      { paths: [dir], format: 'text', locale: 'zh-CN', options: {}, version: 't', roster: join(dir, 'none.yaml') },
      () => undefined,
      () => undefined,
    ),
    UsageError,
  );
});

function batchText(f: string): string {
  return f === 'gov'
    ? report('淮安市洪泽区人民政府', 2024, 'county_government', '2025-03-20')
    : report('洪泽区发展和改革委员会', 2024, 'department', '2025-01-20');
}

test('check --roster with a bad roster: one usage line in the chosen language', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-roster-bad-'));
  const roster = join(dir, 'roster.yaml');
  writeFileSync(roster, 'year: 2024\norgans: 洪泽区\n');
  const run = (locale: string) =>
    spawnSync(process.execPath, [join(ROOT, 'bin/nianbao.js'), 'check', '--locale', locale, '--roster', roster, dir], {
      encoding: 'utf8',
    });
  const zh = run('zh-CN');
  assert.equal(zh.status, 2);
  assert.match(zh.stderr, /^nianbao: 名单文件 .*roster\.yaml：第 2 行：`organs` 应为机关名称的列表$/m);
  const en = run('en');
  assert.equal(en.status, 2);
  assert.match(en.stderr, /^nianbao: roster .*roster\.yaml: line 2: `organs` must be a list of organ names$/m);
});
