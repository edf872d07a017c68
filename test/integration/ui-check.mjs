#!/usr/bin/env node
// Checks a packaged extension as a person would see it: installs the .vsix into a scratch
// code-server, opens a file through Quick Open, waits for error squiggles, reads the Problems
// panel, hovers a token, and saves screenshots. Prints a JSON summary on stdout; exit 1 if any
// step misses its deadline.
//
//   node test/integration/ui-check.mjs --vsix X --folder F --file NAME --hover TEXT --screenshots DIR
//        [--form NAME] [--complete NAME --complete-line N --complete-text TEXT] [--restricted DIR]
// --form: a new report (skeleton) in F: its status bar progress and its few blank-table findings;
// --complete: typing Chinese (TEXT) on line N of that file and the suggestions it gets;
// --restricted: a second window, workspace trust on, on the untrusted folder DIR (Restricted Mode).
//
// Env: NIANBAO_UI_STEP_MS (deadline per step, default 60000; first squiggles take ~15 s),
//      NIANBAO_EDITOR_CACHE, NIANBAO_KEEP_SCRATCH=1.
import fs from 'node:fs';
import path from 'node:path';
import {
  makeScratch,
  codeServerCli,
  startCodeServer,
  stopCodeServer,
  launchBrowser,
  closeBrowser,
  parseArgs,
  waitFor,
  log,
} from './code-server.mjs';

const o = parseArgs(
  process.argv.slice(2),
  ['vsix', 'folder', 'file', 'hover', 'screenshots'],
  'ui-check.mjs --vsix X --folder F --file NAME --hover TEXT --screenshots DIR',
);
const stepMs = Number(process.env.NIANBAO_UI_STEP_MS || 60_000);
const folder = path.resolve(o.folder),
  shots = path.resolve(o.screenshots);
fs.mkdirSync(shots, { recursive: true });

const scratch = makeScratch('nianbao-ui-');
const summary = { ok: false, steps: [], problems: [], hover: null, screenshots: [], scratch: scratch.root };
let server, ctx, page;

const brief = (e) => e.message.replace(/\s+/g, ' ').slice(0, 400);
// Each step records its time and outcome; the first failure stops the rest (they depend on it).
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

/** Opens a file of the folder through Quick Open (Ctrl+P), as a person would. */
async function quickOpen(file) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(file);
  // Enter only once the file search has listed the file, else Enter picks nothing.
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: path.basename(file) })
    .first()
    .waitFor();
  await page.keyboard.press('Enter');
  await page
    .locator('.tabs-container .tab.active', { hasText: path.basename(file) })
    .first()
    .waitFor();
}

