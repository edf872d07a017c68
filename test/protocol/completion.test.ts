/**
 * Completion: the skeleton of each format on an empty or near-empty document (a snippet that,
 * expanded, checks with no error), the keys the schema allows at the cursor minus those
 * present, with the Chinese label and hover text, and enum values.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { example, positionOnLine, TestClient, uriFor } from './client';

/** The YAML key (or value) an item inserts: shown beside its printed label. */
const keyOf = (i: CompletionItem) => i.labelDetails?.description ?? i.label;

let client: TestClient;

before(async () => {
  client = await TestClient.start({ locale: 'zh-cn' });
});
after(async () => {
  await client.stop();
});

/** Expands a snippet the way an editor does when the user accepts every default. */
function expand(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

function accept(text: string, item: CompletionItem): string {
  const doc = TextDocument.create('file:///x', 'nianbao', 1, text);
  const main = item.textEdit as TextEdit;
  const edits = [
    ...(item.additionalTextEdits ?? []),
    { range: main.range, newText: item.insertTextFormat === 2 ? expand(main.newText) : main.newText },
  ];
  return TextDocument.applyEdits(doc, edits);
}

test('empty document: one skeleton snippet per format; each, expanded, checks with no error', async () => {
  const uri = uriFor('empty.nianbao.yaml');
  await client.open(uri, '');
  await client.currentDiagnostics(uri);
  const items = await client.completion(uri, { line: 0, character: 0 });
  const skeletons = items.filter((i) => i.kind === 15 /* Snippet */);
  assert.deepEqual(skeletons.map((i) => i.label).sort(), ['年报2019骨架', '年报2021骨架']);
  for (const item of skeletons) {
    assert.equal(item.insertTextFormat, 2);
    const body = (item.textEdit as TextEdit).newText;
    assert.match(body, /\$\{1:机关名称\}/);
    const format = /format: (\d{4})/.exec(body)![1];
    const expanded = accept('', item);
    const v = await client.change(uri, expanded);
    const diags = await client.waitForDiagnostics(uri, (p) => p.version === v);
    assert.deepEqual(
      diags.diagnostics.filter((d) => d.severity === 1).map((d) => `${d.code} ${d.message}`),
      [],
      `format ${format}`,
    );
    assert.ok(
      diags.diagnostics.some((d) => d.code === 'T3-BLANK-GROUP'),
      'the blank table is flagged as still to fill (one finding, not one per cell)',
    );
    await client.change(uri, '');
  }
  await client.close(uri);
});

test('near-empty document (only `format: 2019`): the skeleton replaces it, 2019 preselected', async () => {
  const uri = uriFor('format-only.nianbao.yaml');
  const text = 'format: 2019\n\n';
  await client.open(uri, text);
  const items = await client.completion(uri, { line: 1, character: 0 });
  const s2019 = items.find((i) => i.label === '年报2019骨架')!;
  assert.ok(s2019, items.map((i) => i.label).join());
  assert.equal(s2019.preselect, true);
  const result = accept(text, s2019);
  assert.equal(result.match(/^format:/gm)?.length, 1, 'one format line');
  assert.match(result, /^format: 2019$/m);
  // Keys are offered next to the skeleton.
  assert.ok(items.some((i) => i.label === '基本信息' && i.labelDetails?.description === 'meta'));
  await client.close(uri);
});

test("keys at the cursor: the schema's keys there minus those present, with label and hover documentation", async () => {
  const seed = example('reports/seed-004-shagou-2020.nianbao.yaml');
  // Remove the `partial` row and `carry_forward`, and put the cursor on an empty line inside `applications`.
  const text = seed.replace(/^ {2}partial: .*\n/m, '').replace(/^ {2}carry_forward: .*\n/m, '  \n');
  const uri = uriFor('keys.nianbao.yaml');
  await client.open(uri, text);
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => l === '  ' && lines[i - 1].startsWith('  total_processed'));
  const items = await client.completion(uri, { line, character: 2 });
  // The list shows the printed label; the key is beside it and is what gets inserted.
  assert.deepEqual(items.map(keyOf).sort(), ['carry_forward', 'partial']);
  const partial = items.find((i) => keyOf(i) === 'partial')!;
  assert.equal(partial.label, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
  assert.equal(partial.detail, 'partial');
  assert.match((partial.documentation as MarkupContent).value, /表三/);
  assert.match(
    (partial.textEdit as TextEdit).newText,
    /^partial: \{natural: \$\{1:~\}, commercial: \$\{2:~\}.*total: \$\{7:~\}\}$/,
  );
  await client.close(uri);
});

test('keys inside a flow-map row, and nested block maps', async () => {
  const seed = example('reports/seed-004-shagou-2020.nianbao.yaml');
  const text = seed.replace(
    'review:           {upheld: 0, corrected: 0, other: 0, pending: 0, total: 0}',
    'review:           {upheld: 0, corrected: 0, }',
  );
  const uri = uriFor('flow.nianbao.yaml');
  await client.open(uri, text);
  const items = await client.completion(uri, positionOnLine(text, 'review:', '}'));
  assert.deepEqual(items.map(keyOf).sort(), ['other', 'pending', 'total']);
  assert.equal(items.find((i) => keyOf(i) === 'pending')!.label, '尚未审结');
  // A new line inside `denied`: only the missing rows of （三）.
  const t2 = seed.replace('    admin_query:', '    \n    admin_query:');
  const v = await client.change(uri, t2);
  await client.waitForDiagnostics(uri, (p) => p.version === v);
  const line = t2.split('\n').indexOf('    ');
  const rows = await client.completion(uri, { line, character: 4 });
  assert.deepEqual(rows.map(keyOf), [], 'every row of （三） is present');
  await client.close(uri);
});

test('enum values: organ_kind with its Chinese labels, format, unit', async () => {
  const seed = example('reports/seed-004-shagou-2020.nianbao.yaml');
  const text = seed.replace('organ_kind: township_government', 'organ_kind: ').replace('format: 2019', 'format: ');
  const uri = uriFor('enum.nianbao.yaml');
  await client.open(uri, text);
  const kinds = await client.completion(uri, positionOnLine(text, 'organ_kind:', 'organ_kind: ', 12));
  assert.equal(kinds.find((i) => keyOf(i) === 'township_government')?.label, '乡（镇）人民政府');
  assert.equal(kinds.length, 7);
  const formats = await client.completion(uri, positionOnLine(text, 'format:', 'format: ', 8));
  assert.deepEqual(
    formats.map((i) => i.label),
    ['2019', '2021'],
  );
  assert.match(formats[0].detail!, /2019 试行格式/);
  const t2 = seed.replace('amount: "1066730.5元"', 'amount: {value: 1066730.5, unit: }');
  const v = await client.change(uri, t2);
  await client.waitForDiagnostics(uri, (p) => p.version === v);
  const units = await client.completion(uri, positionOnLine(t2, 'central_procurement', 'unit: ', 6));
  assert.deepEqual(
    units.map((i) => i.label),
    ['元', '万元'],
  );
  await client.close(uri);
});
