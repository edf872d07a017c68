/**
 * The protocol life cycle (server/lifecycle.ts) against the real server over stdio: requests
 * before initialize (-32002) and after shutdown (-32600), a message that is not JSON (-32700),
 * the exit code after exit with and without shutdown, and didChange versions that go backwards.
 */
import { PreviewRequest } from '../../protocol/requests';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import {
  DidChangeTextDocumentNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Message,
  type ResponseMessage,
} from 'vscode-languageserver-protocol/node';
import { example, SERVER, TestClient, uriFor, withDeadline } from './client';

const SEED = example('reports/seed-004-shagou-2020.nianbao.yaml');

/** The server on raw stdio: messages written as they are, every message it sends collected. */
class RawServer {
  readonly child: ChildProcess;
  readonly received: Message[] = [];
  private readonly writer: StreamMessageWriter;
  private waiters: (() => void)[] = [];
  readonly exited: Promise<number | null>;

  constructor() {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    const reader = new StreamMessageReader(this.child.stdout!);
    reader.listen((m) => {
      this.received.push(m);
      for (const w of this.waiters) w();
    });
    this.writer = new StreamMessageWriter(this.child.stdin!);
  }

  send(message: object): Promise<void> {
    return this.writer.write({ jsonrpc: '2.0', ...message } as Message);
  }

  /** Bytes as they are, framed with a correct Content-Length. */
  sendRaw(body: string): void {
    this.child.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  /** The response with this id (null for a parse error). */
  async response(id: number | string | null, timeoutMs = 5_000): Promise<ResponseMessage> {
    const find = () =>
      this.received.find((m) => 'id' in m && (m as ResponseMessage).id === id && !('method' in m)) as ResponseMessage;
    return withDeadline(
      new Promise<ResponseMessage>((resolve) => {
        const check = () => {
          const hit = find();
          if (hit) {
            this.waiters = this.waiters.filter((w) => w !== check);
            resolve(hit);
          }
        };
        this.waiters.push(check);
        check();
      }),
      timeoutMs,
      `response ${id}`,
    );
  }

  initialize(id: number): Promise<void> {
    return this.send({ id, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}

const hoverParams = { textDocument: { uri: uriFor('x.nianbao.yaml') }, position: { line: 0, character: 0 } };

test('a request before initialize gets -32002 ServerNotInitialized; initialize still works after it', async () => {
  const s = new RawServer();
  try {
    await s.send({ id: 1, method: 'textDocument/hover', params: hoverParams });
    const r = await s.response(1);
    assert.equal(r.error?.code, -32002);
    assert.match(r.error!.message, /not initialized/);
    await s.initialize(2);
    assert.equal((await s.response(2)).result && typeof (await s.response(2)).result, 'object');
  } finally {
    s.kill();
  }
});

test('requests after shutdown get -32600 InvalidRequest; exit then ends the process with 0', async () => {
  const s = new RawServer();
  try {
    await s.initialize(1);
    await s.response(1);
    await s.send({ method: 'initialized', params: {} });
    await s.send({ id: 2, method: 'shutdown' });
    assert.equal((await s.response(2)).error, undefined);
    await s.send({ id: 3, method: 'textDocument/hover', params: hoverParams });
    const r = await s.response(3);
    assert.equal(r.error?.code, -32600);
    assert.match(r.error!.message, /shut down/);
    await s.send({ method: 'exit' });
    assert.equal(await withDeadline(s.exited, 5_000, 'exit'), 0);
  } finally {
    s.kill();
  }
});

test('exit without shutdown ends the process with 1', async () => {
  const s = new RawServer();
  try {
    await s.initialize(1);
    await s.response(1);
    await s.send({ method: 'exit' });
    assert.equal(await withDeadline(s.exited, 5_000, 'exit'), 1);
  } finally {
    s.kill();
  }
});

test('a message that is not JSON gets a -32700 Parse error (id null); the server goes on', async () => {
  const s = new RawServer();
  try {
    await s.initialize(1);
    await s.response(1);
    s.sendRaw('{"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", ');
    const r = await s.response(null);
    assert.equal(r.error?.code, -32700);
    await s.send({ id: 3, method: 'shutdown' });
    assert.equal((await s.response(3)).error, undefined);
  } finally {
    s.kill();
  }
});

test('a didChange whose version is not above the current one is ignored, with a log line', async () => {
  const client = await TestClient.start();
  try {
    const uri = uriFor('versions.nianbao.yaml');
    await client.open(uri, SEED);
    const v2 = SEED.replace(/贵南县沙沟乡/g, '甲乡');
    await client.change(uri, v2); // version 2
    await client.currentDiagnostics(uri);
    for (const version of [2, 1]) {
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ text: SEED.replace(/贵南县沙沟乡/g, '乙乡') }],
      });
      await client.waitForLog(
        new RegExp(
          `^\\[nianbao\\] ignored didChange of ${uri.replace(/[./]/g, '\\$&')} to version ${version}: the document is already at version 2$`,
        ),
      );
    }
    // The document is still version 2's text.
    const html = await client.request<string>(PreviewRequest.method, { uri, nonce: 'n' });
    assert.match(html, /甲乡/);
    assert.doesNotMatch(html, /乙乡/);
    // A newer version is applied.
    await client.change(uri, SEED.replace(/贵南县沙沟乡/g, '丙乡'));
    await client.currentDiagnostics(uri);
    assert.match(await client.request<string>(PreviewRequest.method, { uri, nonce: 'n' }), /丙乡/);
  } finally {
    await client.stop();
  }
});