/** The nianbao status bar item's text, once it shows a table's progress matching `pattern`. */
async function statusProgress(pattern) {
  const item = page.locator('.statusbar-item', { hasText: pattern }).first();
  await item.waitFor();
  return ((await item.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

try {
  await step('install vsix', async () => codeServerCli(scratch, ['--install-extension', path.resolve(o.vsix), '--force']));
  await step('start code-server', async () => {
    server = await startCodeServer(scratch, { folder });
  });
  await step('open workbench', async () => {
    ctx = await launchBrowser(scratch);
    page = ctx.pages()[0] ?? (await ctx.newPage());
    page.setDefaultTimeout(stepMs); // every playwright wait below is a poll with this deadline
    await page.goto(`${server.base}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench .part.editor').waitFor();
    // The explorer showing the folder means the remote file system is connected.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
  });
  await step(`quick open ${o.file}`, () => quickOpen(o.file));
  // Reveal a line (1-based) with Ctrl+G so what we wait for is on screen.
  const gotoLine = async (line) => {
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}`);
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-line').first().waitFor();
  };
  if (o.line) await step(`go to line ${o.line}`, () => gotoLine(o.line));
  await step('wait for error squiggle', async () => {
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await shot('01-squiggles.png');
  });
  await step('problems panel', async () => {
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.first().waitFor();
    summary.problems = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    await shot('02-problems.png');
  });
  if (o['hover-line']) await step(`go to line ${o['hover-line']}`, () => gotoLine(o['hover-line']));
  await step(`hover "${o.hover}"`, async () => {
    // Find the token's on-screen box inside the rendered lines (leaf spans of .view-line).
    const box = await waitFor(`text "${o.hover}" in the editor`, stepMs, () =>
      page.evaluate((text) => {
        for (const span of document.querySelectorAll('.monaco-editor .view-lines .view-line span')) {
          const node = span.firstChild;
          if (span.children.length || !node || node.nodeType !== 3) continue;
          const i = node.textContent.replace(/\u00a0/g, ' ').indexOf(text);
          if (i < 0) continue;
          const r = document.createRange();
          r.setStart(node, i);
          r.setEnd(node, i + text.length);
          const b = r.getBoundingClientRect();
          return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
        }
      }, o.hover),
    );
    const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').filter({ hasText: /\S/ }).first();
    // Move off and onto the token so the editor sees a real mousemove; a move that lands while
    // another widget is closing is ignored, so retry within the step's deadline.
    const deadline = Date.now() + stepMs;
    for (;;) {
      await page.mouse.move(box.x - 30, box.y + 40);
      await page.mouse.move(box.x, box.y, { steps: 5 });
      try {
        await hover.waitFor({ state: 'visible', timeout: 5000 });
        break;
      } catch (e) {
        if (Date.now() > deadline) throw e;
      }
    }
    summary.hover = (await hover.textContent()).replace(/\s+/g, ' ').trim();
    await shot('03-hover.png');
  });
  if (o.form) {
    await step(`new report form ${o.form}`, async () => {
      await page.keyboard.press('Escape');
      await quickOpen(o.form);
      summary.formStatus = await statusProgress(/(已填 0\/|: 0\/\d+ filled)/);
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row', { hasText: /T3-BLANK-GROUP/ });
      await rows.first().waitFor();
      summary.formProblems = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((t) =>
        t.replace(/\s+/g, ' ').trim(),
      );
      await shot('04-new-report-form.png');
    });
  }
  if (o.complete) {
    await step(`Chinese completion "${o['complete-text']}"`, async () => {
      await quickOpen(o.complete);
      await gotoLine(o['complete-line']);
      await page.keyboard.press('End');
      // An input method commits the characters as text.
      await page.keyboard.insertText(o['complete-text']);
      await page.keyboard.press('Control+Space');
      const widget = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
      await widget.first().waitFor();
      summary.completion = (await widget.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      await shot('05-chinese-completion.png');
      await page.keyboard.press('Escape');
    });
  }
  if (o.restricted) {
    await step(`Restricted Mode on ${o.restricted}`, async () => {
      await closeBrowser(ctx);
      await stopCodeServer(server);
      server = await startCodeServer(scratch, { folder: o.restricted, workspaceTrust: true });
      ctx = await launchBrowser(scratch);
      page = ctx.pages()[0] ?? (await ctx.newPage());
      page.setDefaultTimeout(stepMs);
      await page.goto(`${server.base}/?folder=${encodeURIComponent(path.resolve(o.restricted))}`);
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
      await quickOpen(o.file);
      if (o.line) await gotoLine(o.line);
      await page.locator('.monaco-editor .squiggly-error').first().waitFor();
      // The workbench says so: "Restricted Mode" in the status bar.
      summary.restricted = await page
        .locator('.statusbar-item', { hasText: /Restricted|受限/ })
        .first()
        .textContent({ timeout: 10_000 })
        .then((t) => (t ?? '').trim())
        .catch(() => '(no Restricted Mode item found)');
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row').first().waitFor();
      await shot('06-restricted-mode.png');
    });
  }
  summary.ok = true;
} catch (e) {
  if (page) await shot('99-failure.png').catch(() => {});
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
