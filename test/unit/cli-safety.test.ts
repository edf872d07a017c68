/**
 * Issue 10 through the `nianbao` command as a reviewer runs it on folders nobody here wrote:
 * special files and symlink loops, unreadable entries, encodings that fix must write back
 * byte for byte (or refuse), control characters kept off the terminal, --config validation, and
 * hostile documents for import — each a clear finding or one line on stderr, in bounded time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { fixAll } from '../../core';
import { HOSTILE_DOCS } from '../helpers/hostile-docs';
import { example, ROOT } from '../helpers/report';

const BIN = join(ROOT, 'bin/nianbao.js');
const SEED4 = 'reports/seed-004-shagou-2020.nianbao.yaml';
const CLEAN = 'reports/clean-2021.nianbao.yaml';

function nianbao(args: string[], opts: SpawnSyncOptions = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, ...opts });
  return { code: r.status, out: String(r.stdout), err: String(r.stderr), ms: performance.now() - t0, signal: r.signal };
}

const tmp = (p: string) => mkdtempSync(join(tmpdir(), `nianbao-${p}-`));
const gb = (s: string) => iconv.encode(s, 'gb18030');

test('check DIR: FIFOs and device links are skipped, symlink loops end there, the good report is checked', () => {
  const dir = tmp('dir');
  writeFileSync(join(dir, 'good.nianbao.yaml'), example(SEED4));
  spawnSync('mkfifo', [join(dir, 'fifo.nianbao.yaml')]);
  symlinkSync('/dev/zero', join(dir, 'zero.nianbao.yaml'));
  mkdirSync(join(dir, 'sub'));
  symlinkSync('..', join(dir, 'sub', 'loop'));
  symlinkSync(join(dir, 'good.nianbao.yaml'), join(dir, 'sub', 'link.nianbao.yaml'));
  const r = nianbao(['check', dir]);
  assert.equal(r.signal, null, 'finished');
  assert.ok(existsSync(join(dir, 'fifo.nianbao.yaml')));
  assert.equal(r.code, 1, 'errors of the good report; no I/O error');
  assert.match(r.err, /^nianbao: note: .*fifo\.nianbao\.yaml: skipped, not a regular file \(FIFO\)$/m);
  assert.match(r.err, /^nianbao: note: .*zero\.nianbao\.yaml: skipped, not a regular file \(character device\)$/m);
  assert.match(r.err, /^nianbao: note: .*sub\/loop: skipped, folder already visited/m);
  assert.match(r.out, /good\.nianbao\.yaml:65:93 error T3-BAL/);
  // A symlink to a regular file is followed.
  assert.match(r.out, /sub\/link\.nianbao\.yaml:65:93 error T3-BAL/);
  assert.match(r.out, /^2 个文件：/m);
});

test('check DIR: a looping symlink named like a report is an I/O error (exit 2) and the others are still checked', () => {
  const dir = tmp('loop');
  writeFileSync(join(dir, 'good.nianbao.yaml'), example(SEED4));
  symlinkSync('self.nianbao.yaml', join(dir, 'self.nianbao.yaml'));
  const r = nianbao(['check', dir]);
  assert.equal(r.code, 2);
  assert.match(r.err, /self\.nianbao\.yaml: too many levels of symbolic links/);
  assert.match(r.out, /good\.nianbao\.yaml:65:93 error T3-BAL/);
});

test('check DIR: an unreadable file and folder (EACCES) are reported, the rest is checked, exit 2', (t) => {
  const root = process.getuid?.() === 0;
  const setpriv = spawnSync('setpriv', ['--version']).status === 0;
  if (root && !setpriv) return t.skip('running as root without setpriv: permissions cannot be denied');
  const dir = tmp('eacces');
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'good.nianbao.yaml'), example(SEED4));
  writeFileSync(join(dir, 'secret.nianbao.yaml'), example(SEED4));
  mkdirSync(join(dir, 'locked'));
  writeFileSync(join(dir, 'locked', 'x.nianbao.yaml'), example(SEED4));
  chmodSync(join(dir, 'secret.nianbao.yaml'), 0o000);
  chmodSync(join(dir, 'locked'), 0o000);
  // As root, run as nobody: root reads everything.
  const r = root
    ? (() => {
        const p = spawnSync(
          'setpriv',
          ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'check', dir],
          {
            cwd: ROOT,
            encoding: 'utf8',
            timeout: 60_000,
          },
        );
        return { code: p.status, out: p.stdout, err: p.stderr };
      })()
    : nianbao(['check', dir]);
  chmodSync(join(dir, 'locked'), 0o755);
  assert.equal(r.code, 2);
  assert.match(r.err, /^nianbao: .*locked: cannot read folder: permission denied$/m);
  assert.match(r.err, /^nianbao: .*secret\.nianbao\.yaml: permission denied$/m);
  assert.match(r.out, /good\.nianbao\.yaml:65:93 error T3-BAL/);
});

test('a file over the size limit is not read: YAML-TOO-LARGE from its size alone', () => {
  const dir = tmp('big');
  const file = join(dir, 'huge.nianbao.yaml');
  const fd = openSync(file, 'w');
  ftruncateSync(fd, 3 * 1024 * 1024 * 1024); // a sparse 3 GB file: reading it whole would fail
  closeSync(fd);
  const r = nianbao(['check', '--format', 'json', file]);
  assert.equal(r.code, 1);
  const [f] = (JSON.parse(r.out) as { findings: { code: string; message: string }[] }).findings;
  assert.equal(f.code, 'YAML-TOO-LARGE');
  assert.match(f.message, /^文件过大（3221225472 字节/);
  assert.ok(r.ms < 10_000);
});

test('a map or list used as a key is a finding, and nothing but findings reaches stderr (no library warning)', () => {
  const dir = tmp('complexkey');
  const file = join(dir, 'key.nianbao.yaml');
  writeFileSync(file, `${example(CLEAN)}? [a, b]\n: 1\n? {c: 1}\n: 2\n`);
  const r = nianbao(['check', file]);
  assert.equal(r.code, 1);
  assert.equal(r.err, '');
  assert.match(r.out, /SCHEMA-UNKNOWN .*\[ a, b \]/);
});

/** Lines of bytes split at LF (0x0A is never part of a multi-byte GB18030 character). */
function byteLines(b: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let from = 0;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, from)) {
    out.push(b.subarray(from, i));
    from = i + 1;
  }
  out.push(b.subarray(from));
  return out;
}

