import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, skeleton } from '../../core';
import { codes, zeroReport } from '../helpers/report';

for (const format of ['2019', '2021'] as const) {
  test(`${format} skeleton: only blank-cell findings`, () => {
    const text = skeleton({ format, year: format === '2019' ? 2020 : 2024, organ: '某某乡人民政府' });
    // One finding per blank table (and the empty 五), not one per cell.
    assert.deepEqual(codes(checkText(text).diagnostics).sort(), ['S5-EMPTY', 'T2-COMPLETE', 'T3-BLANK-GROUP', 'T4-COMPLETE']);
  });

  test(`${format} zero-filled skeleton is clean`, () => {
    assert.deepEqual(codes(checkText(zeroReport(format)).diagnostics), []);
  });

  test(`${format} snippet body has tab stops and no error once expanded`, () => {
    const body = skeleton({ format, snippet: true });
    assert.match(body, /\$\{1:机关名称\}/);
    const expanded = body
      .replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\{\d+\}/g, '');
    assert.deepEqual(codes(checkText(expanded).diagnostics, 'error'), []);
  });
}
