/**
 * PDF import (import/pdf/): every table cell of the fixture PDFs in test/fixtures/pdf/ after the
 * full import, compared with truth files; the Source's shape (spans, joined labels, page
 * furniture, continued tables); typed failures (no text layer, damaged file, limits).
 * `node --test out/test/unit/import-pdf.test.js` prints the cells right per fixture.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { importBytes, importPdf, isImportFailure, sniff } from '../../import';
import { pdfSource } from '../../import/pdf';
import { tablesOf } from '../../core/schema/tables';
import type { FormatId } from '../../core/types';
import { ROOT } from '../helpers/report';

const pdf = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', 'pdf', name)));
const truth = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'pdf', name), 'utf8')) as Record<string, unknown>;

/** Every template cell of the format's three tables, by YAML path (`applications.granted.natural`). */
function tableCells(yaml: string, format: FormatId): Record<string, unknown> {
  const doc = parse(yaml) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const t of tablesOf(format)) {
    for (const r of t.rows) {
      let cur: unknown = doc;
      for (const k of r.path) cur = (cur as Record<string, unknown> | undefined)?.[k];
      for (const c of r.columns) out[[...r.path, c.key].join('.')] = (cur as Record<string, unknown> | undefined)?.[c.key];
    }
  }
  return out;
}

/** Cells right out of the expected ones, and the wrong ones with what came out. */
function compareCells(actual: Record<string, unknown>, expected: Record<string, unknown>) {
  const wrong = Object.entries(expected)
    .filter(([k, v]) => JSON.stringify(actual[k]) !== JSON.stringify(v))
    .map(([k, v]) => `${k}: ${JSON.stringify(actual[k])} (expected ${JSON.stringify(v)})`);
  return { right: Object.keys(expected).length - wrong.length, expected: Object.keys(expected).length, wrong };
}

async function cellsOf(file: string, expected: Record<string, unknown>, format: FormatId) {
  const res = await importBytes(pdf(file), file);
  assert.equal(res.report.layout, 'pdf-geometry');
  assert.equal(res.format, format);
  const c = compareCells(tableCells(res.yaml, format), expected);
  console.log(`${file}: ${c.right}/${c.expected} cells right${c.wrong.length ? `\n  ${c.wrong.join('\n  ')}` : ''}`);
  return { res, ...c };
}

test('compareCells counts and names wrong cells', () => {
  const c = compareCells({ a: 1, b: null, c: 'x' }, { a: 1, b: 0, c: 'x', d: 2 });
  assert.deepEqual(c, { right: 2, expected: 4, wrong: ['b: null (expected 0)', 'd: undefined (expected 2)'] });
});

test('淮安 2024 (real PDF, ruled tables): all 200 cells of 表二/表三/表四', async () => {
  const { res, right, expected, wrong } = await cellsOf(
    '002_huaian-shi-2024.pdf',
    truth('002_huaian-shi-2024.truth.json'),
    '2021',
  );
  assert.equal(expected, 200);
  assert.deepEqual(wrong, []);
  assert.equal(right, 200);
  assert.equal(res.ok, true);
  assert.deepEqual(
    res.tables.map((t) => t.cells),
    [10, 175, 15],
  );
  assert.deepEqual(res.warnings, []);
  const doc = parse(res.yaml) as { meta: { title: string; organ: string }; problems: string };
  assert.equal(doc.meta.title, '淮安市人民政府2024年政府信息公开工作年度报告');
  // A paragraph wrapped over a page break is one paragraph.
  assert.match(doc.problems, /还有一些需要加强和改进的地方。主要表现在/);
});

