/**
 * Entry point of the extension-host test suite (`extensionTestsPath`). The same suite runs under
 * @vscode/test-electron (electron-run.ts) and under code-server (code-server-run.mjs).
 * NIANBAO_SUITES (comma-separated names, e.g. `timing` or `restricted`) runs only those suites;
 * without it every suite but `restricted` runs (that one needs an untrusted window).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/** Suites that need a window of their own (started by scripts/test-editors.mjs). */
const SEPARATE = ['restricted'];

export function run(): Promise<void> {
  // NIANBAO_TEST_GREP runs only the tests whose titles match (e.g. one suite while working on it).
  const grep = process.env.NIANBAO_TEST_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  const only = (process.env.NIANBAO_SUITES ?? '').split(',').filter(Boolean);
  for (const f of readdirSync(__dirname)
    .filter((n) => n.endsWith('.suite.js'))
    .sort()) {
    const name = f.replace(/\.suite\.js$/, '');
    if (only.length ? !only.includes(name) : SEPARATE.includes(name)) continue;
    mocha.addFile(join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
