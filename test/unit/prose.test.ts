/**
 * Prose against tables (TXT-T3, TXT-ZERO): counts stated in the narrative are read with their
 * exact source span (inside block scalars, with indentation) and compared with the tables.
 * No finding on any example report except the ones listed (real disagreements in the
 * published text); planted disagreements in copies are caught.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, type FormatId } from '../../core';
import { extractClaims } from '../../core/rules/prose/claims';
import { parseNumeral } from '../../core/text/numerals';
import { example, loose, ROOT, setCell, underlined, zeroReport, type Finding } from '../helpers/report';

const PROSE = ['TXT-T3', 'TXT-ZERO'];

function only(text: string, code: string | string[]): Finding[] {
  const want = Array.isArray(code) ? code : [code];
  return loose(checkText(text).diagnostics.filter((d) => want.includes(d.code)));
}

/** Replaces the overview with a literal block scalar (indented two spaces). */
function withOverview(text: string, ...lines: string[]): string {
  const block = ['overview: |', ...lines.map((l) => (l ? `  ${l}` : ''))].join('\n');
  return text.replace(/^overview:.*$/m, () => block);
}

/** A report of the format where the tables hold the given totals (natural column = total). */
function report(
  f: FormatId,
  t: { newR?: number; carried?: number; forward?: number; review?: number; direct?: number; after?: number } = {},
): string {
  const { newR = 0, carried = 0, forward = 0, review = 0, direct = 0, after = 0 } = t;
  let s = zeroReport(f);
  const row = (r: string, v: number) => {
    s = setCell(setCell(s, r, 'natural', v), r, 'total', v);
  };
  row('new_received', newR);
  row('carried_over', carried);
  row('carry_forward', forward);
  row('granted', newR + carried - forward);
  row('total_processed', newR + carried - forward);
  const t4 = (r: string, v: number) => {
    s = setCell(setCell(s, r, 'upheld', v), r, 'total', v);
  };
  t4('review', review);
  t4('lit_direct', direct);
  t4('lit_after_review', after);
  return s;
}

test('numerals: Arabic, full-width, grouped and Chinese', () => {
  const cases: [string, number][] = [
    ['21', 21],
    ['２１', 21],
    ['1,036', 1036],
    ['二十一', 21],
    ['十一', 11],
    ['十', 10],
    ['一百零五', 105],
    ['两百', 200],
    ['一千零一十', 1010],
    ['三万五千', 35000],
    ['零', 0],
    ['〇', 0],
    ['二〇二三', 2023],
  ];
  for (const [s, n] of cases) assert.equal(parseNumeral(s), n, s);
  assert.equal(parseNumeral('十百'), undefined);
  assert.equal(parseNumeral('二三百'), undefined);
});

