/**
 * Cross-year checks (X-CARRY, X-INFORCE, X-ITEMS-19, X-19-CUM) on year pairs built to break
 * each rule and pairs that keep them; the Hongze 2023/2024 corpus pair; the quick fix; the
 * report index the language server will keep.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyEdits,
  checkCrossYear,
  checkText,
  fixesFor,
  loadReport,
  ReportIndex,
  identityOf,
  sameIdentity,
  type CheckOptions,
  type Diagnostic,
} from '../../core';
import { example, loose, setCell, underlined, zeroReport, type Finding } from '../helpers/report';

/** Cross-year findings of `cur` against `prev` (given as text, found by organ and year). */
function cross(cur: string, prev: string, options?: CheckOptions, file = 'last.nianbao.yaml'): Finding[] {
  const p = identityOf(loadReport(prev));
  return loose(
    checkCrossYear(
      loadReport(cur),
      (organ, year) =>
        p && sameIdentity(p, organ) && p.year === year ? { file, uri: `file:///r/${file}`, text: prev } : undefined,
      options,
    ).diagnostics,
  );
}

const row = (t: string, r: string, v: number) => setCell(setCell(t, r, 'natural', v), r, 'total', v);

/** A balanced 表三 with the given carried-over and carried-forward counts (natural = total). */
function t3(t: string, carried: number, forward: number, fresh = 5): string {
  t = row(row(row(t, 'new_received', fresh), 'carried_over', carried), 'carry_forward', forward);
  return row(row(t, 'granted', fresh + carried - forward), 'total_processed', fresh + carried - forward);
}

const pair19 = () => [zeroReport('2019', 2019), zeroReport('2019', 2020)] as const;
const pair21 = () => [zeroReport('2021', 2021), zeroReport('2021', 2022)] as const;

test("X-CARRY: 上年结转 ≠ last year's 结转下年度, per column, on this year's cell, related to last year's", () => {
  for (const [last, cur] of [pair19(), pair21(), [zeroReport('2019', 2020), zeroReport('2021', 2021)] as const]) {
    const prev = t3(last, 0, 3);
    const now = t3(cur, 2, 0);
    assert.deepEqual(codesOnly(checkText(now).diagnostics, 'error'), [], 'this year balances by itself');
    const ds = cross(now, prev);
    assert.deepEqual(
      ds.map((d) => [d.code, d.severity, underlined(now, d), d.data.path, d.data.thisYear, d.data.lastYear, d.data.expected]),
      [
        ['X-CARRY', 'warning', '2', 'applications.carried_over.natural', 2, 3, 3],
        ['X-CARRY', 'warning', '2', 'applications.carried_over.total', 2, 3, 3],
      ],
    );
    const d = ds[0];
    assert.equal(
      d.range.start.line,
      now.split('\n').findIndex((l) => /^\s+carried_over:/.test(l)),
    );
    assert.equal(d.data.lastFile, 'last.nianbao.yaml');
    assert.equal(d.data.previousYear, (d.data.year as number) - 1);
    const [rel] = d.related!;
    assert.deepEqual(
      [rel.path, rel.file, rel.uri, prev.slice(rel.span.start, rel.span.end)],
      ['applications.carry_forward.natural', 'last.nianbao.yaml', 'file:///r/last.nianbao.yaml', '3'],
    );
    assert.equal(
      rel.range.start.line,
      prev.split('\n').findIndex((l) => /^\s+carry_forward:/.test(l)),
    );
    assert.equal(cross(t3(cur, 3, 0), prev).length, 0, 'equal: no finding');
  }
});

test('X-CARRY quick fix: “改为上年数值 N”, computed from data, removes the finding', () => {
  const [last, cur] = pair21();
  const prev = t3(last, 0, 3);
  const now = t3(cur, 2, 0);
  const result = checkText(now);
  for (const d of cross(now, prev)) {
    const fixes = fixesFor(result, d as unknown as Diagnostic);
    assert.equal(fixes.length, 1);
    assert.deepEqual(
      [fixes[0].title['zh-CN'], fixes[0].title.en, fixes[0].kind, fixes[0].preferred],
      ['改为上年数值 3', "Use last year's value 3", 'carry', true],
    );
    const fixed = applyEdits(now, fixes[0].edits);
    assert.equal(cross(fixed, prev).filter((x) => x.data.path === d.data.path).length, 0);
  }
});

