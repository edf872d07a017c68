/**
 * The standard launcher for machines that can download VS Code desktop:
 * `node out/test/integration/electron-run.js`. Here (no download), code-server-run.mjs runs the same suite.
 */
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..', '..');
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(__dirname, 'index.js'),
    launchArgs: [join(root, 'examples'), '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
