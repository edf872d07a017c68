/**
 * Every fix failure issue 10 lists, as it was seen (test/helpers/fuzz-known.ts builds the
 * texts): what fix-all and the quick fixes must do now. The general properties (ranges, no
 * duplicate or no-op fixes, idempotence, comments) run on the same texts in
 * test/unit/fuzz-fixtures.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, checkText, fixAll, fixesFor, type CheckResult } from '../../core';
import { grantedNatural, LOST_COLON_ROWS, reviewRow } from '../helpers/fuzz-known';
import { loadExamples } from '../helpers/fuzz';
import { codes, ROOT, setCell, zeroReport } from '../helpers/report';

const examples = loadExamples(ROOT);
const errors = (r: CheckResult) => r.diagnostics.filter((d) => d.severity === 'error');
const allFixes = (r: CheckResult) => r.diagnostics.flatMap((d) => fixesFor(r, d).map((f) => ({ d, f })));
const reviewLine = (t: string) => t.split(/\r?\n/).find((l) => /^\s+review:/.test(l));

test('clean-2019 with 71 for 17: fix-all rewrites no total; the cell is offered as a suggestion', () => {
  const t = grantedNatural(examples, '71');
  const before = checkText(t);
  assert.deepEqual(codes(errors(before)), ['T3-SUM-H', 'T3-SUM-V'], 'row (一) and column 自然人 fail, T3-BAL holds');
  const fixed = fixAll(t);
  assert.equal(fixed.text, t, 'the totals 23, 40 and 53 stay');
  assert.deepEqual(fixed.applied, []);
  const offered = allFixes(before);
  assert.ok(offered.length > 0);
  for (const { f } of offered) {
    assert.equal(f.title['zh-CN'], '（一）予以公开·自然人 可能应为 17：行合计与列合计都差 54');
    assert.equal(f.preferred, false);
    assert.equal(f.kind, 'suspect');
    assert.deepEqual(errors(checkText(applyEdits(t, f.edits))), []);
  }
});

test('a key that lost its colon: the fill goes after that key, never into the neighbouring cell', () => {
  const t = reviewRow(examples, LOST_COLON_ROWS[0]);
  const fixed = fixAll(t);
  assert.deepEqual(
    fixed.applied.map((a) => a.title['zh-CN']),
    ['将空白的行政复议·结果纠正 填为 1'],
  );
  assert.equal(reviewLine(fixed.text), '  review: {upheld: 5, corrected: 1, other: 2, pending: 1, total: 9}');
  assert.deepEqual(errors(fixed.result), []);
});

test('lost-colon variants: fix-all ends, writes one number per cell, never "0 0", and a second run changes nothing', () => {
  for (const row of LOST_COLON_ROWS) {
    const t = reviewRow(examples, row);
    const fixed = fixAll(t);
    const line = reviewLine(fixed.text)!;
    assert.doesNotMatch(line, /: *-?\d+ +\d/, `${row} → ${line}`);
    assert.ok(fixed.applied.length <= 5, `${row}: ${fixed.applied.length} fixes for a row of 5 cells`);
    assert.ok(errors(fixed.result).length <= errors(checkText(t)).length, row);
    assert.equal(fixAll(fixed.text).text, fixed.text, row);
  }
});

test('fractions: no fix writes one; a fractional count is not summed into a total, a fractional total is replaced', () => {
  // 167.5 in a cell: the cell is the finding; neither total is rewritten to x.5.
  const cell = grantedNatural(examples, '167.5');
  const r = checkText(cell);
  assert.ok(codes(r.diagnostics).includes('T3-NONNEG'));
  for (const { f } of allFixes(r)) for (const e of f.edits) assert.match(e.newText, /^(: | )?\d+$/, f.title['zh-CN']);
  assert.deepEqual(fixAll(cell).applied, []);
  // 207.5 in the row total (the column total 53 corroborates 23): the total is set to its row's sum.
  const total = examples.get('clean-2019.nianbao.yaml')!.replace('other_org: 1, total: 23}', 'other_org: 1, total: 207.5}');
  const fixed = fixAll(total);
  assert.deepEqual(
    fixed.applied.map((a) => a.title['zh-CN']),
    ['将（一）予以公开·总计 改为 23'],
  );
  assert.equal(fixed.text, examples.get('clean-2019.nianbao.yaml'));
});

test('above 2^53: no verdict on an inexact sum, and no fix writes an unsafe integer', () => {
  const cases = [
    grantedNatural(examples, '9007199254740993'),
    grantedNatural(examples, '9007199254740990'),
    grantedNatural(examples, '9007199254740990').replace('commercial: 3, research: 1', 'commercial: 30, research: 1'),
  ];
  for (const t of cases) {
    const r = checkText(t);
    for (const { f } of allFixes(r))
      for (const e of f.edits) assert.ok(Number.isSafeInteger(Number(e.newText.replace(/^:? /, ''))), f.title['zh-CN']);
    const fixed = fixAll(t);
    assert.equal(fixed.text, t, 'nothing is repaired from a sum that cannot be added exactly');
    // Row (一) cannot be added exactly: it is not judged (no false "sum is …" with a rounded number).
    assert.ok(!r.diagnostics.some((d) => d.code === 'T3-SUM-H' && d.data.path === 'applications.granted.total'));
  }
});

test('the same fix is offered once: a repair that is also the suspect cell is not repeated as a suggestion', () => {
  const t = setCell(zeroReport('2019'), 'enforcement_file', 'total', 1);
  const r = checkText(t);
  assert.deepEqual(codes(errors(r)), ['T3-SUM-H', 'T3-SUM-V']);
  for (const d of errors(r)) {
    const fixes = fixesFor(r, d);
    assert.deepEqual(
      fixes.map((f) => [f.title['zh-CN'], f.preferred]),
      [['将7.属于行政执法案卷·总计 改为 0', true]],
      d.code,
    );
  }
  const fixed = fixAll(t);
  assert.equal(fixed.applied.length, 1, 'one edit, reported once');
  assert.deepEqual(errors(fixed.result), []);
});

test('fix-all reports each edit once, in the round it made it; replaying the rounds gives its text', () => {
  const t = examples.get('seed-004-shagou-2020.nianbao.yaml')!;
  const fixed = fixAll(t);
  assert.ok(new Set(fixed.applied.map((a) => a.round)).size > 1, 'seed 004 takes more than one round');
  let text = t;
  for (const round of [...new Set(fixed.applied.map((a) => a.round))]) {
    const edits = fixed.applied.filter((a) => a.round === round).flatMap((a) => a.edits);
    const keys = edits.map((e) => `${e.span.start}:${e.newText}`);
    assert.equal(new Set(keys).size, keys.length, `round ${round}: no edit twice`);
    for (const e of edits) assert.notEqual(text.slice(e.span.start, e.span.end), e.newText, 'no edit that changes nothing');
    text = applyEdits(text, edits);
  }
  assert.equal(text, fixed.text);
});

test('CRLF: every range ends inside its line, the CR excluded', () => {
  for (const [name, lf] of examples) {
    const t = lf.replace(/\n/g, '\r\n');
    const lines = t.split('\r\n');
    const r = checkText(t);
    for (const d of [...r.diagnostics, ...r.suppressed.map((s) => s.diagnostic)])
      for (const p of [d.range.start, d.range.end])
        assert.ok(p.character <= lines[p.line].length, `${name} ${d.code} at ${p.line}:${p.character}`);
  }
  // A blank cell last on its line is underlined on its key, not past the line end.
  const t = reviewRow(examples, '{upheld: 2, corrected: 1, other: 0, pending: 1, total:}').replace(/\n/g, '\r\n');
  const d = checkText(t).diagnostics.find((x) => x.data.path === 'review_litigation.review.total')!;
  assert.ok(d, 'the blank total is reported');
  assert.ok(d.range.end.character <= t.split('\r\n')[d.range.end.line].length);
});

test('a blank cell behind an anchor or a tag is filled after a space, once: no endless `&a0000…`', () => {
  const seed = examples.get('seed-004-shagou-2020.nianbao.yaml')!;
  const row = /(third_party: +\{natural: 0, commercial: 0, research: 0, social: )0/;
  assert.match(seed, row);
  for (const [props, want] of [
    ['&：0', 'social: &：0 0,'],
    ['&a', 'social: &a 0,'],
    ['!!int', 'social: !!int 0,'],
  ]) {
    const t = seed.replace(row, `$1${props}`);
    const fixed = fixAll(t);
    const fills = fixed.applied.filter((a) => a.title['zh-CN'] === '将空白的4.保护第三方合法权益·社会公益组织 填为 0');
    assert.equal(fills.length, 1, `${props}: filled once`);
    assert.ok(fixed.text.includes(want), `${props}: ${fixed.text.split('\n').find((l) => l.includes('third_party:'))}`);
    assert.equal(fixAll(fixed.text).text, fixed.text, `${props}: a second run changes nothing`);
  }
});

test('a blank group whose every cell the sums pin gets one fill, not the same edits under two titles', () => {
  // seed 004 with row (一) blanked too: rows (一) and (二) are blank, and the sums pin all 7 cells.
  const seed = examples.get('seed-004-shagou-2020.nianbao.yaml')!;
  const t = seed.replace(
    /^(\s+granted:\s+)\{[^}\n]*\}/m,
    '$1{natural: , commercial: , research: , social: , legal: , other_org: , total: }',
  );
  const r = checkText(t);
  for (const d of r.diagnostics.filter((x) => x.code === 'T3-BLANK-GROUP')) {
    const fixes = fixesFor(r, d);
    const keys = fixes.map((f) => JSON.stringify(f.edits.map((e) => [e.span.start, e.newText])));
    assert.equal(new Set(keys).size, keys.length, fixes.map((f) => f.title['zh-CN']).join(' | '));
  }
});
