/**
 * Items 3-5 scenarios against the built binary over HTTP:
 * - worker-kill: `--workers 2` under load from keep-alive clients; SIGKILL a worker several times and
 *   count requests lost (error) and hung (no answer and no close within 15 s) per kill.
 * - sigterm: one process under steady keep-alive load (SSE answers); SIGTERM; count requests reset
 *   on a kept-alive connection, and say how the drain ended (exit code, time).
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
  errors: Record<string, number>;
  hung: number;
}

function load(url: string, clients: number, stop: () => boolean, tally: Tally): Promise<void>[] {
  return Array.from({ length: clients }, async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    while (!stop()) {
      const a = await post(`${url}/mcp`, call, { agent, timeoutMs: 15_000 });
      if (a.status === 200) tally.ok += 1;
      else if (a.error === 'HUNG') tally.hung += 1;
      else {
        const key = a.error ?? `status ${a.status}`;
        tally.errors[key] = (tally.errors[key] ?? 0) + 1;
        if (a.error === 'ECONNREFUSED') await sleep(50);
      }
    }
    agent.destroy();
  });
}

export async function workerKill(bin: string, kills = 5) {
  const server = await startHttp(bin, ['--workers', '2']);
  const tally: Tally = { ok: 0, errors: {}, hung: 0 };
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
  const tally: Tally = { ok: 0, errors: {}, hung: 0 };
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
