/**
 * Issue 16 item 2: one POST must not freeze an HTTP worker. A batch of calls whose handlers each block
 * the event loop (as a hostile search does) used to run back to back: /healthz sent meanwhile waited
 * for the whole batch (17.8 s in the report). Now batch items are handed on one per event-loop turn,
 * a batch has a size limit, and items past the per-request budget are answered with an error.
 * (The per-query cost caps are tested in query-limits.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_MESSAGES } from '../../../src/transports/http/paced.js';
import { MCP_HEADERS, parseMcpBody, rawRequest } from '../../http/helpers.js';
import { spawnServer, type ServerProcess } from '../../../harness/process.js';

// A separate process: in-process, a blocked server would also block the test's own clock and probes.
const FIXTURE = ['--import', 'tsx', 'test/reliability/abuse/fixtures/spin-serve.ts'];
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const p of servers) p.child.kill('SIGKILL');
  await Promise.all(servers.map((p) => p.exited));
});

async function start(jsonResponse: boolean): Promise<string> {
  const proc = spawnServer(process.execPath, FIXTURE, {
    SPIN_HTTP_OPTIONS: JSON.stringify({ jsonResponse, accessLog: false }),
  });
  servers.push(proc);
  const listening = await proc.waitFor((l) => l.msg === 'listening');
  return String(listening.url).replace(/\/mcp$/, '');
}

const urls: Record<'sse' | 'json', string> = { sse: '', json: '' };
beforeAll(async () => {
  [urls.sse, urls.json] = await Promise.all([start(false), start(true)]);
});

const calls = (n: number, ms: number) =>
  JSON.stringify(
    Array.from({ length: n }, (_, i) => ({
      jsonrpc: '2.0',
      id: i + 1,
      method: 'tools/call',
      params: { name: 'spin', arguments: { ms } },
    })),
  );
const headers = { ...MCP_HEADERS, 'mcp-protocol-version': '2025-06-18' };

describe('bounded work per HTTP request', () => {
  for (const jsonResponse of [false, true]) {
    it(`/healthz answers between the items of a blocking batch (${jsonResponse ? 'JSON' : 'SSE'})`, async () => {
      const url = jsonResponse ? urls.json : urls.sse;
      let batchDone = false;
      const batch = rawRequest(`${url}/mcp`, { headers, body: calls(16, 250), newConnection: true }).then(
        (answer) => {
          batchDone = true;
          return answer;
        },
      );
      await new Promise((r) => setTimeout(r, 100));
      // Probes answered while the batch is still running: before, the first probe waited for the whole
      // batch (16 x 250 ms), so at most one finished and only as the batch did. Counted by order of
      // events, not by a latency bound, so a loaded machine slows it down without failing it.
      let answeredDuring = 0;
      for (let i = 0; i < 5 && !batchDone; i += 1) {
        const health = await rawRequest(`${url}/healthz`, { method: 'GET', newConnection: true });
        expect(health.status).toBe(200);
        if (!batchDone) answeredDuring += 1;
        await new Promise((r) => setTimeout(r, 150));
      }
      const answer = await batch;
      expect(answer.status).toBe(200);
      const messages = parseMcpBody(String(answer.headers['content-type']), answer.text) as { id: number }[];
      expect(
        messages
          .flat()
          .map((m) => m.id)
          .sort((a, b) => a - b),
      ).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      expect(answeredDuring).toBeGreaterThanOrEqual(3);
    });
  }

  it('refuses a batch larger than the limit with -32600 before running any of it', async () => {
    const url = urls.json;
    const answer = await rawRequest(`${url}/mcp`, { headers, body: calls(MAX_BATCH_MESSAGES + 1, 1) });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: -32600 } });
    expect(answer.text).toMatch(new RegExp(`at most ${MAX_BATCH_MESSAGES}`));
  });

  it('answers batch items past the per-request budget with an error instead of running them', async () => {
    const url = urls.json;
    // 20 × 400 ms is past the 5 s budget: the tail is refused, each with its own id.
    const answer = await rawRequest(`${url}/mcp`, { headers, body: calls(MAX_BATCH_MESSAGES, 400) });
    const messages = (
      JSON.parse(answer.text) as { id: number; error?: { code: number; message: string } }[]
    ).flat();
    expect(messages).toHaveLength(MAX_BATCH_MESSAGES);
    const refused = messages.filter((m) => m.error);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0].error?.message).toMatch(/budget/);
    expect(messages.length - refused.length).toBeLessThanOrEqual(14);
  }, 20_000);
});
