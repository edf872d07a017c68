/**
 * The preview / export HTML: every example renders with the official table structure (row and
 * column spans that tile every table, every cell present with its path and source line),
 * diagnostics on their cells, a strict CSP, and every text escaped.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { parse } from 'yaml';
import { checkText } from '../../core';
import { importHtml } from '../../import';
import { renderReport, renderText } from '../../render';
import { esc } from '../../render/escape';
import { groupLabels, nodeAt, x } from '../../core/schema/nodes';
import { labelAt } from '../../core/schema/labels';
import { tablesOf } from '../../core/schema/tables';
import type { FormatId } from '../../core/types';
import { ROOT, example, zeroReport } from '../helpers/report';

interface El {
  type: string;
  name?: string;
  attribs: Record<string, string>;
  children: El[];
  data?: string;
}

function dom(html: string): El {
  return parseDocument(html) as unknown as El;
}
function all(n: El, pred: (e: El) => boolean, out: El[] = []): El[] {
  if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
    if (pred(n)) out.push(n);
  }
  for (const c of n.children ?? []) all(c, pred, out);
  return out;
}
function text(n: El): string {
  return n.type === 'text' ? (n.data ?? '') : (n.children ?? []).map(text).join('');
}
const byName = (root: El, name: string) => all(root, (e) => e.name === name);

/** Lays the table out on a grid; returns its width and asserts every row is fully and singly covered. */
function tile(table: El): { width: number; rows: number } {
  const trs = all(table, (e) => e.name === 'tr');
  const occupied: boolean[][] = [];
  let width = -1;
  trs.forEach((tr, r) => {
    occupied[r] ??= [];
    let c = 0;
    for (const cell of tr.children.filter((e) => e.name === 'td' || e.name === 'th')) {
      while (occupied[r][c]) c++;
      const cs = Number(cell.attribs.colspan ?? 1);
      const rs = Number(cell.attribs.rowspan ?? 1);
      for (let i = 0; i < rs; i++)
        for (let j = 0; j < cs; j++) {
          occupied[r + i] ??= [];
          assert.ok(!occupied[r + i][c + j], `overlap at row ${r + i} col ${c + j}`);
          occupied[r + i][c + j] = true;
        }
      c += cs;
    }
  });
  occupied.slice(0, trs.length).forEach((row, r) => {
    const n = row.filter(Boolean).length;
    assert.equal(row.length, n, `hole in row ${r}`);
    if (width < 0) width = n;
    assert.equal(n, width, `row ${r} is ${n} wide, the table ${width}`);
  });
  assert.equal(occupied.length, trs.length, 'a rowspan runs past the table');
  return { width, rows: trs.length };
}

const examples = readdirSync(join(ROOT, 'examples', 'reports')).filter((f) => f.endsWith('.yaml'));

