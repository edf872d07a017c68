/**
 * Cross-year checks in the language server (server/workspaceIndex.ts), over stdio against the
 * real server: a temporary workspace folder holds the same organ's 2020 and 2021 reports, the
 * server indexes it on `initialized`, and X-CARRY follows every way last year's report can
 * change: an edit of its open document, closing it unsaved, a change on disk, deletion,
 * creation, rename (deleted + created), and the include globs. Waits on diagnostics with
 * deadlines, never sleeps.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  FileChangeType,
  type Diagnostic,
  type FileEvent,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { parse } from 'yaml';
import { setCell, zeroReport } from '../helpers/report';
import { TestClient, VSCODE_CAPABILITIES } from './client';

const row = (t: string, r: string, v: number) => setCell(setCell(t, r, 'natural', v), r, 'total', v);

/** A balanced 表三 with the given carried-over and carried-forward counts (natural = total). */
function t3(t: string, carried: number, forward: number, fresh = 5): string {
  t = row(row(row(t, 'new_received', fresh), 'carried_over', carried), 'carry_forward', forward);
  return row(row(t, 'granted', fresh + carried - forward), 'total_processed', fresh + carried - forward);
}

/** 2020 (2019 format) with 结转下年度继续办理 = `forward`; 2021 with 上年结转 = `carried`; same organ. */
const PREV = (forward: number) => t3(zeroReport('2019', 2020), 0, forward);
const CUR = (carried: number) => t3(zeroReport('2021', 2021), carried, 0);

const CAPABILITIES = {
  ...VSCODE_CAPABILITIES,
  workspace: { ...VSCODE_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } },
};

const dirs: string[] = [];
function workspace(files: Record<string, string>): { dir: string; uri: (rel: string) => string; path: (rel: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-xy-'));
  dirs.push(dir);
  const path = (rel: string) => join(dir, ...rel.split('/'));
  for (const [rel, text] of Object.entries(files)) write(path(rel), text);
  return { dir, uri: (rel) => pathToFileURL(path(rel)).href, path };
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const xcarry = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'X-CARRY');
const crossYear = (p: PublishDiagnosticsParams) =>
  p.diagnostics.filter((d) => String(d.code).startsWith('X-') && d.code !== 'X-FORMAT');
const lineOf = (text: string, re: RegExp) => text.split('\n').findIndex((l) => re.test(l));
const under = (text: string, d: { range: Diagnostic['range'] }) =>
  text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character);

function watched(client: TestClient, ...changes: FileEvent[]): Promise<void> {
  return client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
}

after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

// ---- the main workspace: 2020/last.nianbao.yaml and 2021/this.nianbao.yaml ------------------

let client: TestClient;
let ws: ReturnType<typeof workspace>;
let thisUri: string;
let lastUri: string;

before(async () => {
  ws = workspace({ '2020/last.nianbao.yaml': PREV(3), '2021/this.nianbao.yaml': CUR(2) });
  thisUri = ws.uri('2021/this.nianbao.yaml');
  lastUri = ws.uri('2020/last.nianbao.yaml');
  client = await TestClient.start({
    locale: 'zh-cn',
    capabilities: CAPABILITIES,
    workspaceFolders: [{ uri: pathToFileURL(ws.dir).href, name: 'ws' }],
  });
  await client.waitForLog(/index: 2 report files in 1 folder/);
});
after(async () => {
  await client.stop();
});

/** Resolves when this year's report shows X-CARRY twice (natural, total) related to `uri`, or none at all (`uri` null). */
function expectCarry(uri: string | null): Promise<PublishDiagnosticsParams> {
  return client.waitForDiagnostics(thisUri, (p) =>
    uri === null
      ? crossYear(p).length === 0
      : xcarry(p).length === 2 && xcarry(p).every((d) => d.relatedInformation?.[0]?.location.uri === uri),
  );
}

