/**
 * Issue 12, "import a reviewer can trust", case by case: no silent row shift, headings by
 * meaning, the line forms of 表二, meta from the document (never from site chrome), no noise
 * (grouped blanks, no empty-label extra rows), the import record that `check` lists apart,
 * English output in English.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { categoryOf, checkText } from '../../core';
import { formatImportRecord, parseImportRecord } from '../../core/rules/imports/record';
import { importText, type ImportResult } from '../../import';
import { place } from '../../import/place';
import { align } from '../../import/align';
import { knownTexts } from '../../import/known';
import { segmentsOf } from '../../import/segments';
import { tableTemplate } from '../../import/templates';
import { ROOT } from '../helpers/report';
import { cellsOf, readTruth } from '../helpers/fidelity';

const fixture = (rel: string) => readFileSync(join(ROOT, 'test', 'fixtures', rel), 'utf8');
const MD = 'corpus/conversions/002_huaian-shi-2024.md';
const SEED0 = 'corpus/seeds/000_b262c255d28bf770.txt';

function cellAt(yaml: string, path: string): unknown {
  let cur: unknown = parse(yaml);
  for (const k of path.split('.')) cur = (cur as Record<string, unknown> | undefined)?.[k];
  return cur;
}

const codes = (r: ImportResult) => r.warnings.filter((w) => w.code).map((w) => `${w.code} ${w.path}`);

/** Cells that differ from 002's truth. */
function wrongCells(r: ImportResult): string[] {
  const truth = readTruth('002_huaian-shi-2024').cells;
  const got = cellsOf(r.yaml);
  return Object.entries(truth)
    .filter(([p, v]) => got.get(p) !== v)
    .map(([p]) => p);
}

test('row shift: a heading taking a placeholder row as its cells does not move the rows below it', () => {
  // A converter's junk: the section heading as a table row, and blank placeholder rows before 本年新收.
  const md = fixture(MD).replace(
    '| 一、本年新收政府信息公开申请数量 |',
    '| 申请人情况 | | | | | | | | | |\n| | | | | | | | | | |\n| 一、本年新收政府信息公开申请数量 |',
  );
  const r = importText(md);
  assert.deepEqual(wrongCells(r), []);
  assert.equal(cellAt(r.yaml, 'applications.new_received.total'), 3119);
  assert.equal(cellAt(r.yaml, 'applications.carried_over.total'), 34);
  assert.equal(r.complete, true);
  assert.doesNotMatch(r.yaml, /extra_rows/);
});

test('row shift: a second 本年新收 row is not placed in 上年结转; the import says so and does not exit 0', () => {
  const md = fixture(MD).replace('| 二、上年结转政府信息公开申请数量 |', '| 一、本年新收政府信息公开申请数量 |');
  const r = importText(md);
  assert.equal(cellAt(r.yaml, 'applications.new_received.total'), 3119);
  assert.equal(cellAt(r.yaml, 'applications.carried_over.total') ?? null, null);
  assert.equal(r.complete, false);
  assert.ok(codes(r).includes('IMPORT-UNPLACED applications.carried_over'), codes(r).join('\n'));
  assert.ok(codes(r).includes('IMPORT-UNPLACED applications.new_received'), 'the second 本年新收 row is reported');
  // Nothing below moved.
  assert.equal(cellAt(r.yaml, 'applications.granted.total'), 1362);
});

test('a label that contradicts its slot is IMPORT-LABEL-MISMATCH and is not placed', () => {
  const t = tableTemplate('2021', 'applications')!;
  const known = knownTexts('applications');
  const { segs, frags } = segmentsOf(
    [
      {
        kind: 'row',
        line: 7,
        cells: ['一、本年新收政府信息公开申请数量', '1', '0', '0', '0', '0', '0', '1'].map((text) => ({ text, line: 7 })),
      },
    ],
    known,
  );
  const a = align(t, segs, known.groups, frags);
  a.match.clear();
  a.match.set(
    0,
    t.rows.findIndex((r) => r.path.join('.') === 'applications.carried_over'),
  );
  const { table, warnings } = place(a, known, frags, 7);
  const w = warnings.find((x) => x.code === 'IMPORT-LABEL-MISMATCH');
  assert.ok(w && w.path === 'applications.carried_over' && w.line === 7, JSON.stringify(warnings));
  assert.deepEqual(table.rows.find((r) => r.template.path.join('.') === 'applications.carried_over')?.values, [
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ]);
});

