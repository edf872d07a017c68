/**
 * `nianbao check` over many files. Several files: each report is paired with the same organ's
 * report of the year before among them (cross-year rules). `--summary`: 300 generated reports (100 organs × 2021–2023) with varying
 * defects, checked once (--format json, timed and printed); rows per organ and year, worst first
 * (errors, then warnings), one screen of text in both locales. The command's text / json /
 * SARIF paths on the example reports.
 */
import { test } from 'node:test';
import { linesOf } from '../helpers/output';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from '../../cli/commands/check';
import { formatSummary, width, type Summary } from '../../cli/output/summary';
import { ROOT, setCell, zeroReport } from '../helpers/report';

const ORGANS = 100;
const YEARS = [2021, 2022, 2023];

/** Report i of organ o: e 表四 total errors (0–3), w blank 表二 cells (0–4), and every 7th organ breaks X-CARRY in 2022. */
function generate(o: number, year: number): { text: string; errors: number; warnings: number } {
  const organ = `第${o}号乡人民政府`;
  let t = zeroReport('2021', year).replace(/测试乡人民政府/g, organ);
  const e = (o * 3 + year) % 4;
  const w = (o + year) % 5;
  for (const g of ['review', 'lit_direct', 'lit_after_review'].slice(0, e)) t = setCell(t, g, 'total', 1);
  const blanks: [string, string][] = [
    ['licensing', 'decisions'],
    ['penalty', 'decisions'],
    ['coercion', 'decisions'],
    ['fees', 'amount_wan_yuan'],
  ];
  for (const [r, c] of blanks.slice(0, w)) t = setCell(t, r, c, '~');
  let carry = 0;
  if (o % 7 === 0 && year === 2022) {
    for (const r of ['new_received', 'carried_over', 'granted', 'total_processed'])
      t = setCell(setCell(t, r, 'natural', 1), r, 'total', r === 'new_received' ? 0 : 1);
    t = setCell(t, 'new_received', 'natural', 0);
    carry = 2; // carried_over natural and total = 1, last year's carry_forward 0
  }
  return { text: t, errors: e, warnings: w + carry };
}

test('--summary over 300 files: worst first, counts per organ and year, one screen', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-summary-'));
  const want = new Map<string, { errors: number; warnings: number }>();
  for (let o = 1; o <= ORGANS; o++) {
    for (const y of YEARS) {
      const g = generate(o, y);
      writeFileSync(join(dir, `organ-${String(o).padStart(3, '0')}-${y}.nianbao.yaml`), g.text);
      want.set(`第${o}号乡人民政府 ${y}`, { errors: g.errors, warnings: g.warnings });
    }
  }
  const run = async (...extra: [string, unknown][]) => {
    const lines: string[] = [];
    const args = {
      paths: [dir],
      format: 'text',
      locale: 'zh-CN' as const,
      options: {},
      version: 'test',
      summary: true,
      ...Object.fromEntries(extra),
    };
    const code = await runCheck(
      args,
      (s) => lines.push(s),
      (s) => lines.push(s),
      linesOf(lines),
    );
    return { code, out: lines.join('\n') };
  };

  const t0 = performance.now();
  const json = await run(['format', 'json']);
  const ms = performance.now() - t0;
  console.log(`nianbao check --summary: 300 files in ${(ms / 1000).toFixed(2)} s (${(ms / 300).toFixed(1)} ms per file)`);
  assert.ok(ms < 120_000, 'runs in reasonable time');
  assert.equal(json.code, 1);
  const { summary } = JSON.parse(json.out) as { summary: Summary };
  assert.equal(summary.files, 300);
  assert.equal(summary.reports.length, 300);

  // Every row has the counts its defects imply (the content rules stay quiet on these reports).
  for (const r of summary.reports) {
    assert.deepEqual(
      { errors: r.errors, warnings: r.warnings },
      want.get(`${r.organ} ${r.year}`),
      `${r.organ} ${r.year}: ${JSON.stringify(r.rules)}`,
    );
  }
  // Worst first: errors descending, then warnings descending.
  for (let i = 1; i < summary.reports.length; i++) {
    const a = summary.reports[i - 1];
    const b = summary.reports[i];
    assert.ok(
      a.errors > b.errors || (a.errors === b.errors && a.warnings >= b.warnings),
      `row ${i}: ${a.organ} ${a.year} (${a.errors}/${a.warnings}) before ${b.organ} ${b.year} (${b.errors}/${b.warnings})`,
    );
  }
  const top = summary.reports[0];
  assert.deepEqual([top.errors, top.rules[0].code, top.rules[0].severity], [3, 'T4-SUM', 'error']);
  const carry = summary.reports.find((r) => r.organ === '第7号乡人民政府' && r.year === 2022)!;
  assert.deepEqual(
    carry.rules.find((r) => r.code === 'X-CARRY'),
    { code: 'X-CARRY', severity: 'warning', count: 2 },
  );
  assert.equal(summary.byRule.find((r) => r.code === 'X-CARRY')?.reports, Math.floor(ORGANS / 7));
  assert.equal(
    summary.totals.errors,
    [...want.values()].reduce((s, v) => s + v.errors, 0),
  );

  // Text: one screen (default 20 rows), worst row first, the rest summed up in one line.
  const text = formatSummary(summary, { locale: 'zh-CN', top: 20 });
  const lines = text.split('\n');
  console.log(text);
  assert.ok(lines.length <= 40, `one screen: ${lines.length} lines`);
  assert.ok(
    lines.every((l) => width(l) <= 110),
    'fits a terminal',
  );
  const firstRow = lines.findIndex((l) => l.startsWith('第'));
  assert.ok(lines[firstRow].startsWith(top.organ));
  assert.match(lines[firstRow], /T4-SUM×3 · T2-COMPLETE/);
  assert.match(text, /另有 280 份报告/);
  const en = formatSummary(summary, { locale: 'en', top: 5 });
  assert.match(en, /^300 report\(s\) in 300 file\(s\)/);
  assert.match(en, /… 295 more report\(s\)/);
  assert.equal(
    formatSummary(summary, { locale: 'zh-CN', top: 0 })
      .split('\n')
      .filter((l) => l.startsWith('第')).length,
    300,
  );
});