test('the server registers file watchers with the include globs (and one for the review ledgers)', () => {
  const globs = client.registrations
    .filter((r) => r.method === DidChangeWatchedFilesNotification.method)
    .map((r) => (r.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern));
  assert.deepEqual(globs.sort(), [['**/*.nianbao.yaml', '**/*.nianbao.yml'], ['**/nianbao-review.yaml']]);
});

test("X-CARRY on this year's cell, related information in last year's file (found on disk by the index)", async () => {
  const text = CUR(2);
  await client.open(thisUri, text);
  const p = await expectCarry(lastUri);
  const prev = PREV(3);
  for (const d of xcarry(p)) {
    assert.equal(d.severity, 2);
    assert.equal(d.source, 'nianbao');
    assert.equal(d.range.start.line, lineOf(text, /^\s+carried_over:/));
    assert.equal(under(text, d), '2');
    assert.match(d.message as string, /2020年/);
    assert.equal((d.data as { lastUri?: string }).lastUri, lastUri);
    const [rel] = d.relatedInformation!;
    assert.equal(rel.location.range.start.line, lineOf(prev, /^\s+carry_forward:/));
    assert.equal(under(prev, rel.location), '3');
    assert.match(rel.message, /^2020年报告：/);
  }
  assert.deepEqual(
    xcarry(p).map((d) => (d.data as { path: string }).path),
    ['applications.carried_over.natural', 'applications.carried_over.total'],
  );
});

