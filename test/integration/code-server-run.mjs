#!/usr/bin/env node
// Runs an extension-host test suite (e.g. the compiled mocha index.js that @vscode/test-electron
// would run) inside a real VS Code workbench served by code-server, for machines that cannot
// download VS Code desktop. Exits with the suite's exit code; 1 on the deadline.
//
//   node test/integration/code-server-run.mjs --extension <dir> --tests <abs index.js> --folder <dir> [--untrusted yes]
// (--untrusted: workspace trust on and the folder not trusted: Restricted Mode.)
//
// Env: NIANBAO_TEST_TIMEOUT_MS (default 180000), NIANBAO_EDITOR_CACHE (see scripts/setup-editors.sh),
//      NIANBAO_VERBOSE=1 shows the workbench's own log noise too,
//      NIANBAO_KEEP_SCRATCH=1 keeps the scratch folder (code-server.log etc.) even on success.
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { makeScratch, startCodeServer, stopCodeServer, launchBrowser, closeBrowser, parseArgs, log } from './code-server.mjs';

const opts = parseArgs(
  process.argv.slice(2),
  ['extension', 'tests', 'folder'],
  'code-server-run.mjs --extension <dir> --tests <abs path to index.js> --folder <workspace folder>',
);
const ext = path.resolve(opts.extension),
  tests = path.resolve(opts.tests),
  folder = path.resolve(opts.folder);
for (const p of [ext, tests, folder])
  if (!fs.existsSync(p)) {
    console.error(`not found: ${p}`);
    process.exit(2);
  }
const timeoutMs = Number(process.env.NIANBAO_TEST_TIMEOUT_MS || 180_000);
// The workbench's own log lines arrive at the same level as the suite's console output; drop the
// known-harmless ones (offline gallery, GitHub auth, chat/agent chatter) unless NIANBAO_VERBOSE=1.
const verbose = process.env.NIANBAO_VERBOSE === '1';
const NOISE = new RegExp(
  [
    '^\\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|DefaultAccount|reconnection-grace-time|Service Worker)\\]',
    '^Creation of workbench contribution',
    '^Canceled: Canceled', // the last: stopping the host after the suite
    '^(Resolving|Resolved) connection token',
    '^Creating a socket',
    '^No search provider registered',
    '^Updating additional builtin extensions cache',
    'ENOTFOUND open-vsx\\.org',
    "authentication provider 'github'",
    'vsda',
  ].join('|'),
);

const scratch = makeScratch('nianbao-run-');
let server,
  ctx,
  exitCode = 1,
  sawOutput = false;
const started = Date.now();
// One deadline for the whole run (start-up included): a hung suite never blocks CI.
const deadline = new Promise((_, rej) =>
  setTimeout(
    () => rej(new Error(`deadline: suite did not finish within ${timeoutMs} ms (NIANBAO_TEST_TIMEOUT_MS)`)),
    timeoutMs,
  ).unref(),
);
const cleanup = async () => {
  await closeBrowser(ctx);
  ctx = undefined;
  await stopCodeServer(server);
  server = undefined;
};
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => cleanup().finally(() => process.exit(130)));

try {
  exitCode = await Promise.race([
    deadline,
    (async () => {
      server = await startCodeServer(scratch, { folder, smokeTestDriver: true, workspaceTrust: opts.untrusted === 'yes' });
      log(`listening on ${server.base} (scratch ${scratch.root})`);
      ctx = await launchBrowser(scratch);
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      let resolveExit;
      const suiteExit = new Promise((r) => {
        resolveExit = r;
      });
      // The workbench calls these (only with enable-smoke-test-driver): log(level, message) for
      // every workbench/extension-host log line, exit(code, logs) when the test host ends.
      await page.exposeFunction('codeAutomationLog', (level, msg) => {
        // Extension-host console calls arrive as their argument list: format them like console.log
        // would (mocha's reporters print with '%s' placeholders).
        const text = Array.isArray(msg) ? format(...msg) : String(msg);
        if (!verbose && NOISE.test(text)) return;
        sawOutput = true;
        (level === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
      });
      await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
      page.on('crash', () => resolveExit(1));
      // Paths must be URIs on the remote (the code-server host), authority = the page's host:port.
      const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
      const payload = JSON.stringify([
        ['extensionDevelopmentPath', remote(ext)],
        ['extensionTestsPath', remote(tests)],
      ]);
      await page.goto(`${server.base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
      return suiteExit;
    })(),
  ]);
  log(`suite exited with ${exitCode} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error(`[code-server-run] ERROR: ${e.message}`);
  if (!sawOutput)
    console.error(
      '[code-server-run] the suite printed nothing: was the test host started at all? ' +
        '(the payload is ignored without --vscode-option enable-smoke-test-driver; code-server accepts a misspelled option silently)',
    );
  console.error(`[code-server-run] code-server log: ${scratch.root}/code-server.log`);
  exitCode = 1;
} finally {
  await cleanup();
  if (!process.env.NIANBAO_KEEP_SCRATCH && exitCode === 0) fs.rmSync(scratch.root, { recursive: true, force: true });
}
process.exit(exitCode);