test('--summary through the command: text by default, json summary object, SARIF with the summary', async () => {
  const run = async (format: string, locale: 'zh-CN' | 'en' = 'zh-CN') => {
    const lines: string[] = [];
    const code = await runCheck(
      { paths: [join(ROOT, 'examples/reports')], format, locale, options: {}, version: 'test', summary: true },
      (s) => lines.push(s),
      (s) => lines.push(s),
      linesOf(lines),
    );
    return { code, out: lines.join('\n') };
  };
  const text = await run('text');
  assert.equal(text.code, 1);
  const rows = text.out.split('\n');
  assert.match(rows[0], /^\d+ 个文件，\d+ 份报告/);
  const worst = rows.findIndex((l) => /T4-NONNEG×12/.test(l));
  assert.ok(worst > 0 && rows.slice(worst + 1).every((l) => !/T4-NONNEG×12/.test(l)));
  assert.ok(/大才回族乡人民政府/.test(rows[worst]), 'seed 002 has the most errors');
  assert.match((await run('text', 'en')).out, /organ +year +err +warn/);
  const { summary } = JSON.parse((await run('json')).out) as { summary: Summary };
  assert.equal(summary.reports[0].organ, '大才回族乡人民政府');
  const sarif = JSON.parse((await run('sarif')).out) as { runs: { results: unknown[]; properties: { summary: Summary } }[] };
  assert.deepEqual(sarif.runs[0].properties.summary, summary);
  assert.equal(sarif.runs[0].results.length, summary.totals.errors + summary.totals.warnings + summary.totals.infos);
});

const row = (t: string, r: string, v: number) => setCell(setCell(t, r, 'natural', v), r, 'total', v);

/** A balanced 表三 with the given carried-over and carried-forward counts (natural = total). */
function t3(t: string, carried: number, forward: number, fresh = 5): string {
  t = row(row(row(t, 'new_received', fresh), 'carried_over', carried), 'carry_forward', forward);
  return row(row(t, 'granted', fresh + carried - forward), 'total_processed', fresh + carried - forward);
}

test("nianbao check with several files finds last year's report among them", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-xyear-'));
  const [last, cur] = [zeroReport('2021', 2021), zeroReport('2021', 2022)];
  writeFileSync(join(dir, 'a-2021.nianbao.yaml'), t3(last, 0, 3));
  writeFileSync(join(dir, 'b-2022.nianbao.yaml'), t3(cur, 2, 0));
  writeFileSync(
    join(dir, 'c-other.nianbao.yaml'),
    t3(cur, 2, 0)
      .replace('organ: 测试乡人民政府', 'organ: 别的乡人民政府')
      .replace(/title: .*/, 'title: 别的乡人民政府2022年政府信息公开工作年度报告'),
  );
  const lines: string[] = [];
  const code = await runCheck(
    { paths: [dir], format: 'json', locale: 'zh-CN', options: {}, version: 'test' },
    (s) => lines.push(s),
    () => undefined,
    linesOf(lines),
  );
  assert.equal(code, 0);
  const found = (
    JSON.parse(lines.join('\n')) as { findings: { file: string; code: string; data: Record<string, unknown> }[] }
  ).findings.filter((f) => f.code.startsWith('X-'));
  assert.deepEqual(
    found.map((f) => [f.file.split('/').pop(), f.code, f.data.lastFile?.toString().split('/').pop()]),
    [
      ['b-2022.nianbao.yaml', 'X-CARRY', 'a-2021.nianbao.yaml'],
      ['b-2022.nianbao.yaml', 'X-CARRY', 'a-2021.nianbao.yaml'],
    ],
  );
  // One file alone: no previous year, no cross-year finding.
  const one: string[] = [];
  await runCheck(
    { paths: [join(dir, 'b-2022.nianbao.yaml')], format: 'json', locale: 'zh-CN', options: {}, version: 'test' },
    (s) => one.push(s),
    () => undefined,
    linesOf(one),
  );
  const alone = JSON.parse(one.join('\n')) as { findings: { code: string }[]; files: { pairing?: unknown }[] };
  assert.equal(alone.findings.filter((f) => f.code.startsWith('X-')).length, 0);
  assert.equal(alone.files[0].pairing, undefined, 'one file: nothing to pair, nothing said');
});

