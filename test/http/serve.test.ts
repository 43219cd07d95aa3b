/**
 * `workos-docs-mcp serve --http` end to end: the built binary, the real corpus, the SDK Client.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ensureBuilt } from '../fixtures/built.js';
import { parseByteSize, parseWorkers } from '../../src/cli/commands/serve.js';
import { MCP_HEADERS, parseMcpBody, rawRequest } from './helpers.js';
import { spawnServer, type ServerProcess } from '../../harness/process.js';

const TOKEN = 'e2e-token-0123456789abcdef';
const run = promisify(execFile);

async function mcpRequestsSeen(healthUrl: string): Promise<number> {
  const res = await rawRequest(healthUrl, { method: 'GET', newConnection: true });
  return Number((JSON.parse(res.text) as { mcpRequests?: number }).mcpRequests);
}

function textOf(result: unknown): string {
  return (result as CallToolResult).content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

describe('serve --http (built binary, real corpus)', () => {
  let bin: string;
  let proc: ServerProcess;
  let url: string;
  beforeAll(async () => {
    bin = ensureBuilt();
    proc = spawnServer(process.execPath, [bin, 'serve', '--http', '--port', '0'], {
      WORKOS_DOCS_MCP_TOKEN: TOKEN,
    });
    url = String((await proc.waitFor((l) => l.msg === 'listening')).url);
  });
  afterAll(() => {
    if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
  });

  it('reports the corpus on /healthz', async () => {
    const res = await rawRequest(url.replace(/\/mcp$/, '/healthz'), { method: 'GET' });
    const body = JSON.parse(res.text);
    expect(res.status).toBe(200);
    expect(body.corpus.docs).toBeGreaterThan(500);
    expect(Date.parse(body.corpus.builtAt)).not.toBeNaN();
    expect(body.corpus.formatVersion).toBeGreaterThan(0);
  });

  it('requires the token from WORKOS_DOCS_MCP_TOKEN', async () => {
    const res = await rawRequest(url, {
      headers: MCP_HEADERS,
      body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
    });
    expect(res.status).toBe(401);
  });

  it('answers real tool calls through the SDK Client', async () => {
    const client = new Client({ name: 'e2e', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(url), {
        requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } },
      }),
    );
    try {
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).toEqual(
        expect.arrayContaining(['workos_search', 'workos_docs', 'workos_examples', 'workos_changelogs']),
      );
      const search = await client.callTool({ name: 'workos_search', arguments: { query: 'SSO with Okta' } });
      expect(search.isError).toBeFalsy();
      expect(textOf(search)).toMatch(/okta/i);
      const doc = await client.callTool({ name: 'workos_docs', arguments: { path: 'sso/jit-provisioning' } });
      expect(doc.isError).toBeFalsy();
      expect(textOf(doc)).toMatch(/provisioning/i);
      expect((await client.listResources()).resources.length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
  });

  it('finishes requests in flight when SIGTERM arrives, then exits 0', async () => {
    const headers = { ...MCP_HEADERS, Authorization: `Bearer ${TOKEN}` };
    const healthUrl = url.replace(/\/mcp$/, '/healthz');
    const before = await mcpRequestsSeen(healthUrl);
    expect(before).toBeGreaterThanOrEqual(0);
    // New connections: a request sent on a kept-alive connection at the very moment the server closes it
    // is the classic keep-alive race (clients retry those); this test is about requests already on their way.
    const calls = Array.from({ length: 10 }, (_, i) =>
      rawRequest(url, {
        newConnection: true,
        headers,
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: i,
          method: 'tools/call',
          params: { name: 'workos_search', arguments: { query: `directory sync webhooks ${i}` } },
        }),
      }),
    );
    // SIGTERM once the server has every request's head (a request that arrives after it is told to retry
    // elsewhere with a 503, by design): on a slow machine a fixed sleep raced the connections.
    const deadline = Date.now() + 10_000;
    while ((await mcpRequestsSeen(healthUrl)) < before + calls.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 2));
    }
    proc.child.kill('SIGTERM');
    const settled = await Promise.allSettled(calls);
    const log = proc.lines.map((l) => JSON.stringify(l)).join('\n');
    for (const s of settled) {
      expect(s.status, `${s.status === 'rejected' ? String(s.reason) : ''}\nserver log:\n${log}`).toBe(
        'fulfilled',
      );
      const a = (s as PromiseFulfilledResult<Awaited<(typeof calls)[number]>>).value;
      expect(a.status).toBe(200);
      const [msg] = parseMcpBody(String(a.headers['content-type']), a.text) as [{ result?: unknown }];
      expect(msg.result).toBeDefined();
    }
    expect(await proc.exited).toEqual({ code: 0, signal: null });
  });
});

describe('serve option parsing', () => {
  it('reads sizes with units', () => {
    expect(parseByteSize('1mb')).toBe(1024 * 1024);
    expect(parseByteSize('512kb')).toBe(512 * 1024);
    expect(parseByteSize('2048')).toBe(2048);
    expect(() => parseByteSize('lots')).toThrow(/--max-body/);
  });

  it('reads worker counts', () => {
    expect(parseWorkers(undefined)).toBe(1);
    expect(parseWorkers('3')).toBe(3);
    expect(parseWorkers('auto')).toBeGreaterThanOrEqual(1);
    expect(() => parseWorkers('0')).toThrow(/--workers/);
    expect(() => parseWorkers('two')).toThrow(/--workers/);
  });

  it('refuses HTTP flags without --http and a public bind without --allowed-hosts, with a clear message', async () => {
    const bin = ensureBuilt();
    const stray = await run(process.execPath, [bin, 'serve', '--port', '4000']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(stray).toMatchObject({ code: 1 });
    expect((stray as { stderr: string }).stderr).toMatch(/--port only works with --http/);
    const open = await run(process.execPath, [bin, 'serve', '--http', '--host', '0.0.0.0']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(open).toMatchObject({ code: 1 });
    expect((open as { stderr: string }).stderr).toMatch(/--allowed-hosts/);
    expect((open as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  });
});
