/**
 * Issue 16 item 1: a client that writes requests but never reads stdout must not grow our memory.
 * Before the fix every unsent answer was parked on its own 'drain' listener while input kept being
 * read (1.2 GB RSS in 10 s, then a V8 heap abort). Here the output is a stream nobody reads.
 */
import { PassThrough, Writable } from 'node:stream';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { JsonLinesTransport } from '../../../src/transports/json-lines.js';

/** A stdout whose reader is asleep: accepts writes into its buffer, never completes one until released. */
function stalledOutput() {
  const held: Array<() => void> = [];
  let stalled = true;
  const out = new Writable({
    highWaterMark: 64 * 1024,
    write(_chunk, _enc, cb) {
      if (stalled) held.push(cb);
      else cb();
    },
  });
  return {
    out,
    release() {
      stalled = false;
      for (const cb of held.splice(0)) cb();
    },
  };
}

const call = (id: number) =>
  `${JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'workos_docs', arguments: { path: 'sso' } } })}\n`;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('stdio output back-pressure', () => {
  it('stops handling input while answers are unsent, with one drain listener, and catches up later', async () => {
    const input = new PassThrough({ highWaterMark: 16 * 1024 });
    const { out, release } = stalledOutput();
    const transport = new JsonLinesTransport(input, out);
    let handled = 0;
    const big = 'x'.repeat(50_000);
    transport.onmessage = (m) => {
      handled += 1;
      const id = (m as { id: number }).id;
      void transport.send({
        jsonrpc: '2.0',
        id,
        result: { content: [{ type: 'text', text: big }] },
      } as JSONRPCMessage);
    };
    await transport.start();
    const total = 5000;
    // The client writes as fast as we take it (respecting our back-pressure, as a pipe would).
    let written = 0;
    const writeMore = () => {
      while (written < total) {
        written += 1;
        if (!input.write(call(written))) return void input.once('drain', writeMore);
      }
    };
    writeMore();
    await wait(1500);
    // Bounded: a few hundred answers' worth at most, not the whole flood.
    expect(handled).toBeLessThan(400);
    expect(out.writableLength).toBeLessThan(24 * 1024 * 1024);
    expect(out.listenerCount('drain')).toBeLessThanOrEqual(2);
    // Once the reader wakes up, everything is answered.
    release();
    const drain = setInterval(release, 5);
    for (let i = 0; i < 200 && handled < total; i += 1) await wait(50);
    clearInterval(drain);
    expect(handled).toBe(total);
    await transport.close();
  }, 30_000);
});

describe('stdio queue hygiene (issue 16 item 12)', () => {
  const ping = (id: number) => `${JSON.stringify({ jsonrpc: '2.0', id, method: 'ping' })}\n`;
  const cancel = (id: number) =>
    `${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: id } })}\n`;

  it('drops a queued request when its cancellation arrives, and answers the rest', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const transport = new JsonLinesTransport(input, output);
    const seen: number[] = [];
    transport.onmessage = (m) => {
      if ('id' in m && 'method' in m) {
        seen.push(m.id as number);
        void transport.send({ jsonrpc: '2.0', id: m.id, result: {} });
      }
    };
    await transport.start();
    let lines = '';
    for (let i = 1; i <= 200; i += 1) lines += ping(i);
    for (let i = 1; i <= 200; i += 2) lines += cancel(i);
    input.write(lines);
    await transport.whenIdle();
    await wait(50);
    // The first request may already be handed on when the cancellations are read; the rest are dropped.
    expect(seen.filter((id) => id % 2 === 1).length).toBeLessThanOrEqual(1);
    expect(seen.filter((id) => id % 2 === 0)).toHaveLength(100);
    await transport.close();
  });

  it('refuses a second initialize in the same session', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const transport = new JsonLinesTransport(input, output);
    const got: string[] = [];
    output.setEncoding('utf8').on('data', (c: string) => got.push(c));
    let handed = 0;
    transport.onmessage = (m) => {
      handed += 1;
      void transport.send({ jsonrpc: '2.0', id: (m as { id: number }).id, result: { protocolVersion: 'x' } });
    };
    await transport.start();
    const init = (id: number) =>
      `${JSON.stringify({ jsonrpc: '2.0', id, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } })}\n`;
    input.write(init(1));
    await wait(50);
    input.write(init(2));
    await wait(50);
    expect(handed).toBe(1);
    const second = got
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id?: number; error?: { code: number } });
    expect(second.find((m) => m.id === 2)?.error?.code).toBe(-32600);
    await transport.close();
  });
});
