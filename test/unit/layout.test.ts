/**
 * The layout model (render/layout/): each table's official layout comes from its schema
 * annotation `x-nianbao.layout`; the grid tiles (spans cover every position once); every cell of
 * the schema is one value cell with its kind; labels and spans are the template's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadReport } from '../../core';
import { labelAt } from '../../core/schema/labels';
import { groupLabels, nodeAt, x } from '../../core/schema/nodes';
import { tablesOf } from '../../core/schema/tables';
import type { FormatId } from '../../core/types';
import { documentLayout, tableFormat, tableLayout, valueCells, type LayoutCell, type LayoutTable } from '../../render';
import { example, zeroReport } from '../helpers/report';

const FORMATS: FormatId[] = ['2019', '2021'];

/** Lays the rows out on a grid: asserts no overlap and no hole; returns the width. */
function tile(rows: LayoutCell[][]): number {
  const occupied: boolean[][] = [];
  rows.forEach((row, r) => {
    occupied[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (occupied[r][c]) c++;
      for (let i = 0; i < cell.rowspan; i++)
        for (let j = 0; j < cell.colspan; j++) {
          occupied[r + i] ??= [];
          assert.ok(!occupied[r + i][c + j], `overlap at ${r + i},${c + j}`);
          occupied[r + i][c + j] = true;
        }
      c += cell.colspan;
    }
  });
  assert.equal(occupied.length, rows.length, 'a rowspan runs past the table');
  const widths = occupied.map((row) => row.filter(Boolean).length);
  for (const [r, row] of occupied.entries()) assert.equal(row.length, widths[r], `hole in row ${r}`);
  assert.ok(
    widths.every((w) => w === widths[0]),
    `rows of unequal width ${widths}`,
  );
  return widths[0];
}

test('layout: each table gets the layout its schema annotation names', () => {
  for (const format of FORMATS) {
    const kinds = tablesOf(format).map((t) => [t.name, t.layout, x(nodeAt(format, [t.key])).layout]);
    assert.deepEqual(kinds, [
      ['表二', 'stacked', 'stacked'],
      ['表三', 'matrix', 'matrix'],
      ['表四', 'sideBySide', 'sideBySide'],
    ]);
    for (const t of tablesOf(format)) assert.equal(tableLayout(format, t.key).layout, t.layout);
  }
});

test('layout: every table tiles, and every schema cell is one value cell with its kind', () => {
  for (const format of FORMATS) {
    for (const spec of tablesOf(format)) {
      const t = tableLayout(format, spec.key);
      tile([...t.head, ...t.body]);
      const values = valueCells(t);
      const expected = spec.rows.flatMap((r) => r.columns.map((c) => ({ path: [...r.path, c.key].join('.'), kind: c.cell })));
      assert.deepEqual(
        values.map((v) => ({ path: v.path!.join('.'), kind: v.kind })),
        expected,
        `${format} ${spec.name}`,
      );
    }
  }
});

test('layout: 表三 rows nest under their groups, columns under 申请人情况 and 法人或其他组织', () => {
  for (const format of FORMATS) {
    const t = tableLayout(format, 'applications');
    const all = [...t.head, ...t.body].flat();
    const note = all.find((c) => c.role === 'note')!;
    assert.deepEqual([note.rowspan, note.colspan], [3, 3]);
    assert.equal(note.label, x(nodeAt(format, ['applications'])).note);
    const column = (label: string) => all.find((c) => c.role === 'column' && c.label === label)!;
    assert.equal(column(groupLabels.applicant).colspan, 7);
    assert.equal(column(groupLabels.legalPerson).colspan, 5);
    const group = all.find((c) => c.role === 'group')!;
    assert.equal(group.label, groupLabels.result);
    assert.equal(group.rowspan, format === '2019' ? 20 : 22);
    const denied = all.find((c) => c.role === 'row' && c.path?.join('.') === 'applications.denied')!;
    assert.equal(denied.rowspan, 8);
    assert.equal(denied.label, labelAt(format, ['applications', 'denied']));
    // The (7) total and the total column are marked as totals by the schema.
    const total = valueCells(t).filter((c) => c.total);
    assert.ok(total.length > 0 && total.every((c) => c.path![c.path!.length - 1] === 'total'));
  }
});

test('layout: 表四 groups side by side under 行政诉讼, 表二 sub-tables under their captions', () => {
  for (const format of FORMATS) {
    const t4 = tableLayout(format, 'review_litigation');
    assert.equal(t4.body.length, 1);
    assert.equal(tile([...t4.head, ...t4.body]), 15);
    assert.equal(t4.head[0].find((c) => c.label === groupLabels.litigation)?.colspan, 10);
    const t2 = tableLayout(format, 'active_disclosure');
    const caption = t2.body.flat().find((c) => c.role === 'caption' && c.path?.join('.') === 'active_disclosure.art20_1')!;
    assert.equal(caption.colspan, 4);
    assert.equal(caption.label, labelAt(format, ['active_disclosure', 'art20_1']));
  }
});

test('layout of a document: six sections in order; a mixed report keeps the other format’s table', () => {
  const doc = documentLayout(loadReport(zeroReport('2021')), '2021');
  assert.deepEqual(
    doc.sections.map((s) => [s.key, s.narrative]),
    [
      ['overview', true],
      ['active_disclosure', false],
      ['applications', false],
      ['review_litigation', false],
      ['problems', true],
      ['other_matters', true],
    ],
  );
  assert.match(doc.title, /测试乡人民政府/);
  const seed = loadReport(example('reports/seed-003-shuangying-2020.nianbao.yaml'));
  const tables = documentLayout(seed, '2019').sections.find((s) => s.key === 'active_disclosure')!.tables;
  assert.equal(tables.length, 2, '表二 and its extra rows');
  assert.equal(tables[1].layout, 'extra');
  // A 2019 report written with 2021 表二 keys is laid out with the 2021 table.
  const mixed = loadReport(zeroReport('2021').replace('format: 2021', 'format: 2019'));
  assert.equal(tableFormat(mixed, 'active_disclosure', '2019'), '2021');
  assert.equal((documentLayout(mixed, '2019').sections[1].tables[0] as LayoutTable).format, '2021');
});
