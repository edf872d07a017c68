/** The New Report dialog's facts (client/reportFacts.ts): years per format and the organ-kind guess. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultYear, guessOrganKind, yearProblem } from '../../client/reportFacts';

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
  assert.deepEqual(yearProblem('2021', '24', NOW), { kind: 'notYear' });
  assert.deepEqual(yearProblem('2021', '二〇二四', NOW), { kind: 'notYear' });
  assert.deepEqual(yearProblem('2021', '2018', NOW), { kind: 'tooEarly', first: 2019 });
  assert.deepEqual(yearProblem('2021', '2026', NOW), { kind: 'future', last: 2025 });
  assert.deepEqual(yearProblem('2019', '2022', NOW), { kind: 'oldTemplate', from: 2021 });
  assert.deepEqual(yearProblem('2021', '2020', NOW), { kind: 'earlyNewTemplate', until: 2020 });
});

test('organ kind guessed from the name', () => {
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
  for (const [name, kind] of cases) assert.equal(guessOrganKind(name), kind, name);
});
