/** Test doubles for the HTTP transport: a tiny MCP server factory and a server started on a free port. */
import { request } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { startHttpServer, type RunningHttpServer } from '../../src/transports/http/server.js';
import { resolveHttpOptions, type HttpOptions } from '../../src/transports/http/options.js';

/** A minimal server with the capability surface the transport must carry (tools, resources, prompts, logging). */
export function tinyServer(): McpServer {
  const server = new McpServer({ name: 'tiny', version: '0.0.1' }, { capabilities: { logging: {} } });
  server.registerTool(
    'echo',
    { description: 'Echo text back', inputSchema: { text: z.string() } },
    async ({ text }) => ({ content: [{ type: 'text', text: `echo: ${text}` }] }),
  );
  server.registerTool(
    'sleep',
    { description: 'Answer after ms milliseconds', inputSchema: { ms: z.number().int().min(0).max(10_000) } },
    async ({ ms }) => {
      await new Promise((r) => setTimeout(r, ms));
      return { content: [{ type: 'text', text: `slept ${ms}` }] };
    },
  );
  server.registerResource('readme', 'tiny://readme', { mimeType: 'text/markdown' }, async (uri) => ({
    contents: [{ uri: uri.href, text: '# tiny' }],
  }));
  server.registerPrompt('hello', { description: 'Say hello' }, () => ({
    messages: [{ role: 'user', content: { type: 'text', text: 'hello' } }],
  }));
  return server;
}

export interface Started extends RunningHttpServer {
  mcpUrl: string;
  logs: string[];
}

export async function startTiny(overrides: Partial<HttpOptions> = {}): Promise<Started> {
  const logs: string[] = [];
  const options = resolveHttpOptions({ port: 0, ...overrides });
  const running = await startHttpServer(options, {
    createServer: tinyServer,
    health: () => ({ corpus: { formatVersion: 1, builtAt: '2026-01-01T00:00:00.000Z', docs: 3 } }),
    log: (line) => logs.push(line),
  });
  return { ...running, mcpUrl: `${running.url}/mcp`, logs };
}

/**
 * A tiny server started before the enclosing describe block's tests and closed after them; the
 * returned object is filled in by the time the first test runs.
 */
export function useTiny(overrides: Partial<HttpOptions> = {}): Started {
  const started = {} as Started;
  beforeAll(async () => {
    Object.assign(started, await startTiny(overrides));
  });
  afterAll(() => started.close());
  return started;
}

export const MCP_HEADERS = {
  'Content-Type': 'application/json',
  Accept: 'application/json, text/event-stream',
} as const;

/** The JSON-RPC message(s) of an SSE or JSON answer. */
export function parseMcpBody(contentType: string | null, text: string): unknown[] {
  if (contentType?.includes('text/event-stream')) {
    return text
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => JSON.parse(l.slice(6)) as unknown);
  }
  return [JSON.parse(text) as unknown];
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** node:http rather than fetch: fetch will not let a test forge the Host header. */
export function rawRequest(
  url: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    newConnection?: boolean;
  } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const agent = init.newConnection ? false : undefined;
    const req = request(url, { method: init.method ?? 'POST', headers: init.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

export const INIT_BODY = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'test', version: '1' } },
});

/** A `tools/call` of the fixture servers' `sleep` tool, which answers after `ms`. */
export function sleepCall(ms: number, id = 1): string {
  return JSON.stringify({
    jsonrpc: '2.0',
    id,
    method: 'tools/call',
    params: { name: 'sleep', arguments: { ms } },
  });
}