for (const f of ['2019', '2021'] as FormatId[]) {
  test(`${f} TXT-T3 new_received: fires on the number, exact span inside an indented block scalar`, () => {
    const t = withOverview(
      report(f, { newR: 20 }),
      '总体情况。',
      '（二）依申请公开。全年共收到政府信息公开申请21件，均按时答复。',
      '工作考核、社会评议和责任追究结果情况：无。',
    );
    const [d, ...rest] = only(t, 'TXT-T3');
    assert.equal(rest.length, 0);
    assert.equal(underlined(t, d), '21');
    const line = t.split('\n')[d.range.start.line];
    assert.equal(line.slice(d.range.start.character, d.range.end.character), '21');
    assert.ok(line.startsWith('  （二）'), 'the line keeps its indentation; the range counts it');
    assert.deepEqual(
      [d.severity, d.data.stated, d.data.expected, d.data.cells],
      ['warning', 21, 20, ['applications.new_received.total']],
    );
    assert.match(d.message['zh-CN'], /一、本年新收政府信息公开申请数量·总计/);
    assert.equal(d.related?.[0].path, 'applications.new_received.total');
    assert.equal(only(withOverview(report(f, { newR: 21 }), '全年共收到政府信息公开申请21件。'), 'TXT-T3').length, 0);
  });

  test(`${f} TXT-T3 reads Chinese numerals and underlines them`, () => {
    const t = withOverview(report(f, { newR: 20 }), '本年度受理政府信息公开申请二十一件。');
    const [d] = only(t, 'TXT-T3');
    assert.equal(underlined(t, d), '二十一');
    assert.equal(d.data.stated, 21);
    assert.equal(only(withOverview(report(f, { newR: 21 }), '本年度受理政府信息公开申请二十一件。'), 'TXT-T3').length, 0);
  });

  test(`${f} TXT-T3 with carry-over: 含上年结转 means new + carried; 收到 may count it in; 新收 may not`, () => {
    const base = report(f, { newR: 20, carried: 3, forward: 0 });
    assert.equal(only(withOverview(base, '共收到政府信息公开申请23件（含上年结转3件）。'), 'TXT-T3').length, 0);
    const wrong = withOverview(base, '共收到政府信息公开申请20件（含上年结转3件）。');
    const [d] = only(wrong, 'TXT-T3');
    assert.deepEqual([underlined(wrong, d), d.data.expected, d.data.inclCarry], ['20', 23, true]);
    assert.equal(
      only(withOverview(base, '全区收到政府信息公开申请23件，均按时答复。'), 'TXT-T3').length,
      0,
      '收到 new + carried: silent',
    );
    const strict = withOverview(base, '全年新收政府信息公开申请23件。');
    assert.deepEqual(
      only(strict, 'TXT-T3').map((x) => [underlined(strict, x), x.data.expected]),
      [['23', 20]],
    );
  });

  test(`${f} TXT-T3 carried over and carried forward`, () => {
    const base = report(f, { newR: 10, carried: 2, forward: 4 });
    const ok = withOverview(base, '全年新收政府信息公开申请10件，上年结转2件，结转下年度继续办理4件。');
    assert.equal(only(ok, 'TXT-T3').length, 0);
    const bad = withOverview(base, '全年新收政府信息公开申请10件，上年结转3件，结转下年度继续办理5件。');
    assert.deepEqual(
      only(bad, 'TXT-T3').map((d) => [underlined(bad, d), d.data.kind, d.data.expected]),
      [
        ['3', 'carried', 2],
        ['5', 'forward', 4],
      ],
    );
    const before = withOverview(base, '本年度共收到10件申请，办结8件，另有5件顺延到下年度答复。');
    assert.deepEqual(
      only(before, 'TXT-T3').map((d) => [underlined(before, d), d.data.kind]),
      [['5', 'forward']],
    );
    const y = f === '2019' ? 2020 : 2022;
    const nextYear = withOverview(base, `全区共收到政府信息公开申请10件，共办结8件，结转至${y + 1}年5件。`);
    assert.deepEqual(
      only(nextYear, 'TXT-T3').map((d) => underlined(nextYear, d)),
      ['5'],
    );
  });

  test(`${f} TXT-T3 review and litigation`, () => {
    const base = report(f, { review: 2, direct: 1, after: 1 });
    assert.equal(only(withOverview(base, '全年被申请行政复议2件，被提起行政诉讼2件。'), 'TXT-T3').length, 0);
    const bad = withOverview(base, '全年因政府信息公开工作被申请行政复议3件，被提起行政诉讼1件。');
    const ds = only(bad, 'TXT-T3');
    assert.deepEqual(
      ds.map((d) => [underlined(bad, d), d.data.kind, d.data.expected]),
      [
        ['3', 'review', 2],
        ['1', 'lit', 2],
      ],
    );
    assert.deepEqual(ds[1].data.cells, ['review_litigation.lit_direct.total', 'review_litigation.lit_after_review.total']);
    assert.equal(ds[1].related?.length, 2);
    const cases = withOverview(base, '共有行政诉讼案件2件、行政复议案件2件，均已结案。');
    assert.equal(only(cases, 'TXT-T3').length, 0);
  });

  test(`${f} TXT-T3 stays silent when in doubt`, () => {
    const base = report(f, { newR: 20, review: 2, direct: 1, after: 1 });
    const silent = [
      '2019年共收到政府信息公开申请21件。', // another year
      '上年度共收到政府信息公开申请21件。',
      '上半年收到政府信息公开申请21件。', // part of the year
      '共收到申请20件，其中通过网络收到申请15件。', // a subset
      '通过信函收到申请5件，当面收到申请16件。', // channels
      '收到政府信息公开申请约30件。', // approximate
      '收到申请30余件。',
      '行政复议纠正1件，行政诉讼败诉1件。', // outcomes, not totals
      '行政复议、行政诉讼各1件。', // a combined count
      '行政复议和行政诉讼3件。',
      '未经复议直接起诉的行政诉讼1件。',
      '收到政府信息公开申请21件、收到政府信息公开申请19件。', // two numbers of one kind
      '受理行政许可申请21件。', // not an information-disclosure application
      '收到申请人提交的材料21件。',
    ];
    for (const s of silent)
      assert.deepEqual(
        only(withOverview(base, s), PROSE).map((d) => d.code),
        [],
        s,
      );
  });

  test(`${f} TXT-ZERO: 没有收到…申请 / …行政复议、行政诉讼 against the tables`, () => {
    const t = withOverview(
      report(f, { newR: 2, review: 1 }),
      '2、依申请公开。本年度，没有收到政府信息公开申请。',
      '',
      '没有收到政府信息公开行政复议、行政诉讼。',
    );
    const ds = only(t, 'TXT-ZERO');
    assert.deepEqual(
      ds.map((d) => [underlined(t, d), d.severity, d.data.kind, d.data.actual]),
      [
        ['没有收到政府信息公开申请', 'info', 'zeroNew', 2],
        ['没有收到政府信息公开行政复议、行政诉讼', 'info', 'zeroReview', 1],
      ],
    );
    const clean = withOverview(
      report(f),
      '本年度，没有收到政府信息公开申请。',
      '未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。',
    );
    assert.equal(only(clean, PROSE).length, 0);
    const lit = withOverview(report(f, { after: 1 }), '未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。');
    assert.deepEqual(
      only(lit, 'TXT-ZERO').map((d) => d.data.kind),
      ['zeroLit'],
    );
    for (const s of [
      '未发生行政复议被纠错的情况。',
      '尚未审结的行政复议1件。',
      '在没有收到申请的情况下主动公开。',
      '未收到企业提出的申请。',
    ]) {
      assert.deepEqual(
        only(withOverview(report(f, { newR: 2, review: 1 }), s), 'TXT-ZERO').map((d) => d.code),
        [],
        s,
      );
    }
  });

  test(`${f} TXT-T3 in a folded scalar, a quoted scalar and a plain multi-line scalar`, () => {
    const base = report(f, { newR: 20 });
    const folded = base.replace(/^overview:.*$/m, 'overview: >-\n    总体情况。\n    全年共收到政府信息公开申请21件。');
    assert.deepEqual(
      only(folded, 'TXT-T3').map((d) => underlined(folded, d)),
      ['21'],
    );
    const quoted = base.replace(/^overview:.*$/m, 'overview: "全年共收到政府信息公开申请21件。"');
    assert.deepEqual(
      only(quoted, 'TXT-T3').map((d) => underlined(quoted, d)),
      ['21'],
    );
    const plain = base.replace(/^overview:.*$/m, 'overview: 总体情况。\n  全年共收到政府信息公开申请21件。');
    assert.deepEqual(
      only(plain, 'TXT-T3').map((d) => underlined(plain, d)),
      ['21'],
    );
  });

  test(`${f} a wrapped line (PDF text) runs on; the span skips the line break and indentation`, () => {
    const t = withOverview(
      report(f, { newR: 20 }),
      '（二）依申请公开情况。进一步规范依申请公开流程，畅通依申请公开受理渠道。2023年全区受理政府信息公开申请2',
      '1件，均在法定期限答复。',
    );
    const y = f === '2019' ? 2020 : 2022;
    const t2 = t.replace('2023年', `${y}年`);
    const [d] = only(t2, 'TXT-T3');
    assert.equal(d.data.stated, 21);
    assert.equal(underlined(t2, d).replace(/\s+/g, ''), '21');
  });

  test(`${f} TXT-T3 and TXT-ZERO can be turned off`, () => {
    const t = withOverview(report(f, { newR: 2 }), '全年共收到政府信息公开申请21件。没有收到政府信息公开申请。');
    assert.equal(only(t, PROSE).length, 2);
    assert.equal(
      checkText(t, { severity: { 'TXT-T3': 'off', 'TXT-ZERO': 'off' } }).diagnostics.filter((d) => PROSE.includes(d.code)).length,
      0,
    );
  });
}

