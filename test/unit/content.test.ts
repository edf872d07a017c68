/**
 * Content rules of the narrative: META-ORGAN, META-DATE, S1-GOV, S5-RECTIFY, S6-FEE — each
 * firing (exact underlined text) and not firing, and each can be turned off.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, type FormatId } from '../../core';
import { example, loose, setCell, underlined, zeroReport, type Finding } from '../helpers/report';

const only = (text: string, code: string): Finding[] => loose(checkText(text).diagnostics.filter((d) => d.code === code));
const setLine = (text: string, key: string, value: string) =>
  text.replace(new RegExp(`^${key}:.*$`, 'm'), () => `${key}: ${value}`);
const setMeta = (text: string, key: string, value: string) =>
  text.replace(new RegExp(`^(\\s+)${key}: .*$`, 'm'), (_, ind) => `${ind}${key}: ${value}`);
const addMeta = (text: string, line: string) => text.replace(/^(\s+)year: (\d+)$/m, (m, ind) => `${m}\n${ind}${line}`);

for (const f of ['2019', '2021'] as FormatId[]) {
  const y = f === '2019' ? 2020 : 2022;

  test(`${f} META-ORGAN: the title names another organ`, () => {
    const t = setMeta(zeroReport(f), 'title', `测试镇人民政府${y}年政府信息公开工作年度报告`);
    const [d] = only(t, 'META-ORGAN');
    assert.deepEqual(
      [underlined(t, d), d.severity, d.data.where, d.data.found],
      ['测试镇人民政府', 'warning', 'meta.title', '测试镇人民政府'],
    );
    const short = setMeta(
      setMeta(zeroReport(f), 'organ', '某某县测试乡人民政府'),
      'title',
      `测试乡${y}年政府信息公开工作年度报告`,
    );
    assert.equal(only(short, 'META-ORGAN').length, 0, 'a title without the county prefix is the same organ');
    const yearFirst = setMeta(zeroReport(f), 'title', `${y}年度测试乡政府信息公开工作年度报告`);
    assert.equal(only(yearFirst, 'META-ORGAN').length, 0);
  });

  test(`${f} META-ORGAN: a variant of the organ's own name in the narrative`, () => {
    let t = setMeta(zeroReport(f), 'organ', '长春市双阳区双营子回族乡人民政府');
    t = setMeta(t, 'title', `双营子回族乡${y}年政府信息公开工作年度报告`);
    const body = setLine(
      t,
      'overview',
      `我们制定了《双营乡${y}年政务公开工作要点分工方案》。双营子回族乡工作考核、社会评议和责任追究结果情况：无。双营村公开栏更新12次。`,
    );
    const ds = only(body, 'META-ORGAN');
    assert.deepEqual(
      ds.map((d) => [underlined(body, d), d.data.where, d.data.expected]),
      [['双营乡', 'overview', '双营子回族乡']],
    );
    const same = setLine(t, 'overview', '双营子回族乡工作考核、社会评议和责任追究结果情况：无。我乡政务公开栏更新12次。');
    assert.equal(only(same, 'META-ORGAN').length, 0);
    const dept = setMeta(
      setMeta(zeroReport(f), 'organ', '青禾县自然资源局'),
      'title',
      `青禾县自然资源局${y}年政府信息公开工作年度报告`,
    );
    assert.equal(only(setLine(dept, 'overview', '青禾县局全年公开信息12条。'), 'META-ORGAN').length, 0);
  });

  test(`${f} META-DATE: dated on or before the end of the period`, () => {
    const t = addMeta(zeroReport(f), `published_on: ${y}-12-31`);
    const [d] = only(t, 'META-DATE');
    assert.deepEqual([underlined(t, d), d.severity, d.data.periodEnd], [`${y}-12-31`, 'info', `${y}-12-31`]);
    assert.equal(only(addMeta(zeroReport(f), `published_on: ${y + 1}-01-05`), 'META-DATE').length, 0);
    assert.equal(only(t, 'META-DEADLINE').length, 0);
  });

  test(`${f} S1-GOV: governments report 考核、评议、责任追究`, () => {
    const t = setLine(zeroReport(f), 'overview', '总体情况。全年开展工作考核2次。');
    const [d] = only(t, 'S1-GOV');
    assert.deepEqual([underlined(t, d), d.severity, d.data.missing], ['overview', 'warning', ['evaluation', 'accountability']]);
    assert.match(d.message['zh-CN'], /“社会评议”、“责任追究”/);
    assert.equal(only(zeroReport(f), 'S1-GOV').length, 0);
    const inProblems = setLine(
      setLine(zeroReport(f), 'overview', '总体情况。'),
      'problems',
      '存在问题。考核、社会评议、问责情况：无。上年度问题已整改。',
    );
    assert.equal(only(inProblems, 'S1-GOV').length, 0, 'the 条例 lists them with 问题及改进');
    const dept = setLine(setMeta(zeroReport(f), 'organ_kind', 'department'), 'overview', '总体情况。');
    assert.equal(only(dept, 'S1-GOV').length, 0, 'departments are not 人民政府');
    assert.equal(only(setLine(zeroReport(f), 'overview', ''), 'S1-GOV').length, 0, 'an empty overview is not judged');
  });

  test(`${f} S5-RECTIFY: ${f === '2021' ? "governments report last year's rectification" : 'does not apply to the 2019 format'}`, () => {
    const t = setLine(zeroReport(f), 'problems', '存在问题及改进措施。');
    const ds = only(t, 'S5-RECTIFY');
    if (f === '2019') {
      assert.equal(ds.length, 0);
      return;
    }
    assert.deepEqual(
      ds.map((d) => [underlined(t, d), d.severity]),
      [['problems', 'warning']],
    );
    assert.equal(
      only(setLine(zeroReport(f), 'problems', `针对${y - 1}年度报告指出的问题，已逐项落实。`), 'S5-RECTIFY').length,
      0,
    );
    assert.equal(only(setMeta(t, 'organ_kind', 'department'), 'S5-RECTIFY').length, 0);
    assert.equal(only(setLine(zeroReport(f), 'problems', '无。'), 'S5-RECTIFY').length, 0, '无 is S5-EMPTY');
  });
}

test('2021 S6-FEE: applications dropped for unpaid fees need fee notices in 六', () => {
  let t = setCell(zeroReport('2021'), 'overdue_fee', 'natural', 2);
  t = setCell(t, 'overdue_fee', 'total', 2);
  t = setCell(setCell(t, 'new_received', 'natural', 2), 'new_received', 'total', 2);
  t = setCell(setCell(t, 'total_processed', 'natural', 2), 'total_processed', 'total', 2);
  assert.deepEqual(
    checkText(t)
      .diagnostics.filter((d) => d.severity === 'error')
      .map((d) => d.code),
    [],
  );
  const [d] = only(t, 'S6-FEE');
  assert.deepEqual([underlined(t, d), d.data.overdueFee], ['2', 2]);
  assert.equal(
    d.range.start.line,
    t.split('\n').findIndex((l) => /^\s+overdue_fee:/.test(l)),
  );
  const few = setLine(t, 'other_matters', '本年度发出收费通知1件，通知金额100元，实际收取信息处理费0元。');
  const [e] = only(few, 'S6-FEE');
  assert.deepEqual([underlined(few, e), e.data.notices], ['1', 1]);
  const enough = setLine(t, 'other_matters', '本年度发出收费通知2件，通知金额合计200元；实际收取信息处理费0元。');
  assert.equal(only(enough, 'S6-FEE').length, 0);
  const structured = t
    .replace('notices_count: ~', 'notices_count: 2')
    .replace('notices_amount_yuan: ~', 'notices_amount_yuan: 200')
    .replace('collected_amount_yuan: ~', 'collected_amount_yuan: 0');
  assert.equal(only(structured, 'S6-FEE').length, 0);
});

test('2021 S6-FEE: fees mentioned with figures need all three figures', () => {
  const t = setLine(zeroReport('2021'), 'other_matters', '全年收取信息处理费300元。');
  const [d] = only(t, 'S6-FEE');
  assert.deepEqual([underlined(t, d), d.data.missing], ['other_matters', ['count', 'noticeAmount']]);
  assert.match(d.message['zh-CN'], /“发出收费通知件数”、“收费通知总金额（元）”/);
  for (const ok of [
    '全年收取政府信息公开信息处理费0元。',
    '未收取信息处理费。',
    '本年度共发出收费通知3件，通知金额合计460元；实际收取信息处理费2件，共计300元。',
    '无。',
  ]) {
    assert.equal(only(setLine(zeroReport('2021'), 'other_matters', ok), 'S6-FEE').length, 0, ok);
  }
  assert.equal(
    only(setLine(zeroReport('2019'), 'other_matters', '全年收取信息处理费300元。'), 'S6-FEE').length,
    0,
    '2021 format only',
  );
});

/**
 * "None charged" as real reports word it: each of these alone in 六 is a complete fee report.
 * 平潭综合实验区 2021–2025 (corpus 007–011) write “无收取信息处理费情况”; 淮安市洪泽区 2023/2024
 * (corpus 003/004) “全年收取政府信息公开信息处理费0元”; the rest are the other wordings offices use.
 */