test("X-INFORCE (2021 → 2021): 现行有效 = last year's + 制发 − 废止; a shortfall within 制发 is info", () => {
  const [last, cur] = pair21();
  const prev = setCell(last, 'normative_docs', 'in_force', 46);
  const now = (inForce: number) =>
    setCell(
      setCell(setCell(cur, 'normative_docs', 'issued', 9), 'normative_docs', 'repealed', 3),
      'normative_docs',
      'in_force',
      inForce,
    );
  assert.equal(cross(now(52), prev).length, 0);
  const high = now(60);
  const [d] = cross(high, prev);
  assert.deepEqual(
    [d.code, d.severity, underlined(high, d), d.data.expected, d.data.soft, d.data.lastYear],
    ['X-INFORCE', 'warning', '60', 52, false, 46],
  );
  assert.match(d.message['zh-CN'], /46 \+ 本年制发件数 9 − 本年废止件数 3 应为 52/);
  assert.deepEqual(
    d.related!.map((r) => [r.path, r.file !== undefined]),
    [
      ['active_disclosure.art20_1.normative_docs.in_force', true],
      ['active_disclosure.art20_1.normative_docs.issued', false],
      ['active_disclosure.art20_1.normative_docs.repealed', false],
    ],
  );
  const [fix] = fixesFor(checkText(high), d as unknown as Diagnostic);
  assert.equal(fix.title['zh-CN'], '将行政规范性文件·现行有效件数 改为 52');
  const low = now(47); // 52 − 47 = 5 ≤ 9 issued: amendments may explain it
  const [s] = cross(low, prev);
  assert.deepEqual([s.severity, s.data.soft], ['info', true]);
  assert.match(s.message['zh-CN'], /可能含修订/);
  assert.equal(fixesFor(checkText(low), s as unknown as Diagnostic)[0].preferred, false);
  const lower = now(40); // below 52 − 9: not explained by amendments
  assert.equal(cross(lower, prev)[0].severity, 'warning');
  // A 2019-format year before has no 现行有效件数: nothing to compare.
  assert.equal(cross(now(60), zeroReport('2019', 2021)).filter((x) => x.code === 'X-INFORCE').length, 0);
  assert.equal(cross(zeroReport('2021', 2021), setCell(zeroReport('2019', 2020), 'normative_docs', 'total_public', 9)).length, 0);
});

test("X-ITEMS-19 (2019 → 2019): 上一年项目数量 = last year's + 本年增/减", () => {
  const [last, cur] = pair19();
  const prev = setCell(setCell(last, 'licensing', 'prev_items', 10), 'licensing', 'delta', -3);
  assert.equal(cross(setCell(cur, 'licensing', 'prev_items', 7), prev).length, 0);
  const now = setCell(cur, 'licensing', 'prev_items', 10);
  const [d] = cross(now, prev);
  assert.deepEqual(
    [d.code, d.severity, underlined(now, d), d.data.path, d.data.expected, d.data.lastYear],
    ['X-ITEMS-19', 'warning', '10', 'active_disclosure.art20_5.licensing.prev_items', 7, 10],
  );
  assert.deepEqual(
    d.related!.map((r) => prev.slice(r.span.start, r.span.end)),
    ['10', '-3'],
  );
  const fixed = applyEdits(now, fixesFor(checkText(now), d as unknown as Diagnostic)[0].edits);
  assert.equal(cross(fixed, prev).length, 0);
  // Not between formats.
  assert.equal(
    cross(zeroReport('2021', 2021), prev.replace('year: 2019', 'year: 2020')).filter((x) => x.code === 'X-ITEMS-19').length,
    0,
  );
});

