/**
 * StatelessPost (src/transports/http/stateless-post.ts) answers a stateless POST the way the SDK's
 * StreamableHTTPServerTransport does, byte for byte: status line, headers in order, chunking, SSE
 * framing and bodies. Both run here side by side on real sockets behind the same stand-in server, and
 * every raw response (Date masked) must match. A new SDK that changes its answers fails this test.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { JSONRPCMessage, RequestId } from '@modelcontextprotocol/sdk/types.js';
import { outgoing, StatelessPost } from '../../src/transports/http/stateless-post.js';

type Reply = (message: JSONRPCMessage, relatedRequestId?: RequestId) => void;

/**
 * A stand-in MCP server. Requests are answered on a later turn (as a tool thread does), `sync/*` ones
 * at once (as when no thread is up); `notify/*` sends a progress notification first, `silent/*` never
 * answers, `fail/*` answers with an error. Notifications and responses from the client get nothing.
 */
function respond(message: JSONRPCMessage, reply: Reply): void {
  if (!('method' in message) || !('id' in message)) return;
  const { id, method } = message;
  const answer = (): void => {
    if (method.startsWith('notify/'))
      reply(
        { jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 1, progress: 1 } },
        id,
      );
    if (method.startsWith('fail/'))
      reply({ jsonrpc: '2.0', id, error: { code: -32601, message: 'Nope: ü' } });
    else reply({ jsonrpc: '2.0', id, result: { method, text: 'é — 😀 '.repeat(50) } });
  };
  if (method.startsWith('silent/')) return;
  if (method.startsWith('sync/')) answer();
  else setImmediate(answer);
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
  });
}

function sdkHandler(jsonResponse: boolean) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readJson(req);
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: jsonResponse,
    });
    transport.onmessage = (message) =>
      respond(message, (out, relatedRequestId) => {
        void transport
          .send(out, relatedRequestId === undefined ? undefined : { relatedRequestId })
          .catch(() => undefined);
      });
    res.once('close', () => void transport.close());
    await transport.start();
    await transport.handleRequest(req, res, body);
  };
}

function ourHandler(jsonResponse: boolean) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readJson(req);
    const post = new StatelessPost(req, res, jsonResponse);
    res.once('close', () => post.close());
    post.handle(body, (message) => respond(message, (out, related) => post.send(outgoing(out, related))));
  };
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<Server> {
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** One raw exchange; the connection closes after it (Connection: close unless the case sets one). */
function exchange(
  server: Server,
  headers: Record<string, string>,
  body: string,
  opened?: (socket: Socket) => void,
): Promise<string> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    opened?.(socket);
    const payload = Buffer.from(body, 'utf8');
    let head = `POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`;
    for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
    head += `Content-Length: ${payload.length}\r\n`;
    if (!('Connection' in headers)) head += 'Connection: close\r\n';
    const keepAlive = headers.Connection === 'keep-alive';
    const chunks: Buffer[] = [];
    const done = (): void =>
      resolve(
        Buffer.concat(chunks)
          .toString('utf8')
          .replace(/\r\nDate: [^\r]*/, '\r\nDate: X'),
      );
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      if (!keepAlive) return;
      const text = Buffer.concat(chunks).toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = /content-length: (\d+)/i.exec(text.slice(0, end));
      const rest = text.slice(end + 4);
      if (length ? Buffer.byteLength(rest) >= Number(length[1]) : rest.endsWith('0\r\n\r\n')) {
        socket.destroy();
        done();
      }
    });
    socket.on('end', done);
    socket.on('error', reject);
    // Not ended: a client that half-closes may see its connection dropped before the answer.
    socket.write(`${head}\r\n${body}`);
  });
}

const BOTH = 'application/json, text/event-stream';
const JSON_CT = 'application/json';
const rpc = (id: RequestId, method: string, params?: object) => ({
  jsonrpc: '2.0',
  id,
  method,
  ...(params ? { params } : {}),
});
const init = rpc(0, 'initialize', {
  protocolVersion: '2025-11-25',
  capabilities: {},
  clientInfo: { name: 'c', version: '1' },
});
const notification = { jsonrpc: '2.0', method: 'notifications/initialized' };
const headers = (extra: Record<string, string> = {}) => ({ Accept: BOTH, 'Content-Type': JSON_CT, ...extra });