test('headings by meaning: variants, Markdown, spaces, shifted or missing numbers are read, reported as IMPORT-HEADING (info)', () => {
  const src = fixture(SEED0);
  const variants: [string, string][] = [
    ['五、存在的主要问题及改进情况', '五、存在的主要问题及整改措施'],
    ['五、存在的主要问题及改进情况', '五、存在的主要问题及改进措施'],
    ['五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及整改情况'],
    ['五、存在的主要问题及改进情况', '## 五、存在的主要问题及整改措施'],
    ['六、其他需要报告的事项', '七、其他需要报告的事项'],
    ['三、收到和处理政府信息公开申请情况', '三、收到和处理 政府信息 公开申请情况'],
  ];
  for (const [from, to] of variants) {
    const r = importText(src.replace(from, to));
    assert.equal(r.complete, true, to);
    const d = checkText(r.yaml).diagnostics;
    assert.ok(!d.some((x) => x.code === 'STRUCT-SECTIONS'), `${to}: ${d.map((x) => x.code).join(' ')}`);
    if (!/^三/.test(to))
      assert.ok(
        r.warnings.some((w) => w.code === 'IMPORT-HEADING' && w.severity === 'info'),
        to,
      );
  }
  // The overview first without a number, the others numbered 一 to 五: 表四 is still read.
  const shifted = src
    .replace('一、总体情况', '总体情况')
    .replace('二、主动公开政府信息情况', '一、主动公开政府信息情况')
    .replace('三、收到和处理政府信息公开申请情况', '二、收到和处理政府信息公开申请情况')
    .replace('四、政府信息公开行政复议、行政诉讼情况', '三、政府信息公开行政复议、行政诉讼情况')
    .replace('五、存在的主要问题及改进情况', '四、存在的主要问题及改进情况')
    .replace('六、其他需要报告的事项', '五、其他需要报告的事项');
  const r = importText(shifted);
  assert.equal(r.coverage, '表二 22/22，表三 161/161，表四 15/15');
  assert.equal(r.complete, true);
  assert.equal(r.warnings.filter((w) => w.code === 'IMPORT-HEADING').length, 6);
});

test('表二 line forms: item and count on one line are read; a short row is not placed from the left', () => {
  const r = importText(fixture(MD));
  assert.equal(cellAt(r.yaml, 'active_disclosure.art20_5.licensing.decisions'), 447228);
  assert.equal(cellAt(r.yaml, 'active_disclosure.art20_8.fees.amount_wan_yuan'), 96171.6);
  // 规章 with two values for three columns: which is 现行有效? Not guessed.
  const short = importText(fixture(MD).replace('| 规章 | 1 | 0 | 11 |', '规章 22 235'));
  assert.deepEqual(cellAt(short.yaml, 'active_disclosure.art20_1.rules'), { issued: null, repealed: null, in_force: null });
  assert.ok(codes(short).includes('IMPORT-UNPLACED active_disclosure.art20_1.rules'));
  assert.equal(short.complete, false);
});

test('meta from the document: site chrome and Markdown ignored, the organ kept whole, IMPORT-META when unreadable', () => {
  const m = (yaml: string) => (parse(yaml) as { meta: Record<string, unknown> }).meta;
  const md = m(importText(fixture(MD)).yaml);
  assert.equal(md.title, '淮安市人民政府2024年政府信息公开工作年度报告');
  assert.equal(md.organ, '淮安市人民政府');
  assert.equal(md.year, 2024);
  const hongze = m(importText(fixture('corpus/003_hongze-qu-2023.txt')).yaml);
  assert.equal(hongze.organ, '淮安市洪泽区人民政府');
  assert.equal(hongze.organ_kind, 'county_government');
  const page = m(importText(fixture('corpus/text-run-together/006_pingtan-2019.page.txt')).yaml);
  assert.equal(page.title, '平潭综合实验区2019年政府信息公开工作年度报告');
  assert.equal(page.organ, '平潭综合实验区');
  // No title, no signature, no year anywhere: said, not invented.
  const bare = importText(
    fixture(SEED0)
      .replace(/^.*年度报告\n/, '')
      .replace(/20\d\d年/g, '本年'),
  );
  assert.ok(bare.warnings.some((w) => w.code === 'IMPORT-META'));
  assert.notEqual(m(bare.yaml).organ, '正文');
});

