/**
 * Every rule id, firing and not firing, in both formats where the rule applies; each firing
 * case asserts the exact token underlined and the machine data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, type FormatId } from '../../core';
import { codes, loose, setCell, underlined, zeroReport, type Finding } from '../helpers/report';

const BOTH: FormatId[] = ['2019', '2021'];

function only(text: string, code: string): Finding[] {
  return loose(checkText(text).diagnostics.filter((d) => d.code === code));
}

for (const f of BOTH) {
  test(`${f}: a zero report fires nothing`, () => assert.deepEqual(codes(checkText(zeroReport(f)).diagnostics), []));

  test(`${f} T3-SUM-H fires on the row total, not when the row adds up`, () => {
    let t = setCell(zeroReport(f), 'new_received', 'natural', 2);
    t = setCell(t, 'new_received', 'commercial', 1);
    t = setCell(t, 'new_received', 'total', 2);
    const [d] = only(t, 'T3-SUM-H');
    assert.equal(underlined(t, d), '2');
    assert.equal(
      d.range.start.line,
      t.split('\n').findIndex((l) => l.includes('new_received:')),
    );
    assert.deepEqual([d.data.target, d.data.reported, d.data.computed], ['applications.new_received.total', 2, 3]);
    assert.equal(only(setCell(t, 'new_received', 'total', 3), 'T3-SUM-H').length, 0);
  });

  test(`${f} T3-SUM-V fires on （七）总计 per column`, () => {
    let t = setCell(zeroReport(f), 'granted', 'natural', 4);
    t = setCell(t, 'granted', 'total', 4);
    t = setCell(t, 'not_held', 'natural', 1);
    t = setCell(t, 'not_held', 'total', 1);
    t = setCell(t, 'total_processed', 'natural', 4);
    t = setCell(t, 'total_processed', 'total', 4);
    const ds = only(t, 'T3-SUM-V');
    assert.deepEqual(
      ds.map((d) => d.data.column),
      ['natural', 'total'],
    );
    assert.ok(ds.every((d) => underlined(t, d) === '4' && d.data.computed === 5));
    assert.equal((ds[0].data.operands as string[]).length, f === '2019' ? 19 : 21);
    const fixed = setCell(setCell(t, 'total_processed', 'natural', 5), 'total_processed', 'total', 5);
    assert.equal(only(fixed, 'T3-SUM-V').length, 0);
  });

  test(`${f} T3-BAL fires per column with both sides in data`, () => {
    let t = setCell(zeroReport(f), 'new_received', 'natural', 3);
    t = setCell(t, 'new_received', 'total', 3);
    const ds = only(t, 'T3-BAL');
    assert.deepEqual(
      ds.map((d) => [d.data.column, d.data.leftSum, d.data.rightSum]),
      [
        ['natural', 3, 0],
        ['total', 3, 0],
      ],
    );
    assert.ok(ds.every((d) => (d.data.anchor as string).startsWith('applications.total_processed.')));
    let ok = setCell(setCell(t, 'carry_forward', 'natural', 3), 'carry_forward', 'total', 3);
    assert.equal(only(ok, 'T3-BAL').length, 0);
    ok = setCell(setCell(t, 'carried_over', 'natural', 0), 'carried_over', 'total', 0);
    assert.equal(only(ok, 'T3-BAL').length, 2);
  });

  test(`${f} blank policy: blanks are unknowns, errors only when impossible`, () => {
    // Row total 2 with a blank cell: the blank can be 2 → no error, T3-COMPLETE pins it.
    let t = setCell(zeroReport(f), 'new_received', 'natural', '~');
    t = setCell(t, 'new_received', 'total', 2);
    t = setCell(t, 'carry_forward', 'natural', 2);
    t = setCell(t, 'carry_forward', 'total', 2);
    assert.deepEqual(codes(checkText(t).diagnostics), ['T3-COMPLETE']);
    assert.equal(only(t, 'T3-COMPLETE')[0].data.pinned, 2);
    // Known operands already exceed the target: an error whatever the blank holds.
    t = setCell(setCell(zeroReport(f), 'granted', 'natural', '~'), 'granted', 'commercial', 3);
    assert.deepEqual(
      only(t, 'T3-SUM-H').map((d) => [d.data.reported, d.data.computed, (d.data.unknown as string[]).length]),
      [[0, 3, 1]],
    );
  });

  test(`${f} T3-NONNEG: negatives and fractions`, () => {
    const t = setCell(setCell(zeroReport(f), 'partial', 'legal', -1), 'partial', 'social', 1.5);
    assert.deepEqual(
      only(t, 'T3-NONNEG').map((d) => underlined(t, d)),
      ['1.5', '-1'],
    );
    assert.equal(only(zeroReport(f), 'T3-NONNEG').length, 0);
  });

  test(`${f} T3-COMPLETE: blank, null, N/A and text cells`, () => {
    let t = setCell(zeroReport(f), 'partial', 'natural', '');
    t = setCell(t, 'partial', 'commercial', 'null');
    t = setCell(t, 'partial', 'research', '/');
    t = setCell(t, 'partial', 'social', '"5件"');
    const ds = only(t, 'T3-COMPLETE');
    assert.deepEqual(
      ds.map((d) => [underlined(t, d), d.data.state]),
      [
        ['natural', 'blank'],
        ['null', 'blank'],
        ['/', 'na'],
        ['"5件"', 'text'],
      ],
    );
  });

  test(`${f} T4-SUM and T4-NONNEG`, () => {
    let t = setCell(zeroReport(f), 'review', 'upheld', 2);
    t = setCell(t, 'review', 'corrected', 1);
    t = setCell(t, 'review', 'total', 2);
    const [d] = only(t, 'T4-SUM');
    assert.deepEqual([underlined(t, d), d.data.computed], ['2', 3]);
    assert.equal(only(setCell(t, 'review', 'total', 3), 'T4-SUM').length, 0);
    const n = setCell(setCell(zeroReport(f), 'lit_direct', 'pending', -1), 'lit_after_review', 'other', '"0 0"');
    assert.deepEqual(
      only(n, 'T4-NONNEG').map((x) => underlined(n, x)),
      ['-1', '"0 0"'],
    );
  });

  test(`${f} X-FORMAT: format against the year`, () => {
    const y = f === '2019' ? 2023 : 2019;
    const t = zeroReport(f)
      .replace(/year: \d+/, `year: ${y}`)
      .replace(/\d{4}(-01-01|-12-31|年政府)/g, `${y}$1`);
    const [d] = only(t, 'X-FORMAT');
    assert.equal(underlined(t, d), f);
    assert.equal(d.severity, f === '2019' ? 'error' : 'warning');
    assert.equal(only(zeroReport(f), 'X-FORMAT').length, 0);
  });

  test(`${f} STRUCT-SECTIONS and STRUCT-ROWS`, () => {
    const noSix = zeroReport(f).replace(/^other_matters:.*$/m, '');
    assert.deepEqual(
      only(noSix, 'STRUCT-SECTIONS').map((d) => d.data.path),
      ['other_matters'],
    );
    const noRow = zeroReport(f).replace(/^(\s*)repeat:/m, '$1repeats:');
    const rows = only(noRow, 'STRUCT-ROWS');
    assert.deepEqual(
      rows.map((d) => [d.severity, underlined(noRow, d)]),
      [
        ['error', 'not_processed'],
        ['warning', 'repeats'],
      ],
    );
  });

  test(`${f} S5-EMPTY fires on 无 and on nothing, not on prose`, () => {
    const t = zeroReport(f).replace(/^problems:.*$/m, 'problems: 无。');
    assert.equal(underlined(t, only(t, 'S5-EMPTY')[0]), '无。');
    const blank = zeroReport(f).replace(/^problems:.*$/m, 'problems:');
    assert.equal(underlined(blank, only(blank, 'S5-EMPTY')[0]), 'problems');
    assert.equal(only(zeroReport(f), 'S5-EMPTY').length, 0);
  });

  test(`${f} META-YEAR: title, period and prose`, () => {
    const t = zeroReport(f)
      .replace(/年政府信息公开/, '年政府信息公开')
      .replace(/(title: \S*?)(\d{4})年/, '$11999年')
      .replace(/to: (\d{4})/, 'to: 2000');
    assert.deepEqual(
      only(t, 'META-YEAR').map((d) => [d.data.where, underlined(t, d).slice(0, 11)]),
      [
        ['meta.title', '测试乡人民政府1999'],
        ['meta.period.to', '2000-12-31'],
      ],
    );
    const prose = zeroReport(f).replace('overview: 总体情况。', 'overview: 本报告统计期限自1999年1月1日起至1999年12月31日止。');
    assert.deepEqual(
      only(prose, 'META-YEAR').map((d) => underlined(prose, d)),
      ['1999', '1999'],
    );
  });

  test(`${f} META-DEADLINE by organ kind, configurable`, () => {
    const y = f === '2019' ? 2020 : 2022;
    const late = zeroReport(f).replace(/^(\s*)year: (\d+)/m, `$1year: $2\n$1published_on: ${y + 1}-04-01`);
    const [d] = only(late, 'META-DEADLINE');
    assert.deepEqual([underlined(late, d), d.data.deadline], [`${y + 1}-04-01`, `${y + 1}-03-31`]);
    assert.equal(
      checkText(late, { deadlines: { township_government: '04-30' } }).diagnostics.filter((x) => x.code === 'META-DEADLINE')
        .length,
      0,
    );
    const dept = late.replace('township_government', 'department').replace(`${y + 1}-04-01`, `${y + 1}-02-01`);
    assert.equal(only(dept, 'META-DEADLINE')[0].data.deadline, `${y + 1}-01-31`);
  });
}

test('2019 T2-19-NONNEG, T2-19-CUM, T2-19-ITEMS, T2-19-UNIT', () => {
  let t = setCell(zeroReport('2019'), 'rules', 'new_made', -2);
  assert.equal(underlined(t, only(t, 'T2-19-NONNEG')[0]), '-2');
  t = setCell(setCell(zeroReport('2019'), 'normative_docs', 'new_published', 5), 'normative_docs', 'total_public', 3);
  assert.equal(underlined(t, only(t, 'T2-19-CUM')[0]), '3');
  assert.equal(only(setCell(t, 'normative_docs', 'total_public', 9), 'T2-19-CUM').length, 0);
  t = setCell(setCell(zeroReport('2019'), 'penalty', 'prev_items', 2), 'penalty', 'delta', -3);
  assert.equal(only(t, 'T2-19-ITEMS')[0].data.leftSum, -1);
  assert.equal(only(setCell(t, 'penalty', 'delta', -2), 'T2-19-ITEMS').length, 0, 'a signed delta down to zero is fine');
  t = setCell(
    setCell(zeroReport('2019'), 'central_procurement', 'items', '"137次"'),
    'central_procurement',
    'amount',
    '"1066730.5元"',
  );
  assert.deepEqual(
    only(t, 'T2-19-UNIT').map((d) => [underlined(t, d), d.data.number, d.data.unit]),
    [
      ['"137次"', 137, '次'],
      ['"1066730.5元"', 1066730.5, '元'],
    ],
  );
  const ok = setCell(zeroReport('2019'), 'central_procurement', 'amount', '{value: 3.5, unit: 万元}');
  assert.equal(only(ok, 'T2-19-UNIT').length, 0);
  const bare = setCell(zeroReport('2019'), 'central_procurement', 'amount', '35000');
  assert.equal(only(bare, 'T2-19-UNIT')[0].data.bare, true);
});

test('2021 T2-21-NONNEG, T2-21-UNIT, T2-21-INFORCE', () => {
  let t = setCell(zeroReport('2021'), 'licensing', 'decisions', -4);
  assert.equal(underlined(t, only(t, 'T2-21-NONNEG')[0]), '-4');
  t = setCell(zeroReport('2021'), 'fees', 'amount_wan_yuan', '"12000元"');
  assert.deepEqual(
    only(t, 'T2-21-UNIT').map((d) => d.data.number),
    [1.2],
  );
  t = setCell(zeroReport('2021'), 'fees', 'amount_wan_yuan', '24252.311082');
  assert.deepEqual(
    only(t, 'T2-21-UNIT').map((d) => d.severity),
    ['info'],
  );
  assert.equal(only(setCell(zeroReport('2021'), 'fees', 'amount_wan_yuan', '96171.6'), 'T2-21-UNIT').length, 0);
  t = setCell(setCell(zeroReport('2021'), 'normative_docs', 'issued', 6), 'normative_docs', 'repealed', 1);
  t = setCell(t, 'normative_docs', 'in_force', 3);
  assert.equal(underlined(t, only(t, 'T2-21-INFORCE')[0]), '3');
  assert.equal(only(setCell(t, 'normative_docs', 'in_force', 5), 'T2-21-INFORCE').length, 0);
});

test('2021 X-FORMAT: a 2019 single （六） row is a mixed template, flagged once at the row', () => {
  const t = zeroReport('2021').replace(
    / {2}other_handling:.*\n( {4}.*\n){3}/,
    '  other_handling: {natural: 0, commercial: 0, research: 0, social: 0, legal: 0, other_org: 0, total: 0}\n',
  );
  const ds = checkText(t).diagnostics;
  assert.deepEqual(codes(ds), ['X-FORMAT']);
  assert.equal(underlined(t, ds[0]), 'other_handling');
  // Its cells still take part in the sums.
  const bad = setCell(t, 'other_handling', 'natural', 1);
  assert.ok(codes(checkText(bad).diagnostics).includes('T3-SUM-H'));
  assert.ok(codes(checkText(bad).diagnostics).includes('T3-SUM-V'));
});

test('suppression comment silences the next line only for the named code', () => {
  let t = setCell(zeroReport('2021'), 'review', 'upheld', 2);
  t = t.replace(/^(\s*)review:/m, '$1# nianbao-disable-next-line T4-SUM\n$1review:');
  assert.equal(only(t, 'T4-SUM').length, 0);
  assert.equal(only(t.replace('T4-SUM\n', 'T3-BAL\n'), 'T4-SUM').length, 1);
});

test('severity settings override or turn rules off', () => {
  const t = setCell(zeroReport('2021'), 'partial', 'natural', '~');
  assert.equal(checkText(t, { severity: { 'T3-COMPLETE': 'off' } }).diagnostics.length, 0);
  assert.equal(checkText(t, { severity: { 'T3-COMPLETE': 'error' } }).diagnostics[0].severity, 'error');
});

test('messages exist in both locales for every diagnostic of the examples', () => {
  const t = setCell(setCell(zeroReport('2019'), 'granted', 'natural', 2), 'partial', 'legal', '~');
  for (const d of checkText(t).diagnostics) {
    assert.ok(d.message['zh-CN'] && d.message.en && d.message.en !== d.message['zh-CN']);
  }
});