test('seed 004 printed by Chromium (2019 format): the cells of the published YAML', async () => {
  const seed = parse(readFileSync(join(ROOT, 'examples', 'reports', 'seed-004-shagou-2020.nianbao.yaml'), 'utf8')) as object;
  const expected = tableCells(JSON.stringify(seed), '2019');
  for (const file of ['seed-004-shagou-2020.pdf', 'seed-004-split-table.pdf']) {
    const { wrong, right, expected: n } = await cellsOf(file, expected, '2019');
    assert.equal(n, 198);
    // The published table is malformed (rows of different widths): in its ragged right edge the
    // last 0 of 四、结转下年度继续办理 lands in a cell spanning three rows (see the report).
    assert.deepEqual(wrong, ['applications.carry_forward.total: null (expected 0)']);
    assert.equal(right, 197);
  }
});

test('君山 2023 printed by Chromium (borderless 表二/表三, ruled 表四): all 200 cells', async () => {
  const { wrong, right } = await cellsOf('012_pingtan-junshan-2023.pdf', truth('012_pingtan-junshan-2023.truth.json'), '2021');
  assert.deepEqual(wrong, []);
  assert.equal(right, 200);
});

test('the Source of 淮安 2024: spans, joined labels, continued table, page numbers', async () => {
  const src = await pdfSource(pdf('002_huaian-shi-2024.pdf'));
  assert.equal(src.layout, 'pdf-geometry');
  const rows = src.blocks.filter((b) => b.kind === 'row');
  const find = (text: string) => rows.flatMap((r) => r.cells).find((c) => c.text === text);
  assert.equal(find('申请人情况')?.colspan, 7);
  assert.equal(find('法人或其他组织')?.colspan, 5);
  assert.equal(find('行政诉讼')?.colspan, 10);
  assert.equal(find('自然人')?.rowspan, 2);
  // Letter-spaced and wrapped header cells, a label written one character per line.
  for (const t of [
    '商业企业',
    '科研机构',
    '社会公益组织',
    '法律服务机构',
    '三、本年度办理结果',
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  ])
    assert.ok(find(t), t);
  // The group label cut by the page break (（四）无 / 法提供) is one cell again.
  assert.ok(find('（四）无法提供'));
  assert.ok(!find('法提供'));
  // A value spanning the 2021 表二's three value columns leaves placeholders, like HTML.
  const licensing = rows.find((r) => r.cells[0].text === '行政许可')!;
  assert.deepEqual(
    licensing.cells.map((c) => [c.text, !!c.merged]),
    [
      ['行政许可', false],
      ['447228', false],
      ['', true],
      ['', true],
    ],
  );
  // Line numbers are page × 1000 + n; the six page numbers (-1- … -6-) are furniture.
  assert.equal(src.pageNumbers.length, 6);
  assert.deepEqual(
    src.pageNumbers.map((l) => Math.floor(l / 1000)),
    [1, 2, 3, 4, 5, 6],
  );
  assert.ok(!src.blocks.some((b) => b.kind === 'text' && /^-\d-$/.test(b.text)));
  assert.equal(Math.floor(licensing.line / 1000), 3);
  const headings = src.blocks.filter((b) => b.kind === 'text' && b.heading).map((b) => (b.kind === 'text' ? b.text : ''));
  assert.ok(headings.includes('三、收到和处理政府信息公开申请情况'));
});

test('a table continued on the next page: repeated header rows are skipped', async () => {
  const src = await pdfSource(pdf('seed-004-split-table.pdf'));
  const rows = src.blocks.filter((b) => b.kind === 'row');
  const headerRows = rows.filter((r) => r.cells.some((c) => c.text === '申请人情况'));
  assert.equal(headerRows.length, 1);
  // The header wrapped over two lines (商业 / 企业) is one cell.
  assert.equal(rows.flatMap((r) => r.cells).filter((c) => c.text === '商业企业').length, 1);
  // The rows go on in order across the break, which falls inside the （四）无法提供 group.
  const rowOf = (t: string) => rows.find((r) => r.cells.some((c) => c.text === t))!;
  const before = rowOf('1.本机关不掌握相关政府信息');
  const after = rowOf('2.没有现成信息需要另行制作');
  assert.equal(Math.floor(after.line / 1000), Math.floor(before.line / 1000) + 1, 'the table really spans two pages');
  assert.equal(rows.indexOf(after), rows.indexOf(before) + 1);
  assert.ok(rows.flatMap((r) => r.cells).some((c) => c.text === '（四）无法提供'));
});

