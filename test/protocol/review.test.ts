/**
 * The review ledger through the real server: every finding carries its fingerprint; the code
 * action "Mark as verified" carries the client command with [uri, fingerprint, code];
 * `nianbao/review` writes the entry to nianbao-review.yaml beside the report and the finding is
 * published again as a hint tagged with the reason (no longer counted by the status request); a
 * ledger changed outside the editor shows once its watcher fires. On an X-REUSE finding the
 * hover shows this year's and last year's passage side by side. Waits on events, never sleeps.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { parseLedger, removeDecision } from '../../core';
import { COMMANDS } from '../../protocol/commands';
import { ReviewRequest, StatusRequest } from '../../protocol/requests';
import type { ReviewResult } from '../../protocol/review';
import type { StatusResult } from '../../protocol/results';
import { setCell, zeroReport } from '../helpers/report';
import { TestClient, VSCODE_CAPABILITIES } from './client';

const CAPABILITIES = {
  ...VSCODE_CAPABILITIES,
  workspace: { ...VSCODE_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } },
};

const OVERVIEW = (y: number, n: number) =>
  `overview: |\n  ${y}年，测试乡人民政府坚持以公开为常态、不公开为例外，围绕乡党委乡政府中心工作，全面推进政务公开标准化规范化建设，不断提升政府信息公开的质量和实效。工作考核、社会评议和责任追究结果情况：本年度未发生责任追究。\n  （一）主动公开情况。通过乡政府网站主动公开政府信息${n}条，及时回应社会关切，保障人民群众的知情权、参与权和监督权，全年未发生泄密事件。`;
/** 2023 with a T4-SUM error and 一 copied from 2022 (X-REUSE); 2022 on disk. */
const Y22 = zeroReport('2021', 2022).replace(/^overview:.*$/m, () => OVERVIEW(2022, 1136));
const Y23 = setCell(zeroReport('2021', 2023), 'review', 'upheld', 1).replace(/^overview:.*$/m, () => OVERVIEW(2023, 1420));

let dir: string;
let client: TestClient;
let uri: string;
const ledger = () => join(dir, 'nianbao-review.yaml');

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-review-ls-'));
  writeFileSync(join(dir, 'y2022.nianbao.yaml'), Y22);
  writeFileSync(join(dir, 'y2023.nianbao.yaml'), Y23);
  uri = pathToFileURL(join(dir, 'y2023.nianbao.yaml')).href;
  client = await TestClient.start({
    locale: 'zh-cn',
    // As the VS Code extension does: it implements the dismiss command.
    initializationOptions: { clientCommands: [COMMANDS.reviewDismiss] },
    capabilities: CAPABILITIES,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
  });
  await client.waitForLog(/index: 2 report files in 1 folder/);
  await client.open(uri, Y23);
});
after(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

const t4 = (ds: Diagnostic[]) => ds.find((d) => d.code === 'T4-SUM');
const data = (d: Diagnostic) => d.data as { fingerprint?: string; review?: string; share?: number };

test('every finding carries its fingerprint; the dismiss action carries the client command', async () => {
  const p = await client.waitForDiagnostics(uri, (x) => !!t4(x.diagnostics) && x.diagnostics.some((d) => d.code === 'X-REUSE'));
  assert.ok(p.diagnostics.every((d) => /^[0-9a-f]{16}$/.test(data(d).fingerprint ?? '')));
  const d = t4(p.diagnostics)!;
  const actions = await client.codeActions(uri, d.range, [d]);
  const dismiss = actions.find((a) => a.command?.command === COMMANDS.reviewDismiss);
  assert.ok(dismiss, actions.map((a) => a.title).join(' | '));
  assert.equal(dismiss.title, '将 T4-SUM 标记为已核实（写入审核记录）…');
  assert.deepEqual(dismiss.command!.arguments, [uri, data(d).fingerprint, 'T4-SUM']);
  assert.equal(dismiss.isPreferred, false);
});

test('nianbao/review writes the ledger beside the report; the finding comes back as a hint with the reason', async () => {
  const d = t4(await client.currentDiagnostics(uri))!;
  const fp = data(d).fingerprint!;
  const before = await client.request<StatusResult>(StatusRequest.method, { uri });
  assert.equal(before.errors, 1);
  const refused = await client.request<ReviewResult>(ReviewRequest.method, {
    uri,
    fingerprint: fp,
    status: 'dismissed',
    reason: ' ',
  });
  assert.deepEqual(refused, { recorded: false, reason: 'a reason is required' });
  const result = await client.request<ReviewResult>(ReviewRequest.method, {
    uri,
    fingerprint: fp,
    status: 'dismissed',
    reason: '原文如此，已核实',
  });
  assert.deepEqual(result, { recorded: true, ledger: ledger() });
  const entry = parseLedger(readFileSync(ledger(), 'utf8')).entries[0];
  assert.deepEqual(
    [entry.fingerprint, entry.status, entry.reason, entry.code, entry.file, entry.year],
    [fp, 'dismissed', '原文如此，已核实', 'T4-SUM', 'y2023.nianbao.yaml', 2023],
  );
  const p = await client.waitForDiagnostics(uri, (x) => t4(x.diagnostics)?.severity === 4);
  const hint = t4(p.diagnostics)!;
  assert.match(hint.message as string, /（已核实：原文如此，已核实）$/);
  assert.equal(data(hint).review, 'dismissed');
  const actions = await client.codeActions(uri, hint.range, [hint]);
  assert.ok(!actions.some((a) => a.command?.command === COMMANDS.reviewDismiss), 'not offered twice');
  const status = await client.request<StatusResult>(StatusRequest.method, { uri });
  assert.equal(status.errors, 0, 'a dismissed finding does not count');
});

test('a ledger changed outside the editor (nianbao review reopen) shows when its watcher fires', async () => {
  const fp = data(t4(await client.currentDiagnostics(uri))!).fingerprint!;
  writeFileSync(ledger(), removeDecision(readFileSync(ledger(), 'utf8'), fp));
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
    changes: [{ uri: pathToFileURL(ledger()).href, type: FileChangeType.Changed }],
  });
  await client.waitForDiagnostics(uri, (x) => t4(x.diagnostics)?.severity === 1);
});

