import { describe, expect, it } from 'vitest';
import { INIT_BODY, MCP_HEADERS, parseMcpBody, rawRequest, useTiny } from './helpers.js';

const TOKEN = 'test-token-0123456789abcdef';

describe('HTTP mode without a token', () => {
  const s = useTiny({ maxBodyBytes: 4096 });

  it('answers initialize on POST /mcp without a session id (stateless)', async () => {
    const res = await rawRequest(s.mcpUrl, { headers: MCP_HEADERS, body: INIT_BODY });
    expect(res.status).toBe(200);
    expect(res.headers['mcp-session-id']).toBeUndefined();
    const [msg] = parseMcpBody(String(res.headers['content-type']), res.text) as [
      { result: { serverInfo: { name: string } } },
    ];
    expect(msg.result.serverInfo.name).toBe('tiny');
  });

  it('refuses a foreign Host with 403 (DNS rebinding)', async () => {
    const res = await rawRequest(s.mcpUrl, {
      headers: { ...MCP_HEADERS, Host: `evil.example.com:${s.port}` },
      body: INIT_BODY,
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.text)).toMatchObject({ jsonrpc: '2.0', error: { code: -32000 }, id: null });
  });

  it('refuses a foreign Origin with 403 and accepts a local one', async () => {
    const bad = await rawRequest(s.mcpUrl, {
      headers: { ...MCP_HEADERS, Origin: 'https://evil.example.com' },
      body: INIT_BODY,
    });
    expect(bad.status).toBe(403);
    expect(bad.text).toContain('Origin');
    const good = await rawRequest(s.mcpUrl, {
      headers: { ...MCP_HEADERS, Origin: `http://localhost:${s.port}` },
      body: INIT_BODY,
    });
    expect(good.status).toBe(200);
    // CORS is off by default: no Access-Control headers even for an accepted origin.
    expect(good.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses an oversize body with 413 (declared and streamed)', async () => {
    const big = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'ping',
      params: { pad: 'x'.repeat(10_000) },
    });
    const declared = await rawRequest(s.mcpUrl, { headers: MCP_HEADERS, body: big });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text).error.message).toContain('4096');
    const chunked = await rawRequest(s.mcpUrl, {
      headers: { ...MCP_HEADERS, 'Transfer-Encoding': 'chunked' },
      body: big,
    });
    expect(chunked.status).toBe(413);
  });

  it('answers malformed JSON with a JSON-RPC parse error (-32700)', async () => {
    const res = await rawRequest(s.mcpUrl, {
      headers: MCP_HEADERS,
      body: '{"jsonrpc": "2.0", "id": 1, "method": ',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({
      jsonrpc: '2.0',
      error: { code: -32700, message: expect.stringMatching(/Parse error/) },
      id: null,
    });
  });

  it('answers valid JSON that is not JSON-RPC with an error, not a crash', async () => {
    const res = await rawRequest(s.mcpUrl, { headers: MCP_HEADERS, body: '{"hello": "world"}' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error.code).toBe(-32700);
    expect(res.text).not.toMatch(/at .*\.js:\d+/);
  });

  it('answers a non-JSON content type with 415', async () => {
    const res = await rawRequest(s.mcpUrl, {
      headers: { ...MCP_HEADERS, 'Content-Type': 'text/plain' },
      body: INIT_BODY,
    });
    expect(res.status).toBe(415);
  });

  it('answers GET and DELETE /mcp with 405 and Allow: POST', async () => {
    for (const method of ['GET', 'DELETE']) {
      const res = await rawRequest(s.mcpUrl, { method, headers: { Accept: 'text/event-stream' } });
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('POST');
    }
  });

  it('serves /healthz with liveness and the corpus facts', async () => {
    const res = await rawRequest(`${s.url}/healthz`, { method: 'GET' });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text);
    expect(body).toMatchObject({ status: 'ok', pid: process.pid, corpus: { docs: 3, formatVersion: 1 } });
    expect(body.rssBytes).toBeGreaterThan(0);
  });

  it('answers unknown paths with 404', async () => {
    const res = await rawRequest(`${s.url}/nope`, { method: 'GET' });
    expect(res.status).toBe(404);
  });

  it('writes one JSON access-log line per request with the RPC method', async () => {
    const before = s.logs.length;
    await rawRequest(s.mcpUrl, {
      headers: MCP_HEADERS,
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 7,
        method: 'tools/call',
        params: { name: 'echo', arguments: { text: 'hi' } },
      }),
    });
    // The line is written when the response closes, which may be just after the client has read it.
    const httpLine = () =>
      s.logs
        .slice(before)
        .map((l) => JSON.parse(l))
        .find((l) => l.msg === 'http');
    for (let i = 0; i < 100 && !httpLine(); i++) await new Promise((r) => setTimeout(r, 20));
    const line = httpLine();
    expect(line).toMatchObject({
      method: 'POST',
      path: '/mcp',
      status: 200,
      rpc: 'tools/call',
      target: 'echo',
    });
    expect(line.ms).toBeGreaterThanOrEqual(0);
    expect(line.bytes).toBeGreaterThan(0);
  });
});

describe('HTTP mode with a bearer token', () => {
  const s = useTiny({ token: TOKEN });

  it('refuses a missing token with 401 and a Bearer challenge', async () => {
    const res = await rawRequest(s.mcpUrl, { headers: MCP_HEADERS, body: INIT_BODY });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
  });

  it('refuses a wrong token with 401', async () => {
    const res = await rawRequest(s.mcpUrl, {
      headers: { ...MCP_HEADERS, Authorization: `Bearer ${TOKEN}x` },
      body: INIT_BODY,
    });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toContain('invalid_token');
  });

  it('accepts the right token', async () => {
    const res = await rawRequest(s.mcpUrl, {
      headers: { ...MCP_HEADERS, Authorization: `Bearer ${TOKEN}` },
      body: INIT_BODY,
    });
    expect(res.status).toBe(200);
  });

  it('keeps /healthz open for load-balancer probes', async () => {
    const res = await rawRequest(`${s.url}/healthz`, { method: 'GET' });
    expect(res.status).toBe(200);
  });
});

describe('HTTP mode with CORS and a timeout', () => {
  const s = useTiny({ corsOrigins: ['https://app.example.com'], requestTimeoutMs: 300 });

  it('answers a preflight from a listed origin with CORS headers', async () => {
    const res = await rawRequest(s.mcpUrl, {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(String(res.headers['access-control-allow-headers'])).toContain('Mcp-Protocol-Version');
  });

  it('still refuses origins that are not listed', async () => {
    const res = await rawRequest(s.mcpUrl, {
      headers: { ...MCP_HEADERS, Origin: 'https://other.example.com' },
      body: INIT_BODY,
    });
    expect(res.status).toBe(403);
  });

  it('ends a request that outlives the per-request timeout', async () => {
    const started = Date.now();
    const res = await rawRequest(s.mcpUrl, {
      headers: { ...MCP_HEADERS, 'Mcp-Protocol-Version': '2025-11-25' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'sleep', arguments: { ms: 5000 } },
      }),
    }).catch((err: unknown) => ({ status: -1, headers: {}, text: String(err) }));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.text).not.toContain('slept');
  });
});

describe('HTTP mode with --json-response', () => {
  const s = useTiny({ jsonResponse: true });

  it('answers with application/json instead of an SSE stream', async () => {
    const res = await rawRequest(s.mcpUrl, { headers: MCP_HEADERS, body: INIT_BODY });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.text).result.serverInfo.name).toBe('tiny');
  });
});
