/**
 * core/text/encoding.ts and the one decoding path for checking (loadReportBytes): every
 * supported encoding reads, writes back byte for byte, and is named by YAML-ENCODING; what
 * cannot be written back exactly is said so; nothing undecodable passes silently.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { checkReport, checkText, decodeBytes, encodeText, firstDifference, loadReportBytes, reversible } from '../../core';
import { decodeText } from '../../import';
import { example } from '../helpers/report';

const SEED = example('reports/seed-004-shagou-2020.nianbao.yaml');
const gb = (s: string) => iconv.encode(s, 'gb18030');
const bom = (b: number[], body: Buffer) => Buffer.concat([Buffer.from(b), body]);
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

const CASES: { name: string; bytes: Buffer; encoding: string; bom: boolean }[] = [
  { name: 'UTF-8', bytes: Buffer.from(SEED), encoding: 'utf-8', bom: false },
  { name: 'UTF-8 with BOM', bytes: bom([0xef, 0xbb, 0xbf], Buffer.from(SEED)), encoding: 'utf-8', bom: true },
  { name: 'UTF-16LE with BOM', bytes: bom([0xff, 0xfe], Buffer.from(SEED, 'utf16le')), encoding: 'utf-16le', bom: true },
  { name: 'UTF-16BE with BOM', bytes: bom([0xfe, 0xff], utf16be(SEED)), encoding: 'utf-16be', bom: true },
  { name: 'UTF-16LE without BOM (NUL pattern)', bytes: Buffer.from(SEED, 'utf16le'), encoding: 'utf-16le', bom: false },
  { name: 'UTF-16BE without BOM (NUL pattern)', bytes: utf16be(SEED), encoding: 'utf-16be', bom: false },
  { name: 'GB18030', bytes: gb(SEED), encoding: 'gb18030', bom: false },
];

for (const c of CASES) {
  test(`${c.name}: decoded exactly, written back byte for byte`, () => {
    const d = decodeBytes(c.bytes);
    assert.equal(d.encoding, c.encoding);
    assert.equal(d.bom, c.bom);
    assert.equal(d.text, SEED);
    assert.equal(d.invalidAt, undefined);
    assert.ok(reversible(c.bytes, d));
    assert.deepEqual(Buffer.from(encodeText(d.text, d)), c.bytes);
    assert.equal(firstDifference(c.bytes, d), -1);
  });

  test(`${c.name}: the same findings as UTF-8, plus YAML-ENCODING (info) when not UTF-8`, () => {
    const { report } = loadReportBytes(c.bytes);
    const found = checkReport(report).diagnostics;
    const plain = checkText(SEED).diagnostics;
    const enc = found.filter((x) => x.code === 'YAML-ENCODING');
    assert.deepEqual(
      found.filter((x) => x.code !== 'YAML-ENCODING').map((x) => [x.code, x.span, x.message['zh-CN']]),
      plain.map((x) => [x.code, x.span, x.message['zh-CN']]),
    );
    assert.ok(!found.some((x) => x.code === 'YAML-BINARY'), 'UTF-16 is text, not binary');
    if (c.encoding === 'utf-8') assert.equal(enc.length, 0);
    else {
      assert.equal(enc.length, 1);
      assert.equal(enc[0].severity, 'info');
      assert.equal(enc[0].data.encoding, c.encoding);
      assert.match(enc[0].message['zh-CN'], c.encoding === 'gb18030' ? /GB18030\/GBK/ : /UTF-16/);
    }
  });
}

test('GBK bytes are never read as UTF-8 mojibake: titles and organ come out right', () => {
  const { report } = loadReportBytes(gb(SEED));
  const meta = (report.value as { meta: { title: string; organ: string } }).meta;
  assert.equal(meta.organ, '贵南县沙沟乡人民政府');
  assert.match(meta.title, /^贵南县沙沟乡2020年度/);
});

test('a GB18030 byte pair without a unique encoding is found (fix refuses such files)', () => {
  // 0x80 decodes to € but € encodes as A2 E3: decoding then encoding would change the byte.
  const bytes = Buffer.concat([gb(SEED), Buffer.from('# '), Buffer.from([0x80]), Buffer.from('\n')]);
  const d = decodeBytes(bytes);
  assert.equal(d.encoding, 'gb18030');
  assert.equal(reversible(bytes, d), false);
  assert.equal(firstDifference(bytes, d), gb(SEED).length + 2);
});

test('bytes in no supported encoding: read with U+FFFD for checking, YAML-ENCODING error, never reversible', () => {
  const bytes = Buffer.concat([
    Buffer.from('format: 2021\nmeta:\n  organ: '),
    Buffer.from([0xff, 0xff, 0xff]),
    Buffer.from('\n'),
  ]);
  const d = decodeBytes(bytes);
  assert.equal(d.invalidAt, 28);
  assert.equal(reversible(bytes, d), false);
  const found = checkReport(loadReportBytes(bytes).report).diagnostics.filter((x) => x.code === 'YAML-ENCODING');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'error');
  assert.match(found[0].message.en, /^From byte 28 /);
});

test('U+FFFD in a text (a file once opened in the wrong encoding) is a YAML-ENCODING warning on its line', () => {
  const text = 'format: 2021\nmeta:\n  organ: \ufffd\ufffd县\n';
  const [d] = checkText(text).diagnostics.filter((x) => x.code === 'YAML-ENCODING');
  assert.equal(d.severity, 'warning');
  assert.equal(d.range.start.line, 2);
  assert.equal(checkText('format: 2021\n').diagnostics.filter((x) => x.code === 'YAML-ENCODING').length, 0);
});

test('UTF-8 cut mid-character: only the importer tolerates it, by dropping the cut bytes (no U+FFFD)', () => {
  const cut = Buffer.from(SEED).subarray(0, 3001);
  // For checking: UTF-8 with an undecodable end (YAML-ENCODING error, fix refuses), not GB18030 mojibake.
  const strict = decodeBytes(cut);
  assert.equal(strict.encoding, 'utf-8');
  assert.equal(strict.invalidAt, Buffer.byteLength(strict.text.slice(0, -1)));
  assert.ok(SEED.startsWith(strict.text.slice(0, -1)));
  const lenient = decodeBytes(cut, { tolerateTruncatedUtf8: true });
  assert.equal(lenient.encoding, 'utf-8');
  assert.ok(lenient.truncated && lenient.truncated > 0);
  assert.ok(!lenient.text.includes('\ufffd'));
  assert.ok(SEED.startsWith(lenient.text));
  assert.ok(!decodeText(cut).includes('\ufffd'));
});

test('the importer refuses undecodable bytes instead of writing U+FFFD into a report', () => {
  assert.throws(() => decodeText(Buffer.alloc(64, 0xff)), /neither UTF-8, UTF-16 nor GB18030/);
});
