/**
 * The server's workspace index reads report files from disk with the CLI's decoding: last
 * year's report saved as GB18030 pairs with this year's (its organ is read without mojibake)
 * and the log names its encoding. Open documents are decoded by the editor: nothing to decode.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { setCell, zeroReport } from '../helpers/report';
import { TestClient, VSCODE_CAPABILITIES } from './client';

const row = (t: string, r: string, v: number) => setCell(setCell(t, r, 'natural', v), r, 'total', v);
const t3 = (t: string, carried: number, forward: number) => {
  t = row(row(row(t, 'new_received', 5), 'carried_over', carried), 'carry_forward', forward);
  return row(row(t, 'granted', 5 + carried - forward), 'total_processed', 5 + carried - forward);
};

const dir = mkdtempSync(join(tmpdir(), 'nianbao-enc-'));
after(() => rmSync(dir, { recursive: true, force: true }));

for (const [name, encode] of [
  ['GB18030', (s: string) => iconv.encode(s, 'gb18030')],
  ['UTF-16LE with BOM', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
] as const) {
  test(`last year's report in ${name} on disk: paired by organ (X-CARRY), its encoding logged`, async () => {
    const ws = join(dir, name.replace(/\W+/g, '-'));
    mkdirSync(ws, { recursive: true });
    const last = join(ws, 'last.nianbao.yaml');
    writeFileSync(last, encode(t3(zeroReport('2019', 2020), 0, 3)));
    const client = await TestClient.start({
      capabilities: VSCODE_CAPABILITIES,
      workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }],
    });
    try {
      await client.waitForLog(/index: 1 report files in 1 folder/);
      const logged = await client.waitForLog(/^\[nianbao\] index: .*last\.nianbao\.yaml is encoded in /);
      assert.match(logged, name === 'GB18030' ? /GB18030\/GBK \(not UTF-8\)/ : /UTF-16LE with BOM \(not UTF-8\)/);
      const thisUri = pathToFileURL(join(ws, 'this.nianbao.yaml')).href;
      await client.open(thisUri, t3(zeroReport('2021', 2021), 2, 0));
      const p = await client.waitForDiagnostics(thisUri, (x) => x.diagnostics.filter((d) => d.code === 'X-CARRY').length === 2);
      for (const d of p.diagnostics.filter((x) => x.code === 'X-CARRY'))
        assert.equal(d.relatedInformation?.[0]?.location.uri, pathToFileURL(last).href);
    } finally {
      await client.stop();
    }
  });
}
