/**
 * Check time against the number of keys in one map (issue 10: it was quadratic — 20,000 unknown
 * keys blocked the language server for 21 s). Prints figures; never fails. Run: npm run bench:keys
 *
 * - 1,000 / 10,000 / 100,000 unknown keys in `meta:` (short keys, so 100,000 stay under the
 *   core's MAX_CHARS): total ms, µs per key, and the per-key ratio against 1,000 — flat is ~1×;
 * - a 500,000-item flow sequence: ms and peak RSS.
 *
 * Each case runs in a fresh process (this file again, with the case's name), so the peak RSS is
 * the case's own and one case's garbage does not slow the next.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkText } from '../core';
import { MAX_CHARS } from '../core/parse/guards';

const ROOT = join(__dirname, '..', '..');
const base = readFileSync(join(ROOT, 'examples', 'reports', 'clean-2021.nianbao.yaml'), 'utf8');

function withKeys(n: number): string {
  const keys = Array.from({ length: n }, (_, i) => `  k${i}: 1`).join('\n');
  return base.replace(/^meta:\n/m, `meta:\n${keys}\n`);
}

function withFlowSequence(n: number): string {
  return `${base}x: [${Array(n).fill('1').join(', ')}]\n`;
}

interface Figures {
  chars: number;
  ms: number;
  findings: number;
  first: string;
  maxRssMb: number;
}

/** In the child: one case, printed as JSON. */
function runCase(name: string): Figures {
  const [kind, count] = name.split(':');
  const text = kind === 'keys' ? withKeys(Number(count)) : withFlowSequence(Number(count));
  checkText(withKeys(2_000)); // warm up the validators and the JIT on the same kind of input
  const t0 = performance.now();
  const { diagnostics } = checkText(text);
  const ms = performance.now() - t0;
  return {
    chars: text.length,
    ms,
    findings: diagnostics.length,
    first: diagnostics[0]?.code ?? '-',
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function child(name: string): Figures {
  const out = execFileSync(process.execPath, [__filename, name], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as Figures;
}

if (process.argv[2]) {
  process.stdout.write(JSON.stringify(runCase(process.argv[2])));
} else {
  const rows: string[] = [];
  const perKey: Record<number, number> = {};
  const baseline = child('keys:0');
  for (const n of [1_000, 10_000, 100_000]) {
    const f = child(`keys:${n}`);
    // Per key beyond the report itself (the clean report alone is checked in baseline.ms).
    perKey[n] = (Math.max(0, f.ms - baseline.ms) * 1000) / n;
    rows.push(
      `${String(n).padStart(7)} unknown keys  ${String(f.chars).padStart(9)} chars  ${f.ms.toFixed(0).padStart(6)} ms  ${perKey[n].toFixed(1).padStart(6)} µs/key  ${String(f.findings).padStart(6)} findings  peak RSS ${f.maxRssMb.toFixed(0)} MB`,
    );
  }
  const flow = child('flow:500000');
  console.log(
    `check time per key in one map (MAX_CHARS ${MAX_CHARS}; the report alone: ${baseline.ms.toFixed(0)} ms, subtracted)\n${rows.join('\n')}`,
  );
  console.log(
    `per-key time ratio: 10k/1k ${(perKey[10_000] / perKey[1_000]).toFixed(2)}×, 100k/1k ${(perKey[100_000] / perKey[1_000]).toFixed(2)}× (flat ≈ 1×; quadratic would be 10× and 100×)`,
  );
  console.log(
    `500,000-item flow sequence: ${flow.chars} chars, ${flow.ms.toFixed(0)} ms, ${flow.findings} finding(s) (${flow.first}), peak RSS ${flow.maxRssMb.toFixed(0)} MB (goal: a few seconds, under 300 MB)`,
  );
}