test('a client without the dismiss command (any other LSP client) is not offered it', async () => {
  const other = await TestClient.start({
    capabilities: CAPABILITIES,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
  });
  try {
    await other.open(uri, Y23);
    const d = t4(await other.currentDiagnostics(uri))!;
    assert.match(data(d).fingerprint ?? '', /^[0-9a-f]{16}$/, 'the fingerprint is there for any client');
    const actions = await other.codeActions(uri, d.range, [d]);
    assert.ok(actions.length > 0);
    assert.ok(!actions.some((a) => a.command?.command === COMMANDS.reviewDismiss));
  } finally {
    await other.stop();
  }
});

test('an untitled report has no folder for a ledger: nothing is recorded', async () => {
  const untitled = 'untitled:Untitled-1';
  await client.open(untitled, Y23);
  const d = t4(await client.currentDiagnostics(untitled))!;
  const actions = await client.codeActions(untitled, d.range, [d]);
  assert.ok(!actions.some((a) => a.command?.command === COMMANDS.reviewDismiss));
  const r = await client.request<ReviewResult>(ReviewRequest.method, {
    uri: untitled,
    fingerprint: data(d).fingerprint,
    status: 'dismissed',
    reason: 'x',
  });
  assert.equal(r.recorded, false);
  await client.close(untitled);
  assert.ok(existsSync(ledger()));
});

test('hover on an X-REUSE finding: this year’s and last year’s passage side by side', async () => {
  const d = (await client.currentDiagnostics(uri)).find((x) => x.code === 'X-REUSE')!;
  assert.equal(data(d).share, 100);
  const h = await client.hover(uri, { line: d.range.start.line, character: d.range.start.character + 3 });
  const md = (h!.contents as { value: string }).value;
  assert.match(md, /^\*\*X-REUSE\*\* 与上年度（2022年）报告重复 100%，最长的重复段落 \d+ 字：/);
  assert.match(
    md,
    /\n\| 本年度（2023年） \| 上年度（2022年） \|\n\|---\|---\|\n\| 2023年，测试乡人民政府坚持.* \| 2022年，测试乡人民政府坚持.* \|/,
  );
  assert.ok(!/\n\| .*\n.* \|$/.test(md.split('|---|---|')[1].trim()), 'one table row: the passages’ line breaks are spaces');
});

test('nianbao.reuse reaches the server: a threshold of 100 % or a high minimum length silences X-REUSE, the defaults bring it back', async () => {
  const reuse = (x: { diagnostics: Diagnostic[] }) => x.diagnostics.filter((d) => d.code === 'X-REUSE').length;
  await client.updateSettings({ reuse: { threshold: 100 } });
  await client.waitForDiagnostics(uri, (x) => reuse(x) === 0 && !!t4(x.diagnostics));
  await client.updateSettings({});
  await client.waitForDiagnostics(uri, (x) => reuse(x) === 1);
  await client.updateSettings({ reuse: { minChars: 10_000 } });
  await client.waitForDiagnostics(uri, (x) => reuse(x) === 0 && !!t4(x.diagnostics));
  await client.updateSettings({});
  await client.waitForDiagnostics(uri, (x) => reuse(x) === 1);
});
