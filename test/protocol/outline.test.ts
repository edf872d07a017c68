/**
 * Document symbols, folding ranges, inlay hints and code lens report what the document holds;
 * the custom requests nianbao/skeleton and nianbao/status.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol, InlayHint } from 'vscode-languageserver-protocol';
import { checkText, loadReport, skeleton } from '../../core';
import { fillProgress } from '../../core/form/progress';
import { sectionsOf, tablesOf } from '../../core/schema/tables';
import { COMMANDS } from '../../protocol/commands';
import { SkeletonRequest, StatusRequest } from '../../protocol/requests';
import { example, positionOnLine, TestClient, uriFor } from './client';

const SEED = example('reports/seed-004-shagou-2020.nianbao.yaml');
const URI = uriFor('outline-seed-004.nianbao.yaml');
let client: TestClient;

before(async () => {
  client = await TestClient.start({ locale: 'zh-cn' });
  await client.open(URI, SEED);
  await client.currentDiagnostics(URI);
});
after(async () => {
  await client.stop();
});

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

test('document symbols: sections with their Chinese titles, tables, row groups and rows, hierarchical', async () => {
  const symbols = await client.symbols(URI);
  assert.deepEqual(
    symbols.map((s) => s.detail),
    ['format', 'meta', 'overview', 'active_disclosure', 'applications', 'review_litigation', 'problems', 'other_matters'],
  );
  const titles = new Map(sectionsOf('2019').map((s) => [s.key, s.title]));
  for (const s of symbols) if (titles.has(s.detail!)) assert.equal(s.name, titles.get(s.detail!));
  assert.equal(symbols.find((s) => s.detail === 'meta')!.name, '基本信息');
  const t3 = symbols.find((s) => s.detail === 'applications')!;
  assert.equal(t3.name, '三、收到和处理政府信息公开申请情况');
  assert.equal(t3.range.start.line, lineOf(SEED, 'applications:'));
  assert.equal(t3.range.end.line, lineOf(SEED, 'carry_forward:'));
  const denied = t3.children!.find((c) => c.detail === 'denied')!;
  assert.equal(denied.name, '（三）不予公开');
  assert.equal(denied.children!.length, 8);
  assert.equal(denied.children![2].name, '3.危及“三安全一稳定”');
  assert.deepEqual(denied.children![2].children, [], 'cells are not symbols');
  // Every leaf row of the document is a symbol (19 rows in this 2019 table 3).
  const leaves = (s: DocumentSymbol): DocumentSymbol[] => (s.children?.length ? s.children.flatMap(leaves) : [s]);
  assert.equal(leaves(t3).length, tablesOf('2019').find((t) => t.key === 'applications')!.rows.length);
  const art20_9 = symbols.find((s) => s.detail === 'active_disclosure')!.children!.find((c) => c.detail === 'art20_9')!;
  assert.equal(art20_9.name, '第二十条第（九）项');
  assert.equal(art20_9.children![0].name, '政府集中采购');
});

test('folding ranges: every multi-line map and block scalar, and comment blocks', async () => {
  const ranges = await client.folding(URI);
  const has = (start: string, end: string) =>
    ranges.some((r) => r.startLine === lineOf(SEED, start) && r.endLine === lineOf(SEED, end));
  assert.ok(has('meta:', 'period:'), 'meta');
  assert.ok(has('overview: |', '一是明确工作职责'), 'overview block scalar');
  assert.ok(has('active_disclosure:', 'central_procurement:'), 'table 2');
  assert.ok(has('applications:', 'carry_forward:'), 'table 3');
  assert.ok(has('  denied:', 'admin_query:'), '（三）');
  assert.ok(has('  unable:', 'unclear_after_correction:'), '（四）');
  assert.ok(has('review_litigation:', 'lit_after_review:'), 'table 4');
  assert.ok(has('problems: |', '三是注意收集新情况'), 'problems');
  const header = SEED.split('\n').findIndex((l) => !l.startsWith('#')) - 1;
  assert.ok(
    ranges.some((r) => r.kind === 'comment' && r.startLine === 0 && r.endLine === header),
    'the header comment',
  );
  // Single-line flow rows do not fold.
  assert.ok(!ranges.some((r) => r.startLine === lineOf(SEED, 'new_received:')));
});

/** Row totals at the start of wide rows are kind Type (1); the sums and column names kind Parameter (2). */
const sumsAndNames = (hints: InlayHint[]) => hints.filter((h) => h.kind !== 1);

