/**
 * Golden fixtures: every example report and rule example, with its expected diagnostics in
 * `<name>.expected.json` beside it. `npm run golden` rewrites them; review the diff.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../core';
import { ROOT } from '../helpers/report';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

function summarise(text: string) {
  return checkText(text).diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    range: `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
    text: text.slice(d.span.start, d.span.end),
    message: d.message['zh-CN'],
  }));
}

for (const dir of ['examples/rules', 'examples/reports']) {
  for (const name of readdirSync(join(ROOT, dir))
    .filter((n) => n.endsWith('.nianbao.yaml'))
    .sort()) {
    test(`golden ${dir}/${name}`, () => {
      const file = join(ROOT, dir, name);
      const golden = file.replace(/\.nianbao\.yaml$/, '.expected.json');
      const actual = summarise(readFileSync(file, 'utf8'));
      if (UPDATE || !existsSync(golden)) writeFileSync(golden, `${JSON.stringify(actual, null, 2)}\n`);
      assert.deepEqual(actual, JSON.parse(readFileSync(golden, 'utf8')));
    });
  }
}

test('every rule example fires its own rule', () => {
  for (const name of readdirSync(join(ROOT, 'examples/rules')).filter((n) => n.endsWith('.nianbao.yaml'))) {
    const code = name.replace(/\.nianbao\.yaml$/, '').replace(/-(bare|decimals|mixed)$/, '');
    const found = checkText(readFileSync(join(ROOT, 'examples/rules', name), 'utf8')).diagnostics.map((d) => d.code);
    const want = code === 'SCHEMA' ? 'SCHEMA-' : code;
    assert.ok(
      found.some((c) => c.startsWith(want)),
      `${name} should fire ${want}, got ${found.join(', ')}`,
    );
  }
});
