/**
 * Item 2's cost check: the same 2,000 tool calls from 20 keep-alive clients against `--threads 0`
 * (tools on the HTTP thread) and `--threads 1` (relayed to a tool thread). CPU time per call of the
 * whole server process is the figure that the shared machine's load disturbs least; wall-clock
 * throughput and RSS are reported beside it.
 */
import { Agent } from 'node:http';
import { readFileSync } from 'node:fs';
import { post, startHttp } from './server.js';

const QUERIES = ['sso saml', 'create organization', 'directory sync webhooks', 'magic auth', 'list users'];

const body = (i: number) =>
  JSON.stringify({
    jsonrpc: '2.0',
    id: i,
    method: 'tools/call',
    params: {
      name: i % 2 ? 'workos_search' : 'workos_examples',
      arguments: { query: QUERIES[i % QUERIES.length] },
    },
  });

/** utime + stime of a process, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 1024);
}

async function one(bin: string, threads: number, calls: number) {
  const server = await startHttp(bin, ['--threads', String(threads)]);
  const pid = server.child.pid!;
  try {
    const drive = async (n: number) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          const agent = new Agent({ keepAlive: true, maxSockets: 1 });
          while (next < n) {
            const a = await post(`${server.url}/mcp`, body(next++), { agent });
            if (a.status !== 200) throw new Error(`status ${a.status} ${a.error ?? ''}`);
          }
          agent.destroy();
        }),
      );
    };
    await drive(300); // warm-up: JIT and the first full collections
    const cpu0 = cpuMs(pid);
    const t0 = performance.now();
    await drive(calls);
    const wallMs = performance.now() - t0;
    return {
      threads,
      calls,
      callsPerS: Math.round((calls / wallMs) * 1000),
      cpuMsPerCall: Number(((cpuMs(pid) - cpu0) / calls).toFixed(2)),
      rssMiB: rssMiB(pid),
    };
  } finally {
    server.child.kill('SIGKILL');
    await server.exited;
  }
}

export async function httpCpu(bin: string, calls = 2_000) {
  // Alternated, so a change in the machine's load hits both modes alike.
  const runs = [];
  for (const threads of [0, 1, 0, 1]) runs.push(await one(bin, threads, calls));
  return runs;
}
