/**
 * The files generated at build time from core and the schemas: snippets, docs/RULES.md and the
 * TextMate grammar's vocabulary.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_CODES, RULES, skeleton } from '../../core';
import { tablesOf } from '../../core/schema/tables';
import { grammar, vocabulary } from '../../scripts/build-grammar';
import { snippets } from '../../scripts/build-snippets';
import { manifestWithRules } from '../../scripts/build-manifest';
import { anchor, readmeWithRules, rulesDoc } from '../../scripts/rules-doc';
import { ROOT } from '../helpers/report';

test('one snippet per format under an ASCII and a Chinese prefix, its body the schema skeleton', () => {
  const s = snippets();
  for (const format of ['2019', '2021'] as const) {
    const entry = Object.values(s).find((x) => x.prefix.includes(`nianbao${format}`));
    assert.ok(entry, `nianbao${format}`);
    assert.deepEqual(entry.prefix, [`nianbao${format}`, `年报${format}`]);
    assert.equal(`${entry.body.join('\n')}\n`, skeleton({ format, snippet: true }));
    assert.ok(entry.description.includes(format));
  }
});

test('the built snippet file is what the generator produces', () => {
  const file = JSON.parse(readFileSync(join(ROOT, 'snippets', 'nianbao.code-snippets'), 'utf8'));
  assert.deepEqual(file, snippets());
});

test('every rule explains when it fires and how to fix it, in both languages', () => {
  for (const r of RULES.values()) {
    for (const t of [r.explain.fires, r.explain.fix, r.title]) assert.ok(t['zh-CN'].trim() && t.en.trim(), r.code);
    assert.ok(!/[\u4e00-\u9fff]{4,}/.test(r.title.en), `${r.code}: an English title in Chinese`);
  }
});

test('the README rule table is the generated one (run `npm run build` and commit it)', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.equal(readme, readmeWithRules(readme));
});

test('docs/RULES.md: a heading per code (the Show Rules anchor), both titles and the default severity', () => {
  const doc = rulesDoc();
  for (const code of RULE_CODES) {
    const rule = RULES.get(code)!;
    assert.match(doc, new RegExp(`^### ${code}$`, 'm'));
    assert.ok(doc.includes(`](#${anchor(code)})`), `table of contents links ${code}`);
    const section = doc.slice(doc.indexOf(`### ${code}\n`)).split(/\n##+ /)[0];
    assert.ok(section.includes(rule.title['zh-CN']) && section.includes(rule.title.en), code);
    assert.ok(section.includes(rule.severity), code);
  }
  // The sum relations come from the schemas: T3-SUM-H lists the applicant columns.
  const sumH = doc.slice(doc.indexOf('### T3-SUM-H\n')).split(/\n##+ /)[0];
  assert.match(sumH, /总计 = 自然人 \+ 商业企业/);
});

test('the committed docs/RULES.md is the generated one (run `npm run build` and commit it)', () => {
  assert.equal(readFileSync(join(ROOT, 'docs', 'RULES.md'), 'utf8'), rulesDoc());
});

test('the grammar knows every section key and every table column key of both formats', () => {
  const v = vocabulary();
  for (const format of ['2019', '2021'] as const) {
    for (const t of tablesOf(format)) {
      assert.ok(v.sectionKeys.includes(t.key), t.key);
      for (const row of t.rows) for (const c of row.columns) assert.ok(v.cellKeys.includes(c.key), c.key);
    }
  }
  for (const k of ['format', 'meta', 'overview', 'problems', 'other_matters']) assert.ok(v.sectionKeys.includes(k), k);
  assert.ok(v.labels.includes('（三）不予公开'));
  assert.ok(v.sectionTitles.includes('二、主动公开政府信息情况'));
});

test('the committed grammar is the generated one and embeds source.yaml', () => {
  const committed = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'nianbao.tmLanguage.json'), 'utf8'));
  assert.deepEqual(committed, grammar());
  assert.equal(committed.scopeName, 'source.nianbao');
  assert.deepEqual(committed.patterns, [{ include: 'source.yaml' }]);
});

test("package.json's nianbao.rules setting lists every rule code of the registry (run `npm run build` and commit it)", () => {
  const text = readFileSync(join(ROOT, 'package.json'), 'utf8');
  assert.equal(text, manifestWithRules(text));
});
