#!/usr/bin/env node
// Runs lsp-check.lua in headless Neovim (a second, independent LSP client) against a server.
//
//   node test/neovim/run.mjs --server '["node","/abs/dist/server.js","--stdio"]' --file F.yaml \
//     [--expect diags.json] [--hover 3,4 --hover-text 字段] [--action 5,2] [--filetype yaml]
//
// Exit code: Neovim's (0 all checks pass, 1 a check failed); 1 on the overall deadline.
// Env: NIANBAO_NVIM_TIMEOUT_MS (per wait inside Neovim, default 15000; the run as a whole gets 4x).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
if (!args.server || !args.file) {
  console.error(
    'usage: run.mjs --server JSON_ARRAY --file F [--expect E.json] [--hover L,C --hover-text S] [--action L,C] [--filetype FT]',
  );
  process.exit(2);
}
JSON.parse(args.server); // fail early on a malformed command
const waitMs = Number(process.env.NIANBAO_NVIM_TIMEOUT_MS || 15000);
const lua = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lsp-check.lua');
const abs = (p) => p && path.resolve(p);
for (const p of [args.file, args.expect].filter(Boolean))
  if (!fs.existsSync(p)) {
    console.error(`not found: ${p}`);
    process.exit(2);
  }

const env = {
  ...process.env,
  NB_LSP_CMD: args.server,
  NB_LSP_FILE: abs(args.file),
  NB_LSP_EXPECT: abs(args.expect) ?? '',
  NB_LSP_HOVER: args.hover ?? '',
  NB_LSP_HOVER_TEXT: args['hover-text'] ?? '',
  NB_LSP_ACTION: args.action ?? '',
  NB_LSP_FILETYPE: args.filetype ?? 'yaml',
  NB_LSP_TIMEOUT_MS: String(waitMs),
};
// -u NONE -i NONE -n: no user config, no shada, no swap file. Neovim's own messages (print,
// errors) go to stderr; lsp-check.lua writes its JSON result to stdout.
const nvim = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${lua}`], {
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let out = '';
nvim.stdout.on('data', (d) => {
  out += d;
  process.stdout.write(d);
});
nvim.stderr.on('data', (d) => process.stderr.write(d));
const timer = setTimeout(() => {
  console.error(`[nvim-run] deadline: Neovim did not finish within ${4 * waitMs} ms`);
  nvim.kill('SIGKILL'); // its language server child gets EOF on stdin and exits
  process.exit(1);
}, 4 * waitMs);
nvim.on('error', (e) => {
  console.error(`[nvim-run] cannot start nvim: ${e.message} (scripts/setup-editors.sh installs it)`);
  process.exit(1);
});
nvim.on('exit', (code) => {
  clearTimeout(timer);
  if (code === 0 && !out.includes('"ok":true')) {
    console.error('[nvim-run] no result printed');
    process.exit(1);
  }
  process.exit(code ?? 1);
});
