/**
 * The New Report dialog's facts, from their one home in core/facts (the client asks the server,
 * nianbao/reportFacts): years per format, the year check, the organ kind a name implies, the
 * file name; and the server's answer built from them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultYear, organKindOf, reportFileName } from '../../core';
import { yearProblem } from '../../core/facts/formats';
import { reportFacts } from '../../server/facts';

const NOW = new Date('2025-02-10T00:00:00Z');

test('default years: last year for the 2021 format, 2020 for the 2019 trial format', () => {
  assert.equal(defaultYear('2021', NOW), 2024);
  assert.equal(defaultYear('2019', NOW), 2020);
  assert.equal(defaultYear('2021', new Date('2021-06-01')), 2021);
});

test('year validation follows X-FORMAT', () => {
  assert.equal(yearProblem('2021', '2024', NOW), undefined);
  assert.equal(yearProblem('2019', '2020', NOW), undefined);
  assert.equal(yearProblem('2019', ' 2019 ', NOW), undefined);
  assert.deepEqual(yearProblem('2021', '24', NOW), { kind: 'notYear', example: 2024 });
  assert.deepEqual(yearProblem('2021', '二〇二四', NOW), { kind: 'notYear', example: 2024 });
  assert.deepEqual(yearProblem('2021', '2018', NOW), { kind: 'tooEarly', first: 2019 });
  assert.deepEqual(yearProblem('2021', '2026', NOW), { kind: 'future', last: 2025 });
  assert.deepEqual(yearProblem('2019', '2022', NOW), { kind: 'oldTemplate', from: 2021 });
  assert.deepEqual(yearProblem('2021', '2020', NOW), { kind: 'earlyNewTemplate', until: 2020 });
});

test('organ kind from the name (the client used to guess its own)', () => {
  const cases: [string, string | undefined][] = [
    ['贵南县沙沟乡人民政府', 'township_government'],
    ['某某县某某镇人民政府', 'township_government'],
    ['长春市双阳区双营子回族乡人民政府', 'township_government'],
    ['某某市某某区某某街道办事处', 'subdistrict_office'],
    ['青禾县人民政府', 'county_government'],
    ['淮安市洪泽区人民政府', 'county_government'],
    ['某某自治县人民政府', 'county_government'],
    ['某某市人民政府', 'city_government'],
    ['某某藏族自治州人民政府', 'city_government'],
    ['上海市人民政府', 'province_government'],
    ['某某省人民政府', 'province_government'],
    ['广西壮族自治区人民政府', 'province_government'],
    ['某某县交通运输局', 'department'],
    ['某某市发展和改革委员会', 'department'],
    ['', undefined],
    ['某某公司', undefined],
  ];
  for (const [name, kind] of cases) assert.equal(organKindOf(name), kind, name);
});

test('nianbao/reportFacts: formats with years, organ kinds with labels, suggestion, year problem, file name', () => {
  const r = reportFacts({ format: '2019', year: '2022', organ: '淮安市洪泽区人民政府' }, NOW);
  assert.deepEqual(
    r.formats.map((f) => [f.format, f.first, f.last, f.defaultYear]),
    [
      ['2021', 2021, undefined, 2024],
      ['2019', 2019, 2020, 2020],
    ],
  );
  assert.match(r.formats[1].title, /2019/);
  assert.equal(r.organKinds.length, 7);
  assert.deepEqual(
    r.organKinds.find((k) => k.kind === 'township_government'),
    { kind: 'township_government', label: '乡（镇）人民政府' },
  );
  assert.equal(r.suggestedKind, 'county_government');
  assert.equal(r.yearProblem?.severity, 'error');
  assert.match(r.yearProblem!.message['zh-CN'], /2021 年度起/);
  assert.match(r.yearProblem!.message.en, /^Reports for 2021 and later/);
  assert.equal(r.fileName, '淮安市洪泽区人民政府-2022.nianbao.yaml');
  assert.equal(reportFacts({ format: '2021', year: '2020' }, NOW).yearProblem?.severity, 'warning');
  const fromText = reportFacts({
    text: '# 政府信息公开工作年度报告（2021 格式）\nmeta:\n  organ: 青禾县人民政府\n  year: 2024\n',
  });
  assert.equal(fromText.fileName, reportFileName('青禾县人民政府', 2024));
});
