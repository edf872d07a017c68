// Bundles the CLI, the language server (and its import worker), the VS Code client and the tests.
// `node esbuild.mjs` for development, `node esbuild.mjs --release` for the minified .vsix build.
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileValidators } from './scripts/compile-validators.mjs';
import { buildPinyin } from './scripts/build-pinyin.mjs';

const release = process.argv.includes('--release');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !release,
  minify: release,
  logLevel: 'warning',
  charset: 'utf8',
};

/**
 * The `yaml` library's Node build reads `process.env.LOG_TOKENS` once per token (a debugging
 * switch), which costs 11–32 % of all parsing time on a batch of reports (five runs of
 * bench:batch, lines (a) and (a′)). Its browser build is the same code without those reads (and warns through
 * console.warn; the parser runs with logLevel 'error'), so every bundle takes that one.
 */
const yamlWithoutEnvReads = {
  name: 'yaml-browser-build',
  setup(build) {
    const path = fileURLToPath(new URL('./node_modules/yaml/browser/index.js', import.meta.url));
    build.onResolve({ filter: /^yaml$/ }, () => ({ path }));
  },
};
common.plugins = [yamlWithoutEnvReads];

/**
 * A module loaded on demand is its own bundle beside the one that loads it: the plugin makes
 * `import(request)` in `importer` refer to `./<file>` (resolved beside the bundle) instead of
 * containing it, so start-up never reads it (`nianbao --version` and `check` load no document
 * library). Test bundles contain these modules (esbuild evaluates a dynamically imported module
 * lazily).
 */
