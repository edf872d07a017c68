/**
 * The server process: its transports (--stdio, --node-ipc, and `nianbao lsp --stdio` through the
 * CLI), the capabilities it announces, and the slow-handler log with the document uri and version.
 */
import { PreviewRequest, ImportRequest } from '../../protocol/requests';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkText } from '../../core';
import { COMMANDS } from '../../protocol/commands';
import { example, positionOf, ROOT, TestClient, uriFor } from './client';

const SEED = example('reports/seed-004-shagou-2020.nianbao.yaml');

async function smoke(client: TestClient): Promise<void> {
  const uri = uriFor('smoke.nianbao.yaml');
  await client.open(uri, SEED);
  const diags = await client.currentDiagnostics(uri);
  assert.equal(diags.length, checkText(SEED).diagnostics.length);
  const h = await client.hover(uri, positionOf(SEED, 'art20_9', 1));
  assert.match(JSON.stringify(h?.contents), /政府集中采购项目的目录、标准及实施情况/);
}

test('--stdio: announces its features', async () => {
  const client = await TestClient.start();
  try {
    const caps = client.initializeResult.capabilities;
    assert.equal(client.initializeResult.serverInfo?.name, 'nianbao');
    assert.ok(caps.hoverProvider);
    assert.ok(caps.completionProvider);
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, [
      'quickfix',
      'source.fixAll.nianbao',
      'refactor.rewrite.nianbao.fill',
    ]);
    assert.ok(caps.codeLensProvider && caps.documentSymbolProvider && caps.foldingRangeProvider && caps.inlayHintProvider);
    assert.deepEqual(caps.executeCommandProvider?.commands, [COMMANDS.fixAll]);
    await smoke(client);
  } finally {
    await client.stop();
  }
});

test('--node-ipc', async () => {
  const client = await TestClient.start({ transport: 'ipc' });
  try {
    await smoke(client);
  } finally {
    await client.stop();
  }
});

test('`nianbao lsp --stdio` starts the same server', async () => {
  const client = await TestClient.start({ command: [join(ROOT, 'bin', 'nianbao.js'), 'lsp', '--stdio'] });
  try {
    await smoke(client);
  } finally {
    await client.stop();
  }
});

test('a slow handler is logged with the document uri and version', async () => {
  // Threshold -1 ms: every handler counts as slow, so the log line can be checked.
  const client = await TestClient.start({ env: { NIANBAO_SLOW_MS: '-1' } });
  try {
    const uri = uriFor('slow.nianbao.yaml');
    await client.open(uri, SEED);
    await client.currentDiagnostics(uri);
    await client.hover(uri, positionOf(SEED, 'art20_9'));
    await client.waitForLog(/^\[nianbao\] hover took \d+(\.\d+)? ms \(file:\/\/\/workspace\/slow\.nianbao\.yaml v1\)$/);
    await client.waitForLog(/^\[nianbao\] diagnostics took .* \(file:\/\/\/workspace\/slow\.nianbao\.yaml v1\)$/);
  } finally {
    await client.stop();
  }
});

test('nianbao/preview and nianbao/import (server/preview.ts, server/import.ts) are wired, timed, and pass their errors through', async () => {
  const client = await TestClient.start({ env: { NIANBAO_SLOW_MS: '-1' } });
  try {
    const uri = uriFor('preview.nianbao.yaml');
    await client.open(uri, SEED);
    const html = await client.request<string | null>(PreviewRequest.method, { uri, nonce: 'abc', cspSource: 'vscode-resource:' });
    assert.equal(typeof html, 'string');
    assert.match(html!, /贵南县沙沟乡/);
    assert.equal(await client.request(PreviewRequest.method, { uri: uriFor('not-open.nianbao.yaml') }), null);
    await client.waitForLog(/^\[nianbao\] nianbao\/preview took .* \(file:\/\/\/workspace\/preview\.nianbao\.yaml v1\)$/);
    await assert.rejects(client.request(ImportRequest.method, {}), /needs a file/);
  } finally {
    await client.stop();
  }
});
