/**
 * Unit tests of the hardened stdio framing (src/transports/json-lines.ts). Regression for the defect
 * the protocol-abuse suite found: the SDK's StdioServerTransport closed the session on a 10 MB line
 * and dropped malformed lines without the JSON-RPC error the protocol prescribes.
 */
import { PassThrough } from 'node:stream';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonLinesTransport } from '../../src/transports/json-lines.js';

interface Harness {
  input: PassThrough;
  received: JSONRPCMessage[];
  sent: Record<string, unknown>[];
  closed: () => boolean;
  transport: JsonLinesTransport;
}

let open: Harness[] = [];
afterEach(async () => {
  for (const h of open) await h.transport.close();
  open = [];
});

async function harness(max?: number): Promise<Harness> {
  const input = new PassThrough();
  const output = new PassThrough();
  const transport = new JsonLinesTransport(input, output, max);
  const received: JSONRPCMessage[] = [];
  const sent: Record<string, unknown>[] = [];
  let isClosed = false;
  let buffer = '';
  output.setEncoding('utf8').on('data', (c: string) => {
    buffer += c;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      sent.push(JSON.parse(buffer.slice(0, nl)) as Record<string, unknown>);
      buffer = buffer.slice(nl + 1);
    }
  });
  transport.onmessage = (m) => void received.push(m);
  transport.onclose = () => (isClosed = true);
  await transport.start();
  const h = { input, received, sent, closed: () => isClosed, transport };
  open.push(h);
  return h;
}

// Messages are handed on one per event-loop turn; on a loaded 2-core machine 30 ms was not always enough.
const tick = () => new Promise((r) => setTimeout(r, 100));
const ping = (id: number | string) => `${JSON.stringify({ jsonrpc: '2.0', id, method: 'ping' })}\n`;

describe('JsonLinesTransport', () => {
  it('delivers one message per line, also CRLF-terminated and split across writes', async () => {
    const h = await harness();
    const line = ping(1);
    h.input.write(line.slice(0, 7));
    h.input.write(line.slice(7, 20));
    h.input.write(line.slice(20));
    h.input.write(ping(2).replace('\n', '\r\n') + ping(3));
    await tick();
    expect(h.received.map((m) => (m as { id: number }).id)).toEqual([1, 2, 3]);
  });

  it('answers a line that is not JSON with -32700 and no id, then carries on', async () => {
    const h = await harness();
    h.input.write('{"jsonrpc": "2.0", "id": 1, "method": \n' + ping(2));
    await tick();
    expect(h.sent).toEqual([
      { jsonrpc: '2.0', error: { code: -32700, message: expect.stringContaining('Parse error') } },
    ]);
    expect(h.received).toHaveLength(1);
  });

  it('answers JSON that is not JSON-RPC with -32600, echoing a usable request id', async () => {
    const h = await harness();
    h.input.write(
      '{"jsonrpc":"1.0","id":7,"method":"ping"}\n[1,2]\n"text"\n{"id":{"x":1},"method":"ping"}\n',
    );
    await tick();
    expect(h.sent.map((m) => [(m.error as { code: number }).code, m.id])).toEqual([
      [-32600, 7],
      [-32600, undefined],
      [-32600, undefined],
      [-32600, undefined],
    ]);
    expect(h.received).toHaveLength(0);
  });

  it('ignores blank lines', async () => {
    const h = await harness();
    h.input.write('\n\r\n   \n' + ping(1));
    await tick();
    expect(h.sent).toEqual([]);
    expect(h.received).toHaveLength(1);
  });

  it('skips an oversized line with -32600 as soon as it passes the limit, and keeps the session', async () => {
    const h = await harness(1024);
    h.input.write('{"jsonrpc":"2.0","id":1,"method":"ping","params":{"x":"');
    for (let i = 0; i < 20; i++) h.input.write('y'.repeat(1000));
    await tick();
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0].error).toMatchObject({
      code: -32600,
      message: expect.stringContaining('larger than 1024 bytes'),
    });
    h.input.write('"}}\n' + ping(2));
    await tick();
    expect(h.closed()).toBe(false);
    expect(h.sent).toHaveLength(1);
    expect(h.received.map((m) => (m as { id: number }).id)).toEqual([2]);
  });

  it('an oversized line arriving in one chunk is skipped too', async () => {
    const h = await harness(1024);
    h.input.write(`${'x'.repeat(5000)}\n${ping(3)}`);
    await tick();
    expect(h.sent.map((m) => (m.error as { code: number }).code)).toEqual([-32600]);
    expect(h.received).toHaveLength(1);
  });

  it('hands a burst on one message per event-loop turn, so closing mid-burst drops the rest', async () => {
    const h = await harness();
    h.transport.onmessage = (m) => {
      h.received.push(m);
      if (h.received.length === 3) void h.transport.close();
    };
    h.input.write(Array.from({ length: 50 }, (_, i) => ping(i)).join(''));
    await tick();
    expect(h.closed()).toBe(true);
    expect(h.received).toHaveLength(3);
  });

  it('stops reading while the backlog is long and resumes when it drains', async () => {
    const h = await harness();
    // Answer each ping, as a server does: unanswered requests past a bound hold the queue (back-pressure).
    h.transport.onmessage = (m) => {
      h.received.push(m);
      void h.transport.send({ jsonrpc: '2.0', id: (m as { id: number }).id, result: {} });
    };
    h.input.write(Array.from({ length: 1500 }, (_, i) => ping(i)).join(''));
    await new Promise((r) => setImmediate(r));
    expect(h.input.isPaused()).toBe(true);
    for (let i = 0; i < 50 && h.received.length < 1500; i += 1) await new Promise((r) => setTimeout(r, 100));
    expect(h.received).toHaveLength(1500);
    expect(h.input.isPaused()).toBe(false);
  });

  it('is idle only once every request read has been answered', async () => {
    const h = await harness();
    h.input.write(ping('a') + ping('b'));
    await tick();
    let idle = false;
    const waiting = h.transport.whenIdle().then(() => (idle = true));
    await h.transport.send({ jsonrpc: '2.0', id: 'a', result: {} });
    await tick();
    expect(idle).toBe(false);
    await h.transport.send({ jsonrpc: '2.0', id: 'b', result: {} });
    await waiting;
    expect(idle).toBe(true);
  });
});