test('inlay hints (default `mismatch`): the computed sum beside each total that disagrees', async () => {
  const all = await client.inlayHints(URI);
  const hints = sumsAndNames(all);
  // A wide 表三 row shows its total at its start: the 总计 at the far right is off-screen.
  const wide = all.filter((h) => h.kind === 1);
  const granted = lineOf(SEED, 'granted:');
  const grantedHint = wide.find((h) => h.position.line === granted);
  assert.ok(grantedHint, 'the granted row is wide');
  assert.match(String(grantedHint.label), /^总计 \d+ ▸$/);
  assert.equal(grantedHint.position.character, SEED.split('\n')[granted].indexOf('{'));
  const label = (h: InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
  assert.deepEqual(hints.map(label), ['列和 ≥2', '列和 ≥2'], 'each column also has a blank cell');
  const line = lineOf(SEED, 'total_processed:');
  const text = SEED.split('\n')[line];
  assert.deepEqual(
    hints.map((h) => h.position),
    [
      { line, character: text.indexOf('other_org: 0') + 'other_org: 0'.length },
      { line, character: text.indexOf('total: 0') + 'total: 0'.length },
    ],
  );
  assert.match(String(hints[0].tooltip), /（七）总计·其他 为 0/);
  // Only what the range asks for.
  assert.deepEqual(await client.inlayHints(URI, { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } }), []);
});

