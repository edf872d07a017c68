/**
 * The same report as plain text, as a government web page (rowspan/colspan, `&nbsp;` cells,
 * Word-export markup, site header and footer) and as a Word file imports to the same numbers.
 * Fixtures: test/fixtures/seed-004-shagou-2020.{html,docx}, built from seeds/004.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { decodeText, importBytes, importDocx, importHtml, importText, sniff } from '../../import';
import { tablesOf } from '../../core/schema/tables';
import { ROOT } from '../helpers/report';

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', name));
const seed = () => readFileSync(join(ROOT, 'test', 'fixtures', 'corpus', 'seeds', '004_88a6af14f6d602ea.txt'), 'utf8');

function tableCells(yaml: string): Record<string, unknown> {
  const doc = parse(yaml) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const t of tablesOf('2019')) {
    for (const r of t.rows) {
      let cur: unknown = doc;
      for (const k of r.path) cur = (cur as Record<string, unknown> | undefined)?.[k];
      for (const c of r.columns) out[[...r.path, c.key].join('.')] = (cur as Record<string, unknown> | undefined)?.[c.key];
    }
  }
  return out;
}

test('seed 004 as HTML imports to the same numbers as the text', () => {
  const text = importText(seed());
  const html = importHtml(fixture('seed-004-shagou-2020.html').toString('utf8'), { sourceName: 'seed-004-shagou-2020.html' });
  assert.equal(html.ok, true);
  assert.equal(html.report.layout, 'html');
  assert.deepEqual(
    html.tables.map((t) => t.cells),
    [22, 161, 15],
  );
  assert.deepEqual(tableCells(html.yaml), tableCells(text.yaml));
  assert.equal(Object.keys(tableCells(html.yaml)).length, 198);
  // Blank (&nbsp;) cells stay blank, text cells stay text.
  const cells = tableCells(html.yaml);
  assert.equal(cells['applications.partial.total'], null);
  assert.equal(cells['applications.granted.natural'], null);
  assert.equal(cells['active_disclosure.art20_9.central_procurement.amount'], '1066730.5元');
  // Narrative and meta, but not the site's breadcrumb or footer.
  const doc = parse(html.yaml) as { meta: { title: string }; other_matters: string; overview: string };
  assert.equal(doc.meta.title, '贵南县沙沟乡2020年度政府信息公开工作年度报告');
  assert.equal(doc.other_matters, '无。\n');
  assert.match(doc.overview, /^2020年，沙沟乡主动公开政府信息情况/);
  assert.ok(html.warnings.some((w) => /网页附带文字/.test(w.message['zh-CN']) && /主办单位/.test(w.text ?? '')));
  // Warnings point at the HTML source line of the row.
  const empty = html.warnings.find((w) => /空单元格/.test(w.message['zh-CN']));
  assert.ok(empty && /<tr>/.test(fixture('seed-004-shagou-2020.html').toString('utf8').split('\n')[empty.line - 1]));
});

test('seed 004 as DOCX imports to the same numbers as the text', async () => {
  const docx = await importDocx(fixture('seed-004-shagou-2020.docx'), { sourceName: 'seed-004-shagou-2020.docx' });
  assert.equal(docx.ok, true);
  assert.equal(docx.report.layout, 'docx');
  assert.deepEqual(tableCells(docx.yaml), tableCells(importText(seed()).yaml));
});

test('importBytes tells DOCX, HTML and text apart', async () => {
  assert.equal(sniff('x.bin', fixture('seed-004-shagou-2020.docx')), 'docx');
  assert.equal(sniff('report', fixture('seed-004-shagou-2020.html')), 'html');
  assert.equal(sniff('report.txt', Buffer.from(seed())), 'text');
  const viaBytes = await importBytes(fixture('seed-004-shagou-2020.html'), 'page');
  assert.equal(viaBytes.report.layout, 'html');
  // GBK-encoded text is decoded too.
  const gbk = Buffer.from('\xb1\xa8\xb8\xe6', 'latin1'); // 报告 in GBK
  assert.equal((await importBytes(gbk, 'x.txt')).report.layout, 'prose');
  assert.equal(decodeText(gbk), '报告');
  // UTF-8 cut in the middle of a character is still UTF-8.
  const cut = Buffer.from(seed()).subarray(0, 3001);
  assert.match(decodeText(cut), /^贵南县沙沟乡2020年度/);
});

test('HTML: a value cell merged over two columns leaves the second blank, with a warning', () => {
  const html = fixture('seed-004-shagou-2020.html').toString('utf8');
  // 行政许可's three cells (0, 0, 0) → one cell "5" spanning two columns, then "0".
  const row =
    /(<tr><td[^>]*><p[^>]*><span[^>]*>行政许可<\/span><\/p><\/td>)(<td[^>]*>.*?<\/td>)(<td[^>]*>.*?<\/td>)(<td[^>]*>.*?<\/td>)<\/tr>/;
  assert.match(html, row);
  const merged = html.replace(
    row,
    (_m, label, a, _b, c) => `${label}${a.replace('<td', '<td colspan="2"').replace('>0<', '>5<')}${c}</tr>`,
  );
  const r = importHtml(merged);
  const cells = tableCells(r.yaml);
  assert.equal(cells['active_disclosure.art20_5.licensing.prev_items'], 5);
  assert.equal(cells['active_disclosure.art20_5.licensing.delta'], null);
  assert.equal(cells['active_disclosure.art20_5.licensing.decisions'], 0);
  assert.match(r.yaml, /licensing: .*# 本年增\/减：合并单元格/);
});

test('server nianbao/import: from a path, a file URI or the bytes', async () => {
  // The request runs the import in the worker bundle beside the server; this test file is bundled elsewhere.
  process.env.NIANBAO_IMPORT_WORKER = join(ROOT, 'dist', 'importWorker.js');
  const { importRequest } = await import('../../server/import');
  const path = join(ROOT, 'test', 'fixtures', 'seed-004-shagou-2020.html');
  const byPath = await importRequest({ path });
  assert.equal(byPath.ok, true);
  assert.deepEqual(
    byPath.tables.map((t) => t.cells),
    [22, 161, 15],
  );
  assert.match(byPath.yaml, /^# 来源：seed-004-shagou-2020\.html/);
  const byUri = await importRequest({ uri: `file://${path}` });
  assert.equal(byUri.yaml, byPath.yaml);
  const byData = await importRequest({ data: fixture('seed-004-shagou-2020.docx').toString('base64'), name: 'x.docx' });
  assert.deepEqual(tableCells(byData.yaml), tableCells(byPath.yaml));
  assert.ok(byData.warnings.every((w) => typeof w.message['zh-CN'] === 'string' && typeof w.message.en === 'string'));
  await assert.rejects(importRequest({}), /needs a file/);
});
