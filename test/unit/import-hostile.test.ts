/**
 * The importer against hostile DOCX/HTML/TXT (test/helpers/hostile-docs.ts): each ends in an
 * ImportFailure — IMPORT-TOO-LARGE naming the limit it passed, or unreadable input — never another
 * exception, a hang or a report with U+FFFD, within a bounded time. Inputs just under the limits
 * still import.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importBytes, isImportFailure, LIMITS } from '../../import';
import { inspectDocx, zipEntries } from '../../import/docx';
import { HOSTILE_DOCS, makeDocx, smallDocx } from '../helpers/hostile-docs';

const nameFor = (h: { name: string }) =>
  /HTML/.test(h.name) ? 'hostile.html' : /TXT|input size/.test(h.name) ? 'hostile.txt' : 'hostile.docx';

for (const h of HOSTILE_DOCS) {
  test(`hostile import: ${h.name} → ${h.expect === 'unreadable' ? 'unreadable' : `IMPORT-TOO-LARGE (${h.expect})`}`, async () => {
    const bytes = h.bytes();
    const t0 = performance.now();
    const err = await importBytes(bytes, nameFor(h)).then(
      () => undefined,
      (e: unknown) => e,
    );
    const ms = performance.now() - t0;
    assert.ok(isImportFailure(err), `an ImportFailure, got ${String(err)}`);
    if (h.expect === 'unreadable') {
      assert.equal(err.code, 'IMPORT-UNREADABLE');
      assert.match(err.text['zh-CN'], /^无法导入：/);
      assert.match(err.text.en, /^Cannot import: /);
    } else {
      assert.equal(err.code, 'IMPORT-TOO-LARGE');
      assert.equal(err.limit?.name, h.expect);
      assert.ok(err.text['zh-CN'].includes(LIMITS[h.expect].zh) && err.text.en.includes(LIMITS[h.expect].en));
      assert.ok(err.text.en.includes(`over the limit of ${LIMITS[h.expect].max}`));
    }
    assert.ok(ms < 10_000, `${ms.toFixed(0)} ms`);
  });
}

test('just under the limits still imports: a small DOCX, 19,000 paragraphs, a 200-deep HTML', async () => {
  assert.equal((await importBytes(smallDocx(), 'small.docx')).format, '2021');
  const many = makeDocx('<w:p><w:r><w:t>段落</w:t></w:r></w:p>'.repeat(19_000));
  assert.ok(inspectDocx(many).paragraphs === 19_000);
  assert.ok((await importBytes(many, 'many.docx')).yaml.length > 0);
  const deep = Buffer.from(`<html><body>${'<div>'.repeat(200)}某县人民政府2022年政府信息公开工作年度报告</body></html>`);
  assert.match((await importBytes(deep, 'deep.html')).yaml, /某县人民政府/);
});

test('the zip central directory is read without unpacking: names, methods and declared sizes', () => {
  const entries = zipEntries(smallDocx());
  assert.deepEqual(
    entries.map((e) => [e.name, e.method]),
    [
      ['[Content_Types].xml', 8],
      ['_rels/.rels', 8],
      ['word/document.xml', 8],
    ],
  );
  assert.ok(entries.every((e) => e.size > e.compressedSize));
});

test('a published DOCX fixture passes the inspection with room to spare', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { ROOT } = await import('../helpers/report');
  const stats = inspectDocx(readFileSync(join(ROOT, 'test', 'fixtures', 'seed-004-shagou-2020.docx')));
  assert.ok(stats.paragraphs < LIMITS.paragraphs.max / 10 && stats.depth < LIMITS.nesting.max / 4, JSON.stringify(stats));
});