const CASES: [string, Record<string, string>, unknown][] = [
  ['one request', headers(), rpc(1, 'tools/list')],
  ['string id', headers(), rpc('a-b', 'tools/call', { name: 'x' })],
  ['initialize', headers({ 'Mcp-Protocol-Version': '1999-01-01' }), init],
  ['notification first', headers(), rpc(2, 'notify/me')],
  ['error answer', headers(), rpc(3, 'fail/me')],
  ['answered at once', headers(), rpc(4, 'sync/me')],
  ['batch answered at once', headers(), [rpc(4, 'sync/a'), rpc(5, 'sync/b')]],
  ['batch', headers(), [rpc(1, 'a'), rpc(2, 'notify/b'), notification]],
  ['batch, one at once', headers(), [rpc(1, 'sync/a'), rpc(2, 'b')]],
  ['duplicate ids', headers(), [rpc(1, 'a'), rpc(1, 'b')]],
  ['notification only', headers(), notification],
  ['notifications only', headers(), [notification, notification]],
  ['empty batch', headers(), []],
  ['client response', headers(), { jsonrpc: '2.0', id: 9, result: {} }],
  ['client error', headers(), { jsonrpc: '2.0', id: 9, error: { code: 1, message: 'x' } }],
  ['two initializes', headers(), [init, { ...init, id: 1 }]],
  ['initialize in a batch', headers(), [init, rpc(1, 'ping')]],
  ['initialize as a notification', headers(), { jsonrpc: '2.0', method: 'initialize', params: init.params }],
  ['not JSON-RPC', headers(), { foo: 1 }],
  ['an extra key', headers(), { ...rpc(1, 'ping'), extra: true }],
  ['null id', headers(), { jsonrpc: '2.0', id: null, method: 'ping' }],
  ['fractional id', headers(), { jsonrpc: '2.0', id: 1.5, method: 'ping' }],
  ['a number', headers(), 5],
  ['null', headers(), null],
  ['bad protocol version', headers({ 'Mcp-Protocol-Version': '1999-01-01' }), rpc(1, 'ping')],
  ['old protocol version', headers({ 'Mcp-Protocol-Version': '2024-11-05' }), rpc(1, 'ping')],
  ['no Accept', { 'Content-Type': JSON_CT }, rpc(1, 'ping')],
  ['Accept JSON only', { Accept: 'application/json', 'Content-Type': JSON_CT }, rpc(1, 'ping')],
  ['Accept SSE only', { Accept: 'text/event-stream', 'Content-Type': JSON_CT }, rpc(1, 'ping')],
  ['Accept anything', { Accept: '*/*', 'Content-Type': JSON_CT }, rpc(1, 'ping')],
  [
    'Content-Type with charset',
    headers({ 'Content-Type': 'application/json; charset=utf-8' }),
    rpc(1, 'ping'),
  ],
  ['Content-Type text', headers({ 'Content-Type': 'text/plain' }), rpc(1, 'ping')],
  ['Content-Type with a list', headers({ 'Content-Type': 'application/json, text/plain' }), rpc(1, 'ping')],
  ['keep-alive', headers({ Connection: 'keep-alive' }), rpc(1, 'ping')],
  ['keep-alive notification', headers({ Connection: 'keep-alive' }), notification],
  [
    'keep-alive refusal',
    { Accept: 'text/event-stream', 'Content-Type': JSON_CT, Connection: 'keep-alive' },
    rpc(1, 'ping'),
  ],
];

