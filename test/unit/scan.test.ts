/**
 * core/parse/scan.ts: a text the line scan accepts gives the library's document, node for node
 * (values, types, sources, ranges), the same document range and the same comments, and draws no
 * error or warning from the library; everything else is declined, and composeDocument then gives
 * the library's document by the CST path. The fuzz properties compare the same on every mutated
 * report.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { Parser, parseDocument } from 'yaml';
import { commentsOf } from '../../core/parse/comments';
import { YAML_OPTIONS } from '../../core/parse/compose';
import { composeDocument } from '../../core/parse/document';
import { scanDocument } from '../../core/parse/scan';
import { exampleAndFixtureFiles } from '../helpers/report';
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
    'a:\r\n  b: 1  # c\r\n  c: |\r\n    x\r\n\r\n    y\r\n\r\n# d\r\nd: [1, 2]\r\ne:\r\n',
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
    '\ufeffa: 1\n',
    'a: 1\rb: 2\n',
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
    const lib = parseDocument(text, YAML_OPTIONS);
    const { doc } = composeDocument(text);
    assert.equal(treeDifference(doc.contents, lib.contents), undefined, JSON.stringify(text));
    const codes = (d: { errors: { code: string }[]; warnings: { code: string }[] }) =>
      [...d.errors, ...d.warnings].map((e) => e.code);
    assert.deepEqual(codes(doc), codes(lib), JSON.stringify(text));
  }
});

test('every example report and fixture: the scan takes most, each exactly as the library reads it', () => {
  const files = exampleAndFixtureFiles();
  let accepted = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    if (scanAgrees(text)) accepted++;
    // The same file saved with Windows line breaks.
    if (!text.includes('\r')) scanAgrees(text.replace(/\n/g, '\r\n'));
  }
  assert.ok(accepted >= files.length * 0.7, `${accepted} of ${files.length} scanned`);
});

/** Keys, values and endings of the lines of the random texts: every shape the scan reads, and near misses. */
const KEYS = ['a', 'b1', '中文', 'k k', 'x#y', '1', 'null', 'a{b'];
const ODD_KEYS = ['-1', '"q"', 'k ', '? k'];
const VALUES = [
  'v',
  'a b',
  '1',
  '-2',
  'x#y',
  'null',
  '~',
  'true',
  '0x1F',
  '.5',
  '2023-01-01',
  "'q'",
  '"q"',
  '"a\\"b"',
  "'it''s'",
  '{a: 1, b: [x, y]}',
  '[1, {c: d}]',
  '{}',
  '[ ]',
  '{a: {b: c}}',
  '[-1, "x"]',
  '|',
  '|-',
  '|  # c',
];
const ODD_VALUES = [
  '-x',
  'a: b',
  'a:',
  '"\\x"',
  "'x'y",
  '{a: 1,}',
  '{a:1}',
  '[a , b]',
  '|+',
  '|2',
  '>',
  '&a x',
  '*a',
  '!!str x',
  '- x',
  '"a',
  '[a',
];
const pick = <T>(ok: T[], odd: T[]) =>
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ok) }, { weight: 1, arbitrary: fc.constantFrom(...odd) });
const ENDING = pick(['', '', ' # c'], ['  ', '#c', ' ,']);
const content = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(pick(KEYS, ODD_KEYS), pick(VALUES, ODD_VALUES), ENDING).map(([k, v, e]) => `${k}: ${v}${e}`) },
  { weight: 3, arbitrary: fc.tuple(pick(KEYS, ODD_KEYS), pick(['', ' # c'], [' '])).map(([k, e]) => `${k}:${e}`) },
  { weight: 2, arbitrary: fc.tuple(pick(VALUES, ODD_VALUES), ENDING).map(([v, e]) => `- ${v}${e}`) },
  { weight: 2, arbitrary: pick(['# c', '', 'text of a block'], ['#', '  more text']) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom(':', ' ', '-', '#', '"', "'", '[', ']', '{', '}', ',', '|', 'a', '中'), { maxLength: 6 })
      .map((p) => p.join('')),
  },
);
const line = fc.tuple(pick([0, 2, 4], [1, 3, 6]), content).map(([indent, c]) => ' '.repeat(indent) + c);

test('random texts of the shapes the scan reads and their near misses: every one it accepts is exactly the library’s document', () => {
  let accepted = 0;
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.boolean(), (lines, finalNewline) => {
      const text = `k: v\n${lines.join('\n')}${finalNewline ? '\n' : ''}`;
      if (scanAgrees(text)) accepted++;
      // The same text with Windows line breaks.
      scanAgrees(text.replace(/\n/g, '\r\n'));
    }),
    { numRuns: 50_000, seed: 20261201 },
  );
  // The generator must reach the scan's accepting paths, not only its declines.
  assert.ok(accepted > 2_000, `${accepted} accepted`);
});