for (const name of examples) {
  test(`render ${name}: tables tile, every cell present with its source line`, () => {
    const yaml = example(`reports/${name}`);
    const result = checkText(yaml);
    const html = renderReport(result);
    const root = dom(html);
    const doc = parse(yaml) as Record<string, unknown>;
    const has = (p: string[]) =>
      p.reduce<unknown>((cur, k) => (cur as Record<string, unknown> | undefined)?.[k], doc) !== undefined;
    // Each table in the format whose keys the document uses (a mixed report: 2021 表二, 2019 表三).
    const specs = tablesOf(result.format as FormatId).map((t) => {
      const count = (f: FormatId) =>
        tablesOf(f)
          .find((s) => s.key === t.key)!
          .rows.flatMap((r) => r.columns.map((c) => [...r.path, c.key]))
          .filter(has).length;
      const other: FormatId = result.format === '2019' ? '2021' : '2019';
      return count(other) > count(result.format as FormatId) ? tablesOf(other).find((s) => s.key === t.key)! : t;
    });
    const format = result.format as FormatId;
    const tables = all(
      root,
      (e) => e.name === 'table' && /\bofficial\b/.test(e.attribs.class ?? '') && !/\bextra\b/.test(e.attribs.class),
    );
    assert.equal(tables.length, 3);
    const widths = tables.map((t) => tile(t).width);
    const [t2, t3, t4] = specs;
    assert.equal(widths[0], 1 + Math.max(...t2.rows.map((r) => r.columns.length)));
    assert.equal(widths[1], 3 + t3.rows[0].columns.length);
    assert.equal(
      widths[2],
      t4.rows.reduce((n, r) => n + r.columns.length, 0),
    );
    // Every cell of every table, once, with the YAML line of its value.
    const tds = byName(root, 'td').filter((e) => e.attribs['data-path'] && !e.attribs['data-path'].startsWith('extra_rows'));
    const expected = specs.flatMap((t) => t.rows.flatMap((r) => r.columns.map((c) => [...r.path, c.key].join('.'))));
    assert.deepEqual(tds.map((e) => e.attribs['data-path']).sort(), expected.sort());
    const lines = yaml.split('\n');
    for (const e of tds) {
      const path = e.attribs['data-path'].split('.');
      const line = lines[Number(e.attribs['data-line'])];
      assert.match(line, new RegExp(`\\b${path[path.length - 2]}:.*\\b${path[path.length - 1]}:`), e.attribs['data-path']);
    }
    // The six section headings, in order.
    const h2 = byName(root, 'h2').map(text);
    assert.deepEqual(
      h2,
      ['overview', 'active_disclosure', 'applications', 'review_litigation', 'problems', 'other_matters'].map((k) =>
        labelAt(format, [k]),
      ),
    );
  });
}

test('render: the official spans of 表三 and 表四, and 表二 captions', () => {
  for (const format of ['2019', '2021'] as FormatId[]) {
    const root = dom(renderText(zeroReport(format)));
    const t3 = tablesOf(format)[1];
    const group = all(root, (e) => e.attribs['data-group'] === 'result')[0];
    assert.equal(text(group), groupLabels.result);
    assert.equal(Number(group.attribs.rowspan), t3.rows.filter((r) => x(nodeAt(format, [t3.key, r.rel[0]])).rowGroup).length);
    assert.equal(Number(group.attribs.rowspan), format === '2019' ? 20 : 22);
    const denied = all(root, (e) => e.name === 'th' && e.attribs['data-path'] === 'applications.denied')[0];
    assert.equal(denied.attribs.rowspan, '8');
    const note = all(root, (e) => e.name === 'th' && /\bnote\b/.test(e.attribs.class ?? ''))[0];
    assert.deepEqual([note.attribs.rowspan, note.attribs.colspan], ['3', '3']);
    const th = (label: string) => all(root, (e) => e.name === 'th' && text(e) === label);
    assert.equal(th(groupLabels.applicant)[0].attribs.colspan, '7');
    assert.equal(th(groupLabels.legalPerson)[0].attribs.colspan, '5');
    assert.equal(th(groupLabels.litigation)[0].attribs.colspan, '10');
    assert.equal(th(labelAt(format, ['review_litigation', 'review']))[0].attribs.colspan, '5');
    assert.equal(th(labelAt(format, ['review_litigation', 'lit_direct']))[0].attribs.colspan, '5');
    const caption = all(root, (e) => e.name === 'th' && e.attribs['data-path'] === 'active_disclosure.art20_1')[0];
    assert.equal(caption.attribs.colspan, '4');
    if (format === '2021') {
      // 2021 表二's one-column sub-tables span the three value columns.
      const fee = all(
        root,
        (e) => e.name === 'td' && e.attribs['data-path'] === 'active_disclosure.art20_8.fees.amount_wan_yuan',
      )[0];
      assert.equal(fee.attribs.colspan, '3');
    }
  }
});

