/**
 * The schemas name rule codes in their table annotations (`x-nianbao.blankRule`, `relations[].rule`, …);
 * the checks look those codes up at run time. A schema that names a code no check knows would only
 * fail when that cell is checked, so every code the schemas name is checked here against the codes
 * the cell and relation checks can emit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CELL_CODES } from '../../core/rules/cells/check';
import { RELATION_CODES } from '../../core/rules/tables/check';
import { tablesOf } from '../../core/schema/tables';
import type { FormatId } from '../../core/types';

const FORMATS: FormatId[] = ['2019', '2021'];

test('every cell rule a schema names is one the cell checks emit', () => {
  for (const format of FORMATS)
    for (const t of tablesOf(format)) {
      const named = [t.blankRule, t.nonnegRule, t.unitRule, t.textRule, t.blankGroupRule].filter((c) => c !== undefined);
      assert.ok(named.length >= 4, `${format} ${t.key}: the four cell rules are named`);
      for (const code of named) assert.ok(CELL_CODES.has(code), `${format} ${t.key}: ${code} is not a cell rule`);
    }
});

test('every relation a schema names is one the table checks evaluate', () => {
  let relations = 0;
  for (const format of FORMATS)
    for (const t of tablesOf(format))
      for (const r of t.relations) {
        relations++;
        assert.ok(RELATION_CODES.has(r.rule), `${format} ${t.key}: ${r.rule} is not a relation rule`);
      }
  assert.ok(relations > 0, 'the schemas name relations');
});

test('the code sets are not empty and do not overlap (a code is a cell rule or a relation, not both)', () => {
  assert.ok(CELL_CODES.size > 0 && RELATION_CODES.size > 0);
  for (const c of CELL_CODES) assert.ok(!RELATION_CODES.has(c), c);
});
