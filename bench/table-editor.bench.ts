/**
 * The table editor's server side, per input: `nianbao/cellEdits` for one typed cell, the edit
 * applied (didChange), then `nianbao/table` for the new version (its parse, check and model) —
 * what separates a keystroke from its marks, less the webview's postMessage and drawing (the
 * browser tests in test/browser/ and test/integration/table-ui.mjs time the whole chain). Also
 * the first `nianbao/table` of a document (opening).
 *
 *   node out/bench/table-editor.bench.js [--inputs 100] [--warmup 20]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CellEditsRequest, TableRequest } from '../protocol/requests';
import type { CellEditsResult } from '../protocol/table';
import { TestClient } from '../test/protocol/client';

const ROOT = resolve(__dirname, '..', '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const INPUTS = Number(arg('inputs', '100'));
const WARMUP = Number(arg('warmup', '20'));
const FILES = ['examples/reports/seed-004-shagou-2020.nianbao.yaml', 'examples/reports/clean-2021.nianbao.yaml'];
const CELL = 'applications.new_received.natural';

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function main(): Promise<void> {
  const client = await TestClient.start({ command: [resolve(ROOT, 'dist', 'server.js'), '--stdio'] });
  try {
    for (const file of FILES) {
      const uri = `file:///bench/${file.split('/').pop()}`;
      await client.open(uri, readFileSync(resolve(ROOT, file), 'utf8'));
      const t0 = performance.now();
      await client.request(TableRequest.method, { uri });
      const open = performance.now() - t0;
      const ms: number[] = [];
      for (let i = 0; i < WARMUP + INPUTS; i++) {
        const a = performance.now();
        const r = await client.request<CellEditsResult>(CellEditsRequest.method, {
          uri,
          version: client.version(uri),
          changes: [{ path: CELL, input: String(100 + (i % 2)) }],
        });
        await client.edit(uri, r.edits);
        await client.request(TableRequest.method, { uri });
        if (i >= WARMUP) ms.push(performance.now() - a);
      }
      console.log(
        `${file}: first nianbao/table ${open.toFixed(1)} ms; input → model p50 ${quantile(ms, 0.5).toFixed(1)} ms, p95 ${quantile(ms, 0.95).toFixed(1)} ms (${INPUTS} inputs)`,
      );
    }
  } finally {
    await client.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