test('a PDF without a text layer is IMPORT-NO-TEXT', async () => {
  await assert.rejects(importBytes(pdf('scan-image-only.pdf'), 'scan.pdf'), (e: unknown) => {
    assert.ok(isImportFailure(e));
    assert.equal(e.code, 'IMPORT-NO-TEXT');
    assert.match(e.text['zh-CN'], /没有文字层/);
    assert.match(e.text.en, /no text layer/);
    return true;
  });
});

test('a damaged PDF gives a one-line IMPORT-UNREADABLE, never a stack trace', async () => {
  const full = pdf('002_huaian-shi-2024.pdf');
  for (const bytes of [full.subarray(0, Math.floor(full.length / 3)), new TextEncoder().encode('%PDF-1.7\nnot really\n')]) {
    await assert.rejects(importBytes(bytes, 'broken.pdf'), (e: unknown) => {
      assert.ok(isImportFailure(e));
      assert.equal(e.code, 'IMPORT-UNREADABLE');
      assert.ok(!e.text.en.includes('\n') && !e.text['zh-CN'].includes('\n'));
      return true;
    });
  }
});

test('the limits trigger as IMPORT-TOO-LARGE naming the limit', async () => {
  const bytes = pdf('002_huaian-shi-2024.pdf');
  const base = { maxPages: 200, maxTextItems: 200_000, maxPathCoords: 400_000 };
  for (const [limits, name] of [
    [{ ...base, maxPages: 5 }, 'MAX_PAGES'],
    [{ ...base, maxTextItems: 100 }, 'MAX_TEXT_ITEMS'],
    [{ ...base, maxPathCoords: 50 }, 'MAX_PATH_COORDS'],
  ] as const) {
    await assert.rejects(importPdf(bytes, { limits }), (e: unknown) => {
      assert.ok(isImportFailure(e));
      assert.equal(e.code, 'IMPORT-TOO-LARGE');
      assert.equal(e.limit?.name, name);
      assert.ok(e.text.en.includes(name));
      return true;
    });
  }
});

test('sniff: %PDF- magic and the .pdf name', () => {
  const magic = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n');
  assert.equal(sniff('report.bin', magic), 'pdf');
  assert.equal(sniff('report.PDF', new Uint8Array([1, 2, 3])), 'pdf');
  assert.equal(sniff('report.txt', new TextEncoder().encode('一、总体情况')), 'text');
});

test('the CLI, server and import-worker bundles do not contain pdf.js; the importing ones load dist/pdf.js when needed', () => {
  const dist = join(ROOT, 'dist');
  assert.ok(existsSync(join(dist, 'cli.js')), 'bundles are built by `npm run build` before the tests');
  // The CLI loads the import command (dist/import.js) only for `nianbao import`; it loads pdf.js.
  for (const b of ['import.js', 'server.js', 'importWorker.js']) {
    const code = readFileSync(join(dist, b), 'utf8');
    assert.ok(!code.includes('WorkerMessageHandler'), `${b} must not contain pdf.js`);
    // The server imports in its worker thread (server/import.ts), so only the CLI and the worker load the reader.
    if (b !== 'server.js') assert.ok(code.includes('./pdf.js'), `${b} loads ./pdf.js lazily`);
  }
  const cli = readFileSync(join(dist, 'cli.js'), 'utf8');
  assert.ok(!cli.includes('WorkerMessageHandler') && !cli.includes('mammoth'), 'cli.js contains no importer libraries');
  assert.ok(cli.includes('./import.js'), 'cli.js loads ./import.js for `nianbao import`');
  assert.ok(readFileSync(join(dist, 'pdf.js'), 'utf8').includes('WorkerMessageHandler'));
});
