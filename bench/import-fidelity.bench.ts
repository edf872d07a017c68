/**
 * `npm run bench:import`: import fidelity over every corpus report in every form the project
 * has (text, third-party conversions, web page text, HTML, DOCX, PDF) against the hand-checked
 * truth files in test/fixtures/truth/: cells right / cells expected per file and in total, the
 * import findings raised, wrong cells no finding accounts for, and false `check` errors after
 * an import that exited 0 (test/helpers/fidelity.ts). `--verbose` lists every wrong cell.
 */
import { CASES, formatResults, runCase } from '../test/helpers/fidelity';

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const results = [];
  for (const c of CASES) results.push(await runCase(c));
  process.stdout.write(`${formatResults(results)}\n`);
  if (!verbose) return;
  for (const r of results) {
    if (!r.wrong.size && !r.falseErrors.length) continue;
    process.stdout.write(`\n${r.case.file}:\n`);
    for (const [p, [got, want]] of r.wrong)
      process.stdout.write(
        `  ${r.silent.includes(p) ? 'SILENT ' : ''}${p}: got ${JSON.stringify(got)}, truth ${JSON.stringify(want)}\n`,
      );
    for (const e of r.falseErrors) process.stdout.write(`  false error: ${e}\n`);
  }
}

void main();
