/**
 * Golden fixtures: every example report and rule example, with its expected diagnostics in
 * `<name>.expected.json` beside it (a folder of reports — the cross-year examples — has one per
 * file). A missing golden fails; `npm run golden` (UPDATE_GOLDEN=1) writes them: review the diff.
 * Every rule in the registry has an example that fires it, unless its spec says why not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBatch, checkText, parseRoster, RULES, type Diagnostic } from '../../core';
import { shortLabel } from '../../core/schema/labels';
import { groupLabels, rawSchemas } from '../../core/schema/nodes';
import { ROOT } from '../helpers/report';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

function summarise(text: string, ds: Diagnostic[]) {
  return ds.map((d) => ({
    code: d.code,
    severity: d.severity,
    range: `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
    text: text.slice(d.span.start, d.span.end),
    message: d.message['zh-CN'],
  }));
}

/** A folder's roster (rules of the review family): checked with its reports, as `nianbao check DIR --roster DIR/roster.yaml`. */
const ROSTER = 'roster.yaml';

/**
 * Checks a folder of reports together, as `nianbao check DIR` does (core/review/batch.ts): each
 * file, the cross-year pairs and, when the folder has a roster.yaml, the roster.
 */
function checkFolder(dir: string): Map<string, { text: string; ds: Diagnostic[] }> {
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.nianbao.yaml'))
    .sort();
  const rosterText = existsSync(join(dir, ROSTER)) ? readFileSync(join(dir, ROSTER), 'utf8') : undefined;
  const roster = rosterText !== undefined ? parseRoster(rosterText).roster : undefined;
  if (rosterText !== undefined) assert.ok(roster, `${dir}/${ROSTER} is a roster`);
  const batch = checkBatch(
    files.map((name) => ({ file: name, text: readFileSync(join(dir, name), 'utf8') })),
    {},
    { crossYear: true, ...(roster ? { roster: { file: ROSTER, roster } } : {}) },
  );
  const out = new Map<string, { text: string; ds: Diagnostic[] }>();
  for (const r of batch.reports) out.set(r.file, { text: r.text, ds: r.diagnostics });
  if (batch.roster) out.set(ROSTER, { text: rosterText!, ds: batch.roster.diagnostics });
  return out;
}

function compare(file: string, actual: unknown): void {
  const golden = file.replace(/(\.nianbao)?\.yaml$/, '.expected.json');
  if (UPDATE) writeFileSync(golden, `${JSON.stringify(actual, null, 2)}\n`);
  assert.ok(existsSync(golden), `${golden} is missing: run \`npm run golden\` and review it`);
  assert.deepEqual(actual, JSON.parse(readFileSync(golden, 'utf8')));
}

/** Codes an example fires, by example name (a file, or a folder of reports checked together). */
const fired = new Map<string, Set<string>>();
/** Codes each example says it shows: its first line, `# 规则示例 CODE [CODE …]：…`. */
const declared = new Map<string, string[]>();
/** Every finding of every example, for the catalog's English test. */
const all: Diagnostic[] = [];

for (const dir of ['examples/rules', 'examples/reports']) {
  for (const name of readdirSync(join(ROOT, dir)).sort()) {
    const path = join(ROOT, dir, name);
    if (statSync(path).isDirectory()) {
      const results = checkFolder(path);
      for (const [file, { text, ds }] of results) {
        test(`golden ${dir}/${name}/${file}`, () => compare(join(path, file), summarise(text, ds)));
        const head = /^# 规则示例 ([A-Z0-9 -]+)[：（]/.exec(text)?.[1];
        if (head) declared.set(`${name}/${file}`, head.trim().split(/\s+/));
        fired.set(`${name}/${file}`, new Set(ds.map((d) => d.code)));
        all.push(...ds);
      }
    } else if (name.endsWith('.nianbao.yaml')) {
      const text = readFileSync(path, 'utf8');
      const ds = checkText(text).diagnostics;
      all.push(...ds);
      test(`golden ${dir}/${name}`, () => compare(path, summarise(text, ds)));
      if (dir === 'examples/rules') {
        const head = /^# 规则示例 ([A-Z0-9 -]+)[：（]/.exec(text)?.[1];
        if (head) declared.set(name, head.trim().split(/\s+/));
        fired.set(name, new Set(ds.map((d) => d.code)));
      }
    }
  }
}

test('every rule example fires the rules its first line names', () => {
  assert.ok(declared.size > 0);
  for (const [name, codes] of declared) {
    for (const code of codes.filter((c) => RULES.has(c as never))) {
      assert.ok(fired.get(name)?.has(code), `${name} should fire ${code}, got ${[...(fired.get(name) ?? [])].join(', ')}`);
    }
  }
});

test('every rule in the registry has an example under examples/rules/, or says why not', () => {
  const shown = new Set([...declared.entries()].flatMap(([name, codes]) => codes.filter((c) => fired.get(name)?.has(c))));
  const missing = [...RULES.values()].filter((r) => !r.noExample && !shown.has(r.code)).map((r) => r.code);
  assert.deepEqual(missing, [], 'add examples/rules/<CODE>.nianbao.yaml (first line `# 规则示例 CODE：…`) or set noExample');
});

/** Every official label of both formats (the schemas' titles and group labels), longest first. */
function officialLabels(): string[] {
  const out = new Set<string>(Object.values(groupLabels));
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object')
      for (const [k, v] of Object.entries(n)) {
        if (k === 'title' && typeof v === 'string') out.add(v).add(shortLabel(v).replace(/…$/, ''));
        else walk(v);
      }
  };
  walk(rawSchemas);
  return [...out].sort((a, b) => b.length - a.length);
}

test('every finding of every example reads in English in English: Chinese only in quotes, official labels and YAML values', () => {
  const labels = officialLabels();
  const CJK = /[\u3400-\u9fff]/;
  assert.ok(all.length > 100);
  for (const d of all) {
    let en = d.message.en;
    // Quoted source text and official labels stay as printed: the reader finds them in the form.
    en = en.replace(/“[^”]*”|"[^"]*"|「[^」]*」|《[^》]*》/g, '');
    for (const l of labels) en = en.split(l).join('');
    // A long label is cut with … (core/messages/define.ts).
    en = en.replace(/[^\s·]*…/g, '');
    // Units are YAML values (unit: 元 / 万元), sub-part numbers （三） are printed headings.
    en = en.replace(/万?元|（[一二三四五六七八九十]+）/g, '');
    assert.doesNotMatch(en, CJK, `${d.code}: ${d.message.en}`);
  }
});