test('several files: each report says which report of the year before it was paired with, or that there was none', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-pairing-'));
  const organ = (t: string, name: string) =>
    t.replace(/organ: 测试乡人民政府/, `organ: ${name}`).replace(/title: .*/, `title: ${name}政府信息公开工作年度报告`);
  // The real case: 洪泽区人民政府 in 2023, 淮安市洪泽区人民政府 in 2024 — one organ.
  writeFileSync(join(dir, 'hz-2023.nianbao.yaml'), organ(zeroReport('2021', 2023), '洪泽区人民政府'));
  writeFileSync(join(dir, 'hz-2024.nianbao.yaml'), organ(zeroReport('2021', 2024), '淮安市洪泽区人民政府'));
  // Two files claim 别的乡's 2023 report: the first by name is used, the other named.
  writeFileSync(join(dir, 'other-2023a.nianbao.yaml'), organ(zeroReport('2021', 2023), '别的乡人民政府'));
  writeFileSync(join(dir, 'other-2023b.nianbao.yaml'), organ(zeroReport('2021', 2023), '别的乡人民政府'));
  writeFileSync(join(dir, 'other-2024.nianbao.yaml'), organ(zeroReport('2021', 2024), '别的乡人民政府'));
  writeFileSync(join(dir, 'broken.nianbao.yaml'), 'format: 2021\nmeta: {title: x}\n');
  const run = async (format: string, extra: Record<string, unknown> = {}) => {
    const lines: string[] = [];
    await runCheck(
      { paths: [dir], format, locale: 'zh-CN', options: {}, version: 'test', ...extra },
      (s) => lines.push(s),
      () => undefined,
      linesOf(lines),
    );
    return lines.join('\n');
  };
  const json = JSON.parse(await run('json')) as { files: { file: string; pairing: Record<string, unknown> }[] };
  const by = (name: string) => json.files.find((f) => f.file.endsWith(name))!.pairing;
  const base = (p: string | null) => (p ? p.split('/').pop() : p);
  const brief = (name: string) => {
    const p = by(name) as { status: string; previous: string | null; candidates: string[] };
    return [p.status, base(p.previous), p.candidates.map(base)];
  };
  assert.deepEqual(brief('hz-2024.nianbao.yaml'), ['paired', 'hz-2023.nianbao.yaml', ['hz-2023.nianbao.yaml']]);
  assert.deepEqual(brief('hz-2023.nianbao.yaml'), ['none', null, []]);
  assert.deepEqual(brief('other-2024.nianbao.yaml'), [
    'paired',
    'other-2023a.nianbao.yaml',
    ['other-2023a.nianbao.yaml', 'other-2023b.nianbao.yaml'],
  ]);
  assert.deepEqual(brief('broken.nianbao.yaml'), ['unidentified', null, []]);
  const text = await run('text');
  assert.match(text, /^上年度报告配对：$/m);
  assert.match(text, /hz-2024\.nianbao\.yaml ← \S*hz-2023\.nianbao\.yaml$/m);
  assert.match(text, /hz-2023\.nianbao\.yaml：所给文件中没有同一机关 2022 年度的报告$/m);
  assert.match(text, /other-2024\.nianbao\.yaml ← \S*other-2023a\.nianbao\.yaml（另有 \S*other-2023b\.nianbao\.yaml 可配对/m);
  assert.match(text, /broken\.nianbao\.yaml：读不出机关或年度，未配对$/m);
  const summary = await run('text', { summary: true });
  assert.match(summary, /^淮安市洪泽区人民政府 +2024 .* hz-2023$/m);
  assert.match(summary, /^别的乡人民政府 +2024 .* other-2023a \+1$/m);
  assert.match(summary, /^洪泽区人民政府 +2023 .* —$/m);
  const summaryJson = JSON.parse(await run('json', { summary: true })) as { files: { pairing?: unknown }[] };
  assert.equal(summaryJson.files.length, 6, 'the summary JSON carries the pairing too');
});
