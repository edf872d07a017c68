#!/usr/bin/env node
// The table editor as a person meets it in a real VS Code (code-server, the packaged .vsix):
// opens seed 004 as text, clicks the editor-title button "在表格中编辑", waits for the marks,
// types into cells and reads the page's own keystroke → marks timings, takes a quick fix with
// Ctrl+. and undoes it with Ctrl+Z (the workbench's keybinding), switches to a dark theme, and
// saves screenshots of the table (zh-CN, light and dark). Prints a JSON summary; exit 1 when a
// step misses its deadline.
//
//   node test/integration/table-ui.mjs --vsix X --folder F --file NAME --screenshots DIR
//
// Env: NIANBAO_UI_STEP_MS (deadline per step, default 60000), NIANBAO_EDITOR_CACHE, NIANBAO_KEEP_SCRATCH=1.
import fs from 'node:fs';
import path from 'node:path';
import {
  closeBrowser,
  codeServerCli,
  launchBrowser,
  log,
  makeScratch,
  parseArgs,
  startCodeServer,
  stopCodeServer,
  waitFor,
} from './code-server.mjs';

const o = parseArgs(
  process.argv.slice(2),
  ['vsix', 'folder', 'file', 'screenshots'],
  'table-ui.mjs --vsix X --folder F --file NAME --screenshots DIR',
);
const stepMs = Number(process.env.NIANBAO_UI_STEP_MS || 60_000);
const folder = path.resolve(o.folder);
const shots = path.resolve(o.screenshots);
fs.mkdirSync(shots, { recursive: true });
/** Keystroke → marks samples taken in the real webview. */
const SAMPLES = 20;

const scratch = makeScratch('nianbao-table-ui-');
const summary = { ok: false, steps: [], timings: {}, screenshots: [], scratch: scratch.root };
let server;
let ctx;
let page;

const brief = (e) => e.message.replace(/\s+/g, ' ').slice(0, 400);
async function step(name, fn) {
  const t = Date.now();
  try {
    const r = await fn();
    summary.steps.push({ name, ok: true, ms: Date.now() - t });
    log(`ok   ${name} (${Date.now() - t} ms)`);
    return r;
  } catch (e) {
    summary.steps.push({ name, ok: false, ms: Date.now() - t, error: brief(e) });
    log(`FAIL ${name}: ${brief(e)}`);
    throw e;
  }
}
async function shot(name) {
  const f = path.join(shots, name);
  await page.screenshot({ path: f });
  summary.screenshots.push(f);
}

/** The table editor's page: the webview's inner frame (code-server nests it in two iframes). */
const grid = () => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
async function gridFrame() {
  return waitFor('the table editor frame', stepMs, async () =>
    page.frames().find((f) => f.url().includes('fake.html') || f.name() === 'active-frame'),
  );
}
const cell = (p) => grid().locator(`td[data-path="${p}"]`);

async function palette(command) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${command}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first().waitFor();
  await page.keyboard.press('Enter');
}

try {
  await step('install vsix', async () => codeServerCli(scratch, ['--install-extension', path.resolve(o.vsix), '--force']));
  await step('start code-server', async () => {
    server = await startCodeServer(scratch, { folder });
  });
  await step('open workbench', async () => {
    ctx = await launchBrowser(scratch, { width: 1500, height: 950 });
    page = ctx.pages()[0] ?? (await ctx.newPage());
    page.setDefaultTimeout(stepMs);
    await page.goto(`${server.base}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench .part.editor').waitFor();
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
  });
  await step(`open ${o.file} as text`, async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(o.file);
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: path.basename(o.file) })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor();
  });
  await step('editor-title button: 在表格中编辑 → the table with its marks', async () => {
    const t0 = Date.now();
    await page.locator('.editor-actions [aria-label*="在表格中编辑"]').first().click();
    await cell('applications.total_processed.other_org').and(grid().locator('.m-error')).waitFor();
    summary.timings.openMs = Date.now() - t0;
    const frame = await gridFrame();
    summary.timings.pageFirstDrawMs = Math.round(await frame.evaluate(() => window.nianbaoTable.firstDrawMs));
  });
  /** 表三 from its heading, with a cell of it active (its reason in the bar below). */
  const showTable3 = async (path) => {
    await grid()
      .locator('section[data-path=applications] h2')
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await cell(path).click();
  };
  await step('screenshot: the table, light', async () => {
    await showTable3('applications.granted.natural');
    await grid().locator('.detail').getByText('T3-COMPLETE').waitFor();
    await shot('04-table-light.png');
  });
  await step(`type into a cell ${SAMPLES} times: keystroke → marks`, async () => {
    const frame = await gridFrame();
    for (let i = 0; i < SAMPLES; i++) {
      await cell('applications.new_received.natural').click();
      await page.keyboard.type(i % 2 ? '0' : '7');
      await page.keyboard.press('Enter');
      // Wait for the marks of this input: the total of 一、 is wrong after 7 and right after 0.
      await waitFor(
        'the marks of the input',
        stepMs,
        async () =>
          ((await cell('applications.new_received.total').getAttribute('class')) ?? '').includes('m-error') === (i % 2 === 0),
      );
    }
    const ms = await frame.evaluate(() => window.nianbaoTable.timings);
    const sorted = [...ms].sort((a, b) => a - b);
    summary.timings.keystrokeToMarks = {
      samples: ms.length,
      p50: Math.round(sorted[Math.floor(sorted.length / 2)]),
      p95: Math.round(sorted[Math.floor(sorted.length * 0.95)]),
      max: Math.round(sorted[sorted.length - 1]),
    };
  });
  await step('Ctrl+. on （七）总计·其他: the preferred fix, then Ctrl+Z', async () => {
    const total = cell('applications.total_processed.other_org');
    await total.click();
    await page.keyboard.press('Control+.');
    const item = grid().locator('.menu [role=menuitem].preferred').first();
    await item.waitFor();
    await shot('06-table-quickfix.png');
    await page.keyboard.press('Enter');
    await waitFor('the error gone', stepMs, async () => !((await total.getAttribute('class')) ?? '').includes('m-error'));
    await total.click();
    await page.keyboard.press('Control+Z');
    await waitFor('the error back after undo', stepMs, async () =>
      ((await total.getAttribute('class')) ?? '').includes('m-error'),
    );
  });
  await step('screenshot: the table, dark', async () => {
    await palette('Toggle between Light/Dark Themes');
    await waitFor('a dark workbench', stepMs, async () => page.locator('.monaco-workbench.vs-dark').count());
    await grid().locator('body.vscode-dark').waitFor();
    await showTable3('applications.granted.natural');
    await shot('05-table-dark.png');
  });
  summary.ok = true;
} catch (e) {
  if (page) await shot('99-table-failure.png').catch(() => {});
  summary.error = brief(e);
  summary.log = path.join(scratch.root, 'code-server.log');
} finally {
  await closeBrowser(ctx);
  await stopCodeServer(server);
  if (summary.ok && !process.env.NIANBAO_KEEP_SCRATCH) {
    fs.rmSync(scratch.root, { recursive: true, force: true });
    delete summary.scratch;
  }
}
console.log(JSON.stringify(summary, null, 2));
process.exit(summary.ok ? 0 : 1);