describe.each([false, true])(
  'StatelessPost against the SDK transport (JSON responses: %s)',
  (jsonResponse) => {
    let sdk: Server;
    let ours: Server;
    beforeAll(async () => {
      sdk = await listen(sdkHandler(jsonResponse));
      ours = await listen(ourHandler(jsonResponse));
    });
    afterAll(() => {
      sdk.closeAllConnections();
      ours.closeAllConnections();
      sdk.close();
      ours.close();
    });

    it.each(CASES)('%s: the same bytes', async (_name, h, body) => {
      const text = JSON.stringify(body);
      const [expected, actual] = await Promise.all([exchange(sdk, h, text), exchange(ours, h, text)]);
      expect(expected).toMatch(/^HTTP\/1\.1 \d{3} /);
      expect(actual).toBe(expected);
    });

    it('a duplicated header is read joined, as a web Headers object reads it', async () => {
      const { port } = ours.address() as AddressInfo;
      const raw = (server: Server): Promise<string> =>
        new Promise((resolve) => {
          const p = (server.address() as AddressInfo).port;
          const socket = connect(p, '127.0.0.1');
          const body = JSON.stringify(rpc(1, 'ping'));
          const chunks: Buffer[] = [];
          socket.on('data', (c: Buffer) => chunks.push(c));
          socket.on('end', () =>
            resolve(
              Buffer.concat(chunks)
                .toString('utf8')
                .replace(/\r\nDate: [^\r]*/, '\r\nDate: X'),
            ),
          );
          socket.end(
            `POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nAccept: ${BOTH}\r\nContent-Type: ${JSON_CT}\r\n` +
              `Mcp-Protocol-Version: 2025-11-25\r\nMcp-Protocol-Version: 2025-06-18\r\n` +
              `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
          );
        });
      expect(port).toBeGreaterThan(0);
      const [expected, actual] = await Promise.all([raw(sdk), raw(ours)]);
      expect(expected).toContain('400 Bad Request');
      expect(actual).toBe(expected);
    });

    it('a request never answered: the SSE head goes out at once, a JSON answer waits', async () => {
      const outcome = async (server: Server): Promise<string> => {
        const received: Buffer[] = [];
        let socket: Socket | undefined;
        const pending = exchange(server, headers(), JSON.stringify(rpc(1, 'silent/x')), (s) => {
          socket = s;
          s.on('data', (c: Buffer) => received.push(c));
        });
        const timeout = new Promise<string>((resolve) =>
          setTimeout(() => {
            const text = Buffer.concat(received).toString('utf8');
            socket?.destroy();
            resolve(`open after: ${text.replace(/\r\nDate: [^\r]*/, '\r\nDate: X')}`);
          }, 150),
        );
        return Promise.race([pending, timeout]);
      };
      const [expected, actual] = await Promise.all([outcome(sdk), outcome(ours)]);
      expect(expected).toMatch(jsonResponse ? /^open after: $/ : /^open after: HTTP\/1\.1 200 OK\r\n/);
      expect(actual).toBe(expected);
    });
  },
);

describe('StatelessPost after the response was ended elsewhere', () => {
  it.each([
    ['JSON, answered 503 by the request timeout', true, 'end'],
    ['SSE, cut by the request timeout', false, 'destroy'],
  ] as const)('%s: a late answer is dropped, nothing throws', async (_name, jsonResponse, how) => {
    let late: (() => void) | undefined;
    const server = await listen(async (req, res) => {
      const body = await readJson(req);
      const post = new StatelessPost(req, res, jsonResponse);
      post.handle(body, () => undefined);
      // As app.ts's timer does, before the response's close reaches post.close().
      if (how === 'end') res.writeHead(503, { 'Content-Type': 'application/json' }).end('{}');
      else res.destroy();
      late = () => {
        post.send(outgoing({ jsonrpc: '2.0', id: 1, result: {} }));
        post.send(outgoing({ jsonrpc: '2.0', method: 'notifications/progress' }, 1));
      };
    });
    try {
      const answer = await exchange(server, headers(), JSON.stringify(rpc(1, 'x'))).catch(() => '');
      if (how === 'end') expect(answer).toMatch(/^HTTP\/1\.1 503 /);
      expect(late).toBeDefined();
      expect(late).not.toThrow();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
