/**
 * The protocol's life cycle, enforced before any handler runs (vscode-jsonrpc's
 * `messageStrategy` sees every message in arrival order):
 *
 * - before `initialize`: a request is answered -32002 ServerNotInitialized; notifications are
 *   dropped, `exit` excepted (LSP 3.17 "initialize");
 * - after `shutdown`: a request is answered -32600 InvalidRequest; notifications other than
 *   `exit` are dropped ("shutdown"); `exit` ends the process with 0 after shutdown, 1 without
 *   (vscode-languageserver's own exit handler);
 * - a `textDocument/didChange` whose version is not above the open document's is dropped with a
 *   log line: applying it would put an older text over a newer one.
 *
 * A refused request is passed on renamed to REJECT_METHOD, whose handler answers it with the
 * error, so the response goes out through the connection like any other. On --stdio, a message
 * that is not JSON is answered -32700 Parse error (`stdioTransport`).
 */
import { format } from 'node:util';
import {
  ErrorCodes,
  Message,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type MessageReader,
  type MessageStrategy,
  type MessageWriter,
  type NotificationMessage,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';

export const REJECT_METHOD = 'nianbao/internal/reject';

type State = 'new' | 'running' | 'shutdown';

export class Lifecycle {
  private state: State = 'new';
  private log: (s: string) => void = () => undefined;

  constructor(private readonly versionOf: (uri: string) => number | undefined) {}

  get shutdownReceived(): boolean {
    return this.state === 'shutdown';
  }

  readonly strategy: MessageStrategy = {
    handleMessage: (message, next) => {
      if (Message.isRequest(message)) return next(this.request(message));
      if (Message.isNotification(message)) {
        if (this.dropNotification(message)) return;
      }
      return next(message);
    },
  };

  /** After the connection exists: the handler of refused requests, and where to log. */
  attach(connection: Connection): void {
    this.log = (s) => connection.console.log(s);
    connection.onRequest(REJECT_METHOD, (p: { code: number; message: string }) => new ResponseError(p.code, p.message));
  }

  private request(m: RequestMessage): RequestMessage {
    if (this.state === 'new' && m.method !== 'initialize')
      return reject(m, ErrorCodes.ServerNotInitialized, `${m.method}: the server is not initialized (send initialize first)`);
    if (this.state === 'shutdown')
      return reject(m, ErrorCodes.InvalidRequest, `${m.method}: the server is shut down (only exit is accepted)`);
    if (m.method === 'initialize') this.state = 'running';
    else if (m.method === 'shutdown') this.state = 'shutdown';
    return m;
  }

  private dropNotification(m: NotificationMessage): boolean {
    if (m.method === 'exit') return false;
    if (this.state !== 'running') return true;
    if (m.method === 'textDocument/didChange') {
      const doc = (m.params as { textDocument?: { uri?: unknown; version?: unknown } } | undefined)?.textDocument;
      const current = typeof doc?.uri === 'string' ? this.versionOf(doc.uri) : undefined;
      if (typeof doc?.version === 'number' && current !== undefined && doc.version <= current) {
        this.log(
          `[nianbao] ignored didChange of ${doc.uri} to version ${doc.version}: the document is already at version ${current}`,
        );
        return true;
      }
    }
    return false;
  }
}

function reject(m: RequestMessage, code: number, message: string): RequestMessage {
  return { jsonrpc: m.jsonrpc, id: m.id, method: REJECT_METHOD, params: { code, message } };
}

/**
 * stdin/stdout as the message transport, built here (instead of by vscode-languageserver from
 * --stdio) so that a message body that is not JSON gets its -32700 answer (id null, as JSON-RPC
 * requires when the id cannot be read). Also what the library does for --stdio: console output
 * goes to the client's log, never into the protocol stream, and the end of stdin ends the process.
 */
export function stdioTransport(lifecycle: Lifecycle): {
  reader: MessageReader;
  writer: MessageWriter;
  patchConsole: (c: Connection) => void;
} {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((e) => {
    if (!(e instanceof SyntaxError)) return;
    const answer: ResponseMessage = {
      jsonrpc: '2.0',
      id: null,
      error: { code: ErrorCodes.ParseError, message: `Parse error: ${e.message}` },
    };
    void writer.write(answer);
  });
  const end = () => process.exit(lifecycle.shutdownReceived ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  const patchConsole = (c: Connection) => {
    console.log = (...a: unknown[]) => c.console.log(format(...a));
    console.info = (...a: unknown[]) => c.console.info(format(...a));
    console.warn = (...a: unknown[]) => c.console.warn(format(...a));
    console.error = (...a: unknown[]) => c.console.error(format(...a));
    console.debug = (...a: unknown[]) => c.console.log(format(...a));
  };
  return { reader, writer, patchConsole };
}
