/**
 * The import fidelity benchmark (`npm run bench:import`, test/unit/import-fidelity.test.ts):
 * every corpus report in every form the project has, imported and compared cell by cell with
 * its hand-checked truth file (test/fixtures/truth/), with the import findings raised, the
 * wrong cells no finding accounts for (silent misplacements), and the errors `check` raises on
 * the imported YAML that it would not raise on the true cells (false errors).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { categoryOf, checkText } from '../../core';
import { normaliseOrgan } from '../../core/facts/organ';
import { sectionsOf, tablesOf } from '../../core/schema/tables';
import type { FormatId } from '../../core/types';
import { importBytes, type ImportResult } from '../../import';

/** The repository: the bundles run from out/test/unit and out/bench. */
const ROOT = (() => {
  let d = __dirname;
  while (!existsSync(join(d, 'package.json')) && dirname(d) !== d) d = dirname(d);
  return d;
})();

export type Form = 'text' | 'conversion' | 'run-together' | 'html' | 'docx' | 'pdf';

export interface Case {
  /** Path under test/fixtures. */
  file: string;
  form: Form;
  /** Truth file name under test/fixtures/truth (without .json). */
  truth: string;
}

const C = (file: string, form: Form, truth: string): Case => ({ file, form, truth });

/** Every corpus report in every form the project has. */
export const CASES: Case[] = [
  ...[
    '002_huaian-shi-2024',
    '003_hongze-qu-2023',
    '004_hongze-qu-2024',
    '005_pingtan-2020',
    '006_pingtan-2019',
    '007_pingtan-2021',
    '008_pingtan-2022',
    '009_pingtan-2023',
    '010_pingtan-2024',
    '011_pingtan-2025',
  ].map((n) => C(`corpus/${n}.txt`, 'text', n)),
  C('corpus/seeds/000_b262c255d28bf770.txt', 'text', 'seed-000-baji-2020'),
  C('corpus/seeds/001_ae26aab0f1e43f06.txt', 'text', 'seed-001-kuquan-2020'),
  C('corpus/seeds/002_45fc74b0c071d012.txt', 'text', 'seed-002-dacai-2020'),
  C('corpus/seeds/003_a0d2e33a19df39b4.txt', 'text', 'seed-003-shuangying-2020'),
  C('corpus/seeds/004_88a6af14f6d602ea.txt', 'text', 'seed-004-shagou-2020'),
  C('corpus/conversions/002_huaian-shi-2024.layout.txt', 'conversion', '002_huaian-shi-2024'),
  C('corpus/conversions/002_huaian-shi-2024.md', 'conversion', '002_huaian-shi-2024'),
  C('corpus/conversions/seed-004-shagou-2020.layout.txt', 'conversion', 'seed-004-shagou-2020'),
  C('corpus/conversions/012_pingtan-junshan-2023.layout.txt', 'conversion', '012_pingtan-junshan-2023'),
  C('corpus/text-run-together/005_pingtan-2020.page.txt', 'run-together', '005_pingtan-2020'),
  C('corpus/text-run-together/006_pingtan-2019.page.txt', 'run-together', '006_pingtan-2019'),
  C('012_pingtan-junshan-2023.html', 'html', '012_pingtan-junshan-2023'),
  C('seed-004-shagou-2020.html', 'html', 'seed-004-shagou-2020'),
  C('seed-004-shagou-2020.docx', 'docx', 'seed-004-shagou-2020'),
  C('corpus/docx/template-2021.docx', 'docx', 'template-2021'),
  C('pdf/002_huaian-shi-2024.pdf', 'pdf', '002_huaian-shi-2024'),
  C('pdf/012_pingtan-junshan-2023.pdf', 'pdf', '012_pingtan-junshan-2023'),
  C('pdf/seed-004-shagou-2020.pdf', 'pdf', 'seed-004-shagou-2020'),
  C('pdf/seed-004-split-table.pdf', 'pdf', 'seed-004-shagou-2020'),
];

export interface Truth {
  cells: Record<string, unknown>;
  meta?: { organ?: string; year?: number };
  /** Narrative sections the published report does not have. */
  absentSections: string[];
}

