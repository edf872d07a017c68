/**
 * core/parse/plainValue.ts: the report's plain value made without the yaml library's `toJS`, for
 * documents without aliases, anchors, tags or collection keys; it must equal `toJS` exactly,
 * and leave every other document to it. (The fuzz properties compare the two on every case.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { NOT_PLAIN, plainValue } from '../../core/parse/plainValue';
import { exampleAndFixtureFiles } from '../helpers/report';

const OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, stringKeys: false, logLevel: 'error' } as const;
const parsed = (text: string) => parseDocument(text, OPTIONS);

test('plain documents: the same value as toJS, down to own properties named like Object.prototype’s', () => {
  const cases = [
    'a: 1\nb: [1, 2.50, "x", true, null, ~]\nc: {d: e, f: }\n',
    '__proto__: 1\ntoString: x\nconstructor: {a: 1}\n',
    '1: one\ntrue: yes\nnull: nothing\n~: tilde\n0x1F: hex\n1.0: float\n"": empty\n',
    'dup: 1\ndup: 2\n',
    'text: |\n  line one\n  line two\nfolded: >\n  a\n  b\n',
    'key without value:\n? explicit\nlist:\n  - a\n  -\n  - {x: [1, {y: 2}]}\n',
    '- 1\n- two\n',
    'plain scalar',
    '',
    '# only a comment\n',
  ];
  for (const text of cases) {
    const doc = parsed(text);
    const v = plainValue(doc.contents);
    assert.notEqual(v, NOT_PLAIN, text);
    assert.deepStrictEqual(v, doc.toJS(), text);
  }
  const proto = plainValue(parsed('__proto__: {polluted: true}\n').contents) as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(proto), Object.prototype, '__proto__ is an own key, not the prototype');
  assert.deepEqual(Object.keys(proto), ['__proto__']);
});

test('aliases, anchors, tags and collection keys are left to toJS', () => {
  for (const text of [
    'a: &x 1\nb: *x\n',
    'a: &x {b: 1}\n',
    'a: !!str 1\n',
    'a: !!binary aGVsbG8=\n',
    's: !!set {a, b}\n',
    '? [a, b]\n: c\n',
    '? {a: 1}\n: c\n',
    '!!str key: v\n',
  ]) {
    assert.equal(plainValue(parsed(text).contents), NOT_PLAIN, text);
  }
});

test('every example report and fixture: the same value as toJS', () => {
  const files = exampleAndFixtureFiles();
  assert.ok(files.length > 20, `${files.length} files`);
  let plain = 0;
  for (const f of files) {
    const doc = parsed(readFileSync(f, 'utf8'));
    const v = plainValue(doc.contents);
    if (v === NOT_PLAIN) continue;
    plain++;
    assert.deepStrictEqual(v, doc.toJS(), f);
  }
  assert.ok(plain > files.length / 2, `${plain} of ${files.length} take the plain way`);
});
