// Shared start/stop helpers for driving a real VS Code workbench (code-server) from headless
// Debian chromium. Plain Node ESM, runs on the system node 20; code-server itself runs on the
// node 24 that scripts/setup-editors.sh puts in the editor cache (outside the repo).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const CACHE = process.env.NIANBAO_EDITOR_CACHE || path.join(os.homedir(), '.cache/nianbao-editors');
const NODE24 = path.join(CACHE, 'node/bin/node');
const CS_ENTRY = path.join(CACHE, 'code-server/node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.NIANBAO_CHROMIUM || '/usr/bin/chromium';

export function log(...a) {
  console.error('[code-server]', ...a);
}

/** playwright-core lives in the cache, not in the repo's node_modules. */
export function loadPlaywright() {
  const req = createRequire(path.join(CACHE, 'playwright/package.json'));
  try {
    return req('playwright-core');
  } catch {
    throw new Error(`playwright-core not found in ${CACHE}: run scripts/setup-editors.sh`);
  }
}

/** Poll `fn` every `every` ms until it returns a truthy value or `ms` pass (then throw `what`). */
export async function waitFor(what, ms, fn, every = 200) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch((e) => {
      if (e?.fatal) throw e;
    }); // fatal = stop polling now
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Scratch dirs for one run; HOME-like state (XDG_*) too, else even `--version` writes to $HOME. */
export function makeScratch(prefix = 'nianbao-cs-') {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const d = (n) => {
    const p = path.join(root, n);
    fs.mkdirSync(p, { recursive: true });
    return p;
  };
  // Quieter, roomier workbench: no welcome tab, no chat side bar / AI features.
  fs.writeFileSync(
    path.join(d('user-data/User'), 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'chat.disableAIFeatures': true,
        'workbench.tips.enabled': false,
        // With workspace trust on (Restricted Mode runs): no modal asking at start-up.
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.untrustedFiles': 'open',
        // Extra user settings for a run, e.g. {"nianbao.locale":"zh-CN"} for Chinese screenshots.
        ...JSON.parse(process.env.NIANBAO_EDITOR_SETTINGS || '{}'),
      },
      null,
      1,
    ),
  );
  return {
    root,
    userData: d('user-data'),
    extensions: d('extensions'),
    browser: d('browser'),
    env: {
      ...process.env,
      PATH: `${path.dirname(NODE24)}:${process.env.PATH}`,
      XDG_CONFIG_HOME: d('xdg-config'),
      XDG_DATA_HOME: d('xdg-data'),
      XDG_CACHE_HOME: d('xdg-cache'),
    },
  };
}

function checkInstalled() {
  for (const f of [NODE24, CS_ENTRY, CHROMIUM])
    if (!fs.existsSync(f)) throw new Error(`${f} missing: run scripts/setup-editors.sh`);
}

/** Run the code-server CLI once (e.g. --install-extension) with the scratch dirs. */
export function codeServerCli(scratch, args) {
  checkInstalled();
  const r = spawnSync(NODE24, [CS_ENTRY, '--user-data-dir', scratch.userData, '--extensions-dir', scratch.extensions, ...args], {
    env: scratch.env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`code-server ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/**
 * Start code-server in its own process group (detached = setsid) on a free loopback port and
 * resolve once it answers HTTP. Its output goes to <scratch>/code-server.log.
 */
export async function startCodeServer(
  scratch,
  { folder, smokeTestDriver = false, deadlineMs = 60_000, workspaceTrust = false } = {},
) {
  checkInstalled();
  const port = await freePort();
  const out = fs.openSync(path.join(scratch.root, 'code-server.log'), 'a');
  const args = [
    CS_ENTRY,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    // Workspace trust off unless a run is about Restricted Mode (an untrusted folder).
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir',
    scratch.userData,
    '--extensions-dir',
    scratch.extensions,
    '--reconnection-grace-time',
    '5',
    // Without this the built workbench ignores the `payload` URL parameter (extension tests).
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(folder ? [folder] : []),
  ];
  const proc = spawn(NODE24, args, { env: scratch.env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const server = { port, proc, scratch, base: `http://127.0.0.1:${port}`, exited: false };
  proc.once('exit', () => {
    server.exited = true;
  });
  // Last resort if the launcher dies without running stop(): never leave the group behind.
  server.onExit = () => {
    try {
      process.kill(-proc.pid, 'SIGKILL');
    } catch {}
  };
  process.once('exit', server.onExit);
  await waitFor(`code-server on port ${port} (log: ${scratch.root}/code-server.log)`, deadlineMs, async () => {
    if (server.exited) throw Object.assign(new Error('code-server exited early'), { fatal: true });
    const r = await fetch(`${server.base}/healthz`, { signal: AbortSignal.timeout(2000) });
    return r.ok;
  }).catch((e) => {
    if (server.exited) e.message += `: code-server exited, see ${scratch.root}/code-server.log`;
    throw e;
  });
  return server;
}

/** Kill the whole code-server process group (the wrapper alone would leave an agent-host child). */
export async function stopCodeServer(server) {
  if (!server) return;
  const kill = (sig) => {
    try {
      process.kill(-server.proc.pid, sig);
    } catch {}
  };
  kill('SIGTERM');
  const gone = () => {
    try {
      process.kill(-server.proc.pid, 0);
      return false;
    } catch {
      return true;
    }
  };
  await waitFor('code-server group to exit', 5000, async () => gone(), 100).catch(() => kill('SIGKILL'));
  process.removeListener('exit', server.onExit);
}

/** Headless Debian chromium; persistent context because launch() refuses --user-data-dir. */
export async function launchBrowser(scratch, { width = 1400, height = 900 } = {}) {
  const { chromium } = loadPlaywright();
  return chromium.launchPersistentContext(scratch.browser, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height },
    env: scratch.env, // XDG_CONFIG_HOME: else chromium writes ~/.config/chromium/Crash Reports
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const CLOSE_DEADLINE_MS = 5000;

/** Closes the browser, giving up after a deadline (a wedged Chromium must not hang the run). */
export async function closeBrowser(ctx) {
  if (!ctx) return;
  const deadline = new Promise((resolve) => setTimeout(resolve, CLOSE_DEADLINE_MS).unref());
  await Promise.race([ctx.close().catch(() => {}), deadline]);
}

/** Tiny --flag value parser; exits 2 with usage when a required flag is missing. */
export function parseArgs(argv, required, usage) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    o[argv[i].slice(2)] = argv[i + 1];
    i++;
  }
  const miss = required.filter((k) => !o[k]);
  if (miss.length) {
    console.error(`missing --${miss.join(', --')}\nusage: ${usage}`);
    process.exit(2);
  }
  return o;
}