test('fix on a GB18030 report: written back in GB18030, every byte outside the edited tokens unchanged', () => {
  const dir = tmp('gbfix');
  const text = example(SEED4);
  const original = gb(text);
  const file = join(dir, 'gb.nianbao.yaml');
  writeFileSync(file, original);
  const check = nianbao(['check', file]);
  assert.match(check.out, /gb\.nianbao\.yaml:1:1 info YAML-ENCODING 文件编码为 GB18030\/GBK/);
  assert.match(nianbao(['check', '--summary', file]).out, /贵南县沙沟乡人民政府/, 'the organ without mojibake');
  const r = nianbao(['fix', file]);
  assert.equal(r.code, 0, r.err);
  const fixed = fixAll(text).text;
  const after = readFileSync(file);
  assert.equal(iconv.decode(after, 'gb18030'), fixed);
  // Line by line: an unchanged line keeps its bytes; in a changed line, the bytes before and
  // after the changed text are the original ones.
  const [a, b] = [byteLines(original), byteLines(after)];
  const [ta, tb] = [text.split('\n'), fixed.split('\n')];
  assert.equal(b.length, a.length);
  let changed = 0;
  for (let i = 0; i < a.length; i++) {
    if (ta[i] === tb[i]) {
      assert.deepEqual(b[i], a[i], `line ${i + 1}`);
      continue;
    }
    changed++;
    let p = 0;
    while (ta[i][p] === tb[i][p]) p++;
    let s = 0;
    while (s < Math.min(ta[i].length, tb[i].length) - p && ta[i][ta[i].length - 1 - s] === tb[i][tb[i].length - 1 - s]) s++;
    const pre = gb(ta[i].slice(0, p)).length;
    const suf = gb(ta[i].slice(ta[i].length - s)).length;
    assert.deepEqual(b[i].subarray(0, pre), a[i].subarray(0, pre), `line ${i + 1} before the edit`);
    assert.deepEqual(b[i].subarray(b[i].length - suf), a[i].subarray(a[i].length - suf), `line ${i + 1} after the edit`);
  }
  assert.ok(changed >= 3);
});