test('noise: whole blank 法人 columns are one T3-BLANK-GROUP; converter junk gives no empty-label extra row', () => {
  // The five 法人或其他组织 cells of every 表三 row left blank.
  const blank = fixture(MD).replace(
    /^(\| [^|]*\| [^|]*\| [^|]*\| \d+ \|)((?: \d+ \|){5})( \d+ \|)$/gm,
    (_, a, _orgs, c) => `${a}${' |'.repeat(5)}${c}`,
  );
  const junk = blank.replace('## 四、', '| | | |\n| | | | | |\n## 四、');
  const r = importText(junk);
  assert.equal(cellAt(r.yaml, 'applications.new_received.commercial'), null);
  const d = checkText(r.yaml).diagnostics;
  assert.equal(d.filter((x) => x.code === 'T3-COMPLETE').length, 0);
  assert.ok(d.some((x) => x.code === 'T3-BLANK-GROUP'));
  assert.ok(!d.some((x) => x.code === 'STRUCT-ROWS'), d.map((x) => `${x.code} ${x.data.path}`).join('\n'));
  assert.doesNotMatch(r.yaml, /label: ""/);
});

test('run-together web page text: cells cut where only one reading fits, the rest unplaced and said', () => {
  const r = importText(fixture('corpus/text-run-together/005_pingtan-2020.page.txt'));
  assert.equal(r.report.layout, 'runs');
  // "200 000121" → 20·0·0·0·0·1·21 (the only cut whose natural persons and organisations add up to the total).
  assert.deepEqual(cellAt(r.yaml, 'applications.new_received'), {
    natural: 20,
    commercial: 0,
    research: 0,
    social: 0,
    legal: 0,
    other_org: 1,
    total: 21,
  });
  assert.equal(cellAt(r.yaml, 'active_disclosure.art20_1.rules.total_public'), 7);
  assert.equal(cellAt(r.yaml, 'active_disclosure.art20_8.fees.delta'), -15);
  // "7777166" for three columns has many cuts and no sum to choose: not placed.
  assert.equal(cellAt(r.yaml, 'active_disclosure.art20_1.normative_docs.new_made'), null);
  assert.ok(codes(r).includes('IMPORT-UNPLACED active_disclosure.art20_1.normative_docs'));
  assert.equal(cellAt(r.yaml, 'review_litigation.review.total'), 0);
});

test('the import record: one comment line per finding, read back by check and shown apart', () => {
  const rec = {
    code: 'IMPORT-UNPLACED',
    severity: 'error' as const,
    path: 'applications.new_received',
    table: '表三',
    line: 34,
    source: '20 | 0\u2028| 21',
    message: { 'zh-CN': '中文', en: 'English' },
  };
  const line = formatImportRecord(rec);
  assert.doesNotMatch(line, /[\n\u2028]/);
  assert.deepEqual(parseImportRecord(line), { ...rec, source: '20 | 0 | 21', page: undefined, limit: undefined });
  const r = importText(fixture('corpus/005_pingtan-2020.txt'), { sourceName: '005.txt' });
  const d = checkText(r.yaml).diagnostics;
  const imported = d.filter((x) => categoryOf(x.code) === 'import');
  assert.deepEqual(
    imported.map((x) => [x.code, x.data.path]),
    [['IMPORT-UNPLACED', 'active_disclosure.art20_9.central_procurement']],
  );
  assert.match(imported[0].message['zh-CN'], /^导入：.*政府集中采购/);
  assert.equal(imported[0].related?.[0]?.path, 'active_disclosure.art20_9.central_procurement');
});

