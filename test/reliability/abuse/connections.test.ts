/**
 * Issue 16 item 11: no connection cap, long idle/slow-loris lifetimes (59-65 s) and no load shedding:
 * 600 idle sockets under a 400-descriptor limit made /healthz and /mcp fail, 600 active clients
 * pushed p99 to 26.8 s. Now: a per-process connection cap that closes the longest-idle connection
 * to make room, short header and keep-alive timeouts, and 503 + Retry-After past an in-flight bound.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  defaultMaxConnections,
  resolveHttpOptions,
  type HttpOptions,
} from '../../../src/transports/http/options.js';
import { startHttpServer, type RunningHttpServer } from '../../../src/transports/http/server.js';
import { MCP_HEADERS, rawRequest, sleepCall } from '../../http/helpers.js';
import { spinServer } from './fixtures/spin-server.js';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
let server: RunningHttpServer | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await server?.close();
  server = undefined;
});

async function start(overrides: Partial<HttpOptions>): Promise<{ port: number; url: string }> {
  server = await startHttpServer(resolveHttpOptions({ port: 0, accessLog: false, ...overrides }), {
    createServer: spinServer,
  });
  return { port: server.port, url: server.url };
}

function openSocket(port: number, data?: string): Promise<{ socket: Socket; closed: Promise<number> }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1', () => {
      if (data) socket.write(data);
      resolve({ socket, closed });
    });
    const closed = new Promise<number>((r) => socket.once('close', () => r(performance.now() - started)));
    socket.on('error', () => undefined);
    socket.on('data', () => undefined);
    sockets.push(socket);
  });
}

describe('connection limits', () => {
  it('at the cap, closes the longest-idle connections so new clients (and /healthz) are served', async () => {
    const { port, url } = await start({ maxConnections: 10 });
    const idle = [];
    for (let i = 0; i < 10; i += 1) idle.push(await openSocket(port));
    await delay(1_200); // idle past the first-request grace
    // Five more clients that stay connected: each needs a slot, and gets its answer.
    for (let i = 0; i < 5; i += 1) {
      const { socket } = await openSocket(port);
      const answered = new Promise<string>((r) => socket.once('data', (d: Buffer) => r(d.toString('utf8'))));
      socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
      expect(await Promise.race([answered, delay(3_000).then(() => 'no answer')])).toMatch(/^HTTP\/1.1 200/);
    }
    expect((await rawRequest(`${url}/healthz`, { method: 'GET', newConnection: true })).status).toBe(200);
    const closedByServer = await Promise.all(
      idle.map((s) => Promise.race([s.closed.then(() => 1), delay(200).then(() => 0)])),
    );
    expect(closedByServer.reduce((a: number, b) => a + b, 0)).toBeGreaterThanOrEqual(5);
  });

  it('ends a slow-loris connection at the headers timeout', async () => {
    const { port } = await start({ headersTimeoutMs: 1_000, requestTimeoutMs: 2_000 });
    const { closed } = await openSocket(port, 'POST /mcp HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    const ms = await Promise.race([closed, delay(6_000).then(() => Infinity)]);
    expect(ms).toBeLessThan(4_000);
  });

  it('closes an idle kept-alive connection after a short keep-alive timeout by default', async () => {
    expect(resolveHttpOptions({}).keepAliveTimeoutMs).toBeLessThanOrEqual(5_000);
    expect(resolveHttpOptions({}).headersTimeoutMs).toBeLessThanOrEqual(10_000);
    const { port } = await start({ keepAliveTimeoutMs: 500 });
    const { socket, closed } = await openSocket(port);
    socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const ms = await Promise.race([closed, delay(5_000).then(() => Infinity)]);
    expect(ms).toBeLessThan(3_000);
  });

  it('sheds load past the in-flight bound with 503 and Retry-After', async () => {
    const { url } = await start({ maxInFlight: 2 });
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        rawRequest(`${url}/mcp`, { headers: MCP_HEADERS, body: sleepCall(400), newConnection: true }),
      ),
    );
    const shed = answers.filter((a) => a.status === 503);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(2);
    expect(shed.length).toBeGreaterThanOrEqual(3);
    expect(shed[0].headers['retry-after']).toBe('1');
  });

  it('keeps the default cap under the open-file limit', () => {
    expect(defaultMaxConnections(400)).toBeLessThan(400);
    expect(defaultMaxConnections(1_048_576)).toBe(1000);
    expect(defaultMaxConnections(undefined)).toBe(1000);
  });
});
