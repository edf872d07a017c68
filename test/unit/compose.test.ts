/**
 * core/parse/compose.ts: the document composed from the CST is the library's, node for node, for
 * every document it accepts; it declines everything the library reports (errors, warnings) and the
 * features it leaves to the library. The fuzz properties compare the two on every mutated report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Parser, parseDocument } from 'yaml';
import { loadReport } from '../../core';
import { composeFast, YAML_OPTIONS } from '../../core/parse/compose';
import { composeDocument } from '../../core/parse/document';
import { exampleAndFixtureFiles } from '../helpers/report';
import { treeDifference } from '../helpers/yamlTree';

/** The fast composition, or undefined when it declines. */
const fast = (text: string) => composeFast([...new Parser().parse(text)]);

/** Accepted → the library has no error or warning and the same tree. */
function agrees(text: string): 'fast' | 'library' {
  const lib = parseDocument(text, YAML_OPTIONS);
  const doc = fast(text);
  if (!doc) return 'library';
  assert.deepEqual(
    [...lib.errors, ...lib.warnings].map((e) => e.code),
    [],
    `accepted, but the library reports: ${text}`,
  );
  assert.equal(treeDifference(doc.contents, lib.contents), undefined, text);
  assert.deepEqual(doc.range, lib.range, `document range: ${text}`);
  return 'fast';
}

test('plain reports: block maps and lists, flow maps and lists, every scalar style, comments and blank lines', () => {
  const accepted = [
    'a: 1\nb: -2\nc: 0x1F\nd: 0o17\ne: 1.50\nf: .inf\ng: .nan\nh: 1e3\ni: true\nj: null\nk: ~\nl:\nm: text\n',
    "q: 'single ''quoted'''\nr: \"double \\u00e9 \\n\"\n",
    'lit: |\n  one\n    two\n\n  three\nfold: >-\n  a\n  b\nkeep: |+\n  x\n\n',
    'rows:\n  - a\n  -\n  - {x: 1, y: [1, 2, 3]}\n  - b: 1\n    c: 2\n',
    'flow: {a: 1, b: , c, d: [], e: {}}\nlist: [1, two, "three",]\nnested: [[1, 2], {x: y}]\n',
    'multi: {a: 1,\n  b: 2,\n  c: 3}\nwrapped: plain text\n  on two lines\n',
    '# head comment\n\na: 1 # trailing\n# between\nb:\n  # inside\n  c: 2\n  # after the last pair\nd: # after a key\n',
    'a:\r\n  b: 1\r\n  c: [1, 2]\r\n',
    '中文键: 中文值\n"quoted key": 1\n\'single key\': 2\n',
    'x: 2024-01-01\ny: 1_000\nz: +12\nw: 012\n',
  ];
  for (const text of accepted) assert.equal(agrees(text), 'fast', text);
});

test('texts the library reports or composes its own way: declined, or taken only with no library finding and the same nodes; composeDocument gives the library’s document for all', () => {
  const declined = [
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    '? explicit\n: value\n',
    '--- \na: 1\n',
    'a: 1\n...\n',
    '%YAML 1.2\n---\na: 1\n',
    'a: 1\n---\nb: 2\n',
    'a:\n\tb: 1\n',
    'a:\t1\n',
    'a: {b: 1, # comment\n  c: 2}\n',
    'a: [b: 1]\n',
    'a: 1\n b: 2\n',
    'a: b: c\n',
    'a: "unterminated\n',
    'a: {b: 1\n',
    'a: [1, , 2]\n',
    'a: [\n  , b]\n',
    'a: {\n , b: 1}\n',
    'a: {, b: 1}\n',
    '- a\n- b\n',
    'scalar\n',
    '',
    '# only a comment\n',
    '"multi\n line": 1\n',
    ': no key\n',
    'key without colon\nb: 1\n',
    'a: 1#not a comment\n',
    `${'k'.repeat(1100)}: 1\n`,
    '\ufeffa: 1\n',
  ];
  for (const text of declined) {
    const lib = parseDocument(text, YAML_OPTIONS);
    const how = agrees(text);
    // Either declined, or (for texts the library takes without a finding) the same tree.
    if (how === 'fast') assert.deepEqual([...lib.errors, ...lib.warnings], [], text);
    // composeDocument gives the library's document in every case.
    const { doc } = composeDocument(text);
    assert.equal(treeDifference(doc.contents, lib.contents), undefined, text);
    assert.deepEqual(
      doc.errors.map((e) => [e.code, e.pos]),
      lib.errors.map((e) => [e.code, e.pos]),
      text,
    );
    assert.deepEqual(
      doc.warnings.map((e) => [e.code, e.pos]),
      lib.warnings.map((e) => [e.code, e.pos]),
      text,
    );
  }
  for (const text of ['a: &x 1\nb: *x\n', '? explicit\n: value\n', 'a:\n\tb: 1\n', 'a: {b: 1\n', 'a: 1\n---\nb: 2\n'])
    assert.equal(fast(text), undefined, `declined: ${text}`);
});

test('every example report and fixture: composed fast, and the same as the library', () => {
  const files = exampleAndFixtureFiles();
  let accepted = 0;
  for (const f of files) if (agrees(readFileSync(f, 'utf8')) === 'fast') accepted++;
  assert.ok(accepted >= files.length * 0.9, `${accepted} of ${files.length} composed fast`);
});

test('the comments directives and import records read come from the same parse: real comments only, and none to read when nothing names nianbao', () => {
  const text = [
    '# nianbao-import: {"code":"IMPORT-CELL"}',
    'a: "# nianbao-disable-next-line T3-BAL"  # nianbao-disable-next-line T3-SUM-V',
    'b: |',
    '  # nianbao-disable-next-line X-REUSE (text of a block scalar)',
    '# nianbao-disable-next-line T4-SUM',
    'c: {x: 1}',
  ].join('\n');
  const report = loadReport(text);
  assert.deepEqual(
    report.comments.map((c) => c.source),
    ['# nianbao-import: {"code":"IMPORT-CELL"}', '# nianbao-disable-next-line T3-SUM-V', '# nianbao-disable-next-line T4-SUM'],
  );
  assert.equal(text.slice(report.comments[1].offset, report.comments[1].offset + 5), '# nia');
  assert.deepEqual(loadReport('a: 1 # an ordinary comment\n').comments, []);
});
