/**
 * Issue 10 regressions in the core's parse and model: CR-only line breaks, duplicate keys (the
 * message, the value and every lookup agree on the last one), full-width colons and no-break
 * spaces in keys, message arguments cut for display, linear time in the keys of a map, and
 * the guard on the number of values.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, fixAll, loadReport, locate } from '../../core';
import { render } from '../../core/messages/define';
import { messages as cellMessages } from '../../core/rules/cells/specs';
import { MAX_VALUES } from '../../core/parse/guards';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { codes, example, ROOT, setCell, zeroReport, loose } from '../helpers/report';

/** Findings with their data as plain records (the assertions read fields of several codes). */
const findings = (text: string, options?: Parameters<typeof checkText>[1]) => loose(checkText(text, options).diagnostics);

const toCR = (s: string) => s.replace(/\r?\n/g, '\r');

test('a CR-only file (classic Mac line breaks) is read as lines: the same findings as with LF, narratives and suppressions included', () => {
  const withSuppressions = example('reports/seed-004-shagou-2020.nianbao.yaml')
    .replace(/^(\s+)(total_processed:)/m, '$1# nianbao-disable-next-line T3-BAL T3-SUM-V\n$1$2')
    .replace(/^(\s+)(central_procurement:)/m, '$1# nianbao-disable-next-line T2-19-UNIT\n$1$2');
  const texts = [
    withSuppressions,
    ...readdirSync(join(ROOT, 'examples', 'reports'))
      .filter((n) => n.endsWith('.nianbao.yaml'))
      .map((n) => example(`reports/${n}`)),
  ];
  for (const lf of texts) {
    const a = findings(lf);
    const b = findings(toCR(lf));
    assert.ok(!b.some((d) => d.data.empty || d.code === 'YAML-SYNTAX'));
    assert.deepEqual(
      b.map((d) => [d.code, d.range, d.message.en]),
      a.map((d) => [d.code, d.range, d.message.en]),
    );
  }
  assert.ok(!findings(toCR(withSuppressions)).some((d) => /T3-BAL|T3-SUM-V|T2-19-UNIT/.test(d.code)));
  // Only a comment line first: the whole file used to be one comment, "empty".
  assert.deepEqual(codes(checkText('# nianbao\rformat: 2021\r').diagnostics).includes('STRUCT-SECTIONS'), true);
  assert.ok(!findings('# nianbao\rformat: 2021\r').some((d) => d.data.empty));
});

test('fixes on a CR-only file keep its CR line breaks', () => {
  const cr = toCR(example('reports/seed-004-shagou-2020.nianbao.yaml'));
  const fixed = fixAll(cr);
  assert.ok(fixed.applied.length > 0);
  assert.ok(!fixed.text.includes('\n'), 'no LF written into a CR file');
  assert.equal(fixed.text.split('\r').length, cr.split('\r').length);
  assert.equal(fixed.result.diagnostics.filter((d) => d.severity === 'error').length, 0);
});

test('a duplicate key: the message says the last one is used, and the value, the lookups and the sums all use it', () => {
  const t = zeroReport('2021');
  // 予以公开 written twice: first with 9 applications, then with none. The last one counts.
  const line = t.split('\n').find((l) => /^\s+granted:/.test(l))!;
  const first = setCell(setCell(line, 'granted', 'natural', 9), 'granted', 'total', 9);
  const text = t.replace(line, `${first}\n${line}`);
  const found = findings(text);
  const dup = found.filter((d) => d.code === 'YAML-DUPLICATE-KEY');
  assert.equal(dup.length, 1);
  const firstLine = text.split('\n').indexOf(first) + 1;
  assert.equal(dup[0].range.start.line + 1, firstLine + 1, 'underlines the later key');
  assert.equal(
    dup[0].message['zh-CN'],
    `重复的键“granted”（第 ${firstLine} 行已有）：检查使用最后一个（第 ${firstLine + 1} 行）的值，前面的被忽略`,
  );
  assert.match(dup[0].message.en, /the checker uses the last one/);
  // The sums agree with the value: no T3 error from the 9s of the ignored row.
  assert.deepEqual(
    found.filter((d) => d.code.startsWith('T3-')),
    [],
  );
  const report = loadReport(text);
  const value = (report.value as { applications: { granted: { natural: number } } }).applications.granted.natural;
  const node = locate(report, ['applications', 'granted', 'natural'])!.value as unknown as { value: number };
  assert.equal(value, 0);
  assert.equal(node.value, 0);
});

test('three occurrences: each later one is reported, all naming the last', () => {
  const found = findings('format: 2021\nmeta:\n  year: 2020\n  year: 2021\n  year: 2022\n');
  const dup = found.filter((d) => d.code === 'YAML-DUPLICATE-KEY');
  assert.deepEqual(
    dup.map((d) => d.range.start.line),
    [3, 4],
  );
  assert.ok(dup.every((d) => /（第 5 行）/.test(d.message['zh-CN'])));
});