test('fix keeps UTF-16 with its BOM and CR-only line breaks', () => {
  const dir = tmp('u16fix');
  const text = example(SEED4);
  const u16 = join(dir, 'u16.nianbao.yaml');
  writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const cr = join(dir, 'cr.nianbao.yaml');
  writeFileSync(cr, text.replace(/\n/g, '\r'));
  assert.equal(nianbao(['fix', u16, cr]).code, 0);
  const fixed = fixAll(text).text;
  assert.deepEqual(readFileSync(u16), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixed, 'utf16le')]));
  assert.equal(readFileSync(cr, 'utf8'), fixed.replace(/\n/g, '\r'));
});

test('fix refuses a file it cannot write back exactly, and leaves it untouched (exit 2)', () => {
  const dir = tmp('refuse');
  const bytes = Buffer.concat([gb(example(SEED4)), Buffer.from('# '), Buffer.from([0x80]), Buffer.from('\n')]);
  const file = join(dir, 'odd.nianbao.yaml');
  writeFileSync(file, bytes);
  const bad = join(dir, 'bad.nianbao.yaml');
  const badBytes = Buffer.concat([Buffer.from(`${example(SEED4)}# `), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from('\n')]);
  writeFileSync(bad, badBytes);
  const r = nianbao(['fix', file, bad]);
  assert.equal(r.code, 2);
  assert.match(r.err, /^nianbao: .*odd\.nianbao\.yaml: 未修改：文件为 GB18030\/GBK 编码，但第 \d+ 字节起的内容无法原样写回/m);
  assert.match(r.err, /^nianbao: .*bad\.nianbao\.yaml: 未修改：文件从第 \d+ 字节起既不是 UTF-8/m);
  assert.deepEqual(readFileSync(file), bytes);
  assert.deepEqual(readFileSync(bad), badBytes);
  assert.ok(!readFileSync(bad).includes(Buffer.from('\ufffd')), 'no U+FFFD written');
});

test('export reads a GBK report like check does', () => {
  const dir = tmp('export');
  const file = join(dir, 'gb.nianbao.yaml');
  writeFileSync(file, gb(example(SEED4)));
  const r = nianbao(['export', '--html', file]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /贵南县沙沟乡2020年度政府信息公开工作年度报告/);
});

