/**
 * The importer reads cells and organs with the core's facts (core/facts/): every word of the
 * cell lexicon is classified the same way by the importer (import/normalize.ts) and, once
 * written to YAML, by the checker (core/model/cells.ts); organ kinds come from organKindOf.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NA_WORDS, NONE_WORDS, readCellText, UNITS } from '../../core/facts/lexicon';
import { organKindOf } from '../../core/facts/organ';
import { readCell } from '../../core/model/cells';
import { loadReport } from '../../core/model/report';
import { value } from '../../import/emit';
import { cellValue, classifyCell } from '../../import/normalize';

const WORDS = [
  '',
  ' ',
  '\u3000',
  ...NA_WORDS,
  ...NONE_WORDS,
  '00',
  '0 0',
  '０',
  '12',
  '-3',
  '0.5',
  '１２',
  '1,234',
  '1，234',
  '+5',
  ...UNITS.map((u) => `137${u}`),
  '39573802895.90元',
  '其他',
  '见附件',
];

/** What the checker makes of a cell: its lexicon reading, or 'number' for a YAML number, 'blank' for null. */
function checkerKind(text: string): string {
  const yaml = `format: 2021\napplications:\n  new_received: {natural: ${value(cellValue(text).value)}}\n`;
  const cell = readCell(loadReport(yaml), ['applications', 'new_received', 'natural'], 'count');
  if (cell.state === 'number') return 'number';
  if (cell.state === 'blank') return 'blank';
  return cell.reading?.kind ?? cell.state;
}

for (const word of WORDS) {
  test(`lexicon: importer and checker read “${word}” alike`, () => {
    const kind = readCellText(word).kind;
    const cls = classifyCell(word);
    assert.equal(cls, kind === 'blank' ? 'blank' : kind === 'text' ? 'label' : 'value', 'importer class');
    assert.equal(checkerKind(word), kind, 'checker reading of the imported value');
  });
}

test('organ kinds come from organKindOf, names kept whole', () => {
  assert.equal(organKindOf('淮安市洪泽区人民政府'), 'county_government');
  assert.equal(organKindOf('洪泽区人民政府'), 'county_government');
  assert.equal(organKindOf('淮安市人民政府'), 'city_government');
  assert.equal(organKindOf('北京市人民政府'), 'province_government');
  assert.equal(organKindOf('江苏省人民政府'), 'province_government');
  assert.equal(organKindOf('长春市双阳区双营子回族乡人民政府'), 'township_government');
  assert.equal(organKindOf('平潭综合实验区君山片区管理局'), 'department');
});
