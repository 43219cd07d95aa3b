import { afterEach, describe, expect, it } from 'vitest';
import { MCP_HEADERS, parseMcpBody, rawRequest, sleepCall } from './helpers.js';
import { spawnServer, type ServerProcess } from '../../harness/process.js';

const FIXTURE = ['--import', 'tsx', 'test/http/fixtures/tiny-serve.ts'];
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

let proc: ServerProcess | undefined;
afterEach(() => {
  if (proc && proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGKILL');
  proc = undefined;
});

describe('graceful shutdown (real process)', () => {
  it('finishes the in-flight request after SIGTERM, refuses new connections, and exits 0', async () => {
    proc = spawnServer(process.execPath, [...FIXTURE, '1']);
    const listening = await proc.waitFor((l) => l.msg === 'listening');
    const url = String(listening.url);

    const inFlight = rawRequest(url, { headers: MCP_HEADERS, body: sleepCall(1500) });
    await delay(300); // let the request reach the server
    proc.child.kill('SIGTERM');
    await proc.waitFor((l) => l.msg === 'shutting down');
    const health = await rawRequest(url.replace(/\/mcp$/, '/healthz'), { method: 'GET' });
    expect(health.status).toBe(503); // draining: balancers stop sending work
    await proc.waitFor((l) => l.msg === 'stopped accepting connections');

    await expect(rawRequest(url, { headers: MCP_HEADERS, body: sleepCall(0, 2) })).rejects.toThrow(
      /ECONNREFUSED|ECONNRESET/,
    );
    const res = await inFlight;
    expect(res.status).toBe(200);
    const [msg] = parseMcpBody(String(res.headers['content-type']), res.text) as [
      { result: { content: { text: string }[] } },
    ];
    expect(msg.result.content[0].text).toBe('slept 1500');

    const exit = await proc.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(proc.lines.find((l) => l.msg === 'stopped')).toMatchObject({ clean: true });
  });

  it('gives up on a request past the shutdown deadline and exits 1', async () => {
    proc = spawnServer(process.execPath, [...FIXTURE, '1', '500']);
    const url = String((await proc.waitFor((l) => l.msg === 'listening')).url);
    const stuck = rawRequest(url, { headers: MCP_HEADERS, body: sleepCall(5000) }).catch(() => 'cut');
    await delay(300);
    const started = Date.now();
    proc.child.kill('SIGTERM');
    const exit = await proc.exited;
    expect(exit.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await stuck).not.toMatchObject({ status: 200 });
  });
});

describe('--workers (node:cluster)', () => {
  it('serves from several workers, replaces a crashed one, and stops cleanly on SIGTERM', async () => {
    proc = spawnServer(process.execPath, [...FIXTURE, '2']);
    await proc.waitFor((l) => l.msg === 'cluster ready');
    const url = String((await proc.waitFor((l) => l.msg === 'listening')).url);

    const pids = new Set<number>();
    for (let i = 0; i < 20 && pids.size < 2; i += 1) {
      const health = await rawRequest(url.replace(/\/mcp$/, '/healthz'), {
        method: 'GET',
        headers: { Connection: 'close' },
      });
      pids.add(JSON.parse(health.text).pid as number);
    }
    expect(pids.size).toBe(2);

    const victim = [...pids][0];
    process.kill(victim, 'SIGKILL');
    await proc.waitFor((l) => String(l.msg).startsWith('worker exited'));
    await proc.waitFor((l) => l.msg === 'listening' && l.pid !== victim && !pids.has(l.pid as number));
    const after = await rawRequest(url, { headers: MCP_HEADERS, body: sleepCall(0) });
    expect(after.status).toBe(200);

    proc.child.kill('SIGTERM');
    const exit = await proc.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(proc.lines.find((l) => l.msg === 'cluster stopped')).toMatchObject({ clean: true });
  });

  it('drains gracefully on Ctrl+C, which signals the primary and every worker at once', async () => {
    proc = spawnServer(process.execPath, [...FIXTURE, '2'], {}, { detached: true });
    await proc.waitFor((l) => l.msg === 'cluster ready');
    const url = String((await proc.waitFor((l) => l.msg === 'listening')).url);
    const inFlight = rawRequest(url, { headers: MCP_HEADERS, body: sleepCall(1000) });
    await delay(300);
    process.kill(-(proc.child.pid ?? 0), 'SIGINT');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.text).toContain('slept 1000');
    expect(await proc.exited).toEqual({ code: 0, signal: null });
    expect(proc.lines.some((l) => String(l.msg).startsWith('second signal'))).toBe(false);
  });
});