test('a run-on “sentence” (a table flattened into prose) is not read, and costs linear time', () => {
  const body = '收到申请1件'.repeat(30000);
  const t = withOverview(report('2021', { newR: 2 }), body);
  const t0 = performance.now();
  assert.deepEqual(only(t, PROSE), []);
  console.log(`180,000-character overview checked in ${(performance.now() - t0).toFixed(0)} ms`);
  assert.deepEqual(extractClaims(`${'文字'.repeat(400)}收到申请2件。`, 2022), [], 'over 600 characters: silent');
});

test('claims read from the corpus phrasings', () => {
  const c = (s: string, y: number) => extractClaims(s, y).map((x) => [x.kind, x.value ?? null, s.slice(x.start, x.end)]);
  assert.deepEqual(
    c(
      '2024年，全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复），均在法定期限内予以答复。',
      2024,
    ),
    [
      ['new', 3119, '3119'],
      ['carried', 34, '34'],
      ['forward', 103, '103'],
    ],
  );
  assert.deepEqual(c('政府信息公开行政复议351件，其中结果维持72件；政府信息公开行政诉讼46件，其中结果维持25件。', 2024), [
    ['review', 351, '351'],
    ['lit', 46, '46'],
  ]);
  assert.deepEqual(c('本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。', 2021), [
    ['new', 70, '70'],
    ['forward', 1, '1'],
  ]);
  assert.deepEqual(c('因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。', 2023), [
    ['review', 2, '2'],
    ['lit', 7, '7'],
  ]);
  assert.deepEqual(c('全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。', 2025), [
    ['review', 36, '36'],
    ['lit', 9, '9'],
  ]);
  assert.deepEqual(c('2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。', 2025), [
    ['new', 154, '154'],
    ['forward', 6, '6'],
  ]);
  assert.deepEqual(c('2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件。', 2023), [], 'channels: silent');
  assert.deepEqual(c('全年办理政府信息公开申请218件。', 2024), [], '办理 may include the carry-over: not read');
});