test('X-19-CUM (2019 → 2019): 对外公开总数量 never falls (info, no fix)', () => {
  const [last, cur] = pair19();
  const prev = setCell(setCell(last, 'normative_docs', 'new_published', 5), 'normative_docs', 'total_public', 5);
  const now = setCell(cur, 'normative_docs', 'total_public', 4);
  const [d] = cross(now, prev);
  assert.deepEqual(
    [d.code, d.severity, underlined(now, d), d.data.expected, d.data.atLeast],
    ['X-19-CUM', 'info', '4', undefined, 5],
  );
  assert.deepEqual(fixesFor(checkText(now), d as unknown as Diagnostic), []);
  assert.equal(cross(setCell(cur, 'normative_docs', 'total_public', 5), prev).length, 0);
});

test('pairing: same organ (whitespace aside) and the year before only', () => {
  const [last, cur] = pair21();
  const prev = t3(last, 0, 3);
  const now = t3(cur, 2, 0);
  assert.equal(cross(now, prev.replace('organ: 测试乡人民政府', 'organ: 测试乡 人民政府')).length, 2);
  assert.equal(cross(now, prev.replace('organ: 测试乡人民政府', 'organ: 测试镇人民政府')).length, 0);
  assert.equal(cross(now, prev.replace('year: 2021', 'year: 2020')).length, 0);
  // A resolver that returns the wrong report is not trusted.
  assert.equal(checkCrossYear(loadReport(now), () => ({ text: prev.replace('year: 2021', 'year: 2019') })).diagnostics.length, 0);
  assert.equal(checkCrossYear(loadReport(now), () => undefined).diagnostics.length, 0);
  assert.equal(checkCrossYear(loadReport('not: [a report'), () => ({ text: prev })).diagnostics.length, 0);
  // A loaded report works as well as a text.
  assert.equal(checkCrossYear(loadReport(now), () => ({ report: loadReport(prev) })).diagnostics.length, 2);
});

test('severity settings and disable comments apply to cross-year findings', () => {
  const [last, cur] = pair21();
  const prev = t3(last, 0, 3);
  const now = t3(cur, 2, 0);
  assert.equal(cross(now, prev, { severity: { 'X-CARRY': 'off' } }).length, 0);
  assert.deepEqual(
    cross(now, prev, { severity: { 'X-CARRY': 'error' } }).map((d) => d.severity),
    ['error', 'error'],
  );
  const quiet = now.replace(/^(\s+)carried_over:/m, '$1# nianbao-disable-next-line X-CARRY\n$1carried_over:');
  assert.equal(cross(quiet, prev).length, 0);
});

test('Hongze 2023 → 2024 (corpus 003/004): the figures follow on; the text of 一（三）（四） is reused; planted breaks are caught', () => {
  const y23 = example('reports/corpus-003-hongze-2023.nianbao.yaml');
  const y24 = example('reports/corpus-004-hongze-2024.nianbao.yaml');
  const figures = (ds: Finding[]) => ds.filter((d) => d.code !== 'X-REUSE');
  assert.deepEqual(figures(cross(y24, y23)), [], '结转 0 → 0; 规范性文件 5 + 3 − 0 = 8');
  assert.deepEqual(
    cross(y24, y23)
      .filter((d) => d.code === 'X-REUSE')
      .map((d) => [d.data.part, d.data.share]),
    [
      ['（三）', 82],
      ['（四）', 74],
    ],
    'the two sub-parts copied from 2023 with new figures; the whole of 一 (46 %) is under the threshold',
  );
  assert.deepEqual(cross(y23, y24), [], 'the wrong direction pairs with nothing');
  // 2023 said 2 applications go on to 2024; 2024 carried none over.
  const fwd = y23.replace(/carry_forward: {3}\{natural: 0,(.*)total: 0\}/, 'carry_forward:   {natural: 2,$1total: 2}');
  const ds = figures(cross(y24, fwd, undefined, 'corpus-003-hongze-2023.nianbao.yaml'));
  assert.deepEqual(
    ds.map((d) => [d.code, underlined(y24, d), d.data.expected, d.related![0].file]),
    [
      ['X-CARRY', '0', 2, 'corpus-003-hongze-2023.nianbao.yaml'],
      ['X-CARRY', '0', 2, 'corpus-003-hongze-2023.nianbao.yaml'],
    ],
  );
  // 2024 in force 9 where 5 + 3 − 0 = 8.
  const inforce = y24.replace(
    'normative_docs: {issued: 3, repealed: 0, in_force: 8}',
    'normative_docs: {issued: 3, repealed: 0, in_force: 9}',
  );
  const [d] = figures(cross(inforce, y23));
  assert.deepEqual([d.code, d.severity, underlined(inforce, d), d.data.expected], ['X-INFORCE', 'warning', '9', 8]);
  // The mixed template (single （六） row) does not disturb the pairing: 2023 keeps its 表四 errors.
  assert.deepEqual(
    checkText(y23)
      .diagnostics.filter((x) => x.code === 'T4-SUM')
      .map((x) => underlined(y23, x)),
    ['0', '0'],
  );
});