test('quick fix “改为上年数值 3” comes first, applies, and removes that finding', async () => {
  const p = await expectCarry(lastUri);
  const d = xcarry(p).find((x) => (x.data as { path: string }).path === 'applications.carried_over.natural')!;
  const actions = await client.codeActions(thisUri, d.range, [d]);
  assert.equal(actions[0]?.title, '改为上年数值 3', actions.map((a) => a.title).join(' | '));
  assert.equal(actions[0].isPreferred, true);
  const v = await Promise.all(client.applyEdit(actions[0].edit!));
  const after = await client.waitForDiagnostics(thisUri, (x) => x.version === v[0]);
  assert.deepEqual(
    xcarry(after).map((x) => (x.data as { path: string }).path),
    ['applications.carried_over.total'],
  );
  assert.match(client.text(thisUri), /carried_over:\s*\{natural: 3,/);
  await client.change(thisUri, CUR(2));
  await expectCarry(lastUri);
});

test("editing last year's open document updates this year's diagnostics; closing it unsaved goes back to the disk", async () => {
  await client.open(lastUri, PREV(3));
  await expectCarry(lastUri);
  await client.change(lastUri, PREV(2)); // now agrees: 结转下年度 2 = 上年结转 2
  await expectCarry(null);
  await client.change(lastUri, PREV(4));
  const p = await client.waitForDiagnostics(
    thisUri,
    (x) => xcarry(x).length === 2 && xcarry(x).every((d) => (d.data as { expected?: number }).expected === 4),
  );
  assert.match(xcarry(p)[0].message as string, /为 4/);
  await client.change(lastUri, PREV(2));
  await expectCarry(null);
  await client.close(lastUri); // not saved: the disk still says 3
  await expectCarry(lastUri);
});

test("last year's file changed on disk (workspace/didChangeWatchedFiles: changed)", async () => {
  write(ws.path('2020/last.nianbao.yaml'), PREV(2));
  await watched(client, { uri: lastUri, type: FileChangeType.Changed });
  await expectCarry(null);
  write(ws.path('2020/last.nianbao.yaml'), PREV(3));
  await watched(client, { uri: lastUri, type: FileChangeType.Changed });
  await expectCarry(lastUri);
});

test('deleted removes the cross-year diagnostics; created brings them back', async () => {
  unlinkSync(ws.path('2020/last.nianbao.yaml'));
  await watched(client, { uri: lastUri, type: FileChangeType.Deleted });
  await expectCarry(null);
  write(ws.path('2020/last.nianbao.yaml'), PREV(3));
  await watched(client, { uri: lastUri, type: FileChangeType.Created });
  await expectCarry(lastUri);
});

test('rename (deleted + created, to a folder with a Chinese name) keeps them, now pointing at the new file', async () => {
  const newRel = '上年/2020年报.nianbao.yaml';
  const newUri = ws.uri(newRel);
  mkdirSync(dirname(ws.path(newRel)), { recursive: true });
  const before = client.published.get(thisUri)!.length;
  renameSync(ws.path('2020/last.nianbao.yaml'), ws.path(newRel));
  await watched(client, { uri: lastUri, type: FileChangeType.Deleted }, { uri: newUri, type: FileChangeType.Created });
  await expectCarry(newUri);
  const since = client.published.get(thisUri)!.slice(before);
  assert.ok(
    since.every((x) => xcarry(x.params).length === 2),
    'no publish without X-CARRY during the rename',
  );
  renameSync(ws.path(newRel), ws.path('2020/last.nianbao.yaml'));
  await watched(client, { uri: newUri, type: FileChangeType.Deleted }, { uri: lastUri, type: FileChangeType.Created });
  await expectCarry(lastUri);
});

test('nianbao.rules applies to X-* codes: info, off, back to the default', async () => {
  await client.updateSettings({ rules: { 'X-CARRY': 'info' } });
  await client.waitForDiagnostics(thisUri, (p) => xcarry(p).length === 2 && xcarry(p).every((d) => d.severity === 3));
  await client.updateSettings({ rules: { 'X-CARRY': 'off' } });
  await expectCarry(null);
  await client.updateSettings({});
  const p = await expectCarry(lastUri);
  assert.ok(xcarry(p).every((d) => d.severity === 2));
});

test("nianbao.index.include: other globs rescan (last year's file no longer indexed) and re-register the watchers", async () => {
  await client.updateSettings({ index: { include: ['**/*.report.yaml'] } });
  await expectCarry(null);
  const reg = client.registrations.filter(
    (r) =>
      r.method === DidChangeWatchedFilesNotification.method &&
      !(r.registerOptions as { watchers: { globPattern: string }[] }).watchers.some((w) =>
        w.globPattern.endsWith('nianbao-review.yaml'),
      ),
  );
  assert.deepEqual(
    (reg.at(-1)!.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern),
    ['**/*.report.yaml'],
  );
  await client.updateSettings({});
  await expectCarry(lastUri);
});

// ---- other workspaces --------------------------------------------------------------------

test('an agreeing pair: no cross-year diagnostic; node_modules, dot folders and other names are not indexed', async () => {
  const w = workspace({
    'z/2020.nianbao.yaml': PREV(3),
    '2021/this.nianbao.yaml': CUR(3),
    'node_modules/pkg/2020.nianbao.yaml': PREV(9),
    '.hidden/2020.nianbao.yaml': PREV(9),
    'a/2020-copy.yaml': PREV(9),
  });
  const c = await TestClient.start({
    locale: 'zh-cn',
    capabilities: CAPABILITIES,
    workspaceFolders: [{ uri: pathToFileURL(w.dir).href, name: 'w' }],
  });
  try {
    await c.waitForLog(/index: 2 report files in 1 folder/);
    const uri = w.uri('2021/this.nianbao.yaml');
    await c.open(uri, CUR(3));
    const first = await c.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(
      crossYear(first).map((d) => d.code),
      [],
    );
    // The pair is there: disagreeing now fires, against z/2020 (the decoys say 9).
    await c.change(uri, CUR(2));
    const p = await c.waitForDiagnostics(uri, (x) => x.version === 2);
    assert.equal(xcarry(p).length, 2);
    assert.ok(
      xcarry(p).every(
        (d) =>
          d.relatedInformation?.[0].location.uri === w.uri('z/2020.nianbao.yaml') &&
          (d.data as { expected: number }).expected === 3,
      ),
    );
  } finally {
    await c.stop();
  }
});

test('no workspace folders: the server works, open documents pair with each other (untitled included, JSON too)', async () => {
  const c = await TestClient.start({ locale: 'en', capabilities: CAPABILITIES, workspaceFolders: null });
  try {
    const cur = 'untitled:Untitled-1';
    await c.open(cur, CUR(2));
    const alone = await c.currentDiagnostics(cur);
    assert.deepEqual(
      alone.filter((d) => String(d.code).startsWith('X-') && d.code !== 'X-FORMAT'),
      [],
    );
    assert.ok((await c.hover(cur, { line: 0, character: 1 })) !== undefined);
    const prev = 'file:///nowhere/2020.nianbao.yaml';
    await c.open(prev, PREV(3));
    const p = await c.waitForDiagnostics(cur, (x) => xcarry(x).length === 2);
    assert.equal(xcarry(p)[0].relatedInformation?.[0].location.uri, prev);
    const d = xcarry(p)[0];
    const actions = await c.codeActions(cur, d.range, [d]);
    assert.equal(actions[0]?.title, "Use last year's value 3");
    // Last year's report as JSON (no `meta:` line at column 0): organ and year come from its analysis.
    const json = (year: number) => {
      const v = parse(PREV(4));
      v.meta.year = year;
      return JSON.stringify(v, null, 2);
    };
    await c.change(prev, json(2019));
    await c.waitForDiagnostics(cur, (x) => crossYear(x).length === 0);
    await c.change(prev, json(2020));
    await c.waitForDiagnostics(
      cur,
      (x) => xcarry(x).length === 2 && xcarry(x).every((y) => (y.data as { expected?: number }).expected === 4),
    );
    await c.close(prev); // not on disk: out of the index
    await c.waitForDiagnostics(cur, (x) => crossYear(x).length === 0);
    assert.deepEqual(
      c.registrations.filter((r) => r.method === DidChangeWatchedFilesNotification.method),
      [],
    );
    assert.ok(c.alive);
  } finally {
    await c.stop();
  }
});

test('workspace/didChangeWorkspaceFolders: an added folder is scanned and watched, a removed one forgotten', async () => {
  const w = workspace({ '2020/last.nianbao.yaml': PREV(3) });
  const folder = { uri: pathToFileURL(w.dir).href, name: 'w' };
  const c = await TestClient.start({ capabilities: CAPABILITIES, workspaceFolders: null });
  try {
    assert.deepEqual(c.initializeResult.capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
    const cur = w.uri('2021/this.nianbao.yaml'); // open only, not on disk
    await c.open(cur, CUR(2));
    assert.deepEqual(
      (await c.currentDiagnostics(cur)).filter((d) => d.code === 'X-CARRY'),
      [],
    );
    await c.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [folder], removed: [] } });
    await c.waitForDiagnostics(
      cur,
      (x) => xcarry(x).length === 2 && xcarry(x)[0].relatedInformation?.[0].location.uri === w.uri('2020/last.nianbao.yaml'),
    );
    assert.ok(c.registrations.some((r) => r.method === DidChangeWatchedFilesNotification.method));
    await c.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [], removed: [folder] } });
    await c.waitForDiagnostics(cur, (x) => crossYear(x).length === 0);
  } finally {
    await c.stop();
  }
});

test('the scan is capped (NIANBAO_INDEX_MAX_FILES) and says so', async () => {
  const w = workspace({ 'a.nianbao.yaml': PREV(1), 'b.nianbao.yaml': PREV(2), 'c.nianbao.yml': PREV(3) });
  const c = await TestClient.start({
    capabilities: CAPABILITIES,
    workspaceFolders: [{ uri: pathToFileURL(w.dir).href, name: 'w' }],
    env: { NIANBAO_INDEX_MAX_FILES: '2' },
  });
  try {
    await c.waitForLog(/index: capped at 2 report files/);
    await c.waitForLog(/index: 2 report files in 1 folder/);
  } finally {
    await c.stop();
  }
});
