/**
 * nianbao/import with hostile documents: the import runs in a worker thread, so it answers with
 * an error (IMPORT-TOO-LARGE naming the limit, or the input's defect) while hovers and
 * diagnostics on an open report go on being answered promptly, and the server stays alive.
 */
import { ImportRequest } from '../../protocol/requests';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDocx, smallDocx, HOSTILE_DOCS } from '../helpers/hostile-docs';
import { example, positionOf, TestClient, uriFor } from './client';

const SEED = example('reports/seed-004-shagou-2020.nianbao.yaml');

interface ImportFailure {
  code: number;
  message: string;
  data?: { code?: string; limit?: string; message: { 'zh-CN': string; en: string } };
}

/** A DOCX within every count limit that keeps mammoth busy for about a second. */
const heavyDocx = () =>
  makeDocx(
    Array.from(
      { length: 19_500 },
      (_, i) => `<w:p><w:r><w:t>第${i}段：本机关共收到政府信息公开申请${i}件。</w:t></w:r></w:p>`,
    ).join(''),
  );

async function importError(client: TestClient, bytes: Uint8Array, name: string): Promise<ImportFailure> {
  try {
    await client.request(ImportRequest.method, { data: Buffer.from(bytes).toString('base64'), name }, 30_000);
  } catch (e) {
    return e as ImportFailure;
  }
  throw new Error(`import of ${name} did not fail`);
}

/** Hovers on the open report, one after another, until `work` settles; returns the slowest answer (ms). */
async function hoverWhile(client: TestClient, uri: string, work: Promise<unknown>): Promise<{ slowest: number; count: number }> {
  let settled = false;
  void work.then(
    () => (settled = true),
    () => (settled = true),
  );
  let slowest = 0;
  let count = 0;
  while (!settled || count === 0) {
    const t0 = performance.now();
    const h = await client.hover(uri, positionOf(SEED, 'art20_9', 1));
    assert.match(JSON.stringify(h?.contents), /政府集中采购项目/);
    slowest = Math.max(slowest, performance.now() - t0);
    count++;
  }
  return { slowest, count };
}

test('hostile DOCX through nianbao/import: IMPORT-TOO-LARGE while hovers are answered; the server lives on', async () => {
  const client = await TestClient.start();
  try {
    const uri = uriFor('open.nianbao.yaml');
    await client.open(uri, SEED);
    await client.currentDiagnostics(uri);
    const twoMillion = HOSTILE_DOCS.find((h) => h.name.startsWith('2 million paragraphs'))!;
    const work = importError(client, twoMillion.bytes(), 'hostile.docx');
    const { slowest } = await hoverWhile(client, uri, work);
    const err = await work;
    assert.equal(err.code, 2);
    assert.equal(err.data?.code, 'IMPORT-TOO-LARGE');
    assert.equal(err.data?.limit, 'paragraphs');
    assert.match(err.message, /^IMPORT-TOO-LARGE: 导入已停止：段落或行数为 20001，超过上限 20000/);
    assert.ok(slowest < 1_000, `hover took ${slowest.toFixed(0)} ms during the import`);
    // A damaged zip: an error without the limit code.
    const corrupt = await importError(client, HOSTILE_DOCS[0].bytes(), 'corrupt.docx');
    assert.equal(corrupt.code, 3);
    assert.match(corrupt.data!.message.en, /damaged/);
    // Still alive: a good import and the open report's diagnostics.
    const ok = await client.request<{ yaml: string }>(ImportRequest.method, {
      data: smallDocx().toString('base64'),
      name: 'ok.docx',
    });
    assert.match(ok.yaml, /某县人民政府/);
    await client.change(uri, SEED.replace('贵南县沙沟乡人民政府', '贵南县某乡人民政府'));
    await client.currentDiagnostics(uri);
    assert.ok(client.alive);
  } finally {
    await client.stop();
  }
});

test('an import past the deadline: the worker is terminated, hovers stay prompt', async () => {
  const client = await TestClient.start({ env: { NIANBAO_IMPORT_TIME_MS: '300' } });
  try {
    const uri = uriFor('open.nianbao.yaml');
    await client.open(uri, SEED);
    await client.currentDiagnostics(uri);
    const work = importError(client, heavyDocx(), 'heavy.docx');
    const { slowest, count } = await hoverWhile(client, uri, work);
    const err = await work;
    assert.equal(err.data?.code, 'IMPORT-TOO-LARGE');
    assert.equal(err.data?.limit, 'timeMs');
    assert.ok(count > 0 && slowest < 1_000, `hover took ${slowest.toFixed(0)} ms during the import`);
    await client.waitForLog(/^\[nianbao\] import of heavy\.docx refused: IMPORT-TOO-LARGE/);
    assert.ok(client.alive);
  } finally {
    await client.stop();
  }
});

test("an import that exhausts the worker's heap ends in IMPORT-TOO-LARGE (memory), not in the server's death", async () => {
  const client = await TestClient.start({ env: { NIANBAO_IMPORT_HEAP_MB: '48' } });
  try {
    const uri = uriFor('open.nianbao.yaml');
    await client.open(uri, SEED);
    const err = await importError(client, heavyDocx(), 'heavy.docx');
    assert.equal(err.data?.code, 'IMPORT-TOO-LARGE');
    assert.match(err.data!.message.en, /memory \(MB\)/);
    const h = await client.hover(uri, positionOf(SEED, 'art20_9', 1));
    assert.match(JSON.stringify(h?.contents), /政府集中采购项目/);
    assert.ok(client.alive);
  } finally {
    await client.stop();
  }
});

test('a file over the input limit is refused before it is read', async () => {
  const client = await TestClient.start({ locale: 'en' });
  try {
    const big = HOSTILE_DOCS.find((h) => h.expect === 'inputBytes')!.bytes();
    const err = await importError(client, big, 'big.txt');
    assert.equal(err.data?.limit, 'inputBytes');
    assert.match(err.message, /^IMPORT-TOO-LARGE: Import stopped: file size \(bytes\)/);
  } finally {
    await client.stop();
  }
});