function lazyBundle(request, importer, file) {
  return {
    name: `lazy-${file}`,
    setup(build) {
      const filter = new RegExp(`^${request.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
      build.onResolve({ filter }, (args) =>
        args.importer.endsWith(join(...importer.split('/'))) ? { path: `./${file}`, external: true } : undefined,
      );
    },
  };
}
// The PDF reader (import/pdf/, with pdf.js: about 1.4 MB minified): dist/pdf.js, loaded by
// import/index.ts on the first PDF import, from the CLI's and the server's bundles alike.
const lazyPdf = lazyBundle('./pdf', 'import/index.ts', 'pdf.js');
// `nianbao import` (cli/commands/import.ts, with mammoth and htmlparser2): dist/import.js.
const lazyImportCommand = lazyBundle('./commands/import', 'cli/main.ts', 'import.js');
// The XLSX writer (cli/output/xlsx.ts, with exceljs: about 1 MB): dist/xlsx.js, for `check --format xlsx`.
const lazyXlsx = lazyBundle('../output/xlsx', 'cli/commands/check.ts', 'xlsx.js');
// `nianbao export` (render/, with docx: about 0.5 MB): dist/export.js.
const lazyExport = lazyBundle('./commands/export', 'cli/main.ts', 'export.js');
// The batch page of `check --format html` (cli/output/html.ts, with render/): dist/html.js.
const lazyHtml = lazyBundle('../output/html', 'cli/commands/check.ts', 'html.js');
// pdf.js looks for the optional native canvas package through `import.meta.url`, empty in a
// CommonJS bundle; it does without (no rendering here), so esbuild's notice is noise.
const pdfjsQuiet = { logOverride: { 'empty-import-meta': 'silent' } };

function testEntries(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(testEntries(p));
    else if (/\.(test|suite)\.ts$|^index\.ts$|^(run|electron-run)\.ts$/.test(name) && !p.includes('node_modules')) out.push(p);
  }
  return out;
}

compileValidators();
// Completion matches labels by pinyin initials from this table; no pinyin library at run time.
buildPinyin();

// Generated from core and the schemas after bundling: snippets/nianbao.code-snippets (gitignored),
// docs/RULES.md and syntaxes/nianbao.tmLanguage.json (committed, so they can be read in the repo).
const GENERATORS = ['scripts/build-snippets.ts', 'scripts/rules-doc.ts', 'scripts/build-grammar.ts', 'scripts/build-manifest.ts'];

await Promise.all([
  esbuild.build({ ...common, sourcemap: false, minify: false, entryPoints: GENERATORS, outdir: 'out/scripts' }),
  esbuild.build({
    ...common,
    entryPoints: ['cli/main.ts'],
    outfile: 'dist/cli.js',
    // A fresh id per build on the first line: bin/codeCache.js takes only the code cache made for it.
    banner: { js: `// nianbao build ${randomUUID()}` },
    // The lazy bundles load with `require` (wrapped in a promise), not `import()`, which a script
    // compiled from a code cache cannot run in Node 20 (bin/codeCache.js).
    supported: { 'dynamic-import': false },
    plugins: [...common.plugins, lazyPdf, lazyImportCommand, lazyXlsx, lazyExport, lazyHtml],
  }),
  esbuild.build({ ...common, entryPoints: ['cli/commands/export.ts'], outfile: 'dist/export.js' }),
  esbuild.build({ ...common, entryPoints: ['cli/output/html.ts'], outfile: 'dist/html.js' }),
  esbuild.build({
    ...common,
    entryPoints: ['cli/commands/import.ts'],
    outfile: 'dist/import.js',
    plugins: [...common.plugins, lazyPdf],
  }),
  esbuild.build({ ...common, sourcemap: false, entryPoints: ['cli/output/xlsx.ts'], outfile: 'dist/xlsx.js' }),
  esbuild.build({ ...common, entryPoints: ['server/main.ts'], outfile: 'dist/server.js', plugins: [...common.plugins, lazyPdf] }),
  esbuild.build({ ...common, ...pdfjsQuiet, sourcemap: false, entryPoints: ['import/pdf/index.ts'], outfile: 'dist/pdf.js' }),
  // nianbao/import runs here, in a worker thread of the server (server/import.ts): a separate bundle.
  esbuild.build({
    ...common,
    entryPoints: ['server/importWorker.ts'],
    outfile: 'dist/importWorker.js',
    plugins: [...common.plugins, lazyPdf],
  }),
  esbuild.build({ ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  // The table editor's page (webview/table/): plain browser code and its style sheet, dist/webview/table.{js,css}.
  esbuild.build({
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: { table: 'webview/table/main.ts' },
    outdir: 'dist/webview',
  }),
  // `npm run fuzz` (scripts/fuzz.ts, with the test helpers it drives): not a generator, run on demand.
  esbuild.build({ ...common, sourcemap: true, minify: false, entryPoints: ['scripts/fuzz.ts'], outfile: 'out/scripts/fuzz.js' }),
  esbuild.build({
    ...common,
    sourcemap: true,
    minify: false,
    entryPoints: readdirSync('bench')
      .filter((n) => n.endsWith('.bench.ts'))
      .map((n) => join('bench', n)),
    outdir: 'out/bench',
    external: ['vscode'],
    ...pdfjsQuiet,
  }),
  esbuild.build({
    ...common,
    sourcemap: true,
    minify: false,
    entryPoints: testEntries('test').filter((p) => !p.startsWith('test/fixtures')),
    outdir: 'out/test',
    outbase: 'test',
    external: ['vscode', 'mocha', '@vscode/test-electron'],
    ...pdfjsQuiet,
  }),
]);

for (const g of GENERATORS)
  execFileSync(process.execPath, [join('out', 'scripts', `${basename(g, '.ts')}.js`)], { stdio: 'inherit' });

// dist/cli.cache: the V8 code cache of dist/cli.js after a check of one report, which bin/nianbao.js
// starts with (bin/codeCache.js). A failed run leaves no cache: the CLI then compiles as usual.
const cacheRun = spawnSync(process.execPath, ['bin/nianbao.js', 'check', 'examples/reports/clean-2021.nianbao.yaml'], {
  env: { ...process.env, NIANBAO_WRITE_CODE_CACHE: '1' },
  stdio: 'ignore',
});
if (cacheRun.status !== 0) console.warn(`dist/cli.cache: the check that makes it exited with ${cacheRun.status}`);
