/**
 * Issue 16 item 12 (HTTP): /healthz skipped the Host check, so a DNS-rebinding page could read pid,
 * memory, version and checksum; aborted requests were logged as 200 with 0 bytes; the access log's
 * `rpc` field grew with the batch.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { describeRpc } from '../../../src/transports/http/log.js';
import { MCP_HEADERS, rawRequest, startTiny, type Started } from '../../http/helpers.js';

let server: Started | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('HTTP minor defects', () => {
  it('answers /healthz for a foreign Host with the status only', async () => {
    server = await startTiny();
    const foreign = await rawRequest(`${server.url}/healthz`, {
      method: 'GET',
      headers: { Host: 'attacker.example:3000' },
    });
    expect(foreign.status).toBe(200);
    expect(JSON.parse(foreign.text)).toEqual({ status: 'ok' });
    const local = await rawRequest(`${server.url}/healthz`, { method: 'GET' });
    expect(JSON.parse(local.text)).toHaveProperty('pid');
  });

  it('logs a request the client abandoned as aborted, not as a plain 200', async () => {
    server = await startTiny();
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'sleep', arguments: { ms: 1000 } },
    });
    const req = request(`${server.mcpUrl}`, {
      method: 'POST',
      headers: { ...MCP_HEADERS, 'mcp-protocol-version': '2025-06-18' },
      agent: false,
    });
    req.on('error', () => undefined);
    req.end(body);
    await delay(300);
    req.destroy();
    await delay(1_500);
    const lines = server.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'http');
    const entry = lines.find((l) => l.path === '/mcp');
    expect(entry).toBeDefined();
    // The SSE head (200) was sent; the answer was not: the line must say so.
    expect(entry?.aborted).toBe(true);
  });

  it('keeps the access log rpc field short for a batch', () => {
    const batch = Array.from({ length: 500 }, (_, i) => ({
      jsonrpc: '2.0',
      id: i,
      method: `tools/call-${'x'.repeat(60)}`,
    }));
    const { rpc } = describeRpc(batch);
    expect(rpc!.length).toBeLessThan(400);
    expect(rpc).toMatch(/\+495 more$/);
  });
});
