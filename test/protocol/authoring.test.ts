/**
 * Authoring a report as a form (issue 14), against the real server: completion in the printed
 * labels (Chinese characters, keys, pinyin initials), cell values, "fill with 0" actions that keep
 * every sum, the hover's full operand list and its single mention of an article, fix-all held
 * back from running on save in an untrusted workspace, and diagnostics for reports that are not
 * open.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, Diagnostic, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { skeleton } from '../../core';
import { TrustNotification } from '../../protocol/requests';
import { example, positionOnLine, TestClient, uriFor } from './client';

let client: TestClient;

before(async () => {
  client = await TestClient.start({ locale: 'zh-cn' });
});
after(async () => {
  await client.stop();
});

const SKELETON = skeleton({ format: '2021', year: 2024, organ: '青禾县人民政府', organKind: 'county_government' });

/**
 * What VS Code's suggest widget keeps for a typed word with editor.suggest.matchOnWordStartOnly:
 * the word's characters in order in `filterText`, the first at a word start (after a space).
 */
function widgetKeeps(item: CompletionItem, typed: string): boolean {
  const text = (item.filterText ?? item.label).toLowerCase();
  const word = typed.toLowerCase();
  for (let start = 0; start < text.length; start++) {
    if (text[start] !== word[0] || (start > 0 && text[start - 1] !== ' ')) continue;
    let i = start;
    let ok = true;
    for (const ch of word.slice(1)) {
      i = text.indexOf(ch, i + 1);
      if (i < 0) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

const keyOf = (i: CompletionItem) => i.labelDetails?.description ?? i.label;

test('completion in Chinese: typing 本年, 部分, （二）, 予以公开 or pinyin initials finds the row; the key is inserted', async () => {
  // A 表三 without some rows, the cursor on a new line inside `applications`.
  const text = SKELETON.replace(/^ {2}new_received:.*\n/m, '')
    .replace(/^ {2}granted:.*\n/m, '')
    .replace(/^ {2}partial:.*\n/m, '')
    .replace(/^(applications:\n)/m, '$1  TYPED\n');
  for (const [typed, key] of [
    ['本年', 'new_received'],
    ['部分', 'partial'],
    ['（二）', 'partial'],
    ['予以公开', 'granted'],
    ['bfgk', 'partial'],
    ['new_r', 'new_received'],
  ]) {
    const uri = uriFor(`zh-${key}-${typed.length}.nianbao.yaml`);
    const doc = text.replace('TYPED', typed);
    await client.open(uri, doc);
    const line = doc.split('\n').indexOf(`  ${typed}`);
    const items = await client.completion(uri, { line, character: 2 + typed.length });
    const kept = items.filter((i) => widgetKeeps(i, typed));
    assert.ok(
      kept.some((i) => keyOf(i) === key),
      `${typed}: ${key} among ${kept.map((i) => `${i.label}`).join(' | ')}`,
    );
    const item = kept.find((i) => keyOf(i) === key)!;
    const edit = item.textEdit as TextEdit;
    // The item replaces what was typed, and inserts the YAML key.
    assert.deepEqual(edit.range, { start: { line, character: 2 }, end: { line, character: 2 + typed.length } });
    assert.match(edit.newText, new RegExp(`^${key}: `));
    assert.notEqual(item.label, key, 'the list shows the printed label');
    await client.close(uri);
  }
});

test('value completion: 0 for a count, an amount with its unit, organ kinds by their Chinese names', async () => {
  const text = SKELETON.replace('review:           {upheld: ~,', 'review:           {upheld: ,');
  const uri = uriFor('values.nianbao.yaml');
  await client.open(uri, text);
  const counts = await client.completion(uri, positionOnLine(text, 'review:', '{upheld: ', 9));
  assert.deepEqual(
    counts.map((i) => i.label),
    ['0'],
  );
  assert.match(counts[0].detail!, /没有的填 0/);
  const t2 = text.replace('organ_kind: county_government', 'organ_kind: 乡');
  const v = await client.change(uri, t2);
  await client.waitForDiagnostics(uri, (p) => p.version === v);
  const kinds = await client.completion(uri, positionOnLine(t2, 'organ_kind:', 'organ_kind: 乡', 13));
  const township = kinds.find((i) => keyOf(i) === 'township_government')!;
  assert.equal(township.label, '乡（镇）人民政府');
  assert.ok(widgetKeeps(township, '乡'));
  assert.equal((township.textEdit as TextEdit).newText, 'township_government');
  await client.close(uri);
});

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'nianbao', 1, text), edits);
}

