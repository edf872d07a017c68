// Loads a CommonJS bundle with the V8 code cache the build made for it (`<bundle>.cache`, see
// esbuild.mjs), so that start-up skips compiling the functions a check runs: about 75 ms of the
// 185 ms `nianbao check` of one file took over bare node. The cache is used only for the build it
// was made for (the build id in the bundle's first line is the cache's first line); a missing or
// foreign cache, or one this Node rejects (another V8 version or flags), is ignored and the
// bundle compiles as usual. Nothing is written at run time, except when the build asks for the
// cache (NIANBAO_WRITE_CODE_CACHE=1): then it is written as the process exits, holding every
// function the run compiled.

const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const { Script } = require('node:vm');
const { isMainThread } = require('node:worker_threads');

/** The first line of a bundle: `// nianbao build <id>` (the banner esbuild.mjs gives it). */
function buildIdOf(text) {
  const end = text.indexOf('\n');
  const line = end < 0 ? text : text.slice(0, end);
  return line.startsWith('// nianbao build ') ? line : undefined;
}

/** The cached data for this build, or undefined. */
function readCache(cacheFile, buildId) {
  let bytes;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const header = Buffer.from(`${buildId}\n`);
  return bytes.subarray(0, header.length).equals(header) ? bytes.subarray(header.length) : undefined;
}

/** The exports of the bundle at `file` (an absolute path), run as Node would run it with `require`. */
function loadBundle(file) {
  const source = readFileSync(file, 'utf8');
  const buildId = buildIdOf(source);
  const cacheFile = `${file.replace(/\.js$/, '')}.cache`;
  // Only the build's own process writes the cache (a worker thread of it would write another).
  const write = process.env.NIANBAO_WRITE_CODE_CACHE === '1' && buildId !== undefined && isMainThread;
  const cachedData = buildId && !write ? readCache(cacheFile, buildId) : undefined;
  // The wrapper Node's own loader puts around a CommonJS module.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  // No `import()` may run in this script (Node 20 loses the import callback of a script compiled
  // from a cache): esbuild turns the bundle's lazy imports into `require` (see esbuild.mjs).
  const script = new Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const mod = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  mod.loaded = true;
  if (write)
    process.once('exit', () => writeFileSync(cacheFile, Buffer.concat([Buffer.from(`${buildId}\n`), script.createCachedData()])));
  return mod.exports;
}

module.exports = { loadBundle };
