/**
 * Diagnostics over the wire are the core's: same codes, same exact ranges, the core's data plus
 * the document version, related information, the chosen locale; settings changes re-check;
 * hostile input yields a diagnostic and the server keeps answering.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, fingerprintsOf, identityOf } from '../../core';
import { example, positionOf, ROOT, TestClient, uriFor } from './client';

const SEED = 'reports/seed-004-shagou-2020.nianbao.yaml';
let client: TestClient;

before(async () => {
  client = await TestClient.start({ locale: 'zh-cn' });
});
after(async () => {
  await client.stop();
});

const key = (d: {
  code?: unknown;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

test("seed-004: the published diagnostics are the core's (codes, exact ranges, severity, data, related, message)", async (t) => {
  const text = example(SEED);
  const uri = uriFor('seed-004.nianbao.yaml');
  const t0 = performance.now();
  await client.open(uri, text);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const elapsed = performance.now() - t0;
  t.diagnostic(`didOpen → publishDiagnostics (seed-004, cold): ${elapsed.toFixed(1)} ms`);
  const checked = checkText(text);
  const core = checked.diagnostics;
  assert.ok(core.length > 0);
  // Every finding carries its fingerprint, the same as the CLI's (core/review/fingerprint.ts).
  const all = [...core, ...checked.suppressed.map((s) => s.diagnostic)].sort(
    (a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code),
  );
  const fps = fingerprintsOf(all, { identity: identityOf(checked.report), fallback: 'seed-004.nianbao.yaml' });
  const fingerprint = new Map(all.map((d, i) => [d, fps[i]]));
  assert.deepEqual(published.diagnostics.map(key), core.map(key));
  published.diagnostics.forEach((d, i) => {
    const c = core[i];
    assert.equal(d.source, 'nianbao');
    assert.equal(d.severity, { error: 1, warning: 2, info: 3 }[c.severity]);
    assert.equal(d.message, c.message['zh-CN']);
    assert.deepEqual(d.data, JSON.parse(JSON.stringify({ ...c.data, version: 1, fingerprint: fingerprint.get(c) })));
    assert.equal(d.relatedInformation?.length ?? 0, c.related?.length ?? 0);
    c.related?.forEach((r, j) => {
      assert.deepEqual(d.relatedInformation![j].location, { uri, range: r.range });
      assert.equal(d.relatedInformation![j].message, r.message['zh-CN']);
    });
  });
  // The expected findings of the seed, as its header describes them.
  const codes = new Set(published.diagnostics.map((d) => d.code));
  for (const c of ['T3-BAL', 'T3-SUM-V', 'T3-COMPLETE', 'T2-19-UNIT']) assert.ok(codes.has(c), c);

  // Warm: a change of the same size, measured from didChange to its publishDiagnostics.
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    const v = await client.change(uri, `${text}\n# edit ${i}\n`);
    await client.waitForDiagnostics(uri, (p) => p.version === v);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  t.diagnostic(
    `didChange → publishDiagnostics (seed-004, warm): median ${times[2].toFixed(1)} ms, max ${times[4].toFixed(1)} ms`,
  );
  await client.close(uri);
});

test('every example report: the server agrees with the core', async () => {
  const dir = join(ROOT, 'examples', 'reports');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
    const text = example(`reports/${name}`);
    const uri = uriFor(`all/${name}`);
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(published.diagnostics.map(key), checkText(text).diagnostics.map(key), name);
    await client.close(uri);
  }
});

test('rapid edits: the last version is the one published, and nothing for a version the client no longer has', async () => {
  const text = example(SEED);
  const uri = uriFor('rapid.nianbao.yaml');
  await client.open(uri, text);
  let v = 1;
  for (let i = 0; i < 20; i++)
    v = await client.change(uri, text.replace('other_org: 2, total: 2}', `other_org: ${i}, total: ${i}}`));
  const last = await client.waitForDiagnostics(uri, (p) => p.version === v);
  const published = client.published.get(uri)!.map((p) => p.params.version);
  assert.ok(published.length <= 21, `debounced: ${published.length} publishes for 21 versions`);
  assert.deepEqual(last.diagnostics.map(key), checkText(client.text(uri)).diagnostics.map(key));
  await client.close(uri);
});

test('messages follow the locale (initializationOptions.locale: en)', async () => {
  const en = await TestClient.start({ locale: 'en' });
  try {
    const text = example(SEED);
    const uri = uriFor('en.nianbao.yaml');
    await en.open(uri, text);
    const p = await en.waitForDiagnostics(uri, (x) => x.version === 1);
    const core = checkText(text).diagnostics;
    assert.deepEqual(
      p.diagnostics.map((d) => d.message),
      core.map((d) => d.message.en),
    );
  } finally {
    await en.stop();
  }
});

test('settings: turning a rule off removes its diagnostics from every open document; turning it back restores them', async () => {
  const text = example(SEED);
  const uri = uriFor('settings.nianbao.yaml');
  await client.open(uri, text);
  const first = await client.currentDiagnostics(uri);
  assert.ok(first.some((d) => d.code === 'T2-19-UNIT'));
  const count = client.published.get(uri)!.length;
  await client.updateSettings({ rules: { 'T2-19-UNIT': 'off', 'T3-BAL': 'warning' } });
  const off = await client.waitForDiagnostics(
    uri,
    (p) => client.published.get(uri)!.length > count && !p.diagnostics.some((d) => d.code === 'T2-19-UNIT'),
  );
  assert.equal(off.diagnostics.length, first.length - first.filter((d) => d.code === 'T2-19-UNIT').length);
  assert.ok(
    off.diagnostics.filter((d) => d.code === 'T3-BAL').every((d) => d.severity === 2),
    'T3-BAL downgraded to warning',
  );
  await client.updateSettings({});
  await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'T2-19-UNIT'));
  await client.close(uri);
});

test('broken YAML: a syntax diagnostic, and hover still answers', async () => {
  const text = example(SEED).replace('  art20_9:\n', '  art20_9: [\n');
  const uri = uriFor('broken.nianbao.yaml');
  await client.open(uri, text);
  const diags = await client.currentDiagnostics(uri);
  assert.ok(
    diags.some((d) => d.code === 'YAML-SYNTAX'),
    diags.map((d) => d.code).join(),
  );
  const h = await client.hover(uri, positionOf(text, 'organ_kind'));
  assert.ok(h, 'hover answers on a broken document');
  assert.match(JSON.stringify(h!.contents), /机关类型/);
  await client.close(uri);
});

test('binary junk, huge and deep input: one diagnostic each, and the server still answers hover afterwards', async () => {
  const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
  const cases: [string, string, string][] = [
    ['junk', junk, 'YAML-BINARY'],
    ['nul', 'format: 2021\u0000\u0000meta:\n', 'YAML-BINARY'],
    ['deep', '['.repeat(5000), 'YAML-DEPTH'],
    ['huge', `overview: |\n${'  某某。\n'.repeat(400_000)}`, 'YAML-TOO-LARGE'],
    ['tabs', 'format: 2021\nmeta:\n\torgan: x\n', 'YAML-SYNTAX'],
  ];
  for (const [name, text, code] of cases) {
    const uri = uriFor(`hostile-${name}.nianbao.yaml`);
    await client.open(uri, text);
    const diags = await client.currentDiagnostics(uri, 10_000);
    assert.ok(
      diags.some((d) => d.code === code),
      `${name}: ${diags.map((d) => d.code).join()}`,
    );
    // Every feature answers (empty is fine) instead of failing.
    await client.hover(uri, { line: 0, character: 1 });
    await client.symbols(uri);
    await client.folding(uri);
    await client.inlayHints(uri);
    await client.codeLenses(uri);
    await client.completion(uri, { line: 0, character: 0 });
    await client.codeActions(uri, diags[0].range, diags);
    await client.close(uri);
  }
  const text = example(SEED);
  const uri = uriFor('after-junk.nianbao.yaml');
  await client.open(uri, text);
  const h = await client.hover(uri, positionOf(text, 'art20_9'));
  assert.match(JSON.stringify(h?.contents), /第二十条第（九）项/);
  assert.ok(client.alive);
  await client.close(uri);
});

test('closing a document clears its diagnostics', async () => {
  const uri = uriFor('close.nianbao.yaml');
  await client.open(uri, example(SEED));
  await client.currentDiagnostics(uri);
  await client.close(uri);
  await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0 && p.version === undefined);
});

test("settings: an explicit nianbao.locale overrides the editor's language", async () => {
  const text = example(SEED);
  const uri = uriFor('locale-setting.nianbao.yaml');
  await client.open(uri, text);
  await client.currentDiagnostics(uri);
  await client.updateSettings({ locale: 'en' });
  const core = checkText(text).diagnostics;
  const en = await client.waitForDiagnostics(uri, (p) => p.diagnostics[0]?.message === core[0].message.en);
  assert.deepEqual(
    en.diagnostics.map((d) => d.message),
    core.map((d) => d.message.en),
  );
  await client.updateSettings({});
  await client.waitForDiagnostics(uri, (p) => p.diagnostics[0]?.message === core[0].message['zh-CN']);
  await client.close(uri);
});
