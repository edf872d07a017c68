/**
 * core/parse/scan.ts: a text the line scan accepts gives the library's document, node for node
 * (values, types, sources, ranges), the same document range and the same comments, and draws no
 * error or warning from the library; everything else is declined, and composeDocument then gives
 * the library's document by the CST path. The fuzz properties compare the same on every mutated
 * report.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Parser, parseDocument } from 'yaml';
import { commentsOf } from '../../core/parse/comments';
import { YAML_OPTIONS } from '../../core/parse/compose';
import { scanDocument } from '../../core/parse/scan';
import { ROOT } from '../helpers/report';
import { treeDifference } from '../helpers/yamlTree';

/** Accepted → the library's document, comments and no finding; returns whether it was accepted. */
function scanAgrees(text: string): boolean {
  const scanned = scanDocument(text);
  if (!scanned) return false;
  const lib = parseDocument(text, YAML_OPTIONS);
  assert.deepEqual(
    [...lib.errors, ...lib.warnings].map((e) => e.code),
    [],
    `accepted, but the library reports: ${JSON.stringify(text)}`,
  );
  assert.equal(treeDifference(scanned.doc.contents, lib.contents), undefined, JSON.stringify(text));
  assert.deepEqual(scanned.doc.range, lib.range, `document range: ${JSON.stringify(text)}`);
  assert.deepEqual(scanned.comments, commentsOf([...new Parser().parse(text)]), `comments: ${JSON.stringify(text)}`);
  return true;
}

test('the plain report shapes: accepted, and the library’s nodes, ranges and comments', () => {
  const accepted = [
    'a: 1\nb: -2\nc: 0x1F\nd: 0o17\ne: 1.50\nf: .inf\ng: .nan\nh: 1e3\ni: true\nj: null\nk: ~\nl:\nm: text\n',
    "q: 'single ''quoted'''\nr: \"double \\u00e9 \\n\"\n",
    'a: 5   # c\nb:\n  c: x y \n  d: {e: 1, f: "q"}  # z\n\n  # tail\ng: |\n  line1\n\n  line2\n\n\n# after\nh: [1, 2]\ni:\nj: # c\nk:\n  - {x: 1}\n  - y\n',
    '# head\n\na:\n  b: 1\n  # n1\n# r1\n',
    'a:\n  b: 1\n# r0\n  # n1\nc: 2',
    'a:\n  b:\n    c: 1\n  # m\nd: 2\n',
    'a:\n  b:\n    c: 1\n    # m\n  d: 2\n',
    'a:\n  b:\n    c: 1\n  # m\n  d: 2\n',
    'a:\n  b: 1\n\nc: 2\n\n',
    'lit: |-\n\n  one\n    two\n\n  three\nnext: |  # header comment\n  x\n',
    'flow: {a: 1, b: "x, y", c: \'it\'\'s\'}\nlist: [1, two, "three"]\nempty: {}\nnone: []\n',
    '中文键: 中文值\n期限: {from: 2023-01-01, to: 2023-12-31}\n金额: "606.05万元"\n',
    'x: 2024-01-01\ny: 1_000\nz: +12\nw: 012\nv: a#b\n',
    'rows:\n  - {table: 表二, label: "（一）", value: null}   # 增设行\n  - 2\n',
    'a: 1',
    'a:\n  b: |\n    text\n',
    // Where trailing empty lines and comments end up: the key's, a collection's, the document's.
    'a: 1\nb:\n\n',
    'a:\n  b:\n\nc: 1\n',
    'a:\n  b:\n    c: 1\n# m\n  d: 2\n',
    'a:\n  - 1\n  # x\n',
    'a: |\n  x',
    'a: 1\n# c',
    'a: {b: [1, 2], c: {d: e}}\nb: [[1], [2], {}]\n',
    'amount: {value: 386.52, unit: 万元, list: [1, [2, {x: y}], []]}\n',
    'a:\n  # about b\n# and c\n  b: 1\n  c: {d: -2, e: -0.5}\nf: # c\n  - 1\n',
  ];
  for (const text of accepted) assert.ok(scanAgrees(text), `accepted: ${JSON.stringify(text)}`);
});

test('what the scan does not read is declined; composeDocument still gives the library’s document', () => {
  const declined = [
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    '? explicit\n: value\n',
    '--- \na: 1\n',
    '%YAML 1.2\n---\na: 1\n',
    'a:\n\tb: 1\n',
    'a:\r\n  b: 1\r\n',
    '\ufeffa: 1\n',
    'wrapped: plain text\n  on two lines\n',
    'multi: {a: 1,\n  b: 2}\n',
    'a: b: c\n',
    'a: "unterminated\n',
    'a: [1, , 2]\n',
    'a: {b: 1,}\n',
    'fold: >\n  a\n',
    'keep: |+\n  a\n\n',
    'lit: |\n  a\n  \n  b\n',
    '"quoted key": 1\n',
    'a:\n  # between a key and an empty value\nb: 1\n',
    'a:\n  # a comment, then an empty line\n\n  b: 1\n',
    'a: 1\n  # more indented than its map\nb: 2\n',
    '- a\n- b\n',
    '  a: 1\n',
    'k:\n- a\n',
    'a: - b\n',
    'a:\n  b: 1\n    # more indented than the map\n',
    'a: "\\x"\n',
    'a: {b: 12:30}\n',
    'a: [1,2]\n',
    'a: [b: 1]\n',
    `${'k'.repeat(1100)}: 1\n`,
    '',
    '# only a comment\n',
  ];
  for (const text of declined) {
    assert.equal(scanDocument(text), undefined, `declined: ${JSON.stringify(text)}`);
  }
});

test('every example report and fixture: the scan takes most, each exactly as the library reads it', () => {
  const files = ['examples', 'test/fixtures'].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((n) => n.endsWith('.yaml'))
      .map((n) => join(ROOT, dir, n)),
  );
  let accepted = 0;
  for (const f of files) if (scanAgrees(readFileSync(f, 'utf8'))) accepted++;
  assert.ok(accepted >= files.length * 0.7, `${accepted} of ${files.length} scanned`);
});
