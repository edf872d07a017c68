/** Quick fixes and fix-all: minimal edits that keep comments and layout. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, checkText, fixAll, fixesFor } from '../../core';
import { codes, example, ROOT, setCell, zeroReport } from '../helpers/report';

/** Changed lines as a small unified-style diff (the files keep their line count). */
function lineDiff(a: string, b: string): string {
  const A = a.split('\n');
  const B = b.split('\n');
  assert.equal(A.length, B.length, 'fixes never add or remove lines');
  return `${A.flatMap((l, i) => (l === B[i] ? [] : [`@@ ${i + 1}`, `- ${l}`, `+ ${B[i]}`])).join('\n')}\n`;
}

const numbersOnly = (a: string, b: string) =>
  a.replace(/\{value: [\d.]+, unit: 万?元\}|"[^"]*"|-?\d+(\.\d+)?|null|~/g, 'N') ===
  b.replace(/\{value: [\d.]+, unit: 万?元\}|"[^"]*"|-?\d+(\.\d+)?|null|~/g, 'N');

test('fix-all on seed 004 leaves no T3 error; the golden diff shows only changed numbers', () => {
  const before = example('reports/seed-004-shagou-2020.nianbao.yaml');
  const { text, applied, result } = fixAll(before);
  assert.deepEqual(
    codes(result.diagnostics).filter((c) => c.startsWith('T3') && c !== 'T3-COMPLETE'),
    [],
  );
  assert.equal(result.diagnostics.filter((d) => d.severity === 'error').length, 0);
  assert.ok(applied.length > 0);
  const diff = lineDiff(before, text);
  const golden = join(ROOT, 'examples/reports/seed-004-shagou-2020.fix.diff');
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) writeFileSync(golden, diff);
  assert.equal(diff, readFileSync(golden, 'utf8'));
  const A = before.split('\n');
  const B = text.split('\n');
  A.forEach((l, i) => {
    assert.ok(numbersOnly(l, B[i]), `line ${i + 1} changed more than numbers:\n${l}\n${B[i]}`);
  });
  assert.equal(before.match(/#/g)?.length, text.match(/#/g)?.length, 'comments kept');
});

test('fix-all is idempotent and leaves clean reports untouched', () => {
  const once = fixAll(example('reports/seed-004-shagou-2020.nianbao.yaml')).text;
  assert.equal(fixAll(once).applied.length, 0);
  const clean = example('reports/clean-2021.nianbao.yaml');
  assert.equal(fixAll(clean).text, clean);
});

test('sum fix: preferred, titled with the number, edits only the total token', () => {
  let t = setCell(zeroReport('2021'), 'review', 'upheld', 2);
  t = setCell(t, 'review', 'corrected', 1);
  const result = checkText(t);
  const d = result.diagnostics.find((x) => x.code === 'T4-SUM')!;
  const [fix] = fixesFor(result, d);
  assert.equal(fix.preferred, true);
  assert.equal(fix.title['zh-CN'], '将行政复议·总计 改为 3');
  assert.equal(fix.edits.length, 1);
  assert.equal(t.slice(fix.edits[0].span.start, fix.edits[0].span.end), '0');
  assert.deepEqual(codes(checkText(applyEdits(t, fix.edits)).diagnostics), []);
});

test('fill fix writes the pinned value into an empty cell, adding a space after the colon', () => {
  const t = setCell(zeroReport('2019'), 'partial', 'natural', '');
  const result = checkText(t);
  const d = result.diagnostics.find((x) => x.code === 'T3-COMPLETE')!;
  const [fix] = fixesFor(result, d);
  const fixed = applyEdits(t, fix.edits);
  assert.match(fixed, /partial:\s*\{natural: 0, commercial: 0/);
  assert.deepEqual(codes(checkText(fixed).diagnostics), []);
});

test('T3-BAL: a cell both failing relations run through is a suggestion, never applied by fix-all', () => {
  // 结转下年度 wrong in both its cells: setting either alone would break the row total.
  let t = setCell(zeroReport('2021'), 'new_received', 'natural', 3);
  t = setCell(t, 'new_received', 'total', 3);
  t = setCell(t, 'granted', 'natural', 2);
  t = setCell(t, 'granted', 'total', 2);
  t = setCell(t, 'total_processed', 'natural', 2);
  t = setCell(t, 'total_processed', 'total', 2);
  let result = checkText(t);
  const bal = result.diagnostics.filter((d) => d.code === 'T3-BAL');
  assert.equal(bal.length, 2);
  assert.deepEqual(
    bal.map((d) => fixesFor(result, d).length),
    [0, 0],
  );
  // With the total already 1, the balance of 自然人 and the row total of 结转 both miss 1, and
  // both run through 结转·自然人: it is the likely culprit, offered as a suggestion only.
  t = setCell(t, 'carry_forward', 'total', 1);
  result = checkText(t);
  const [d] = result.diagnostics.filter((x) => x.code === 'T3-BAL');
  const fixes = fixesFor(result, d);
  assert.deepEqual(
    fixes.map((f) => [f.title['zh-CN'], f.preferred, f.kind]),
    [['四、结转下年度继续办理·自然人 可能应为 1：行合计与本列勾稽关系都差 1', false, 'suspect']],
  );
  assert.deepEqual(codes(checkText(applyEdits(t, fixes[0].edits)).diagnostics), []);
  assert.equal(fixAll(t).applied.length, 0);
  // From the first state no single edit is right (新收 or 结转 could be wrong): fix-all must not guess.
  const ambiguous = setCell(t, 'carry_forward', 'total', 0);
  assert.deepEqual(fixAll(ambiguous).applied.length, 0);
  assert.deepEqual(codes(fixAll(ambiguous).result.diagnostics), ['T3-BAL', 'T3-BAL']);
});

test('unit fixes: 137次 → 137, 1066730.5元 → {value, unit}, bare amount → both units offered', () => {
  let t = setCell(zeroReport('2019'), 'central_procurement', 'items', '"137次"');
  t = setCell(t, 'central_procurement', 'amount', '"1066730.5元"');
  const result = checkText(t);
  const titles = result.diagnostics
    .filter((d) => d.code === 'T2-19-UNIT')
    .map((d) => fixesFor(result, d).map((f) => f.title['zh-CN']));
  assert.deepEqual(titles, [['改为 137'], ['改为 {value: 1066730.5, unit: 元}']]);
  assert.deepEqual(codes(fixAll(t).result.diagnostics), []);
  const bare = setCell(zeroReport('2019'), 'central_procurement', 'amount', '35000');
  const r2 = checkText(bare);
  const fixes = fixesFor(r2, r2.diagnostics[0]);
  assert.deepEqual(
    fixes.map((f) => [f.edits[0].newText, f.preferred]),
    [
      ['{value: 35000, unit: 元}', false],
      ['{value: 35000, unit: 万元}', false],
    ],
  );
  assert.equal(fixAll(bare).applied.length, 0, 'an ambiguous unit is never chosen automatically');
});

test('2021 fee: "12000元" → 1.2 (万元); "3.5万元" → 3.5', () => {
  for (const [cell, want] of [
    ['"12000元"', '1.2'],
    ['"3.5万元"', '3.5'],
  ]) {
    const t = setCell(zeroReport('2021'), 'fees', 'amount_wan_yuan', cell);
    const fixed = fixAll(t);
    assert.match(fixed.text, new RegExp(`amount_wan_yuan: ${want.replace('.', '\\.')}\\}`));
    assert.deepEqual(codes(fixed.result.diagnostics), []);
  }
});

test('"0 0" and "00" → 0 is offered, never applied by fix-all', () => {
  const t = setCell(zeroReport('2019'), 'review', 'upheld', '"0 0"');
  const result = checkText(t);
  const fixes = fixesFor(result, result.diagnostics[0]);
  assert.deepEqual(
    fixes.map((f) => [f.edits[0].newText, f.preferred]),
    [['0', false]],
  );
  assert.equal(fixAll(t).applied.length, 0);
});