function nianbao(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/nianbao.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** CJK outside quoted source text (“…” and […]). */
const cjk = (s: string) =>
  s
    .replace(/“[^”]*”|\[[^\]]*\]/g, '')
    .split('\n')
    .filter((l) => /[\u4e00-\u9fff]/.test(l.replace(/^[^:]*:\d+: /, '')));

test('CLI: import prints its coverage and exits 1 when a cell is not placed; check lists import findings apart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
  const out = join(dir, 'r.nianbao.yaml');
  const ok = nianbao('import', join('test/fixtures', MD), '-o', out);
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.err, /读取 表二 10\/10，表三 175\/175，表四 15\/15/);
  const bad = nianbao('import', 'test/fixtures/corpus/005_pingtan-2020.txt', '-o', out);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /error IMPORT-UNPLACED/);
  const check = nianbao('check', out);
  assert.match(check.out, /导入发现 1 条（nianbao import 未能确定的读取，不是报告本身的问题）：\n {2}.*IMPORT-UNPLACED/);
  assert.match(check.out, /；导入发现 1 条/);
  const summary = nianbao('check', '--summary', out);
  assert.match(summary.out, /\[导入 1\]/);
  assert.match(summary.out, /导入发现按规则.*\n {2}IMPORT-UNPLACED 1\/1/);
  const en = nianbao('import', '--locale', 'en', 'test/fixtures/corpus/005_pingtan-2020.txt', '-o', join(dir, 'en.yaml'));
  assert.deepEqual(cjk(en.err), [], en.err);
  assert.match(en.err, /read Table 2 20\/22, Table 3 161\/161, Table 4 15\/15/);
  const yaml = readFileSync(join(dir, 'en.yaml'), 'utf8');
  assert.deepEqual(
    cjk(
      yaml
        .split('\n')
        .filter((l) => l.startsWith('# ') && !l.startsWith('# nianbao-import'))
        .join('\n'),
    ).filter((l) => !/^#\s{3}/.test(l)),
    [],
  );
});

test('run-together cuts are bounded: thousands of digits give IMPORT-UNPLACED quickly, not a hang', () => {
  const text = `一、总体情况 x 二、主动公开政府信息情况 规章${'1234567890 '.repeat(300)} 三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量${'98765432101234'.repeat(50)} 四、政府信息公开行政复议、行政诉讼情况 ${'1'.repeat(2000)} 五、存在的主要问题及改进情况 ${'x'.repeat(1000)} 六、其他需要报告的事项 x`;
  const t0 = Date.now();
  const r = importText(text);
  // Generous: the work is bounded by MAX_STEPS, this only catches an unbounded search.
  assert.ok(Date.now() - t0 < 10000, `${Date.now() - t0} ms`);
  assert.equal(r.report.layout, 'runs');
  assert.equal(r.complete, false);
});

test('sums confirm rows placed by the text around them: a row without its own label that the column sums contradict is not placed', () => {
  // 002's PDF text prints （二）部分公开's values on a line of their own, its label wrapped around them.
  const src = fixture('corpus/002_huaian-shi-2024.txt').replace('447\t7\t0\t0\t0\t0\t454', '448\t7\t0\t0\t0\t0\t455');
  const r = importText(src);
  assert.ok(codes(r).includes('IMPORT-UNPLACED applications.partial'), codes(r).join('\n'));
  assert.equal(cellAt(r.yaml, 'applications.partial.total'), null);
  assert.equal(r.complete, false);
  // A row with its own label keeps its values: a sum error there is the report's own.
  const own = importText(fixture('corpus/002_huaian-shi-2024.txt').replace('34\t0\t0\t0\t0\t0\t34', '35\t0\t0\t0\t0\t0\t35'));
  assert.equal(cellAt(own.yaml, 'applications.carried_over.total'), 35);
  assert.equal(own.complete, true);
  assert.ok(checkText(own.yaml).diagnostics.some((d) => d.code === 'T3-BAL'));
});
