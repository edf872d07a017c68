/** Bad input never crashes, hangs or passes silently: each yields at least one diagnostic. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, fixAll } from '../../core';
import { loose } from '../helpers/report';
import { HOSTILE } from '../helpers/hostile';

/** Findings with their data as plain records (the assertions read fields of several codes). */
const findings = (text: string, options?: Parameters<typeof checkText>[1]) => loose(checkText(text, options).diagnostics);

for (const [name, make] of Object.entries(HOSTILE)) {
  test(`hostile input: ${name}`, () => {
    const text = make();
    const { diagnostics } = checkText(text);
    assert.ok(diagnostics.length > 0, 'must not pass silently');
    for (const d of diagnostics) {
      assert.ok(d.code && d.message['zh-CN'] && d.message.en);
      assert.ok(d.span.start >= 0 && d.span.end <= text.length && d.span.start <= d.span.end, 'range inside the text');
    }
    // Fix-all on junk changes nothing and does not throw.
    assert.equal(fixAll(text).applied.length, 0);
  });
}

test('hostile codes are the specific ones', () => {
  const code = (name: string) => findings(HOSTILE[name]())[0].code;
  assert.equal(code('binary junk'), 'YAML-BINARY');
  assert.equal(code('10 MB file'), 'YAML-TOO-LARGE');
  assert.equal(code('alias bomb'), 'YAML-ALIAS');
  assert.equal(code('10,000-deep flow nesting'), 'YAML-DEPTH');
  assert.equal(code('1,500-deep block nesting'), 'YAML-DEPTH');
  assert.equal(code('10,000-deep sequence nesting'), 'YAML-DEPTH');
  assert.equal(code('empty file'), 'STRUCT-SECTIONS');
  assert.equal(code('500,000-item flow sequence'), 'YAML-TOO-LARGE');
  const first = (name: string) => findings(HOSTILE[name]())[0];
  assert.equal(first('full-width colon after a key').data.hint, 'fullwidth-colon');
  assert.equal(first('no-break space after a colon').data.hint, 'nbsp');
  assert.ok(findings(HOSTILE['replacement characters (a GBK file opened as UTF-8)']()).some((d) => d.code === 'YAML-ENCODING'));
  assert.ok(!findings(HOSTILE['CR-only line breaks (classic Mac)']()).some((d) => d.data.empty || d.code === 'YAML-SYNTAX'));
});