test('ReportIndex keeps organ + year → uri current without rescans', () => {
  const idx = new ReportIndex();
  const r20 = zeroReport('2019', 2020);
  const r21 = zeroReport('2021', 2021);
  const r22 = zeroReport('2021', 2022);
  idx.add('file:///a/2020.nianbao.yaml', r20);
  idx.add('file:///a/2021.nianbao.yaml', r21);
  idx.add('file:///a/broken.nianbao.yaml', 'meta: [');
  assert.equal(idx.size, 3);
  assert.equal(idx.entry('file:///a/broken.nianbao.yaml')?.identity, undefined);
  assert.equal(idx.previousOf(loadReport(r22))?.uri, 'file:///a/2021.nianbao.yaml');
  assert.equal(idx.previousOf('file:///a/2021.nianbao.yaml')?.uri, 'file:///a/2020.nianbao.yaml');
  assert.equal(idx.previousOf('file:///a/2020.nianbao.yaml'), undefined);
  assert.deepEqual(idx.dependentsOf('file:///a/2020.nianbao.yaml'), ['file:///a/2021.nianbao.yaml']);
  // The 2021 file is edited to say 2023: it no longer follows 2020, and 2022 has no previous.
  idx.update('file:///a/2021.nianbao.yaml', r21.replace('year: 2021', 'year: 2023'));
  assert.equal(idx.previousOf(loadReport(r22)), undefined);
  assert.deepEqual(idx.dependentsOf('file:///a/2020.nianbao.yaml'), []);
  idx.update('file:///a/2021.nianbao.yaml', r21);
  // Two files claim 2021: the smallest uri wins, and duplicates() says so.
  idx.add('file:///a/0-copy.nianbao.yaml', r21);
  assert.equal(idx.previousOf(loadReport(r22))?.uri, 'file:///a/0-copy.nianbao.yaml');
  assert.deepEqual(idx.duplicates(), [['file:///a/0-copy.nianbao.yaml', 'file:///a/2021.nianbao.yaml']]);
  assert.equal(idx.remove('file:///a/0-copy.nianbao.yaml'), true);
  assert.equal(idx.remove('file:///a/0-copy.nianbao.yaml'), false);
  // The resolver plugs into checkCrossYear.
  const prev = t3(r21, 0, 3);
  idx.update('file:///a/2021.nianbao.yaml', prev);
  const now = t3(r22, 2, 0);
  const ds = checkCrossYear(loadReport(now), idx.resolver()).diagnostics;
  assert.deepEqual(
    ds.map((d) => [d.code, d.related![0].uri]),
    [
      ['X-CARRY', 'file:///a/2021.nianbao.yaml'],
      ['X-CARRY', 'file:///a/2021.nianbao.yaml'],
    ],
  );
  idx.remove('file:///a/2021.nianbao.yaml');
  assert.equal(checkCrossYear(loadReport(now), idx.resolver()).diagnostics.length, 0);
});

function codesOnly(ds: Diagnostic[], severity: string): string[] {
  return ds.filter((d) => d.severity === severity).map((d) => d.code);
}
