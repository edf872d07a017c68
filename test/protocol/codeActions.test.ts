/**
 * Code actions: the core's quick fixes tied to their diagnostics and pinned to the document
 * version; fix-all as minimal edits that keep every comment; the suppression comment;
 * executeCommand nianbao.fixAll for one table through workspace/applyEdit.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { checkText, fixAll } from '../../core';
import { COMMANDS } from '../../protocol/commands';
import { commentLines, example, TestClient, trailingComments, uriFor } from './client';

const SEED = example('reports/seed-004-shagou-2020.nianbao.yaml');
let client: TestClient;

before(async () => {
  client = await TestClient.start({ locale: 'zh-cn' });
});
after(async () => {
  await client.stop();
});

const isT34Error = (d: Diagnostic) => /^T[34]-/.test(String(d.code)) && d.severity === 1;
const FIX_ALL_TITLE = '修复全部勾稽错误';

async function apply(uri: string, unresolved: CodeAction): Promise<number> {
  const action = await client.resolveCodeAction(unresolved);
  assert.ok(action.edit, `${action.title} has an edit`);
  const changes = action.edit!.documentChanges!;
  assert.equal(changes.length, 1);
  assert.ok('textDocument' in changes[0]);
  assert.equal(changes[0].textDocument.version, client.version(uri), 'the edit is pinned to the current version');
  await Promise.all(client.applyEdit(action.edit!));
  return client.version(uri);
}

test('preferred quick fix of every T3/T4 error, one at a time, then fix-all: no T3/T4 error left, comments kept', async () => {
  const uri = uriFor('fix-loop.nianbao.yaml');
  await client.open(uri, SEED);
  const applied: string[] = [];
  for (let round = 0; round < 40; round++) {
    const diags = await client.currentDiagnostics(uri);
    let done = true;
    for (const d of diags.filter(isT34Error)) {
      const actions = await client.codeActions(uri, d.range, [d], ['quickfix']);
      const preferred = actions.find((a) => a.isPreferred);
      if (!preferred) continue;
      assert.equal(preferred.kind, 'quickfix');
      assert.deepEqual(preferred.diagnostics, [d], 'the fix is tied to its diagnostic');
      applied.push(preferred.title);
      await apply(uri, preferred);
      done = false;
      break; // re-request: the document changed
    }
    if (done) break;
  }
  // The balances of 其他 and 总计 repair both totals of （七） together (their sums run over blank cells).
  assert.ok(applied.includes('将（七）总计·其他 改为 2，（七）总计·总计 改为 2'), applied.join(' | '));

  const remaining = await client.currentDiagnostics(uri);
  const actions = await client.codeActions(uri, remaining[0].range, [], ['source.fixAll']);
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'source.fixAll.nianbao');
  assert.equal(actions[0].title, FIX_ALL_TITLE);
  await apply(uri, actions[0]);

  const after = await client.currentDiagnostics(uri);
  assert.deepEqual(
    after.filter(isT34Error).map((d) => d.code),
    [],
  );
  assert.deepEqual(
    after.filter((d) => d.severity === 1).map((d) => d.code),
    [],
  );
  const text = client.text(uri);
  assert.equal(commentLines(text), commentLines(SEED));
  assert.equal(trailingComments(text), trailingComments(SEED));
  assert.equal(text.split('\n').length, SEED.split('\n').length);
  await client.close(uri);
});

test("fix-all is a single WorkspaceEdit of minimal, token-sized edits equal to the core's fix-all", async () => {
  const uri = uriFor('fix-all.nianbao.yaml');
  await client.open(uri, SEED);
  const diags = await client.currentDiagnostics(uri);
  const sumV = diags.find((d) => d.code === 'T3-SUM-V')!;
  const actions = await client.codeActions(uri, sumV.range, [sumV]);
  const quick = actions.find((a) => a.title === FIX_ALL_TITLE && a.kind === 'quickfix');
  assert.ok(quick, actions.map((a) => `${a.kind} ${a.title}`).join(' | '));
  assert.ok(
    actions.some((a) => a.kind === 'source.fixAll.nianbao'),
    'the source action is offered too',
  );
  assert.equal(quick!.edit, undefined, 'the edit is computed on codeAction/resolve');
  const resolved = await client.resolveCodeAction(quick!);
  const edits = (
    resolved.edit!.documentChanges![0] as {
      edits: { range: { start: { line: number }; end: { line: number } }; newText: string }[];
    }
  ).edits;
  assert.ok(edits.length >= 16, `${edits.length} edits`);
  for (const e of edits) assert.equal(e.range.start.line, e.range.end.line, 'each edit stays on its line');
  assert.ok(
    edits.every((e) => !e.newText.includes('#') && !e.newText.includes('\n')),
    'no edit rewrites a comment or a line',
  );
  await apply(uri, quick!);
  assert.equal(client.text(uri), fixAll(SEED).text);
  await client.close(uri);
});

test("quick fixes carry the core's titles and preference; unit fixes too", async () => {
  const uri = uriFor('fix-titles.nianbao.yaml');
  await client.open(uri, SEED);
  const diags = await client.currentDiagnostics(uri);
  const unit = diags.filter((d) => d.code === 'T2-19-UNIT');
  const actions = await client.codeActions(uri, unit[0].range, unit);
  const titles = actions.map((a) => a.title);
  assert.ok(titles.includes('改为 137'), titles.join(' | '));
  assert.ok(titles.includes('改为 {value: 1066730.5, unit: 元}'), titles.join(' | '));
  const blank = diags.find((d) => d.code === 'T3-COMPLETE' && (d.data as { pinned?: number }).pinned === 0)!;
  const fill = (await client.codeActions(uri, blank.range, [blank])).find((a) => a.isPreferred)!;
  assert.match(fill.title, /^将空白的（一）予以公开·自然人 填为 0$/);
  await client.close(uri);
});

test("suppression comment: inserted above the diagnostic's line with its indentation, and honoured", async () => {
  const uri = uriFor('suppress.nianbao.yaml');
  await client.open(uri, SEED);
  const diags = await client.currentDiagnostics(uri);
  const d = diags.find((x) => x.code === 'T2-19-UNIT')!;
  const actions = await client.codeActions(uri, d.range, [d]);
  const suppress = actions.find((a) => a.title === '在下一行忽略 T2-19-UNIT');
  assert.ok(suppress, actions.map((a) => a.title).join(' | '));
  assert.equal(suppress!.isPreferred, false);
  await apply(uri, suppress!);
  const lines = client.text(uri).split('\n');
  assert.equal(lines[d.range.start.line], '    # nianbao-disable-next-line T2-19-UNIT');
  assert.match(lines[d.range.start.line + 1], /^ {4}central_procurement:/);
  const after = await client.currentDiagnostics(uri);
  assert.ok(!after.some((x) => x.code === 'T2-19-UNIT'));
  assert.equal(after.length, diags.length - diags.filter((x) => x.code === 'T2-19-UNIT').length);
  await client.close(uri);
});

test('a diagnostic from an older version still finds its fix (by its key path), pinned to the current version', async () => {
  const uri = uriFor('stale.nianbao.yaml');
  await client.open(uri, SEED);
  const old = (await client.currentDiagnostics(uri)).find((d) => d.code === 'T3-SUM-V')!;
  await client.change(uri, `# 新加一行注释\n${SEED}`);
  await client.currentDiagnostics(uri);
  const actions = await client.codeActions(uri, old.range, [old], ['quickfix']);
  const preferred = actions.find((a) => a.isPreferred)!;
  assert.ok(preferred, actions.map((a) => a.title).join(' | '));
  await apply(uri, preferred);
  assert.match(
    client.text(uri),
    /total_processed: \{natural: 0, commercial: 0, research: 0, social: 0, legal: 0, other_org: 2, total: 2\}/,
  );
  await client.close(uri);
});

test('executeCommand nianbao.fixAll for one table applies through workspace/applyEdit and leaves the others', async () => {
  const uri = uriFor('command.nianbao.yaml');
  const text = SEED.replace(
    'review:           {upheld: 0, corrected: 0, other: 0, pending: 0, total: 0}',
    'review:           {upheld: 1, corrected: 2, other: 0, pending: 0, total: 0}',
  );
  await client.open(uri, text);
  const before = await client.currentDiagnostics(uri);
  assert.ok(before.some((d) => d.code === 'T4-SUM'));
  const requests = client.applyEditRequests.length;
  const res = await client.executeCommand<{ applied: boolean; edits: number }>(COMMANDS.fixAll, [uri, 'review_litigation']);
  assert.deepEqual(res, { applied: true, edits: 1 });
  assert.equal(client.applyEditRequests.length, requests + 1);
  assert.equal(client.applyEditRequests[requests].label, '修复表四的勾稽错误');
  assert.match(client.text(uri), /review: {11}\{upheld: 1, corrected: 2, other: 0, pending: 0, total: 3\}/);
  const after = await client.currentDiagnostics(uri);
  assert.ok(!after.some((d) => d.code === 'T4-SUM'));
  assert.ok(
    after.some((d) => d.code === 'T3-SUM-V'),
    'table 3 untouched',
  );
  assert.ok(
    after.some((d) => d.code === 'T2-19-UNIT'),
    'table 2 untouched',
  );

  // Whole document, then nothing left to do.
  assert.equal((await client.executeCommand<{ applied: boolean }>(COMMANDS.fixAll, [uri])).applied, true);
  await client.currentDiagnostics(uri);
  assert.deepEqual(await client.executeCommand(COMMANDS.fixAll, [uri]), { applied: false, edits: 0, reason: 'nothing to fix' });
  assert.deepEqual(
    checkText(client.text(uri)).diagnostics.filter((d) => d.severity === 'error'),
    [],
  );
  await client.close(uri);
});

test("CRLF documents: the core's diagnostics, and fix-all keeps every line ending", async () => {
  const uri = uriFor('crlf.nianbao.yaml');
  const text = SEED.replace(/\n/g, '\r\n');
  await client.open(uri, text);
  const diags = await client.currentDiagnostics(uri);
  assert.deepEqual(
    diags.map((d) => [d.code, d.range]),
    checkText(text).diagnostics.map((d) => [d.code, d.range]),
  );
  const d = diags.find((x) => x.code === 'T2-19-UNIT')!;
  const suppress = (await client.codeActions(uri, d.range, [d])).find((a) => a.title.startsWith('在下一行忽略'))!;
  const actions = await client.codeActions(uri, d.range, [], ['source.fixAll']);
  await apply(uri, actions[0]);
  const fixed = client.text(uri);
  assert.equal(fixed, fixAll(text).text);
  assert.equal(fixed.split('\r\n').length, text.split('\r\n').length);
  assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF');
  assert.match((suppress.edit!.documentChanges![0] as { edits: { newText: string }[] }).edits[0].newText, /T2-19-UNIT\r\n$/);
  await client.close(uri);
});

test('no suppression comment inside a block scalar (it would become part of the text)', async () => {
  const uri = uriFor('suppress-prose.nianbao.yaml');
  const text = SEED.replace('统计期限自2020年1月1日起', '统计期限自2019年1月1日起');
  await client.open(uri, text);
  const d = (await client.currentDiagnostics(uri)).find((x) => x.code === 'META-YEAR')!;
  assert.ok(d, 'the prose year is flagged');
  assert.ok(d.range.start.line > text.split('\n').findIndex((l) => l.startsWith('overview: |')), 'inside the overview text');
  const actions = await client.codeActions(uri, d.range, [d], ['quickfix']);
  assert.ok(!actions.some((a) => a.title.startsWith('在下一行忽略')), actions.map((a) => a.title).join(' | '));
  await client.close(uri);
});

test('one fix for two findings is offered once, tied to both; one suppression comment per code and line', async () => {
  // clean-2019 with 71 typed for 17: row (一) and column 自然人 both fail by 54, and both offer
  // the same suggestion (the cell they share); seed 004 has two T3-BAL findings on one line.
  const clean = example('reports/clean-2019.nianbao.yaml').replace(
    'granted:        {natural: 17,',
    'granted:        {natural: 71,',
  );
  const uri = uriFor('dedupe.nianbao.yaml');
  await client.open(uri, clean);
  const errs = (await client.currentDiagnostics(uri)).filter((d) => d.severity === 1);
  assert.deepEqual(
    errs.map((d) => d.code),
    ['T3-SUM-H', 'T3-SUM-V'],
  );
  const whole = { start: { line: 0, character: 0 }, end: { line: clean.split('\n').length, character: 0 } };
  const actions = await client.codeActions(uri, whole, errs, ['quickfix']);
  const suggestion = actions.filter((a) => a.title === '（一）予以公开·自然人 可能应为 17：行合计与列合计都差 54');
  assert.equal(suggestion.length, 1, actions.map((a) => a.title).join(' | '));
  assert.deepEqual(suggestion[0].diagnostics, errs);
  const titles = actions.map((a) => `${a.title} ${JSON.stringify(a.edit ?? a.command)}`);
  assert.equal(new Set(titles).size, titles.length, titles.join('\n'));
  await client.close(uri);

  const seed = uriFor('dedupe-seed.nianbao.yaml');
  await client.open(seed, SEED);
  const bal = (await client.currentDiagnostics(seed)).filter((d) => d.code === 'T3-BAL');
  assert.equal(bal.length, 2);
  assert.equal(bal[0].range.start.line, bal[1].range.start.line);
  const silence = (await client.codeActions(seed, bal[0].range, bal, ['quickfix'])).filter(
    (a) => a.title === '在下一行忽略 T3-BAL',
  );
  assert.equal(silence.length, 1);
  assert.deepEqual(silence[0].diagnostics, bal);
  await client.close(seed);
});
