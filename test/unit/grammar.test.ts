/**
 * syntaxes/nianbao.tmLanguage.json tokenized as VS Code does: with vscode-textmate, vscode-oniguruma
 * and the YAML grammar VS Code ships. Those come from the code-server install that
 * scripts/setup-editors.sh caches (NIANBAO_EDITOR_CACHE, default ~/.cache/nianbao-editors);
 * without it these tests are skipped.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { skeleton } from '../../core';
import { ROOT } from '../helpers/report';

function vscodeDir(): string | undefined {
  const cache = process.env.NIANBAO_EDITOR_CACHE || join(homedir(), '.cache', 'nianbao-editors');
  if (!existsSync(cache)) return undefined;
  for (const d of readdirSync(cache)
    .filter((n) => n.startsWith('code-server'))
    .sort()
    .reverse()) {
    const dir = join(cache, d, 'node_modules', 'code-server', 'lib', 'vscode');
    if (
      existsSync(join(dir, 'extensions', 'yaml', 'syntaxes', 'yaml.tmLanguage.json')) &&
      existsSync(join(dir, 'node_modules', 'vscode-textmate'))
    )
      return dir;
  }
  return undefined;
}

const VSCODE = vscodeDir();
const skip = VSCODE ? false : 'VS Code (code-server) not installed: run scripts/setup-editors.sh';

interface Token {
  text: string;
  scopes: string[];
}
type Tokenize = (text: string) => Token[][];

let tokenizers: Promise<{ nianbao: Tokenize; yaml: Tokenize }> | undefined;

function load(): Promise<{ nianbao: Tokenize; yaml: Tokenize }> {
  tokenizers ??= (async () => {
    const req = createRequire(join(VSCODE!, 'package.json'));
    const tm = req(join(VSCODE!, 'node_modules', 'vscode-textmate'));
    const onig = req(join(VSCODE!, 'node_modules', 'vscode-oniguruma'));
    await onig.loadWASM(readFileSync(join(VSCODE!, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')).buffer);
    const yamlDir = join(VSCODE!, 'extensions', 'yaml', 'syntaxes');
    const yamlPkg = JSON.parse(readFileSync(join(VSCODE!, 'extensions', 'yaml', 'package.json'), 'utf8'));
    const files: Record<string, string> = { 'source.nianbao': join(ROOT, 'syntaxes', 'nianbao.tmLanguage.json') };
    for (const g of yamlPkg.contributes.grammars as { scopeName: string; path: string }[])
      files[g.scopeName] ??= join(yamlDir, g.path.replace('./syntaxes/', ''));
    const registry = new tm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (p: string[]) => new onig.OnigScanner(p),
        createOnigString: (s: string) => new onig.OnigString(s),
      }),
      loadGrammar: async (scope: string) =>
        files[scope] ? tm.parseRawGrammar(readFileSync(files[scope], 'utf8'), files[scope]) : null,
    });
    const make = async (scope: string): Promise<Tokenize> => {
      const g = await registry.loadGrammar(scope);
      return (text: string) => {
        let state = tm.INITIAL;
        return text.split('\n').map((line) => {
          const r = g.tokenizeLine(line, state);
          state = r.ruleStack;
          return (r.tokens as { startIndex: number; endIndex: number; scopes: string[] }[]).map((t) => ({
            text: line.slice(t.startIndex, t.endIndex),
            scopes: t.scopes,
          }));
        });
      };
    };
    return { nianbao: await make('source.nianbao'), yaml: await make('source.yaml') };
  })();
  return tokenizers;
}

/** The scopes of the token whose text is `text` on `line` (0-based); fails when there is none. */
function scopesOf(lines: Token[][], line: number, text: string): string[] {
  const t = lines[line].find((x) => x.text === text);
  assert.ok(t, `token "${text}" on line ${line}: ${lines[line].map((x) => JSON.stringify(x.text)).join(' ')}`);
  return t.scopes;
}
const has = (scopes: string[], scope: string) => assert.ok(scopes.includes(scope), `${scope} in ${scopes.join(' ')}`);

const SAMPLE = [
  '# 政府信息公开工作年度报告（2021 格式）', // 0
  'format: 2021', // 1
  '# 三、收到和处理政府信息公开申请情况', // 2
  'applications:', // 3
  '  denied:  # （三）不予公开', // 4
  '    state_secret: {natural: ~, commercial: , research: null, social: "不适用", legal: 12件, other_org: 0, total: 1}  # 1.属于国家秘密', // 5
  '  # nianbao-disable-next-line T3-SUM-H, T3-BAL', // 6
  '  granted: {natural: 1, total: 2}', // 7
  'overview: |', // 8
  '  依据条例第三十六条第（一）项和第二十条第（一）（五）项', // 9
  '# 规章一行为 0：县级人民政府无规章制定权。', // 10
].join('\n');

