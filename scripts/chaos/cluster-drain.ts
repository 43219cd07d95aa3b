/**
 * Items 3-5 scenarios against the built binary over HTTP:
 * - worker-kill: `--workers 2` under load from keep-alive clients; SIGKILL a worker several times and
 *   count requests lost (error) and hung (no answer and no close within 15 s) per kill.
 * - sigterm: one process under steady keep-alive load (SSE answers); SIGTERM; count requests reset,
 *   refused, answered 503 and hung, and say how the drain ended (exit code, time).
 * The clients behave as real ones should: they reconnect when an answer says `Connection: close`,
 * wait out a 503's Retry-After, and back off (100 ms doubling to 2 s) while connections are refused.
 */
import { Agent } from 'node:http';
import { post, sleep, startHttp } from './server.js';

const call = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/call',
  params: { name: 'workos_search', arguments: { query: 'sso saml', limit: 2 } },
});

interface Tally {
  ok: number;
  /** Errors other than refused connections: a reset or a hang-up loses a request that was sent. */
  errors: Record<string, number>;
  /** Connection refused: nothing was sent, so a client can retry it anywhere. */
  refused: number;
  /** Answered 503 (busy or draining), to be retried after Retry-After. */
  status503: number;
  hung: number;
}

const newTally = (): Tally => ({ ok: 0, errors: {}, refused: 0, status503: 0, hung: 0 });

function load(url: string, clients: number, stop: () => boolean, tally: Tally): Promise<void>[] {
  return Array.from({ length: clients }, async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    let backoff = 100;
    while (!stop()) {
      const a = await post(`${url}/mcp`, call, { agent, timeoutMs: 15_000 });
      if (a.error === 'ECONNREFUSED') {
        tally.refused += 1;
        await sleep(backoff);
        backoff = Math.min(2_000, backoff * 2);
        continue;
      }
      backoff = 100;
      if (a.status === 200) tally.ok += 1;
      else if (a.error === 'HUNG') tally.hung += 1;
      else if (a.status === 503) {
        tally.status503 += 1;
        await sleep(1_000 * (Number(a.headers['retry-after']) || 1));
      } else {
        const key = a.error ?? `status ${a.status}`;
        tally.errors[key] = (tally.errors[key] ?? 0) + 1;
      }
    }
    agent.destroy();
  });
}

export async function workerKill(bin: string, kills = 5) {
  const server = await startHttp(bin, ['--workers', '2']);
  const tally = newTally();
  let stop = false;
  const clients = load(server.url, 8, () => stop, tally);
  await sleep(1_000);
  for (let i = 0; i < kills; i += 1) {
    const workers = server.log.filter((l) => l.msg === 'listening').map((l) => l.pid as number);
    const alive = workers.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    if (alive.length > 0) process.kill(alive[alive.length - 1], 'SIGKILL');
    await sleep(3_000);
  }
  stop = true;
  await Promise.all(clients);
  server.child.kill('SIGTERM');
  const exit = await server.exited;
  return { kills, ...tally, exit };
}

export async function sigterm(bin: string, extra: string[] = []) {
  const server = await startHttp(bin, extra);
  const tally = newTally();
  let stop = false;
  const clients = load(server.url, 10, () => stop, tally);
  await sleep(3_000);
  const t = performance.now();
  server.child.kill('SIGTERM');
  const exit = await server.exited;
  const drainMs = Math.round(performance.now() - t);
  stop = true;
  await Promise.all(clients);
  return { mode: extra.includes('--json-response') ? 'json' : 'sse', ...tally, drainMs, exit };
}