test('control characters from a file never reach the terminal raw; JSON keeps them exact', () => {
  const dir = tmp('esc');
  const file = join(dir, 'esc\u001b[31m.nianbao.yaml');
  writeFileSync(file, `${example(CLEAN).trimEnd()}\n"\u001b]0;pwned\u0007\u001b[2J\u202e\u0085": 1\n`);
  const r = nianbao(['check', file]);
  assert.doesNotMatch(r.out + r.err, /[\u001b\u0007\u202e\u0085]/);
  assert.match(
    r.out,
    /esc\\x1b\[31m\.nianbao\.yaml:\d+:1 error SCHEMA-UNKNOWN 未知的键“\\x1b\]0;pwned\\x07\\x1b\[2J\\u202e\\x85”/,
  );
  const summary = nianbao(['check', '--summary', file]);
  assert.doesNotMatch(summary.out, /[\u001b\u0007\u202e]/);
  const json = (JSON.parse(nianbao(['check', '--format', 'json', file]).out) as { findings: { message: string }[] }).findings;
  assert.ok(json.some((f) => f.message.includes('\u001b]0;pwned\u0007\u001b[2J\u202e\u0085')));
});

test('--config: null, non-objects, unknown keys, codes, severities and deadlines are one-line usage errors (exit 2)', () => {
  const dir = tmp('cfg');
  const cases: [unknown, RegExp][] = [
    [null, /must be a JSON object .*, not null$/],
    [[1], /not an array$/],
    ['off', /not string "off"$/],
    [{ severty: {} }, /unknown key "severty" \(known: severity \(or rules\), deadlines, reuse\)$/],
    [{ severity: { 'T3-COMPLET': 'off' } }, /unknown rule code "T3-COMPLET" in "severity" \(see docs\/RULES\.md\)$/],
    [{ severity: { 't3-complete': 'off' } }, /\(did you mean T3-COMPLETE\?\)$/],
    [{ severity: { 'T3-COMPLETE': 'none' } }, /severity of T3-COMPLETE must be error, warning, info or off, not string "none"$/],
    [{ severity: [] }, /"severity" must be an object/],
    [
      { deadlines: { township_government: '3-31' } },
      /deadline for township_government must be a date "MM-DD" such as "03-31", not string "3-31"$/,
    ],
    [{ deadlines: { township_government: '02-30' } }, /not string "02-30"$/],
    [{ deadlines: { township: '03-31' } }, /unknown organ kind "township" in "deadlines"/],
    [{ severity: {}, rules: {} }, /not both$/],
  ];
  for (const [i, [config, message]] of cases.entries()) {
    const file = join(dir, `c${i}.json`);
    writeFileSync(file, JSON.stringify(config));
    const r = nianbao(['check', '--locale', 'en', '--config', file, join(ROOT, 'examples', CLEAN)]);
    assert.equal(r.code, 2, JSON.stringify(config));
    assert.equal(r.err.trimEnd().split('\n').length, 1, `one line: ${r.err}`);
    assert.match(r.err.trimEnd(), /^nianbao: config .*c\d+\.json: /);
    assert.match(r.err.trimEnd(), message);
    assert.equal(r.out, '');
  }
  writeFileSync(join(dir, 'broken.json'), '{"severity": ');
  assert.match(
    nianbao(['check', '--locale', 'en', '--config', join(dir, 'broken.json'), join(ROOT, 'examples', CLEAN)]).err,
    /^nianbao: cannot read config .*broken\.json: /,
  );
  // Valid, with the editor's name for severities.
  const ok = join(dir, 'ok.json');
  writeFileSync(ok, JSON.stringify({ rules: { 'T3-COMPLETE': 'off' }, deadlines: { township_government: '02-20' } }));
  const r = nianbao(['check', '--format', 'json', '--config', ok, join(ROOT, 'examples', SEED4)]);
  assert.equal(r.code, 1);
  assert.ok(!(JSON.parse(r.out) as { findings: { code: string }[] }).findings.some((f) => f.code === 'T3-COMPLETE'));
});

for (const h of HOSTILE_DOCS) {
  test(`import, hostile input: ${h.name} → one line on stderr, exit 2, no stack`, () => {
    const dir = tmp('imp');
    const ext = /HTML/.test(h.name) ? 'html' : /TXT|input size/.test(h.name) ? 'txt' : 'docx';
    const file = join(dir, `hostile.${ext}`);
    writeFileSync(file, h.bytes());
    const out = join(dir, 'out.nianbao.yaml');
    const r = nianbao(['import', file, '-o', out], { env: { ...process.env, NIANBAO_DEBUG: '' } });
    assert.equal(r.code, 2, r.err);
    assert.equal(r.signal, null);
    const lines = r.err.trimEnd().split('\n');
    assert.equal(lines.length, 1, r.err);
    assert.match(lines[0], /^nianbao: .*hostile\.\w+: /);
    assert.doesNotMatch(r.err, /\n\s+at |Error:/);
    if (h.expect === 'unreadable') assert.match(lines[0], /: IMPORT-UNREADABLE 无法导入：/);
    else assert.match(lines[0], /: IMPORT-TOO-LARGE 导入已停止：/);
    assert.ok(!existsSync(out), 'nothing written');
    assert.ok(r.ms < 30_000, `${r.ms.toFixed(0)} ms`);
  });
}

test('import of a good DOCX still works (the control)', () => {
  const dir = tmp('impok');
  const file = join(dir, 'seed.docx');
  copyFileSync(join(ROOT, 'test', 'fixtures', 'seed-004-shagou-2020.docx'), file);
  const r = nianbao(['import', file, '--quiet']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /贵南县沙沟乡/);
});