export function readTruth(name: string): Truth {
  const raw = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'truth', `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
  const cells: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (!k.startsWith('$')) cells[k] = v;
  return {
    cells,
    meta: raw.$meta as Truth['meta'],
    absentSections: (raw.$absentSections as string[] | undefined) ?? [],
  };
}

/** Every template cell of a YAML report's tables (both formats), by path; text cells with whitespace collapsed. */
export function cellsOf(yaml: string): Map<string, unknown> {
  const doc = (parse(yaml) ?? {}) as Record<string, unknown>;
  const out = new Map<string, unknown>();
  for (const f of ['2019', '2021'] as FormatId[]) {
    for (const t of tablesOf(f)) {
      for (const r of t.rows) {
        let cur: unknown = doc;
        for (const k of r.path) cur = (cur as Record<string, unknown> | undefined)?.[k];
        if (!cur || typeof cur !== 'object') continue;
        for (const c of r.columns) {
          if (!(c.key in (cur as object))) continue;
          const v = (cur as Record<string, unknown>)[c.key];
          out.set([...r.path, c.key].join('.'), typeof v === 'string' ? v.replace(/[\s\u00a0\u3000]+/g, ' ') : v);
        }
      }
    }
  }
  return out;
}

export interface Result {
  case: Case;
  expected: number;
  right: number;
  /** Wrong cells (path → [got, want]). */
  wrong: Map<string, [unknown, unknown]>;
  /** Wrong cells no import finding accounts for. */
  silent: string[];
  /** Import findings by code. */
  findings: Record<string, number>;
  /** `nianbao import` would exit 0. */
  exit0: boolean;
  /** Errors of `check` on the imported YAML that the true cells would not give (code and path). */
  falseErrors: string[];
  metaRight?: boolean;
  coverage: string;
  result: ImportResult;
}

/** Does a finding's path cover the cell (the cell, its row, its group or its table)? */
function covers(findingPath: string, cell: string): boolean {
  return findingPath !== '' && (cell === findingPath || cell.startsWith(`${findingPath}.`));
}

/** The imported YAML with every table cell (and absent section) as the truth has it: what `check` should see. */
function oracle(yaml: string, truth: Truth, format: FormatId): string {
  const doc = parseDocument(yaml);
  for (const [path, v] of Object.entries(truth.cells)) doc.setIn(path.split('.'), v);
  for (const s of sectionsOf(format)) {
    if (!s.narrative || truth.absentSections.includes(s.key) || doc.has(s.key)) continue;
    doc.set(s.key, '（原文）');
  }
  return String(doc);
}

function errors(yaml: string): Set<string> {
  return new Set(
    checkText(yaml)
      .diagnostics.filter((d) => d.severity === 'error' && categoryOf(d.code) !== 'import')
      .map((d) => `${d.code} ${d.data.path}`),
  );
}

export async function runCase(c: Case): Promise<Result> {
  const bytes = readFileSync(join(ROOT, 'test', 'fixtures', c.file));
  const result = await importBytes(bytes, c.file.split('/').pop()!);
  const truth = readTruth(c.truth);
  const got = cellsOf(result.yaml);
  const wrong = new Map<string, [unknown, unknown]>();
  let right = 0;
  for (const [path, want] of Object.entries(truth.cells)) {
    const have = got.has(path) ? got.get(path) : undefined;
    const w = typeof want === 'string' ? want.replace(/[\s\u00a0\u3000]+/g, ' ') : want;
    if (have === w) right++;
    else wrong.set(path, [have, want]);
  }
  const findings: Record<string, number> = {};
  for (const w of result.warnings) if (w.code) findings[w.code] = (findings[w.code] ?? 0) + 1;
  const paths = result.warnings.filter((w) => w.code && w.severity !== 'info').map((w) => w.path ?? '');
  const silent = [...wrong.keys()].filter((p) => !paths.some((f) => covers(f, p)));
  const exit0 = result.ok && result.complete;
  let falseErrors: string[] = [];
  if (exit0) {
    const mine = errors(result.yaml);
    const theirs = errors(oracle(result.yaml, truth, result.format));
    falseErrors = [...mine].filter((e) => !theirs.has(e));
  }
  const meta = (parse(result.yaml) as { meta?: { organ?: string; year?: number } }).meta ?? {};
  const metaRight = truth.meta
    ? meta.year === truth.meta.year && !!meta.organ && normaliseOrgan(meta.organ) === normaliseOrgan(truth.meta.organ ?? '')
    : undefined;
  return {
    case: c,
    expected: Object.keys(truth.cells).length,
    right,
    wrong,
    silent,
    findings,
    exit0,
    falseErrors,
    metaRight,
    coverage: result.coverage,
    result,
  };
}

/** The goals of issue 12, per form. */
export function goalOf(form: Form): { share: number; silent: boolean } {
  if (form === 'html' || form === 'docx' || form === 'pdf') return { share: 1, silent: false };
  if (form === 'run-together') return { share: 0, silent: false };
  return { share: 0.98, silent: false };
}

/** The benchmark as a table: one line per file, then totals per form and overall. */
export function formatResults(results: Result[]): string {
  const L: string[] = [];
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
  L.push(
    'form          file                                                     cells right   %       exit  silent  false-err  meta  findings',
  );
  for (const r of results) {
    const f = Object.entries(r.findings)
      .map(([k, v]) => `${k.replace('IMPORT-', '')}×${v}`)
      .join(' ');
    L.push(
      `${r.case.form.padEnd(13)} ${r.case.file.padEnd(56)} ${`${r.right}/${r.expected}`.padStart(9)}   ${pct(r.right, r.expected).padStart(6)}  ${r.exit0 ? '0' : '1'}     ${String(r.silent.length).padStart(4)}  ${String(r.falseErrors.length).padStart(7)}    ${r.metaRight === undefined ? '—' : r.metaRight ? 'ok' : 'NO'}    ${f}`,
    );
  }
  L.push('');
  const forms = [...new Set(results.map((r) => r.case.form))];
  for (const form of [...forms, 'total']) {
    const rs = form === 'total' ? results : results.filter((r) => r.case.form === form);
    const right = rs.reduce((n, r) => n + r.right, 0);
    const expected = rs.reduce((n, r) => n + r.expected, 0);
    const silent = rs.reduce((n, r) => n + r.silent.length, 0);
    const falseErrors = rs.reduce((n, r) => n + r.falseErrors.length, 0);
    const findings = rs.reduce((n, r) => n + Object.values(r.findings).reduce((a, b) => a + b, 0), 0);
    L.push(
      `${form.padEnd(13)} ${String(rs.length).padStart(2)} file(s): ${right}/${expected} cells right (${pct(right, expected)}), ${silent} silent wrong cell(s), ${falseErrors} false check error(s) after exit 0, ${findings} import finding(s)`,
    );
  }
  return L.join('\n');
}
