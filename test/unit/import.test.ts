/**
 * Import of the five seeds and the ten corpus reports (shared/): every table cell is placed,
 * the imported YAML checks with the defects recorded in shared/corpus/README.md and SPEC.md §9,
 * and for the seeds every table cell equals the hand transcription in examples/reports/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkText, type Diagnostic } from '../../core';
import { importText, type ImportResult } from '../../import';
import type { FormatId } from '../../core/types';
import { cellsOf } from '../helpers/fidelity';
import { ROOT, example } from '../helpers/report';

/** Copies of shared/corpus and shared/seeds (test/fixtures/corpus/README.md). */
const SHARED = join(ROOT, 'test', 'fixtures');
const TABLE_CODES = /^(T2-|T3-|T4-|STRUCT-ROWS|X-FORMAT)/;
const ARITHMETIC = new Set(['T3-BAL', 'T3-SUM-V', 'T3-SUM-H', 'T4-SUM', 'T2-19-CUM', 'T2-19-ITEMS', 'T2-21-INFORCE']);

function importShared(rel: string): ImportResult {
  return importText(readFileSync(join(SHARED, rel), 'utf8'), { sourceName: rel });
}

/** `row.column` of the cell a diagnostic underlines, read from the YAML line (or the data's path). */
function where(yaml: string, d: Diagnostic): string {
  const lineStart = yaml.lastIndexOf('\n', d.span.start - 1) + 1;
  const before = yaml.slice(lineStart, d.span.start);
  if (/^\s*-\s*\{/.test(before)) return `extra_rows.${[...before.matchAll(/([A-Za-z_0-9]+): [^,{}]*$/g)].pop()?.[1] ?? ''}`;
  if (/^\s*$/.test(before)) {
    const key = /^([A-Za-z_0-9]+):/.exec(yaml.slice(d.span.start))?.[1];
    return d.data.path || key || '?';
  }
  const row = /^\s*([A-Za-z_0-9]+):/.exec(before)?.[1] ?? '?';
  const col = [...before.matchAll(/([A-Za-z_0-9]+): [^,{}]*$/g)].pop()?.[1];
  return col && col !== row ? `${row}.${col}` : row;
}

function found(r: ImportResult): string[] {
  return checkText(r.yaml)
    .diagnostics.filter((d) => TABLE_CODES.test(d.code) || d.code === 'STRUCT-SECTIONS')
    .map((d) => `${d.code} ${where(r.yaml, d)}`)
    .sort();
}

const SEEDS: [string, string][] = [
  ['corpus/seeds/000_b262c255d28bf770.txt', 'reports/seed-000-baji-2020.nianbao.yaml'],
  ['corpus/seeds/001_ae26aab0f1e43f06.txt', 'reports/seed-001-kuquan-2020.nianbao.yaml'],
  ['corpus/seeds/002_45fc74b0c071d012.txt', 'reports/seed-002-dacai-2020.nianbao.yaml'],
  ['corpus/seeds/003_a0d2e33a19df39b4.txt', 'reports/seed-003-shuangying-2020.nianbao.yaml'],
  ['corpus/seeds/004_88a6af14f6d602ea.txt', 'reports/seed-004-shagou-2020.nianbao.yaml'],
];

for (const [src, transcription] of SEEDS) {
  test(`import ${src}: every table cell equals the hand transcription`, () => {
    const r = importShared(src);
    assert.equal(r.ok, true);
    assert.equal(r.format, '2019');
    const mine = cellsOf(r.yaml);
    const theirs = cellsOf(example(transcription));
    assert.equal(mine.size, 22 + 161 + 15);
    assert.deepEqual([...mine.entries()].sort(), [...theirs.entries()].sort());
    const extra = (y: string) =>
      ((parse(y) as { extra_rows?: { table: string; label: string; value?: unknown }[] }).extra_rows ?? []).map((e) => [
        e.table,
        e.label,
        e.value ?? null,
      ]);
    assert.deepEqual(extra(r.yaml), extra(example(transcription)));
  });

  test(`import ${src}: checks like the hand transcription (table rules)`, () => {
    const r = importShared(src);
    const t = example(transcription);
    const theirs = checkText(t)
      .diagnostics.filter((d) => TABLE_CODES.test(d.code) || d.code === 'STRUCT-SECTIONS')
      .map((d) => `${d.code} ${where(t, d)}`)
      .sort();
    assert.deepEqual(found(r), theirs);
  });
}

interface Expectation {
  format: FormatId;
  /** 表三's format when it differs (mixed report). */
  t3?: FormatId;
  /** Diagnostics that must be reported, as `CODE row.column`. */
  must: string[];
  /** Arithmetic errors are exactly those in `must`. */
  cells: Record<string, unknown>;
  /** Template cells placed per table, 表二 / 表三 / 表四. */
  placed: [number, number, number];
  warnings?: RegExp[];
}

const CASES: Record<string, Expectation> = {
  // SPEC §9: seed 004 breaks T3-BAL and T3-SUM-V in 其他 and 总计 (2 + 0 ≠ 0 + 0), 12 blank cells, 137次 / 1066730.5元.
  'corpus/seeds/004_88a6af14f6d602ea.txt': {
    format: '2019',
    must: [
      'T3-BAL total_processed.other_org',
      'T3-BAL total_processed.total',
      'T3-SUM-V total_processed.other_org',
      'T3-SUM-V total_processed.total',
      'T2-19-UNIT central_procurement.items',
      'T2-19-UNIT central_procurement.amount',
      'T3-COMPLETE granted.natural',
      'T3-BLANK-GROUP partial.natural',
    ],
    cells: {
      'applications.granted.other_org': 2,
      'applications.partial.natural': null,
      'active_disclosure.art20_9.central_procurement.items': '137次',
    },
    placed: [22, 161, 15],
    warnings: [/4 个空单元格没有行标签/],
  },
  'corpus/seeds/002_45fc74b0c071d012.txt': {
    format: '2019',
    must: [
      'STRUCT-SECTIONS other_matters',
      'T4-NONNEG review.upheld',
      'T4-NONNEG review.corrected',
      'T2-19-UNIT central_procurement.amount',
    ],
    cells: {
      'review_litigation.review.corrected': '0 0',
      'review_litigation.review.total': 0,
      'active_disclosure.art20_9.central_procurement.amount': '606.05万元',
    },
    placed: [22, 161, 15],
  },
  'corpus/seeds/003_a0d2e33a19df39b4.txt': {
    format: '2019',
    must: ['STRUCT-ROWS extra_rows.label'],
    cells: { 'active_disclosure.art20_5.licensing.prev_items': 48, 'active_disclosure.art20_6.penalty.prev_items': 12 },
    placed: [22, 161, 15],
  },
  // README: all arithmetic reconciles; fee 96171.6 (万元).
  'corpus/002_huaian-shi-2024.txt': {
    format: '2021',
    must: [],
    cells: {
      'active_disclosure.art20_8.fees.amount_wan_yuan': 96171.6,
      'applications.new_received.total': 3119,
      'applications.other_handling.overdue_fee.total': 6,
      'applications.other_handling.other.total': 110,
      'applications.partial.natural': 447,
      'review_litigation.lit_after_review.total': 20,
    },
    placed: [10, 175, 15],
  },
  // README: 表四 行政复议 维持 10 + 纠正 1 but 总计 0; 复议后起诉 维持 5 but 总计 0; mixed 2021 表二 / 2019 表三.
  'corpus/003_hongze-qu-2023.txt': {
    format: '2021',
    t3: '2019',
    must: ['T4-SUM review.total', 'T4-SUM lit_after_review.total', 'X-FORMAT applications.other_handling'],
    cells: {
      'review_litigation.review.upheld': 10,
      'review_litigation.review.total': 0,
      'review_litigation.lit_after_review.upheld': 5,
      'applications.other_handling.total': 0,
    },
    placed: [10, 161, 15],
  },
  'corpus/004_hongze-qu-2024.txt': {
    format: '2021',
    t3: '2019',
    must: ['X-FORMAT applications.other_handling'],
    cells: {
      'applications.new_received.total': 95,
      'applications.unable.not_held.total': 31,
      'review_litigation.lit_after_review.total': 3,
    },
    placed: [10, 161, 15],
  },
  // README: 办理结果 rows sum to 26 / 27 but （七）总计 says 20 / 21; negative 本年增/减; merged 政府集中采购 cells.
  'corpus/005_pingtan-2020.txt': {
    format: '2019',
    must: ['T3-SUM-V total_processed.natural', 'T3-SUM-V total_processed.total'],
    cells: {
      'active_disclosure.art20_6.penalty.delta': -18,
      'active_disclosure.art20_8.fees.delta': -15,
      // One merged cell for two columns, and no sum to tell which: not placed, and said so.
      'active_disclosure.art20_9.central_procurement.items': null,
      'active_disclosure.art20_9.central_procurement.amount': null,
    },
    placed: [20, 161, 15],
    warnings: [/“政府集中采购”一行有 1 个单元格，模板有 2 列/],
  },
  'corpus/006_pingtan-2019.txt': {
    format: '2019',
    must: [],
    cells: {
      'active_disclosure.art20_9.central_procurement.items': null,
      'applications.total_processed.total': 23,
    },
    placed: [20, 161, 15],
    warnings: [/“政府集中采购”一行有 1 个单元格，模板有 2 列/],
  },
  'corpus/007_pingtan-2021.txt': {
    format: '2021',
    must: ['T2-21-UNIT fees.amount_wan_yuan'],
    cells: { 'active_disclosure.art20_8.fees.amount_wan_yuan': 24252.311082, 'applications.carry_forward.total': 1 },
    placed: [10, 175, 15],
  },
  // README: heading typo 四、政府信息公开行政法复议、行政诉讼情况; spaced headers.
  'corpus/008_pingtan-2022.txt': {
    format: '2021',
    must: [],
    cells: {
      'review_litigation.review.total': 2,
      'review_litigation.lit_direct.total': 1,
      'applications.other_handling.other.commercial': 2,
    },
    placed: [10, 175, 15],
  },
  'corpus/009_pingtan-2023.txt': {
    format: '2021',
    must: ['T2-21-UNIT fees.amount_wan_yuan'],
    cells: { 'active_disclosure.art20_1.normative_docs.in_force': 470, 'review_litigation.lit_direct.total': 5 },
    placed: [10, 175, 15],
  },
  'corpus/010_pingtan-2024.txt': {
    format: '2021',
    must: [],
    cells: { 'applications.granted.total': 71, 'review_litigation.lit_after_review.total': 19 },
    placed: [10, 175, 15],
  },
  // README: arithmetic OK; 结转下年度 non-zero.
  'corpus/011_pingtan-2025.txt': {
    format: '2021',
    must: [],
    cells: {
      'applications.carry_forward.total': 6,
      'applications.carry_forward.commercial': 2,
      'review_litigation.review.total': 36,
    },
    placed: [10, 175, 15],
  },
};

function cellAt(yaml: string, path: string): unknown {
  let cur: unknown = parse(yaml);
  for (const k of path.split('.')) cur = (cur as Record<string, unknown> | undefined)?.[k];
  return cur;
}

for (const [src, e] of Object.entries(CASES)) {
  test(`import ${src}: recorded defects, and no other arithmetic error`, () => {
    const r = importShared(src);
    assert.equal(r.ok, true, 'every table read');
    assert.equal(r.format, e.format);
    assert.equal(r.tables.find((t) => t.key === 'applications')?.format, e.t3 ?? e.format);
    assert.deepEqual(
      r.tables.map((t) => t.cells),
      e.placed,
    );
    const got = found(r);
    for (const m of e.must) assert.ok(got.includes(m), `expected ${m} in\n${got.join('\n')}`);
    const arithmetic = got.filter((g) => ARITHMETIC.has(g.split(' ')[0]));
    assert.deepEqual(arithmetic, e.must.filter((m) => ARITHMETIC.has(m.split(' ')[0])).sort());
    const diags = checkText(r.yaml).diagnostics;
    assert.deepEqual(
      diags.filter((d) => /^(YAML-|SCHEMA-TYPE|SCHEMA-UNKNOWN)/.test(d.code)).map((d) => d.code),
      [],
      'valid YAML, known keys',
    );
    for (const [p, v] of Object.entries(e.cells)) assert.deepEqual(cellAt(r.yaml, p), v, p);
    for (const re of e.warnings ?? [])
      assert.ok(
        r.warnings.some((w) => re.test(w.message['zh-CN'])),
        `warning ${re}`,
      );
  });
}

test('import: published labels that differ from the template are kept in comments', () => {
  assert.match(importShared('corpus/003_hongze-qu-2023.txt').yaml, /law_forbidden:.*# 原文行标签“2\.其他法律行政止公开”/);
  assert.match(importShared('corpus/seeds/001_ae26aab0f1e43f06.txt').yaml, /central_procurement:.*# 原文行标签“政府集中釆购”/);
  assert.match(
    importShared('corpus/002_huaian-shi-2024.txt').yaml,
    /overdue_fee:.*# 原文行标签“2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”/,
  );
  assert.match(
    importShared('corpus/008_pingtan-2022.txt').yaml,
    /# 原文标题：“四、政府信息公开行政法复议、行政诉讼情况”\nreview_litigation:/,
  );
  assert.match(importShared('corpus/seeds/001_ae26aab0f1e43f06.txt').yaml, /# 原文标题：“（一）总体情况”\noverview:/);
});

test('import: meta from the front matter and the signature', () => {
  const m = (src: string) => (parse(importShared(src).yaml) as { meta: Record<string, unknown> }).meta;
  assert.deepEqual(m('corpus/seeds/000_b262c255d28bf770.txt'), {
    title: '巴集乡2020年政府信息公开工作年度报告',
    organ: '巴集乡',
    year: 2020,
    period: { from: '2020-01-01', to: '2020-12-31' },
    contact: { address: '巴集乡人民政府', postcode: '477150', phone: '0394-3350966' },
  });
  const s3 = m('corpus/seeds/003_a0d2e33a19df39b4.txt');
  assert.equal(s3.title, undefined);
  assert.equal(s3.organ, '长春市双阳区双营子回族乡人民政府');
  assert.equal(s3.published_on, '2020-12-31');
  assert.deepEqual(s3.contact, { phone: '0431-81452007' });
  assert.equal(m('corpus/seeds/001_ae26aab0f1e43f06.txt').title, '2020年度哭泉镇政府信息公开工作年度报告');
  const h = m('corpus/003_hongze-qu-2023.txt');
  assert.equal(h.title, '洪泽区人民政府2023年政府信息公开工作年度报告');
  assert.deepEqual(h.contact, {
    address: '淮安市洪泽区洪泽湖大道90号',
    postcode: '223100',
    phone: '0517-87222589',
    email: 'hzzwgk@126.com',
  });
  assert.equal(h.organ_kind, 'county_government');
});

test('import: PDF text joins wrapped lines and skips page numbers', () => {
  const r = importShared('corpus/002_huaian-shi-2024.txt');
  const doc = parse(r.yaml) as Record<string, string>;
  assert.match(doc.overview, /“建设‘四最’一流营商环境高质量推进产业发展”/);
  assert.doesNotMatch(r.yaml, /^\s*-\d+-\s*$/m);
  assert.match(
    doc.other_matters,
    /^2024年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940元。\n$/,
  );
});

test('import: a missing table is reported and fails the import', () => {
  const text = readFileSync(join(SHARED, 'corpus/seeds/000_b262c255d28bf770.txt'), 'utf8');
  const cut = text.slice(0, text.indexOf('四、政府信息公开行政复议')) + text.slice(text.indexOf('五、存在的主要问题'));
  const r = importText(cut);
  assert.equal(r.ok, false);
  assert.ok(r.warnings.some((w) => /找不到“四、政府信息公开行政复议、行政诉讼情况”一节/.test(w.message['zh-CN'])));
});

test('import: pipe tables', () => {
  const src = readFileSync(join(SHARED, 'corpus/seeds/004_88a6af14f6d602ea.txt'), 'utf8');
  // The same report with every row of cells written as a pipe-table line.
  const piped = src.replace(
    /((?:^\t.*\n(?:[^\t\n].*\n)?)+)/gm,
    (block) =>
      `| ${block
        .replace(/\n(?!\t|$)/g, '')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.replace(/^\t/, ''))
        .join(' | ')} |\n`,
  );
  const r = importText(piped);
  assert.equal(r.report.layout, 'pipe');
  assert.deepEqual(cellsOf(r.yaml), cellsOf(importShared('corpus/seeds/004_88a6af14f6d602ea.txt').yaml));
});

test('import: cells that fit nowhere are reported with their source line, never dropped', () => {
  const src = readFileSync(join(SHARED, 'corpus/seeds/000_b262c255d28bf770.txt'), 'utf8').split('\n');
  // An 8th cell in 一、本年新收 (line 106 + 7 cells), a row the template does not have, stray text in 表四.
  const at = src.findIndex((l) => /^\t一、本年新收/.test(l));
  src.splice(at + 8, 0, '\t99');
  const t3end = src.findIndex((l) => /^\t四、结转下年度继续办理/.test(l));
  src.splice(t3end + 8, 0, '', '\t其中：网上申请', '\t5', '\t0', '\t0', '\t0', '\t0', '\t0', '\t5');
  const t4 = src.findIndex((l) => /^四、政府信息公开行政复议/.test(l));
  src.splice(t4 + 1, 0, '注：本表数据截至12月31日，含上级交办的复议案件，另附说明请见附件。');
  const r = importText(src.join('\n'));
  const w = (re: RegExp) => r.warnings.find((x) => re.test(x.message['zh-CN']));
  const surplus = w(/一行有 8 个单元格/);
  assert.ok(surplus && surplus.text === '99' && surplus.line === at + 1, JSON.stringify(surplus));
  assert.match(r.yaml, /new_received: .*原文多出的单元格：99/);
  const extra = w(/“其中：网上申请”不是表三模板中的行/);
  assert.ok(extra && extra.line === t3end + 10);
  const doc = parse(r.yaml) as { extra_rows: { table: string; label: string; values: number[] }[] };
  assert.deepEqual(doc.extra_rows, [{ table: '表三', label: '其中：网上申请', values: [5, 0, 0, 0, 0, 0, 5] }]);
  const stray = w(/表四中的文字无法归入任何单元格/);
  assert.ok(stray && /^注：本表数据/.test(stray.text ?? ''));
  assert.match(r.yaml, /# 未能归位的原文（第 \d+ 行）：注：本表数据截至12月31日/);
  // The template's cells are all still placed.
  assert.deepEqual(
    r.tables.map((t) => t.cells),
    [22, 161, 15],
  );
});

test('import: a table whose heading is missing is found by its first header', () => {
  for (const [src, heading] of [
    ['corpus/seeds/000_b262c255d28bf770.txt', /^三、收到和处理政府信息公开申请情况\n/m],
    ['corpus/002_huaian-shi-2024.txt', /^四、政府信息公开行政复议、行政诉讼情况\n/m],
    ['corpus/007_pingtan-2021.txt', /^二、主动公开政府信息情况\n/m],
  ] as const) {
    const full = importShared(src);
    const text = readFileSync(join(SHARED, src), 'utf8');
    assert.match(text, heading);
    const r = importText(text.replace(heading, ''));
    assert.equal(r.ok, true, src);
    assert.deepEqual(
      r.tables.map((t) => t.cells),
      full.tables.map((t) => t.cells),
      src,
    );
    assert.deepEqual(cellsOf(r.yaml), cellsOf(full.yaml), src);
    assert.ok(
      r.warnings.some((w) => /标题，按表格内容定位/.test(w.message['zh-CN'])),
      src,
    );
  }
});
