/**
 * The extension's package.json agrees with the contracts it contributes for: every setting of
 * protocol/settings.ts with its default, every command id, every %key% in both nls files, every
 * vscode.l10n.t string of client/ in the Chinese bundle, and the language's first-line pattern.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DEADLINES, UI } from '../../core';
import { COMMANDS, LANGUAGE_ID } from '../../protocol/commands';
import { DEFAULT_SETTINGS, SETTINGS_SECTION } from '../../protocol/settings';
import { ROOT } from '../helpers/report';

const json = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
const pkg = json('package.json');
const props: Record<string, { default?: unknown; properties?: Record<string, unknown> }> =
  pkg.contributes.configuration.properties;

/** Flattens { inlayHints: { sums } } to { 'inlayHints.sums': … } the way VS Code reads dotted keys. */
function flatten(o: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length && !['rules', 'deadlines'].includes(key))
      Object.assign(out, flatten(v as Record<string, unknown>, key));
    else out[key] = v;
  }
  return out;
}

test('every setting of protocol/settings.ts is contributed with its default', () => {
  const expected = flatten(DEFAULT_SETTINGS as unknown as Record<string, unknown>);
  for (const [key, value] of Object.entries(expected)) {
    const prop = props[`${SETTINGS_SECTION}.${key}`];
    assert.ok(prop, `package.json contributes ${SETTINGS_SECTION}.${key}`);
    assert.deepEqual(prop.default, value, `default of ${SETTINGS_SECTION}.${key}`);
  }
  const contributed = Object.keys(props).filter((k) => k !== `${SETTINGS_SECTION}.trace.server`);
  assert.deepEqual(
    contributed.sort(),
    Object.keys(expected)
      .map((k) => `${SETTINGS_SECTION}.${k}`)
      .sort(),
  );
  assert.ok(props[`${SETTINGS_SECTION}.trace.server`], 'nianbao.trace.server for vscode-languageclient');
});

test('nianbao.deadlines names every organ kind with an MM-DD pattern', () => {
  const kinds = props['nianbao.deadlines'].properties as Record<string, { pattern: string }>;
  assert.deepEqual(Object.keys(kinds).sort(), Object.keys(DEFAULT_DEADLINES).sort());
  for (const [kind, spec] of Object.entries(kinds)) {
    const re = new RegExp(spec.pattern);
    assert.ok(re.test(DEFAULT_DEADLINES[kind]) && !re.test('3-31') && !re.test('03/31'), kind);
  }
});

test('every command id is declared with a title, and every declared one is a known id', () => {
  const declared = (pkg.contributes.commands as { command: string; title: string }[]).map((c) => c.command);
  assert.deepEqual([...declared].sort(), Object.values(COMMANDS).sort());
  for (const c of pkg.contributes.commands) assert.match(c.title, /^%[\w.-]+%$/, `${c.command} title is localized`);
});

test('every %key% of package.json is in package.nls.json and package.nls.zh-cn.json, and no key is unused', () => {
  const used = new Set<string>();
  JSON.stringify(pkg).replace(/%([\w.-]+)%/g, (_, k: string) => {
    used.add(k);
    return '';
  });
  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    const nls = json(file);
    assert.deepEqual(
      [...used].filter((k) => !(k in nls)),
      [],
      `${file} lacks keys`,
    );
    assert.deepEqual(
      Object.keys(nls).filter((k) => !used.has(k)),
      [],
      `${file} has unused keys`,
    );
  }
});

