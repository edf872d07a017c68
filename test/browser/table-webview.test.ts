/**
 * The table editor's webview alone in headless Chromium (harness.ts: the built page, a fake
 * message bus, the real language server behind it): keyboard navigation, typing, paste and copy,
 * marks and sums, quick fixes from the grid, ARIA, escaping and the page's isolation, and the
 * time from a keystroke to the updated marks.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { example } from '../protocol/client';
import { Harness, playwright } from './harness';

const SEED4 = example('reports/seed-004-shagou-2020.nianbao.yaml');
const skip = playwright() ? false : 'playwright-core is not installed (scripts/setup-editors.sh)';

let h: Harness;
before(async () => {
  if (!skip) h = await Harness.start({ text: SEED4 });
});
after(async () => {
  await h?.stop();
});

const T3 = 'applications';
const key = (k: string) => h.page.keyboard.press(k);

/** Pastes text as Excel puts a range on the clipboard (a paste event with text/plain). */
async function paste(text: string): Promise<void> {
  await h.page.evaluate((t: string) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Copies the selection; returns what the page put on the clipboard. */
function copy(): Promise<string> {
  return h.page.evaluate(() => {
    const data = new DataTransfer();
    document.activeElement!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData('text/plain');
  });
}

const cellClass = (path: string): Promise<string> => h.page.locator(`td[data-path="${path}"]`).getAttribute('class');
const cellText = (path: string): Promise<string> => h.page.locator(`td[data-path="${path}"] .val`).textContent();

test('keyboard: arrows, Home/End, Tab and Shift+Tab move between value cells, across merged headers and tables', {
  skip,
}, async () => {
  await h.focusCell(`${T3}.new_received.natural`);
  assert.equal(await h.activePath(), `${T3}.new_received.natural`);
  const path = async (k: string) => {
    await key(k);
    return h.activePath();
  };
  assert.equal(await path('ArrowRight'), `${T3}.new_received.commercial`);
  assert.equal(await path('End'), `${T3}.new_received.total`);
  assert.equal(await path('ArrowDown'), `${T3}.carried_over.total`);
  assert.equal(await path('Home'), `${T3}.carried_over.natural`);
  assert.equal(await path('ArrowDown'), `${T3}.granted.natural`, 'down past the rowspan of 三、本年度办理结果');
  assert.equal(await path('ArrowDown'), `${T3}.partial.natural`);
  assert.equal(await path('ArrowDown'), `${T3}.denied.state_secret.natural`, 'into the rows of （三）');
  await h.focusCell(`${T3}.granted.total`);
  assert.equal(await path('Tab'), `${T3}.partial.natural`, 'Tab wraps to the next row');
  assert.equal(await path('Shift+Tab'), `${T3}.granted.total`);
  await h.focusCell(`${T3}.new_received.natural`);
  assert.equal(await path('ArrowUp'), 'active_disclosure.art20_9.central_procurement.items', 'up into the last row of 表二');
  await h.focusCell('review_litigation.review.total');
  assert.equal(await path('ArrowRight'), 'review_litigation.lit_direct.upheld', '表四: groups side by side');
  assert.equal(await path('ArrowLeft'), 'review_litigation.review.total');
  // Tab from the last cell of 表四 goes on to the next section's text.
  await h.focusCell('review_litigation.lit_after_review.total');
  await key('Tab');
  assert.equal(await h.page.evaluate(() => (document.activeElement as HTMLElement).dataset.path), 'problems');
  assert.equal(h.sent('edit').length, 0, 'moving writes nothing');
});

test('typing: a key replaces the cell, Enter writes and moves down; F2 edits, Escape cancels, Delete blanks', {
  skip,
}, async () => {
  const from = h.messages.length;
  await h.focusCell(`${T3}.partial.natural`);
  await h.page.keyboard.type('5');
  await key('Enter');
  assert.equal(await h.activePath(), `${T3}.denied.state_secret.natural`);
  await h.settle();
  assert.deepEqual(h.sent('edit', from)[0].changes, [{ path: `${T3}.partial.natural`, input: '5' }]);
  assert.match(h.text, /partial: +\{natural: 5, commercial: null/);
  assert.equal(await cellText(`${T3}.partial.natural`), '5');
  // F2 keeps the text and puts the caret at its end; Escape throws the edit away.
  await h.focusCell(`${T3}.partial.natural`);
  await key('F2');
  await h.page.keyboard.type('0');
  assert.equal(await h.page.locator('.cell-input').inputValue(), '50');
  await key('Escape');
  assert.equal(await h.activePath(), `${T3}.partial.natural`);
  assert.equal(h.sent('edit', from).length, 1, 'Escape wrote nothing');
  // Full-width digits and a unit are cleaned as the checker would; a word stays text and is flagged.
  // Backspace opens an empty editor: what an input method composes lands in it.
  await key('Backspace');
  await h.page.keyboard.insertText('１２件');
  await key('Tab');
  await key('Backspace');
  await h.page.keyboard.insertText('无');
  await key('Tab');
  await h.settle();
  assert.match(h.text, /partial: +\{natural: 12, commercial: "无", research: null/);
  assert.match(await cellClass(`${T3}.partial.commercial`), /\bm-warning\b/);
  assert.match(await cellClass(`${T3}.partial.commercial`), /\btext\b/);
  // Delete blanks the cell.
  await h.focusCell(`${T3}.partial.natural`);
  await key('Delete');
  await h.settle();
  assert.match(h.text, /partial: +\{natural: ~, commercial: "无"/);
});

test('paste: a block from Excel goes into the range as one edit; copy gives the range back as TSV', { skip }, async () => {
  await h.focusCell(`${T3}.granted.natural`);
  const from = h.messages.length;
  const before = h.version;
  // Two rows as Excel copies them: tabs, CRLF, a trailing line break, full-width zeros.
  await paste('0\t0\t0\t0\t0\r\n０\t０\t0\t0\t0\t0\t0\r\n');
  await h.settle();
  const edits = h.sent('edit', from);
  assert.equal(edits.length, 1, 'one message');
  assert.equal(edits[0].changes.length, 12);
  assert.equal(h.version, before + 1, 'one batch of edits: one undo step');
  assert.match(
    h.text,
    /granted: +\{natural: 0, commercial: 0, research: 0, social: 0, legal: 0, other_org: 2, total: 2\} +# 前 5 格原文空白/,
  );
  assert.match(h.text, /partial: +\{natural: 0, commercial: 0, research: 0, social: 0, legal: 0, other_org: 0, total: 0\}/);
  assert.ok(!h.model!.findings.some((f) => f.code === 'T3-BLANK-GROUP' || f.code === 'T3-COMPLETE'), 'the blanks are filled');
  // Copy: the selected rectangle, row by row.
  await h.focusCell(`${T3}.granted.social`);
  await key('Shift+ArrowRight');
  await key('Shift+ArrowRight');
  await key('Shift+ArrowDown');
  assert.equal(await copy(), '0\t0\t2\n0\t0\t0');
  assert.equal(await h.page.locator('td.sel').count(), 6);
  // A block running past the table is cut at its edge, and the page says so.
  await h.focusCell('review_litigation.lit_after_review.pending');
  const n = h.messages.length;
  await paste('1\t1\t9\t9');
  await h.settle();
  assert.equal(h.sent('edit', n)[0].changes.length, 2);
  assert.match(await h.page.locator('.notice').textContent(), /2 格/);
});

test('marks: a wrong total carries the computed sum; focus tells the reason; F8 goes to the next problem', { skip }, async () => {
  const total = `${T3}.total_processed.other_org`;
  assert.match(await cellClass(total), /\bm-error\b/);
  assert.equal(await h.page.locator(`td[data-path="${total}"]`).getAttribute('aria-invalid'), 'true');
  const badge = h.page.locator(`td[data-path="${total}"] .sum`);
  assert.equal(await badge.textContent(), 'Σ 2');
  assert.match(await badge.getAttribute('class'), /\bbad\b/);
  assert.equal(await h.page.locator(`td[data-path="${T3}.new_received.total"] .sum`).getAttribute('class'), 'sum');
  await h.focusCell(total);
  const detail = await h.page.locator('.detail').textContent();
  assert.match(detail, /T3-SUM-V/);
  assert.match(detail, /T3-BAL/);
  assert.equal(await h.page.locator(`td[data-path="${total}"]`).getAttribute('aria-describedby'), 'detail-messages');
  assert.ok((await h.page.locator('td.m-involved').count()) >= 6, 'the operands are outlined');
  await h.focusCell(`${T3}.new_received.natural`);
  await key('F8');
  assert.equal(await h.activePath(), total, 'F8: the next cell with a finding');
});

test('quick fix from the grid: Ctrl+. lists the server’s code actions, Enter applies the preferred one', { skip }, async () => {
  const total = `${T3}.total_processed.other_org`;
  await h.focusCell(total);
  await key('Control+.');
  const item = h.page.locator('.menu [role=menuitem]').first();
  await item.waitFor();
  assert.match(await item.textContent(), /（七）总计·其他 改为 2/);
  assert.match(await item.getAttribute('class'), /preferred/);
  await key('Enter');
  await h.settle();
  assert.match(
    h.text,
    /total_processed: \{natural: 0, commercial: 0, research: 0, social: 0, legal: 0, other_org: 2, total: 2\}/,
  );
  assert.doesNotMatch(await cellClass(total), /\bm-error\b/);
  assert.equal(h.model!.counts.error, 0);
  assert.equal(await h.activePath(), total, 'focus comes back to the cell');
});

test('ARIA: three grids labelled by their sections; every value cell spoken with its printed labels', { skip }, async () => {
  assert.equal(await h.page.locator('table[role=grid]').count(), 3);
  const labels: string[] = await h.page
    .locator('td[role=gridcell]')
    .evaluateAll((els: Element[]) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const values = h
    .model!.sections.flatMap((s) => s.tables.flatMap((t) => [...t.head, ...t.body].flat()))
    .filter((c) => c.role === 'value');
  assert.equal(labels.length, values.length, 'every value cell is a gridcell');
  assert.ok(labels.every((l) => l.includes('：')));
  assert.ok(labels.includes('三、本年度办理结果 · （三）不予公开 · 1.属于国家秘密 · 法人或其他组织 · 商业企业：0'));
  assert.equal(await h.page.locator('th[role=columnheader]').first().count(), 1);
  assert.ok((await h.page.locator('th[role=rowheader]').count()) > 25);
  const grid = h.page.locator('table[role=grid]').nth(1);
  const labelledBy = await grid.getAttribute('aria-labelledby');
  assert.equal(await h.page.locator(`#${labelledBy}`).textContent(), '三、收到和处理政府信息公开申请情况');
});

test('isolation: a strict CSP with a nonce, no request beyond the page and its two files', { skip }, async () => {
  const csp: string = await h.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
  assert.match(csp, /connect-src 'none'/);
  assert.doesNotMatch(csp, /unsafe/);
  const paths = [...new Set(h.requests.map((u) => new URL(u).pathname))].sort();
  assert.deepEqual(paths, ['/', '/dist/webview/table.css', '/dist/webview/table.js']);
});

test('escaping: markup in a title, a section, a field and a cell is shown as text, never run', { skip }, async () => {
  const evil = SEED4.replace(/^ {2}title: .*$/m, '  title: "</title><img src=x onerror=alert(1)>"')
    .replace(/^overview: \|\n/m, 'overview: |\n  <script>alert(2)</script><b>粗</b>\n')
    .replace(/^ {2}organ: .*$/m, '  organ: "<svg onload=alert(3)>"')
    .replace('{items: "137次"', '{items: "<iframe src=javascript:alert(4)>"');
  const e = await Harness.start({ text: evil, name: 'evil.nianbao.yaml' });
  try {
    const count = (sel: string): Promise<number> => e.page.locator(`#app ${sel}`).count();
    assert.equal(await count('img'), 0);
    assert.equal(await count('script'), 0);
    assert.equal(await count('b'), 0);
    assert.equal(await count('svg'), 0);
    assert.equal(await count('iframe'), 0);
    assert.equal(await e.page.locator('.title').textContent(), '</title><img src=x onerror=alert(1)>');
    assert.match(await e.page.locator('textarea[data-path=overview]').inputValue(), /^<script>alert\(2\)<\/script><b>粗<\/b>\n/);
    assert.equal(await e.page.locator('input[data-path="meta.organ"]').inputValue(), '<svg onload=alert(3)>');
    assert.equal(
      await e.page.locator('td[data-path="active_disclosure.art20_9.central_procurement.items"] .val').textContent(),
      '<iframe src=javascript:alert(4)>',
    );
  } finally {
    await e.stop();
  }
});