/** Findings of the prose rules that the example reports really contain (the published text disagrees). */
const KNOWN: Record<string, string[]> = {
  'corpus-004-hongze-2024.nianbao.yaml': ['TXT-T3 17'], // “区政府办代表区政府受理政府信息公开申请17件” vs 新收 95
};

test('no false alarm on the example reports', () => {
  const dir = join(ROOT, 'examples/reports');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.nianbao.yaml'))) {
    const text = example(`reports/${name}`);
    const found = only(text, PROSE).map((d) => `${d.code} ${underlined(text, d)}`);
    assert.deepEqual(found, KNOWN[name] ?? [], name);
  }
});

test('planted disagreements in copies of the examples are caught', () => {
  // clean-2021: change a count in a sentence.
  const c21 = example('reports/clean-2021.nianbao.yaml');
  const s1 = c21.replace('全年新收政府信息公开申请208件', '全年新收政府信息公开申请207件');
  assert.deepEqual(
    only(s1, 'TXT-T3').map((d) => [underlined(s1, d), d.data.expected]),
    [['207', 208]],
  );
  const s2 = c21.replace('被提起行政诉讼9件', '被提起行政诉讼十件');
  assert.deepEqual(
    only(s2, 'TXT-T3').map((d) => [underlined(s2, d), d.data.expected]),
    [['十', 9]],
  );
  // clean-2021: change a table cell the prose speaks of.
  const s3 = c21.replace(/(carry_forward:\s+\{[^}]*total: )12/, '$113');
  assert.deepEqual(
    only(s3, 'TXT-T3').map((d) => [underlined(s3, d), d.data.kind, d.data.expected]),
    [['12', 'forward', 13]],
  );
  const s4 = c21.replace(/(review:\s+\{[^}]*total: )9/, '$110');
  assert.deepEqual(
    only(s4, 'TXT-T3').map((d) => [underlined(s4, d), d.data.kind]),
    [['9', 'review']],
  );
  // clean-2019: the prose says 54 new applications.
  const c19 = example('reports/clean-2019.nianbao.yaml');
  const s5 = c19.replace(/(new_received:\s+\{[^}]*total: )54/, '$155');
  assert.deepEqual(
    only(s5, 'TXT-T3').map((d) => [underlined(s5, d), d.data.expected]),
    [['54', 55]],
  );
  // seed 001: “没有收到政府信息公开申请” while the table now has one.
  const s6 = setCell(
    setCell(example('reports/seed-001-kuquan-2020.nianbao.yaml'), 'new_received', 'natural', 1),
    'new_received',
    'total',
    1,
  );
  assert.deepEqual(
    only(s6, 'TXT-ZERO').map((d) => underlined(s6, d)),
    ['没有收到政府信息公开申请'],
  );
  // corpus 003: 21 in the prose; change the table.
  const h23 = example('reports/corpus-003-hongze-2023.nianbao.yaml');
  const s7 = h23.replace(/(new_received:\s+\{[^}]*total: )21/, '$122');
  assert.deepEqual(
    only(s7, 'TXT-T3').map((d) => underlined(s7, d)),
    ['21'],
  );
});
