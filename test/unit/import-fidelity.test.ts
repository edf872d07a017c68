/**
 * The goals of issue 12 on every fixture of the fidelity benchmark (test/helpers/fidelity.ts,
 * `npm run bench:import` prints the figures): 100 % of cells on official HTML, DOCX and PDF;
 * at least 98 % on text and third-party conversions; every wrong cell accompanied by an import
 * finding (no silent misplacement); no error of `check` that the true cells would not give,
 * after an import that exited 0; organ and year read whole from the document.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CASES, runCase, type Result } from '../helpers/fidelity';

/**
 * Known losses, each reported by an import finding: the PDF reader gives seed 004's ragged
 * merged last row one cell short (test/fixtures/pdf/README.md); pdftotext scatters the cells of
 * 012's borderless 表三 (conversions/README.md): the two interleaved rows are assembled by their
 * columns, the 公开出版物 row's stray values stand between columns and stay unplaced.
 */
const KNOWN: Record<string, number> = {
  'pdf/seed-004-shagou-2020.pdf': 1,
  'pdf/seed-004-split-table.pdf': 1,
  'corpus/conversions/012_pingtan-junshan-2023.layout.txt': 7,
};
/** The corpus's merged 政府集中采购 cell (one cell for two columns, no sum to place it): reported, not placed. */
const MERGED_CELL: Record<string, number> = { 'corpus/005_pingtan-2020.txt': 1, 'corpus/006_pingtan-2019.txt': 1 };

const results = new Map<string, Promise<Result>>();
const result = (file: string) => {
  let r = results.get(file);
  if (!r) {
    r = runCase(CASES.find((c) => c.file === file)!);
    results.set(file, r);
  }
  return r;
};

for (const c of CASES) {
  test(`fidelity ${c.form} ${c.file}`, async () => {
    const r = await result(c.file);
    const wrong = [...r.wrong].map(([p, [got, want]]) => `${p}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    assert.deepEqual(r.silent, [], `silent wrong cells:\n${wrong.join('\n')}`);
    if (r.exit0) assert.deepEqual(r.falseErrors, [], 'false check errors after an import that exited 0');
    if (r.wrong.size) assert.equal(r.exit0, false, 'an import with a wrong cell does not exit 0');
    const allowed = KNOWN[c.file] ?? MERGED_CELL[c.file] ?? 0;
    if (c.form === 'html' || c.form === 'docx' || c.form === 'pdf' || allowed) {
      assert.ok(r.expected - r.right <= allowed, `${r.right}/${r.expected}:\n${wrong.join('\n')}`);
    } else if (c.form !== 'run-together') {
      assert.ok(r.right / r.expected >= 0.98, `${r.right}/${r.expected}:\n${wrong.join('\n')}`);
    }
    if (r.metaRight !== undefined) assert.equal(r.metaRight, true, 'organ and year');
  });
}

test('fidelity: the run-together web page text reads every cell of 表三 and 表四 and says which 表二 rows it cannot cut', async () => {
  for (const file of [
    'corpus/text-run-together/005_pingtan-2020.page.txt',
    'corpus/text-run-together/006_pingtan-2019.page.txt',
  ]) {
    const r = await result(file);
    const wrongTables = new Set([...r.wrong.keys()].map((p) => p.split('.')[0]));
    assert.deepEqual([...wrongTables], ['active_disclosure'], file);
    assert.ok((r.findings['IMPORT-UNPLACED'] ?? 0) >= 5, file);
  }
});
