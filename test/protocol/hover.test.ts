/**
 * Hover: official label, label path, legal basis with the article's text, filling help, enum
 * choices, computed totals — all derived from the schema, on keys and on values.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { example, positionOf, positionOnLine, TestClient, uriFor } from './client';

const SEED = example('reports/seed-004-shagou-2020.nianbao.yaml');
const URI = uriFor('hover-seed-004.nianbao.yaml');
const CLEAN21 = example('reports/clean-2021.nianbao.yaml');
const URI21 = uriFor('hover-clean-2021.nianbao.yaml');
let client: TestClient;

before(async () => {
  client = await TestClient.start({ locale: 'zh-cn' });
  await client.open(URI, SEED);
  await client.open(URI21, CLEAN21);
});
after(async () => {
  await client.stop();
});

function markdown(h: Hover | null): string {
  assert.ok(h, 'a hover');
  const c = h.contents as MarkupContent;
  assert.equal(c.kind, 'markdown');
  return c.value;
}

test('art20_9: 第二十条第（九）项 with the article text, its two columns, the unit advice and the 2021 note', async () => {
  const h = await client.hover(URI, positionOf(SEED, 'art20_9', 2));
  const md = markdown(h);
  assert.match(md, /第二十条第（九）项/);
  assert.match(md, /政府集中采购项目的目录、标准及实施情况/);
  assert.match(md, /采购项目数量/);
  assert.match(md, /采购总金额/);
  assert.match(md, /元 或 万元/);
  assert.match(md, /2021 格式已删除此项/);
  assert.match(md, /表二 \/ 二、主动公开政府信息情况 \/ 第二十条第（九）项/);
  // The hover covers the key token.
  assert.deepEqual(h!.range, { start: positionOf(SEED, 'art20_9'), end: positionOf(SEED, 'art20_9', 7) });
});

test('a table-3 cell key: label path down to the column, legal basis of its row, how to fill it', async () => {
  const md = markdown(await client.hover(URI, positionOnLine(SEED, 'three_security_one_stability:', 'natural', 1)));
  assert.match(md, /表三 \/ .*三、本年度办理结果 \/ （三）不予公开 \/ 3\.危及“三安全一稳定” \/ 自然人/);
  assert.match(md, /第十四条/);
  assert.match(md, /非负整数/);
  assert.match(md, /当前值/);
});

test('a value: the cell as the checker reads it ("137次" is text)', async () => {
  const md = markdown(await client.hover(URI, positionOnLine(SEED, 'central_procurement:', '137次', 1)));
  assert.match(md, /采购项目数量/);
  assert.match(md, /文字“137次”/);
});

test('a total: its computed value, and whether it agrees', async () => {
  const md = markdown(await client.hover(URI, positionOnLine(SEED, 'total_processed:', 'total: 0', 1)));
  assert.match(md, /计算值/);
  assert.match(md, /本列各项之和为 2/);
  assert.match(md, /本行各列之和为 0/);
  assert.match(md, /不一致/);
});

test('enums explain their choices: organ_kind, format', async () => {
  const kind = markdown(await client.hover(URI, positionOf(SEED, 'organ_kind')));
  assert.match(kind, /机关类型/);
  assert.match(kind, /`township_government` 乡（镇）人民政府/);
  assert.match(kind, /第四十九条/);
  const value = markdown(await client.hover(URI, positionOf(SEED, 'township_government', 3)));
  assert.match(value, /机关类型/);
  const format = markdown(await client.hover(URI, positionOf(SEED, 'format:', 1)));
  assert.match(format, /报告格式/);
  assert.match(format, /国办公开办函〔2019〕60号/);
  assert.match(format, /`2019`/);
  assert.match(format, /`2021`/);
});

test('a section and a narrative value: the section title and its legal basis', async () => {
  const md = markdown(await client.hover(URI, positionOf(SEED, '沙沟乡主动公开')));
  assert.match(md, /一、总体情况/);
  assert.match(md, /第五十条/);
});

test('2021 format: art20_8 fees in 万元', async () => {
  const md = markdown(await client.hover(URI21, positionOf(CLEAN21, 'amount_wan_yuan', 2)));
  assert.match(md, /万元/);
  assert.match(md, /金额：数字，单位万元/);
});

test('comments and blank lines have no hover', async () => {
  assert.equal(await client.hover(URI, { line: 0, character: 3 }), null);
});

test('English UI headings with locale en (labels stay the official Chinese)', async () => {
  const en = await TestClient.start({ locale: 'en-US' });
  try {
    const uri = uriFor('hover-en.nianbao.yaml');
    await en.open(uri, SEED);
    const md = markdown(await en.hover(uri, positionOf(SEED, 'art20_9', 2)));
    assert.match(md, /Legal basis/);
    assert.match(md, /第二十条第（九）项/);
  } finally {
    await en.stop();
  }
});
