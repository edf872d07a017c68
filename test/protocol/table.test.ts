/**
 * The table editor's requests against the real server: `nianbao/table` (the official layout
 * filled with the document's cells, findings on what they mark, computed sums) and
 * `nianbao/cellEdits` (inputs as minimal edits on the current version; applied, they change the
 * model and the diagnostics).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CellEditsRequest, TableRequest } from '../../protocol/requests';
import type { CellEditsResult, GridCell, TableModel } from '../../protocol/table';
import { example, TestClient, uriFor } from './client';

const SEED = example('reports/seed-004-shagou-2020.nianbao.yaml');
let client: TestClient;

before(async () => {
  client = await TestClient.start({ locale: 'zh-cn' });
});
after(async () => {
  await client.stop();
});

const table = (uri: string) => client.request<TableModel | null>(TableRequest.method, { uri });
const cellEdits = (uri: string, changes: { path: string; input: string }[]) =>
  client.request<CellEditsResult | null>(CellEditsRequest.method, { uri, version: client.version(uri), changes });
const cells = (m: TableModel): GridCell[] =>
  m.sections.flatMap((s) => s.tables.flatMap((t) => [...t.head, ...t.body].flat())).filter((c) => c.role === 'value');
const cellAt = (m: TableModel, path: string) => cells(m).find((c) => c.path === path)!;

test('nianbao/table: the official layout of seed 004 filled with its cells, labelled from the schema', async () => {
  const uri = uriFor('table-seed4.nianbao.yaml');
  await client.open(uri, SEED);
  const m = (await table(uri))!;
  assert.equal(m.version, 1);
  assert.equal(m.format, '2019');
  assert.equal(m.locale, 'zh-CN');
  assert.equal(m.title, '贵南县沙沟乡2020年度政府信息公开工作年度报告');
  assert.deepEqual(
    m.sections.map((s) => [s.key, s.narrative, s.tables.map((t) => t.layout)]),
    [
      ['overview', true, []],
      ['active_disclosure', false, ['stacked']],
      ['applications', false, ['matrix']],
      ['review_litigation', false, ['sideBySide']],
      ['problems', true, []],
      ['other_matters', true, []],
    ],
  );
  assert.match(m.sections[0].text, /^2020年，沙沟乡/);
  const items = cellAt(m, 'active_disclosure.art20_9.central_procurement.items');
  assert.deepEqual([items.state, items.text, items.edit, items.kind], ['text', '137次', '137次', 'count']);
  const blank = cellAt(m, 'applications.partial.natural');
  assert.deepEqual([blank.state, blank.text, blank.edit], ['blank', '', '']);
  assert.equal(cellAt(m, 'applications.granted.other_org').text, '2');
  assert.equal(
    cellAt(m, 'applications.denied.state_secret.commercial').label,
    '三、本年度办理结果 · （三）不予公开 · 1.属于国家秘密 · 法人或其他组织 · 商业企业',
  );
  assert.equal(cellAt(m, 'applications.total_processed.total').total, true);
  // The range of a value is where it is in the text (line of `granted:`).
  const granted = SEED.split('\n').findIndex((l) => /^\s*granted:/.test(l));
  assert.equal(cellAt(m, 'applications.granted.natural').range!.start.line, granted);
  assert.deepEqual(m.fields[0].fields.map((f) => f.path).slice(0, 6), [
    'meta.title',
    'meta.organ',
    'meta.organ_id',
    'meta.organ_kind',
    'meta.year',
    'meta.period.from',
  ]);
  const kind = m.fields[0].fields.find((f) => f.path === 'meta.organ_kind')!;
  assert.equal(kind.input, 'enum');
  assert.equal(kind.value, 'township_government');
  assert.ok(kind.options!.some((o) => o.value === 'township_government' && o.label === '乡（镇）人民政府'));
});

test('nianbao/table: findings on what they mark, the computed value of a wrong total, blank groups, sums', async () => {
  const uri = uriFor('table-findings.nianbao.yaml');
  await client.open(uri, SEED);
  const m = (await table(uri))!;
  const diags = await client.currentDiagnostics(uri);
  assert.equal(m.findings.length, diags.length, 'every published finding is in the model');
  assert.deepEqual(m.counts, {
    error: diags.filter((d) => d.severity === 1).length,
    warning: diags.filter((d) => d.severity === 2).length,
    info: diags.filter((d) => d.severity === 3).length,
  });
  const sumV = m.findings.find((f) => f.code === 'T3-SUM-V' && f.path === 'applications.total_processed.other_org')!;
  assert.deepEqual(sumV.marks, ['applications.total_processed.other_org']);
  assert.equal(sumV.computed, 2);
  assert.ok(sumV.involved.includes('applications.granted.other_org'));
  const group = m.findings.find((f) => f.code === 'T3-BLANK-GROUP')!;
  assert.ok(group.group && group.group.count === group.marks.length && group.marks.length >= 7);
  assert.ok(group.marks.every((p) => cellAt(m, p).state === 'blank'));
  const unit = m.findings.find((f) => f.path === 'active_disclosure.art20_9.central_procurement.items')!;
  assert.deepEqual(unit.marks, ['active_disclosure.art20_9.central_procurement.items']);
  const sum = m.sums.find((s) => s.path === 'applications.total_processed.other_org' && s.rule === 'T3-SUM-V')!;
  assert.deepEqual([sum.computed, sum.reported, sum.ok], [2, 0, false]);
  assert.ok(m.sums.some((s) => s.path === 'applications.new_received.total' && s.ok && s.computed === 2));
});

test('nianbao/cellEdits: a paste of many cells is one batch of minimal edits; applied, the model and marks follow', async () => {
  const uri = uriFor('table-edits.nianbao.yaml');
  await client.open(uri, SEED);
  const cols = ['natural', 'commercial', 'research', 'social', 'legal', 'other_org', 'total'];
  const r = (await cellEdits(
    uri,
    cols.map((c) => ({ path: `applications.partial.${c}`, input: '０' })),
  ))!;
  assert.equal(r.version, 1);
  assert.equal(r.edits.length, 7);
  assert.ok(r.edits.every((e) => e.newText === '0' && e.range.start.line === e.range.end.line));
  assert.deepEqual(new Set(r.outcomes.map((o) => o.as)), new Set(['number']));
  await client.edit(uri, r.edits);
  const m = (await table(uri))!;
  assert.equal(m.version, 2);
  assert.ok(cols.every((c) => cellAt(m, `applications.partial.${c}`).text === '0'));
  const lines = client.text(uri).split('\n');
  assert.match(lines.find((l) => /^\s*partial:/.test(l))!, /# 整行原文空白$/, 'the comment stays');
  // A unit typed into a count is written as the number; text stays text for the checker.
  const typed = (await cellEdits(uri, [
    { path: 'active_disclosure.art20_9.central_procurement.items', input: '137次' },
    { path: 'applications.granted.natural', input: '无' },
  ]))!;
  await client.edit(uri, typed.edits);
  const diags = await client.currentDiagnostics(uri);
  const m3 = (await table(uri))!;
  assert.equal(cellAt(m3, 'active_disclosure.art20_9.central_procurement.items').text, '137');
  assert.equal(cellAt(m3, 'applications.granted.natural').state, 'text');
  assert.ok(m3.findings.some((f) => f.marks.includes('applications.granted.natural')));
  assert.ok(!diags.some((d) => (d.data as { path?: string }).path === 'active_disclosure.art20_9.central_procurement.items'));
});

test('nianbao/cellEdits and nianbao/table: unknown documents and paths', async () => {
  assert.equal(await client.request(TableRequest.method, { uri: 'file:///nowhere.nianbao.yaml' }), null);
  assert.equal(
    await client.request(CellEditsRequest.method, { uri: 'file:///nowhere.nianbao.yaml', version: 1, changes: [] }),
    null,
  );
  const uri = uriFor('table-rejected.nianbao.yaml');
  await client.open(uri, SEED);
  const r = (await cellEdits(uri, [{ path: 'applications.denied', input: '1' }]))!;
  assert.deepEqual(r.edits, []);
  assert.deepEqual(r.outcomes, [{ path: 'applications.denied', as: 'rejected' }]);
});