test('render: cells with diagnostics are highlighted, the messages in their title', () => {
  const yaml = example('reports/seed-004-shagou-2020.nianbao.yaml');
  const root = dom(renderText(yaml));
  const cell = (p: string) => all(root, (e) => e.name === 'td' && e.attribs['data-path'] === p)[0];
  const total = cell('applications.total_processed.total');
  assert.match(total.attribs.class, /\bd-error\b/);
  assert.match(total.attribs.title, /T3-BAL/);
  assert.match(total.attribs.title, /T3-SUM-V/);
  const blank = cell('applications.partial.natural');
  assert.match(blank.attribs.class, /\bblank\b.*\bd-warning\b/);
  assert.equal(text(blank), '');
  assert.match(cell('active_disclosure.art20_9.central_procurement.items').attribs.class, /\btext\b.*\bd-warning\b/);
  assert.doesNotMatch(cell('applications.new_received.total').attribs.class, /\bd-/);
  // The findings list links every finding to its line.
  const items = all(root, (e) => e.name === 'li' && e.attribs['data-line'] !== undefined);
  assert.equal(items.length, checkText(yaml).diagnostics.length);
});

test('render: every text is escaped (narrative, cells, meta, extra rows)', () => {
  const evil = zeroReport('2019')
    .replace(
      /^overview: .*$/m,
      'overview: |\n  <script>alert(1)</script>\n  <img src=x onerror="alert(2)"> & “quotes” \'single\'',
    )
    .replace(/^ {2}title: .*$/m, '  title: "</title><script>alert(3)</script>"')
    .replace(/(new_received: +\{natural: )0/, '$1"<b onmouseover=alert(4)>1</b>"')
    .concat('extra_rows:\n  - {table: 表二, label: "<iframe src=javascript:alert(5)>", value: "<svg onload=alert(6)>"}\n');
  for (const opts of [{}, { nonce: 'abc123', script: true }]) {
    const html = renderText(evil, opts);
    const root = dom(html);
    assert.equal(byName(root, 'img').length, 0);
    assert.equal(byName(root, 'b').length, 0);
    assert.equal(byName(root, 'iframe').length, 0);
    assert.equal(byName(root, 'svg').length, 0);
    const scripts = byName(root, 'script');
    assert.equal(scripts.length, 'script' in opts ? 1 : 0);
    for (const s of scripts) assert.equal(s.attribs.nonce, 'abc123');
    assert.doesNotMatch(html, /<script>alert|<img |onerror="alert/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /&lt;img src=x onerror=&quot;alert\(2\)&quot;&gt; &amp; “quotes” &#39;single&#39;/);
    assert.equal(text(byName(root, 'title')[0]), '</title><script>alert(3)</script>');
    const cell = all(root, (e) => e.attribs['data-path'] === 'applications.new_received.natural')[0];
    assert.equal(text(cell), '<b onmouseover=alert(4)>1</b>');
  }
});

test('render: strict Content Security Policy, nonce or hash', () => {
  const zero = zeroReport('2021');
  const csp = (html: string) =>
    all(dom(html), (e) => e.name === 'meta' && e.attribs['http-equiv'] === 'Content-Security-Policy')[0].attribs.content;
  const exported = renderText(zero);
  assert.match(csp(exported), /default-src 'none'/);
  assert.match(csp(exported), /script-src 'none'/);
  assert.match(csp(exported), /style-src 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(exported, /\sstyle="/, 'no inline style attributes (blocked by the CSP)');
  const webview = renderText(zero, { nonce: 'N0nce', cspSource: 'https://*.vscode-cdn.net', script: true });
  assert.match(csp(webview), /style-src 'nonce-N0nce'/);
  assert.match(csp(webview), /script-src 'nonce-N0nce'/);
  assert.match(csp(webview), /img-src data: https:\/\/\*\.vscode-cdn\.net/);
  // A nonce cannot break out of the policy or the attribute.
  const hostile = renderText(zero, { nonce: `x' 'unsafe-inline"><script>`, script: true });
  assert.doesNotMatch(csp(hostile), /unsafe-inline'|<script/);
  assert.equal(esc(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

/** Every table cell of `original` reads back the same from `roundTripped` ({value, unit} cells read back as text). */
function assertSameCells(name: string, original: string, roundTripped: string, format: FormatId): void {
  const a = parse(original) as Record<string, unknown>;
  const b = parse(roundTripped) as Record<string, unknown>;
  for (const t of tablesOf(format)) {
    for (const r of t.rows) {
      for (const c of r.columns) {
        const get = (doc: Record<string, unknown>) =>
          [...r.path, c.key].reduce<unknown>((cur, k) => (cur as Record<string, unknown> | undefined)?.[k], doc);
        const v = get(a);
        if (v !== null && typeof v === 'object') continue;
        assert.deepEqual(get(b), typeof v === 'string' ? v.replace(/\s+/g, ' ') : v, `${name} ${[...r.path, c.key].join('.')}`);
      }
    }
  }
}

test('render → import: the official layout reads back to the same numbers', () => {
  for (const name of examples) {
    const yaml = example(`reports/${name}`);
    const result = checkText(yaml);
    const back = importHtml(renderReport(result, { diagnostics: false }));
    assert.equal(back.ok, true, name);
    assertSameCells(name, yaml, back.yaml, result.format as FormatId);
  }
});

test('server nianbao/preview: the page carries the webview nonce, CSP source and the scroll script', async () => {
  const { previewHtml } = await import('../../server/preview');
  const html = previewHtml(example('reports/seed-004-shagou-2020.nianbao.yaml'), {
    nonce: 'abcDEF123',
    cspSource: 'vscode-webview://x',
  });
  const root = dom(html);
  const scripts = byName(root, 'script');
  assert.equal(scripts.length, 1);
  assert.equal(scripts[0].attribs.nonce, 'abcDEF123');
  assert.match(text(scripts[0]), /postMessage\(\{ type: 'ready' \}\)/);
  assert.equal(byName(root, 'style')[0].attribs.nonce, 'abcDEF123');
  assert.match(html, /img-src data: vscode-webview:\/\/x/);
  // Without a nonce from the client the server makes one.
  const own = dom(previewHtml('format: 2021\n', {}));
  assert.match(byName(own, 'script')[0].attribs.nonce, /^[A-Za-z0-9+/=]{16,}$/);
});

test('DOCX export: the official layout in Word reads back to the same numbers', async () => {
  const { renderDocx } = await import('../../render/docx');
  const { importDocx } = await import('../../import');
  for (const name of ['seed-004-shagou-2020.nianbao.yaml', 'clean-2021.nianbao.yaml', 'seed-003-shuangying-2020.nianbao.yaml']) {
    const yaml = example(`reports/${name}`);
    const result = checkText(yaml);
    const bytes = await renderDocx(result);
    assert.deepEqual([...bytes.slice(0, 2)], [0x50, 0x4b], 'a ZIP container');
    const back = await importDocx(bytes);
    assert.equal(back.ok, true, name);
    assertSameCells(name, yaml, back.yaml, result.format as FormatId);
    const a = parse(yaml) as Record<string, unknown>;
    const b = parse(back.yaml) as Record<string, unknown>;
    const title = (a.meta as { title?: string }).title;
    if (title) assert.equal((b.meta as { title?: string }).title, title);
    if (name.startsWith('seed-003')) assert.deepEqual(b.extra_rows, a.extra_rows);
  }
});

test('render --locale en: the notes nianbao adds are English; the document stays as printed', () => {
  const seed = example('reports/seed-004-shagou-2020.nianbao.yaml');
  // The last section (六、其他需要报告的事项) cut off: the page notes that it is missing.
  const text = seed.slice(0, seed.indexOf('\nother_matters:') + 1);
  const { report, diagnostics } = checkText(text);
  const input = { report, diagnostics, format: null };
  const en = renderReport(input, { locale: 'en' });
  assert.match(en, /<summary>Findings: .*error\(s\).*hover over a marked cell/);
  assert.match(en, /\(this section is missing from the document\)/);
  assert.doesNotMatch(en, /检查结果|原文缺少|（空）|非模板行/);
  // The official labels and the organ's text are the document's own.
  assert.match(en, /沙沟乡/);
  const zh = renderReport(input);
  assert.match(zh, /检查结果：.*（标出的单元格悬停可见说明）/);
  assert.match(zh, /（原文缺少此节）/);
});
