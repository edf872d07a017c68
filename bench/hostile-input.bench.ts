/**
 * Time to a diagnostic for each hostile input (goal: under a second each). Prints figures;
 * never fails. Run: npm run bench:hostile
 */
import { performance } from 'node:perf_hooks';
import { checkText } from '../core';
import { HOSTILE } from '../test/helpers/hostile';

const GOAL_MS = 1000;
const rows: string[] = [];
for (const [name, make] of Object.entries(HOSTILE)) {
  const text = make();
  const t0 = performance.now();
  const { diagnostics } = checkText(text);
  const ms = performance.now() - t0;
  rows.push(
    `${name.padEnd(32)} ${String(text.length).padStart(10)} chars  ${ms.toFixed(1).padStart(8)} ms  ${diagnostics[0]?.code ?? '-'}  ${ms < GOAL_MS ? 'ok' : 'OVER GOAL'}`,
  );
}
console.log(`hostile input → first diagnostic (goal < ${GOAL_MS} ms each)\n${rows.join('\n')}`);