test('inlay hints: `always` shows every total, `off` none; column names before each flow-map value', async () => {
  await client.updateSettings({ inlayHints: { sums: 'always', columnNames: true } });
  await client.waitForDiagnostics(URI, (p) => p.version === client.version(URI) && client.published.get(URI)!.length >= 2);
  const hints = sumsAndNames(await client.inlayHints(URI));
  const label = (h: InlayHint) => String(h.label);
  const sums = hints.filter((h) => /和/.test(label(h)));
  // One per row total (every row of tables 3 and 4) and one per table-3 column (7).
  const rows = (key: string) => tablesOf('2019').find((t) => t.key === key)!.rows;
  assert.equal(
    sums.length,
    rows('applications').length + rows('review_litigation').length + rows('applications')[0].columns.length,
    sums.map(label).join(' '),
  );
  assert.ok(sums.some((h) => label(h) === '列和 ≥2 ✗'));
  assert.ok(sums.some((h) => label(h) === '行和 2 ✓'));
  const names = hints.filter((h) => !/和/.test(label(h)));
  // Every `row: {col: v, …}` line of the tables (meta's `period: {from, to}` is not a table row).
  const cells = SEED.split('\n')
    .filter((l) => /^\s+\w+:\s+\{/.test(l) && !l.includes('period:'))
    .reduce((n, l) => n + (l.match(/\w+:/g)!.length - 1), 0);
  assert.equal(names.length, cells, 'one name per flow-map cell');
  const review = positionOnLine(SEED, 'review:', '0');
  assert.equal(
    label(names.find((h) => h.position.line === review.line && h.position.character === review.character)!),
    '结果维持',
  );
  const granted = positionOnLine(SEED, 'granted:', 'null');
  assert.equal(
    label(names.find((h) => h.position.line === granted.line && h.position.character === granted.character)!),
    '自然人',
  );

  await client.updateSettings({ inlayHints: { sums: 'off', columnNames: false } });
  await client.waitForDiagnostics(URI, (p) => p.version === client.version(URI) && client.published.get(URI)!.length >= 3);
  assert.deepEqual(await client.inlayHints(URI), []);
  await client.updateSettings({});
  await client.waitForDiagnostics(URI, (p) => p.version === client.version(URI) && client.published.get(URI)!.length >= 4);
});

test('code lens above each table: 勾稽 ✓ or ✗ n (runs nothing), and a fix named for what it does when there is something to fix', async () => {
  const lenses = await client.codeLenses(URI);
  const tables = [lineOf(SEED, 'active_disclosure:'), lineOf(SEED, 'applications:'), lineOf(SEED, 'review_litigation:')];
  assert.deepEqual(
    lenses.map((l) => `${l.range.start.line} ${l.command!.title}`),
    [
      `${tables[0]} 勾稽 ✓`,
      `${tables[0]} 修复表二的 2 处问题（可撤销）`,
      `${tables[1]} 勾稽 ✗ 4`,
      `${tables[1]} 修复表三的 10 处问题（可撤销）`,
      `${tables[2]} 勾稽 ✓`,
    ],
  );
  // The count lenses run nothing; the fix lenses name what they do.
  assert.deepEqual(
    lenses.filter((l) => l.command!.title.startsWith('勾稽')).map((l) => l.command!.command),
    ['', '', ''],
  );
  assert.deepEqual(lenses[3].command!.arguments, [URI, 'applications']);
  assert.equal(lenses[3].command!.command, COMMANDS.fixAll);

  // Running the lens's command fixes table 3 only, as one labelled edit.
  const uri = uriFor('lens.nianbao.yaml');
  await client.open(uri, SEED);
  await client.currentDiagnostics(uri);
  const lens = (await client.codeLenses(uri))[3];
  const res = await client.executeCommand<{ applied: boolean }>(lens.command!.command, lens.command!.arguments!);
  assert.equal(res.applied, true);
  assert.equal(client.applyEditRequests[client.applyEditRequests.length - 1].label, '修复表三的勾稽错误');
  const diags = await client.currentDiagnostics(uri);
  assert.ok(!diags.some((d) => String(d.code).startsWith('T3-')), diags.map((d) => d.code).join());
  assert.ok(diags.some((d) => d.code === 'T2-19-UNIT'));
  assert.deepEqual(
    (await client.codeLenses(uri)).map((l) => l.command!.title),
    ['勾稽 ✓', '修复表二的 2 处问题（可撤销）', '勾稽 ✓', '勾稽 ✓'],
  );
  await client.close(uri);
});

test('nianbao/skeleton returns the core skeleton; nianbao/status the format and counts', async () => {
  const text = await client.request<string>(SkeletonRequest.method, {
    format: '2021',
    year: 2023,
    organ: '某某县人民政府',
    organKind: 'county_government',
  });
  assert.equal(text, skeleton({ format: '2021', year: 2023, organ: '某某县人民政府', organKind: 'county_government' }));
  assert.match(text, /organ_kind: county_government/);
  assert.equal(await client.request<string>(SkeletonRequest.method, { format: '2019' }), skeleton({ format: '2019' }));
  await assert.rejects(client.request(SkeletonRequest.method, { format: '1999' }));

  const status = await client.request<Record<string, unknown>>(StatusRequest.method, { uri: URI });
  const core = checkText(SEED).diagnostics;
  assert.deepEqual(status, {
    uri: URI,
    version: client.version(URI),
    format: '2019',
    declaredFormat: '2019',
    errors: core.filter((d) => d.severity === 'error').length,
    warnings: core.filter((d) => d.severity === 'warning').length,
    infos: core.filter((d) => d.severity === 'info').length,
    progress: fillProgress(loadReport(SEED), '2019'),
  });
  // A form being filled: how many cells of each table hold a value (the seed leaves 12 of 表三 blank).
  assert.deepEqual(
    (status.progress as { name: { 'zh-CN': string; en: string }; filled: number; total: number }[]).map(
      (p) => `${p.name['zh-CN']} ${p.name.en} ${p.filled}/${p.total}`,
    ),
    ['表二 Table 2 22/22', '表三 Table 3 149/161', '表四 Table 4 15/15'],
  );
  assert.equal(await client.request(StatusRequest.method, { uri: uriFor('not-open.nianbao.yaml') }), null);
});
