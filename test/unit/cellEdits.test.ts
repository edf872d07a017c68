/**
 * The table editor's inputs as minimal text edits (core/edit): what every class of input becomes
 * in each kind of cell, the same number the checker's quick fix would write, one edit per cell
 * that touches only the value token (comments, order and layout kept), narrative sections as
 * block scalars, meta fields, keys the document lacks inserted once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { applyEdits, checkText, fixesFor, loadReport, skeleton, type FormatId } from '../../core';
import { cellValueText, inputEdits, quoted, type CellInput } from '../../core/edit';
import { cellEdit } from '../../core/fix/edits';
import { readCell } from '../../core/model/cells';
import type { CellKind } from '../../core/schema/nodes';
import { example, zeroReport } from '../helpers/report';

const SEED4 = example('reports/seed-004-shagou-2020.nianbao.yaml');

function edit(text: string, inputs: CellInput[], format: FormatId = '2019') {
  const report = loadReport(text);
  const r = inputEdits(report, format, inputs);
  return { ...r, text: applyEdits(text, r.edits) };
}

const at = (text: string, path: string) =>
  path.split('.').reduce<unknown>((cur, k) => (cur as Record<string, unknown> | undefined)?.[k], parse(text));

test('cell input: what each class of input becomes, by cell kind', () => {
  const cases: [CellKind, string, string, string][] = [
    // kind, input, YAML text, written as
    ['count', '12', '12', 'number'],
    ['count', ' 12 ', '12', 'number'],
    ['count', '０', '0', 'number'],
    ['count', '１２', '12', 'number'],
    ['count', '137次', '137', 'number'],
    ['count', '5 件', '5', 'number'],
    ['count', '1,234', '1234', 'number'],
    ['count', '007', '7', 'number'],
    ['count', '0 0', '"0 0"', 'text'],
    ['count', '00', '"00"', 'text'],
    ['count', '无', '"无"', 'text'],
    ['count', '/', '"/"', 'text'],
    ['count', '—', '"—"', 'text'],
    ['count', '不适用', '"不适用"', 'text'],
    ['count', '见附件', '"见附件"', 'text'],
    ['count', '-3', '"-3"', 'text'],
    ['count', '12.5', '"12.5"', 'text'],
    ['count', '1e5', '"1e5"', 'text'],
    ['count', '99999999999999999999', '"99999999999999999999"', 'text'],
    ['count', '', '~', 'blank'],
    ['count', ' \u3000 ', '~', 'blank'],
    ['count', 'a "quoted" \\ text', '"a \\"quoted\\" \\\\ text"', 'text'],
    ['signed', '-3', '-3', 'number'],
    ['signed', '−3', '-3', 'number'],
    ['signed', '+3', '3', 'number'],
    ['signed', '-3件', '-3', 'number'],
    ['signed', '1.5', '"1.5"', 'text'],
    ['money_wan', '12.5', '12.5', 'number'],
    ['money_wan', '3万元', '3', 'number'],
    ['money_wan', '500元', '0.05', 'number'],
    ['money_wan', '3件', '"3件"', 'text'],
    ['money_wan', '-1', '"-1"', 'text'],
    ['money_unit', '1066730.5元', '{value: 1066730.5, unit: 元}', 'number'],
    ['money_unit', '３万元', '{value: 3, unit: 万元}', 'number'],
    ['money_unit', '1066730.5', '1066730.5', 'number'],
    ['money_unit', '0', '0', 'number'],
    ['money_unit', '约10万', '"约10万"', 'text'],
  ];
  for (const [kind, input, text, as] of cases)
    assert.deepEqual(cellValueText(kind, input), { text, as }, `${kind} ${JSON.stringify(input)}`);
});

test('cell input: a number typed with a unit or full-width digits is what the preferred quick fix writes', () => {
  const cases: [string, string, FormatId][] = [
    ['active_disclosure.art20_9.central_procurement.items', '137次', '2019'],
    ['active_disclosure.art20_9.central_procurement.items', '１３７', '2019'],
    ['active_disclosure.art20_9.central_procurement.amount', '1066730.5元', '2019'],
    ['active_disclosure.art20_9.central_procurement.amount', '3.5万元', '2019'],
    ['active_disclosure.art20_5.licensing.delta', '-2件', '2019'],
    ['applications.granted.natural', '1,234', '2019'],
    ['applications.granted.natural', '12 件', '2019'],
    ['active_disclosure.art20_8.fees.amount_wan_yuan', '3万元', '2021'],
    ['active_disclosure.art20_8.fees.amount_wan_yuan', '500元', '2021'],
  ];
  for (const [path, input, format] of cases) {
    const base = format === '2019' ? SEED4 : zeroReport('2021');
    const report = loadReport(base);
    // The same input written as text, as a person might have typed it into the YAML.
    const textEdit = cellEdit(report, readCell(report, path.split('.'), 'count'), quoted(input).text)!;
    const asText = applyEdits(base, [textEdit]);
    const result = checkText(asText);
    const d = result.diagnostics.find((x) => x.data.path === path);
    assert.ok(d, `a finding on ${path} for ${input}`);
    const fix = fixesFor(result, d).find((f) => f.preferred);
    assert.ok(fix, `a preferred fix for ${input}`);
    const fixed = applyEdits(asText, fix.edits);
    const typed = edit(asText, [{ path, input }], format).text;
    assert.equal(typed, fixed, `${path} ${input}`);
  }
});

test('cell input: one edit per cell, only the value token; comments, order and layout kept', () => {
  const r = edit(SEED4, [
    { path: 'applications.granted.natural', input: '3' },
    { path: 'applications.partial.total', input: '0' },
    { path: 'applications.granted.commercial', input: '无' },
  ]);
  assert.equal(r.edits.length, 3);
  for (const e of r.edits) assert.ok(e.range.start.line === e.range.end.line, 'a value token on one line');
  const before = SEED4.split('\n');
  const after = r.text.split('\n');
  assert.equal(after.length, before.length);
  const changed = after.map((l, i) => (l === before[i] ? -1 : i)).filter((i) => i >= 0);
  assert.equal(changed.length, 2, 'two rows changed');
  const granted = after[changed[0]];
  assert.match(granted, /granted: +\{natural: 3, commercial: "无", research: null,/);
  assert.match(granted, /# 前 5 格原文空白$/);
  assert.equal(
    granted.replace('natural: 3', 'natural: null').replace('commercial: "无"', 'commercial: null'),
    before[changed[0]],
  );
  assert.equal(at(r.text, 'applications.granted.natural'), 3);
  assert.equal(at(r.text, 'applications.granted.commercial'), '无');
  assert.deepEqual(
    r.outcomes.map((o) => o.as),
    ['number', 'number', 'text'],
  );
});

test('cell input: an input that changes nothing makes no edit; the last input for a cell wins; blank writes ~', () => {
  const same = edit(SEED4, [{ path: 'applications.new_received.total', input: '2' }]);
  assert.deepEqual(same.edits, []);
  assert.deepEqual(same.outcomes, [{ path: 'applications.new_received.total', as: 'unchanged' }]);
  const twice = edit(SEED4, [
    { path: 'applications.new_received.total', input: '5' },
    { path: 'applications.new_received.total', input: '7' },
  ]);
  assert.equal(twice.edits.length, 1);
  assert.equal(at(twice.text, 'applications.new_received.total'), 7);
  const blank = edit(SEED4, [{ path: 'applications.new_received.total', input: '' }]);
  assert.equal(blank.edits[0].newText, '~');
  assert.equal(at(blank.text, 'applications.new_received.total'), null);
});

test('cell input: a paste of many cells is one batch of edits that parses back to the typed values', () => {
  const cols = ['natural', 'commercial', 'research', 'social', 'legal', 'other_org', 'total'];
  const inputs = cols.map((c, i) => ({ path: `applications.partial.${c}`, input: String(i) }));
  const r = edit(SEED4, inputs);
  assert.equal(r.edits.length, 7);
  assert.deepEqual(
    cols.map((c) => at(r.text, `applications.partial.${c}`)),
    [0, 1, 2, 3, 4, 5, 6],
  );
  assert.match(
    r.text,
    /partial: +\{natural: 0, commercial: 1, research: 2, social: 3, legal: 4, other_org: 5, total: 6\} +# 整行原文空白/,
  );
});

test('cell input: a money cell written as a map is replaced whole; a blank skeleton cell gets its value after the colon', () => {
  const r = edit(SEED4, [{ path: 'active_disclosure.art20_9.central_procurement.amount', input: '1066730.5元' }]);
  assert.match(r.text, /central_procurement: \{items: "137次", amount: \{value: 1066730.5, unit: 元\}\}/);
  const again = edit(r.text, [{ path: 'active_disclosure.art20_9.central_procurement.amount', input: '2万元' }]);
  assert.match(again.text, /amount: \{value: 2, unit: 万元\}\}/);
  const sk = skeleton({ format: '2021', year: 2022, organ: '某县人民政府', organKind: 'county_government' });
  const filled = edit(sk, [{ path: 'review_litigation.review.upheld', input: '4' }], '2021');
  assert.match(filled.text, /review: +\{upheld: 4, corrected: ~/);
});

test('cell input: keys the document lacks are inserted once, in the map’s own style', () => {
  const noTotal = SEED4.replace(
    'lit_direct:       {upheld: 0, corrected: 0, other: 0, pending: 0, total: 0}',
    'lit_direct: {upheld: 0}',
  );
  const r = edit(noTotal, [
    { path: 'review_litigation.lit_direct.corrected', input: '1' },
    { path: 'review_litigation.lit_direct.total', input: '1' },
  ]);
  assert.match(r.text, /lit_direct: \{upheld: 0, corrected: 1, total: 1\}/);
  const noRow = SEED4.replace(/^ {2}lit_after_review:.*\n/m, '');
  const row = edit(noRow, [
    { path: 'review_litigation.lit_after_review.upheld', input: '2' },
    { path: 'review_litigation.lit_after_review.total', input: '2' },
  ]);
  assert.match(row.text, /\n {2}lit_after_review: \{upheld: 2, total: 2\}\n/);
  assert.deepEqual(at(row.text, 'review_litigation.lit_after_review'), { upheld: 2, total: 2 });
  assert.deepEqual(
    row.outcomes.map((o) => o.as),
    ['number', 'number'],
  );
});

test('narrative input: a literal block under its key; the lines after it stay', () => {
  const sk = skeleton({ format: '2021', year: 2022, organ: '某县人民政府', organKind: 'county_government' });
  const r = edit(sk, [{ path: 'overview', input: '第一段。\n\n第二段：有冒号 # 和井号。' }], '2021');
  assert.equal(at(r.text, 'overview'), '第一段。\n\n第二段：有冒号 # 和井号。\n');
  assert.match(r.text, /overview: \|\n {2}第一段。\n\n {2}第二段：有冒号 # 和井号。\n\n# 二、主动公开政府信息情况\n/);
  const again = edit(r.text, [{ path: 'overview', input: '改写。' }], '2021');
  assert.match(again.text, /overview: \|\n {2}改写。\n\n# 二、/);
  const spaced = edit(sk, [{ path: 'problems', input: '  缩进开头。\n第二行' }], '2021');
  assert.equal(at(spaced.text, 'problems'), '  缩进开头。\n第二行\n');
  const cleared = edit(again.text, [{ path: 'overview', input: '' }], '2021');
  assert.equal(at(cleared.text, 'overview'), null);
  assert.match(cleared.text, /overview: ~\n\n# 二、/);
  const crlf = sk.replace(/\n/g, '\r\n');
  const c = edit(crlf, [{ path: 'overview', input: 'a\nb' }], '2021');
  assert.doesNotMatch(c.text.replace(/\r\n/g, ''), /\n/);
  assert.equal(at(c.text, 'overview'), 'a\nb\n');
});

test('meta input: strings, numbers, dates and enum values by the schema; a missing field inserted in the block', () => {
  const sk = skeleton({ format: '2021', year: 2022, organ: '', organKind: 'county_government' });
  const r = edit(
    sk,
    [
      { path: 'meta.title', input: '某县人民政府2022年政府信息公开工作年度报告' },
      { path: 'meta.organ', input: '某县: "人民"政府' },
      { path: 'meta.year', input: '2023' },
      { path: 'meta.organ_kind', input: 'township_government' },
      { path: 'meta.published_on', input: '2023-03-28' },
      { path: 'meta.contact.phone', input: '0123-4567' },
    ],
    '2021',
  );
  const meta = at(r.text, 'meta') as Record<string, unknown>;
  assert.equal(meta.title, '某县人民政府2022年政府信息公开工作年度报告');
  assert.equal(meta.organ, '某县: "人民"政府');
  assert.equal(meta.year, 2023);
  assert.equal(meta.organ_kind, 'township_government');
  assert.equal(meta.published_on, '2023-03-28');
  assert.deepEqual(meta.contact, { phone: '0123-4567' });
  assert.match(
    r.text,
    /\n {2}period: \{from: 2022-01-01, to: 2022-12-31\}\n {2}published_on: 2023-03-28\n {2}contact: \{phone: 0123-4567\}\n/,
  );
  const bad = edit(sk, [{ path: 'meta.year', input: '二〇二三' }], '2021');
  assert.equal(at(bad.text, 'meta.year'), '二〇二三', 'kept as text for the checker');
  assert.equal(edit(sk, [{ path: 'meta.title', input: '' }], '2021').edits.length, 0, '"" stays ""');
});

test('inputs to paths that take none are rejected, with no edit', () => {
  const r = edit(SEED4, [
    { path: 'applications', input: '1' },
    { path: 'applications.denied', input: '1' },
    { path: 'nonsense.x', input: '1' },
    { path: 'format', input: '2021' },
  ]);
  assert.deepEqual(r.edits, []);
  assert.deepEqual(
    r.outcomes.map((o) => o.as),
    ['rejected', 'rejected', 'rejected', 'rejected'],
  );
});