test('section titles, labels, directives and article references in comments', { skip }, async () => {
  const lines = (await load()).nianbao(SAMPLE);
  has(scopesOf(lines, 0, '政府信息公开工作年度报告（2021 格式）'), 'markup.heading.section.nianbao');
  has(scopesOf(lines, 2, '三、收到和处理政府信息公开申请情况'), 'markup.heading.section.nianbao');
  has(scopesOf(lines, 4, '（三）不予公开'), 'entity.name.label.nianbao');
  has(scopesOf(lines, 5, '1.属于国家秘密'), 'entity.name.label.nianbao');
  has(scopesOf(lines, 6, 'nianbao-disable-next-line'), 'keyword.control.directive.nianbao');
  has(scopesOf(lines, 6, 'T3-SUM-H'), 'variable.other.constant.rule-code.nianbao');
  has(scopesOf(lines, 6, 'T3-BAL'), 'variable.other.constant.rule-code.nianbao');
  // Not a label: 规章 is followed by more text.
  assert.ok(!lines[10].some((t) => t.scopes.includes('entity.name.label.nianbao')), 'no label on line 10');
});

test('article references in block scalars', { skip }, async () => {
  const lines = (await load()).nianbao(SAMPLE);
  for (const ref of ['条例第三十六条第（一）项', '第二十条第（一）（五）项']) {
    const s = scopesOf(lines, 9, ref);
    has(s, 'markup.underline.link.article.nianbao');
    has(s, 'string.unquoted.block.yaml');
  }
});

test('section keys, blank cells and text cells; the YAML scopes stay', { skip }, async () => {
  const lines = (await load()).nianbao(SAMPLE);
  for (const [line, key] of [
    [1, 'format'],
    [3, 'applications'],
    [8, 'overview'],
  ] as const) {
    const s = scopesOf(lines, line, key);
    has(s, 'markup.heading.section-key.nianbao');
    has(s, 'entity.name.tag.yaml');
  }
  assert.ok(!scopesOf(lines, 4, 'denied').includes('markup.heading.section-key.nianbao'), 'nested keys are not section keys');
  has(scopesOf(lines, 5, '~'), 'meta.cell.blank.nianbao');
  has(scopesOf(lines, 5, '~'), 'constant.language.null.yaml');
  has(scopesOf(lines, 5, 'null'), 'meta.cell.blank.nianbao');
  has(scopesOf(lines, 5, 'commercial'), 'meta.cell.blank.nianbao');
  has(scopesOf(lines, 5, 'commercial'), 'entity.name.tag.yaml');
  has(scopesOf(lines, 5, '"不适用"'), 'meta.cell.text.nianbao');
  has(scopesOf(lines, 5, '"不适用"'), 'string.quoted.double.yaml');
  has(scopesOf(lines, 5, '12件'), 'meta.cell.text.nianbao');
  for (const n of ['0', '1'])
    assert.ok(!scopesOf(lines, 5, n).some((s) => s.startsWith('meta.cell')), `number ${n} is not a blank or text cell`);
  has(scopesOf(lines, 5, '0'), 'constant.numeric.integer.decimal.yaml');
});

test('no more invalid tokens than the YAML grammar alone on the examples and skeletons', { skip }, async () => {
  const { nianbao, yaml } = await load();
  const texts: [string, string][] = [
    ['skeleton 2019', skeleton({ format: '2019' })],
    ['skeleton 2021', skeleton({ format: '2021', year: 2024, organ: '某某县人民政府' })],
  ];
  const dir = join(ROOT, 'examples', 'reports');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) texts.push([f, readFileSync(join(dir, f), 'utf8')]);
  const invalid = (lines: Token[][]) => lines.flat().filter((t) => t.scopes.some((s) => s.startsWith('invalid'))).length;
  for (const [name, text] of texts) {
    const n = nianbao(text);
    assert.equal(invalid(n), invalid(yaml(text)), name);
    // Every skeleton row label is recognised.
    if (name.startsWith('skeleton')) {
      const labelled = text.split('\n').filter((l) => /\}\s+#\s/.test(l)).length;
      const found = n.filter((line) => line.some((t) => t.scopes.includes('entity.name.label.nianbao'))).length;
      assert.ok(found >= labelled, `${name}: ${found} label lines of ${labelled} rows`);
    }
  }
});