const NONE_CHARGED = [
  '2021年，无收取信息处理费情况。',
  '2023年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。',
  '本年度未收取信息处理费。',
  '本年度没有收取信息处理费。',
  '本机关不收取信息处理费。',
  '本年度未向申请人收取信息处理费。',
  '本年度未发出收费通知，未收取信息处理费。',
  '本年度未发出信息处理费收费通知。',
  '本年度没有发出收费通知。',
  '本年度未产生信息处理费。',
  '本年度未发生信息处理费收取情况。',
  '本年度无信息处理费收取情况。',
  '本年度共收取信息处理费0.00元。',
  '本年度收取信息处理费零元。',
  '信息处理费收取情况：无。',
  '本年度信息处理费为0元。',
  '本年度不存在收取信息处理费的情况。',
  '依法免收信息处理费。',
];

test('2021 S6-FEE: every "none charged" wording of real reports is a complete fee report', () => {
  for (const wording of NONE_CHARGED) {
    const t = setLine(zeroReport('2021'), 'other_matters', wording);
    assert.deepEqual(
      only(t, 'S6-FEE').map((d) => d.message['zh-CN']),
      [],
      wording,
    );
  }
});

test('2021 S6-FEE: a charge hidden behind a "none" word still needs its figures', () => {
  for (const [wording, missing] of [
    // 10元 ends in 0元: not "nothing charged".
    ['全年收取信息处理费10元，未收取其他费用。', ['count', 'noticeAmount']],
    ['全年收取信息处理费300元。', ['count', 'noticeAmount']],
    // Notices were sent: their amount is due even though nothing was collected.
    ['本年度发出收费通知2件，申请人均未缴纳，未收取信息处理费。', ['noticeAmount']],
  ] as const) {
    const t = setLine(zeroReport('2021'), 'other_matters', wording);
    assert.deepEqual(
      only(t, 'S6-FEE').map((d) => d.data.missing),
      [missing],
      wording,
    );
  }
});

