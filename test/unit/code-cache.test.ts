/**
 * bin/codeCache.js: the CLI starts from the V8 code cache its build made, and never from a cache
 * made for another build (same length, other code), a damaged one or none: those compile as usual.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/report';

const LOADER = join(ROOT, 'bin', 'codeCache.js');

/** A bundle of one exported function answering `answer`, in the shape esbuild.mjs gives dist/cli.js. */
function bundle(id: string, answer: string): string {
  return `// nianbao build ${id}\n"use strict";\nmodule.exports = { answer: () => ${JSON.stringify(answer)}, file: __filename };\n`;
}

/** Loads the bundle in a fresh Node (the cache is written as that process exits) and prints what it answers. */
function load(file: string, write = false): { out: string; stderr: string } {
  const r = spawnSync(
    process.execPath,
    ['-e', `const b = require(${JSON.stringify(LOADER)}).loadBundle(${JSON.stringify(file)}); console.log(b.answer(), b.file);`],
    { encoding: 'utf8', env: { ...process.env, NIANBAO_WRITE_CODE_CACHE: write ? '1' : '' } },
  );
  assert.equal(r.status, 0, r.stderr);
  return { out: r.stdout.trim(), stderr: r.stderr };
}

test('the build writes a cache headed by its build id; later runs load the bundle with it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-cache-'));
  const file = join(dir, 'b.js');
  writeFileSync(file, bundle('build-1', 'one'));
  assert.equal(load(file, true).out, `one ${file}`);
  const cache = readFileSync(join(dir, 'b.cache'));
  const header = '// nianbao build build-1\n';
  assert.equal(cache.subarray(0, header.length).toString(), header);
  assert.ok(cache.length > 30, 'the cache holds V8 data after its header');
  assert.equal(load(file).out, `one ${file}`);
});

test('a cache made for another build of the same length is never used', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-cache-'));
  const file = join(dir, 'b.js');
  writeFileSync(file, bundle('build-1', 'one'));
  load(file, true);
  // Same length, other code: V8 itself would take the old cache (it checks the source's length only).
  writeFileSync(file, bundle('build-2', 'two'));
  assert.equal(readFileSync(file).length, Buffer.byteLength(bundle('build-1', 'one')));
  assert.equal(load(file).out, `two ${file}`);
});

test('a damaged cache or none: the bundle compiles as usual', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-cache-'));
  const file = join(dir, 'b.js');
  writeFileSync(file, bundle('build-1', 'one'));
  assert.equal(load(file).out, `one ${file}`);
  assert.equal(existsSync(join(dir, 'b.cache')), false, 'nothing is written unless the build asks');
  writeFileSync(join(dir, 'b.cache'), Buffer.concat([Buffer.from('// nianbao build build-1\n'), Buffer.alloc(4096, 7)]));
  const r = load(file);
  assert.equal(r.out, `one ${file}`);
  assert.equal(r.stderr, '');
});

test('the CLI built here starts from its own cache', () => {
  const cli = readFileSync(join(ROOT, 'dist', 'cli.js'), 'utf8');
  const id = cli.slice(0, cli.indexOf('\n'));
  assert.match(id, /^\/\/ nianbao build [0-9a-f-]{36}$/);
  const cache = readFileSync(join(ROOT, 'dist', 'cli.cache'));
  assert.equal(cache.subarray(0, id.length + 1).toString(), `${id}\n`);
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'nianbao.js'), '--version'], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.match(r.stdout, /\d+\.\d+\.\d+/);
});