test('a full-width colon after a key: a specific hint instead of "Nested mappings are not allowed"', () => {
  for (const [text, line] of [
    ['format: 2021\nmeta：\n  organ: 某县人民政府\n  year: 2022\n', 2],
    ['format: 2021\nmeta:\n  organ：某县人民政府\n  year: 2022\n', 3],
    ['format: 2021\nmeta:\n  organ: 某县人民政府\n  year：2022\n', 4],
    ['format: 2021\napplications:\n  new_received: {natural：0, total: 0}\n', 3],
  ] as const) {
    const found = findings(text);
    const hint = found.find((d) => d.data.hint === 'fullwidth-colon');
    assert.ok(hint, text);
    assert.equal(hint.code, 'YAML-SYNTAX');
    assert.match(hint.message['zh-CN'], new RegExp(`^第${line}行的键后用了全角冒号“：”，应为半角“: ”`));
    assert.equal(text.slice(hint.span.start, hint.span.end), '：');
    assert.ok(!found.some((d) => /Nested mappings|Implicit keys need/.test(d.message.en)), 'the library message is replaced');
  }
});

test('a no-break or ideographic space that breaks a key: a specific hint', () => {
  const nbsp = findings('format: 2021\nmeta:\u00a0\n  organ: x\n').find((d) => d.data.hint === 'nbsp');
  assert.ok(nbsp);
  assert.match(nbsp.message['zh-CN'], /^第2行的键中有不间断空格（U\+00A0）/);
  const ideo = findings('format: 2021\nmeta:\n\u3000\u3000organ: x\n').find((d) => d.data.hint === 'ideographic-space');
  assert.ok(ideo);
  assert.match(ideo.message.en, /^Line 3: an ideographic space \(U\+3000\)/);
  // A no-break space inside a value is content, not an error.
  assert.ok(!findings('format: 2021\nmeta:\n  organ: 某县\u00a0人民政府\n').some((d) => d.data.hint));
});

test('a 1 MB cell is cut for display in the message (160 characters, …, and its length)', () => {
  const cell = '一'.repeat(1_000_000);
  const text = setCell(zeroReport('2021'), 'granted', 'natural', `"${cell}"`);
  const d = findings(text).find((x) => x.message['zh-CN'].includes('一一一'))!;
  assert.ok(d.message['zh-CN'].length < 400, `message of ${d.message['zh-CN'].length} characters`);
  assert.match(d.message['zh-CN'], /…（共 1000000 字）/);
  assert.match(d.message.en, /… \(1000000 characters\)/);
  // Short arguments are untouched; a cut never splits a surrogate pair.
  assert.equal(render(cellMessages.zeroText, { text: '0 0' })['zh-CN'], '将“0 0”改为 0');
  const astral = render(cellMessages.zeroText, { text: '𠀀'.repeat(200) })['zh-CN'];
  assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(astral));
});

test('checking is linear in the keys of one map (20,000 unknown keys took 17 s)', () => {
  const keys = (n: number) => `format: 2021\nmeta:\n${Array.from({ length: n }, (_, i) => `  k${i}: 1`).join('\n')}\n`;
  checkText(keys(100));
  const t0 = performance.now();
  const found = findings(keys(20_000));
  const ms = performance.now() - t0;
  assert.equal(found.filter((d) => d.code === 'SCHEMA-UNKNOWN').length, 20_000);
  assert.ok(ms < 5_000, `20,000 keys took ${ms.toFixed(0)} ms`);
  // Duplicates among them are found in the same pass.
  const dup = findings(`${keys(20_000)}  k7: 2\n`).filter((d) => d.code === 'YAML-DUPLICATE-KEY');
  assert.equal(dup.length, 1);
});

test('more values than MAX_VALUES (a 500,000-item flow sequence): YAML-TOO-LARGE before the parser runs', () => {
  const text = `format: 2021\nx: [${Array(MAX_VALUES + 10)
    .fill('1')
    .join(',')}]\n`;
  const t0 = performance.now();
  const [d] = findings(text);
  assert.equal(d.code, 'YAML-TOO-LARGE');
  assert.equal(d.data.values, MAX_VALUES + 1);
  assert.ok(performance.now() - t0 < 2_000);
  // 100,000 keys in one map are below it.
  const many = `format: 2021\nmeta:\n${Array.from({ length: 100_000 }, (_, i) => `  k${i}: 1`).join('\n')}\n`;
  assert.notEqual(findings(many)[0].code, 'YAML-TOO-LARGE');
});