test('the content rules can each be turned off', () => {
  let t = setMeta(zeroReport('2021'), 'title', '测试镇人民政府2022年政府信息公开工作年度报告');
  t = addMeta(t, 'published_on: 2022-12-31');
  t = setLine(
    setLine(setLine(t, 'overview', '总体情况。'), 'problems', '存在问题。'),
    'other_matters',
    '全年收取信息处理费300元。',
  );
  const codes = ['META-ORGAN', 'META-DATE', 'S1-GOV', 'S5-RECTIFY', 'S6-FEE'];
  assert.deepEqual(
    codes.map((c) => only(t, c).length),
    [1, 1, 1, 1, 1],
  );
  const off = Object.fromEntries(codes.map((c) => [c, 'off' as const]));
  assert.deepEqual(
    checkText(t, { severity: off }).diagnostics.filter((d) => codes.includes(d.code)),
    [],
  );
});

test('seed 003: META-ORGAN on “双营乡” and META-DATE on the 2020-12-31 signature', () => {
  const t = example('reports/seed-003-shuangying-2020.nianbao.yaml');
  assert.deepEqual(
    only(t, 'META-ORGAN').map((d) => underlined(t, d)),
    ['双营乡'],
  );
  assert.deepEqual(
    only(t, 'META-DATE').map((d) => underlined(t, d)),
    ['2020-12-31'],
  );
});

/** Every finding of the content rules on the example reports, reviewed one by one. */
const EXPECTED: Record<string, string[]> = {
  'clean-2019.nianbao.yaml': [],
  'clean-2021.nianbao.yaml': [],
  'seed-000-baji-2020.nianbao.yaml': ['S1-GOV'], // 乡人民政府: no 考核/评议/责任追究 anywhere
  'seed-001-kuquan-2020.nianbao.yaml': ['S1-GOV'],
  'seed-002-dacai-2020.nianbao.yaml': ['S1-GOV'],
  'seed-003-shuangying-2020.nianbao.yaml': ['META-DATE', 'S1-GOV', 'META-ORGAN'], // 追究…责任 is there, 考核/评议 are not
  'seed-004-shagou-2020.nianbao.yaml': ['S1-GOV'],
  'corpus-003-hongze-2023.nianbao.yaml': ['S1-GOV', 'S5-RECTIFY'],
  'corpus-004-hongze-2024.nianbao.yaml': ['S1-GOV', 'S5-RECTIFY'], // 考核 is there (高质量发展考核)
};

test('content rules on the example reports: exactly the reviewed findings', () => {
  for (const [name, want] of Object.entries(EXPECTED)) {
    const t = example(`reports/${name}`);
    const got = checkText(t)
      .diagnostics.filter((d) => ['META-ORGAN', 'META-DATE', 'S1-GOV', 'S5-RECTIFY', 'S6-FEE'].includes(d.code))
      .map((d) => d.code);
    assert.deepEqual(got, want, name);
  }
});