test('fill actions: a row, a column group and the whole table become 0 where the sums allow, totals from the sums', async () => {
  // The author has filled one cell of 新收 and one of 予以公开.
  const text = SKELETON.replace(/(new_received: +\{natural: )~/, '$13').replace(/(granted: +\{natural: )~/, '$13');
  const uri = uriFor('fill.nianbao.yaml');
  await client.open(uri, text);
  await client.currentDiagnostics(uri);
  const at = positionOnLine(text, 'new_received:', 'commercial', 0);
  const actions = await client.codeActions(uri, { start: at, end: at }, [], ['refactor']);
  const titles = actions.map((a) => a.title);
  assert.deepEqual(
    titles.map((t) => t.replace(/\d+ 个/, 'N 个')),
    [
      '将“一、本年新收政府信息公开申请数量”一行的 N 个空格填为 0（合计按勾稽关系填入）',
      '将“法人或其他组织”列的 N 个空格填为 0（合计按勾稽关系填入）',
      '将表三剩余的 N 个空格填为 0（合计按勾稽关系填入）',
    ],
    titles.join('\n'),
  );
  // The row: six cells, the total from the sum (3).
  const row = actions[0].edit!.documentChanges![0] as { edits: TextEdit[] };
  const filledRow = apply(text, row.edits);
  assert.match(
    filledRow,
    /new_received: +\{natural: 3, commercial: 0, research: 0, social: 0, legal: 0, other_org: 0, total: 3\}/,
  );
  // The whole table: no sum or balance finding is left, and no blank.
  const table = actions[2].edit!.documentChanges![0] as { edits: TextEdit[] };
  const filled = apply(text, table.edits);
  const v = await client.change(uri, filled);
  const after = (await client.waitForDiagnostics(uri, (p) => p.version === v)).diagnostics;
  assert.deepEqual(
    after.filter((d) => String(d.code).startsWith('T3-')).map((d) => `${d.code} ${d.message}`),
    [],
  );
  assert.match(filled, /total_processed: +\{natural: 3,.*total: 3\}/);
  assert.match(filled, /carry_forward: +\{natural: 0,/);
  await client.close(uri);
});

test('no fill is offered where 0 would break a sum', async () => {
  // 新收 3 + 结转 0 but the handled total says 5: zeros cannot balance it.
  const text = SKELETON.replace(/(new_received: +\{natural: )~/, '$13').replace(/(total_processed: +\{natural: )~/, '$15');
  const uri = uriFor('nofill.nianbao.yaml');
  await client.open(uri, text);
  await client.currentDiagnostics(uri);
  const at = positionOnLine(text, 'carried_over:', 'natural', 0);
  const actions = await client.codeActions(uri, { start: at, end: at }, [], ['refactor']);
  assert.ok(!actions.some((a) => a.title.startsWith('将表三')), actions.map((a) => a.title).join('\n'));
  await client.close(uri);
});

test('hover on a failing total lists every operand; art20_9 quotes its article once', async () => {
  const seed = example('reports/seed-004-shagou-2020.nianbao.yaml');
  const uri = uriFor('hover-all.nianbao.yaml');
  await client.open(uri, seed);
  const diags = await client.currentDiagnostics(uri);
  const sumV = diags.find((d) => d.code === 'T3-SUM-V')!;
  const hover = await client.hover(uri, sumV.range.start);
  const value = (hover!.contents as MarkupContent).value;
  const block = value.split('\n\n').find((b) => b.includes('T3-SUM-V 涉及的'));
  assert.ok(block, value);
  const listed = block.split('\n').filter((l) => l.startsWith('- ') && /·/.test(l));
  // The finding's related information is short (the cells that decide it, the rest folded) …
  assert.ok((sumV.relatedInformation ?? []).length <= 5, JSON.stringify(sumV.relatedInformation));
  // … and the hover has them all: the total's 19 items.
  assert.equal(listed.length, 19, value);
  const art = await client.hover(uri, positionOnLine(seed, 'art20_9:', 'art20_9', 2));
  const text = (art!.contents as MarkupContent).value;
  assert.equal(text.split('政府集中采购项目的目录、标准及实施情况').length - 1, 1, text);
  await client.close(uri);
});

test('untrusted workspace: fix-all is not offered for running on save until trust is granted', async () => {
  const untrusted = await TestClient.start({ locale: 'zh-cn', init: { trusted: false } });
  try {
    const seed = example('reports/seed-004-shagou-2020.nianbao.yaml');
    const uri = uriFor('untrusted.nianbao.yaml');
    await untrusted.open(uri, seed);
    const diags: Diagnostic[] = await untrusted.currentDiagnostics(uri);
    const all = { start: { line: 0, character: 0 }, end: { line: seed.split('\n').length, character: 0 } };
    assert.deepEqual(await untrusted.codeActions(uri, all, [], ['source.fixAll']), []);
    // Quick fixes work as usual.
    const sumV = diags.find((d) => d.code === 'T3-SUM-V')!;
    assert.ok((await untrusted.codeActions(uri, sumV.range, [sumV], ['quickfix'])).length > 0);
    await untrusted.notify(TrustNotification.method, { trusted: true });
    const after = await untrusted.codeActions(uri, all, [], ['source.fixAll']);
    assert.equal(after.length, 1);
  } finally {
    await untrusted.stop();
  }
});

test('workspace diagnostics: reports in the folder get diagnostics without being opened; opening and closing hand over', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-wsdiag-'));
  const seed = example('reports/seed-004-shagou-2020.nianbao.yaml');
  writeFileSync(join(dir, 'a.nianbao.yaml'), seed);
  writeFileSync(join(dir, 'b.nianbao.yaml'), SKELETON);
  writeFileSync(join(dir, 'notes.yaml'), 'not: a report\n');
  const folder = pathToFileURL(dir).href;
  const ws = await TestClient.start({ locale: 'zh-cn', workspaceFolders: [{ uri: folder, name: 'reports' }] });
  try {
    const a = `${folder}/a.nianbao.yaml`;
    const b = `${folder}/b.nianbao.yaml`;
    const pa = await ws.waitForDiagnostics(a, (p) => p.diagnostics.length > 0, 15_000);
    assert.ok(pa.diagnostics.some((d) => d.code === 'T3-BAL'));
    const pb = await ws.waitForDiagnostics(b, (p) => p.diagnostics.length > 0, 15_000);
    assert.ok(pb.diagnostics.some((d) => d.code === 'T3-BLANK-GROUP'));
    assert.equal(ws.published.get(`${folder}/notes.yaml`), undefined);
    // Opened, the editor's text rules; closed, the file's diagnostics return.
    await ws.open(a, seed.replace(/^problems:.*$/m, 'problems: 无'));
    await ws.currentDiagnostics(a);
    await ws.close(a);
    const back = await ws.waitForDiagnostics(
      a,
      (p) => p.version === undefined && p.diagnostics.some((d) => d.code === 'T3-BAL'),
      15_000,
    );
    assert.ok(!back.diagnostics.some((d) => d.code === 'S5-EMPTY'));
  } finally {
    await ws.stop();
  }
});

test('workspace diagnostics are limited: NIANBAO_WORKSPACE_DIAGNOSTICS_MAX files at most (0 turns them off)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-wscap-'));
  for (const n of ['a', 'b', 'c']) writeFileSync(join(dir, `${n}.nianbao.yaml`), SKELETON);
  const folder = pathToFileURL(dir).href;
  const capped = await TestClient.start({
    workspaceFolders: [{ uri: folder, name: 'reports' }],
    env: { NIANBAO_WORKSPACE_DIAGNOSTICS_MAX: '1' },
  });
  try {
    // One report gets its diagnostics; the log says the rest were left for when they are opened.
    await capped.waitForLog(/workspace diagnostics: capped at 1/, 15_000);
    const uris = ['a', 'b', 'c'].map((n) => `${folder}/${n}.nianbao.yaml`);
    await Promise.any(uris.map((u) => capped.waitForDiagnostics(u, (p) => p.diagnostics.length > 0, 15_000)));
    assert.equal(uris.filter((u) => capped.published.has(u)).length, 1);
  } finally {
    await capped.stop();
  }
});