test('every vscode.l10n.t string in client/ has a Chinese translation with the same placeholders', () => {
  const bundle: Record<string, string> = json('l10n/bundle.l10n.zh-cn.json');
  const keys = new Set<string>();
  const files = readdirSync(join(ROOT, 'client'), { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.ts'));
  for (const f of files) {
    const src = readFileSync(join(ROOT, 'client', f), 'utf8');
    for (const m of src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) keys.add(m[1].replace(/\\'/g, "'"));
  }
  assert.ok(keys.size > 10);
  const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
  for (const k of keys) {
    assert.ok(k in bundle, `l10n/bundle.l10n.zh-cn.json lacks "${k}"`);
    assert.equal(placeholders(bundle[k]), placeholders(k), `placeholders of "${k}"`);
  }
  assert.deepEqual(
    Object.keys(bundle).filter((k) => !keys.has(k)),
    [],
    'unused translations',
  );
});

test('the language, grammar, snippets and language configuration point at real files', () => {
  const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === LANGUAGE_ID);
  assert.deepEqual(lang.extensions, ['.nianbao.yaml', '.nianbao.yml']);
  assert.ok(existsSync(join(ROOT, lang.configuration)));
  const config = json(lang.configuration);
  assert.ok(config.autoClosingPairs.some((p: { open: string; close: string }) => p.open === '“' && p.close === '”'));
  assert.ok(config.autoClosingPairs.some((p: { open: string; close: string }) => p.open === '（' && p.close === '）'));
  new RegExp(config.indentationRules.increaseIndentPattern);
  const grammar = pkg.contributes.grammars.find((g: { language: string }) => g.language === LANGUAGE_ID);
  assert.equal(json(grammar.path).scopeName, grammar.scopeName);
  for (const s of pkg.contributes.snippets) assert.equal(s.path, './snippets/nianbao.code-snippets');
  assert.equal(pkg.l10n, './l10n');
  assert.equal(pkg.main, './dist/client.js');
});

test('the first-line pattern recognises report headers and nothing else', () => {
  const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === LANGUAGE_ID);
  const re = new RegExp(lang.firstLine);
  for (const yes of [
    '# nianbao',
    '#nianbao report',
    '# 年报',
    'format: 2021',
    "format: '2019'",
    'format: 2019  # 试行格式',
    '# 政府信息公开工作年度报告（2021 格式）',
    '# 某某县2022年政府信息公开工作年度报告',
    '# yaml-language-server: $schema=../schemas/report-2021.schema.json',
  ])
    assert.ok(re.test(yes), yes);
  for (const no of [
    'format: 2020',
    'format: 20211',
    'version: 2021',
    '# nianbaoX',
    'name: nianbao',
    '---',
    'apiVersion: v1',
    '# yaml-language-server: $schema=other.json',
  ])
    assert.ok(!re.test(no), no);
});

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** English text without what may stay Chinese: examples in quotes, brackets, code and YAML. */
const withoutExamples = (s: string) =>
  s
    .replace(/`[^`]*`/g, '')
    .replace(/\{[^{}]*\}/g, '')
    .replace(/\([^()]*\)/g, '')
    .replace(/“[^”]*”|"[^"]*"|《[^》]*》/g, '');

test('no half-translated text: every key in both catalogs, English without Chinese outside examples, Chinese translated', () => {
  const en: Record<string, string> = json('package.nls.json');
  const zh: Record<string, string> = json('package.nls.zh-cn.json');
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  const commands = new Set([
    'command.category',
    ...pkg.contributes.commands.map((c: { title: string }) => c.title.slice(1, -1)),
    ...pkg.contributes.customEditors.map((c: { displayName: string }) => c.displayName.slice(1, -1)),
  ]);
  for (const key of Object.keys(en)) {
    assert.match(zh[key], CJK, `package.nls.zh-cn.json ${key} is translated`);
    // Command titles (and the table editor's name in Reopen Editor With…) end with their Chinese
    // name so a picker finds them in either language.
    const text = commands.has(key) ? en[key].replace(/\s*[\u3400-\u9fff（）、]+…?$/, '') : en[key];
    assert.doesNotMatch(withoutExamples(text), CJK, `package.nls.json ${key}: ${en[key]}`);
  }
  const bundle: Record<string, string> = json('l10n/bundle.l10n.zh-cn.json');
  for (const [k, v] of Object.entries(bundle)) {
    assert.doesNotMatch(withoutExamples(k), CJK, `l10n key ${k}`);
    assert.match(v, CJK, `l10n "${k}" is translated`);
  }
});

test('command titles carry their Chinese name in English, so 年报 or 新建 finds them in an English VS Code', () => {
  const en: Record<string, string> = json('package.nls.json');
  const zh: Record<string, string> = json('package.nls.zh-cn.json');
  const inOrder = (needle: string, hay: string) => {
    let i = 0;
    for (const ch of hay) if (ch === needle[i]) i++;
    return i === needle.length;
  };
  for (const c of pkg.contributes.commands as { command: string; title: string }[]) {
    const key = c.title.slice(1, -1);
    const alias = /([\u3400-\u9fff]+)…?$/.exec(en[key])?.[1];
    assert.ok(alias, `${key}: "${en[key]}" ends with its Chinese name`);
    assert.ok(inOrder(alias, zh[key]), `${key}: ${alias} is the Chinese title's (${zh[key]})`);
  }
  assert.match(en['command.category'], /年报/);
  assert.match(en['command.newReport'], /新建/);
});

test("the server's UI texts: English has no Chinese outside examples", () => {
  const args = new Proxy({}, { get: () => 'X' });
  const visit = (o: unknown, path: string) => {
    if (o && typeof o === 'object' && 'en' in o && typeof (o as { en: unknown }).en === 'function') {
      const en = (o as { en: (a: unknown) => string }).en(args);
      assert.doesNotMatch(withoutExamples(en), CJK, `UI.${path}: ${en}`);
      return;
    }
    for (const [k, v] of Object.entries(o as object)) visit(v, path ? `${path}.${k}` : k);
  };
  visit(UI, '');
});
