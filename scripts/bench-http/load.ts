/** The load generator: raw JSON-RPC POSTs over keep-alive node:http connections, and what it measures. */
import { Agent, request } from 'node:http';
import { readFileSync } from 'node:fs';
import type { Call } from './workload.js';

const HEADERS = {
  'Content-Type': 'application/json',
  Accept: 'application/json, text/event-stream',
  'Mcp-Protocol-Version': '2025-11-25',
};

interface RpcAnswer {
  status: number;
  message?: { result?: { isError?: boolean; tools?: { name: string }[] }; error?: { message: string } };
}

export function post(agent: Agent, url: URL, body: object): Promise<RpcAnswer> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request(
      url,
      { method: 'POST', agent, headers: { ...HEADERS, 'Content-Length': Buffer.byteLength(payload) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode === 202) return resolve({ status: 202 });
          try {
            const json = res.headers['content-type']?.includes('text/event-stream')
              ? text
                  .split('\n')
                  .filter((l) => l.startsWith('data: '))
                  .map((l) => JSON.parse(l.slice(6)))
                  .find((m: { id?: unknown }) => m.id !== undefined)
              : JSON.parse(text);
            resolve({ status: res.statusCode ?? 0, message: json });
          } catch {
            resolve({ status: res.statusCode ?? 0 });
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Resident memory of the server: the process plus its direct children (the cluster workers). */
export function treeRssBytes(pid: number): number {
  const rss = (p: number): number => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : 0;
    } catch {
      return 0;
    }
  };
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    /* not Linux: only the main process is counted */
  }
  return rss(pid) + children.reduce((sum, c) => sum + rss(c), 0);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface PhaseStats {
  calls: number;
  failures: number;
  failureSamples: string[];
  seconds: number;
  latenciesMs: number[];
  byTool: Record<string, number[]>;
}

export async function drive(
  url: URL,
  calls: Call[],
  concurrency: number,
  startId: number,
): Promise<PhaseStats> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const stats: PhaseStats = {
    calls: calls.length,
    failures: 0,
    failureSamples: [],
    seconds: 0,
    latenciesMs: [],
    byTool: {},
  };
  let next = 0;
  const started = performance.now();
  const client = async (n: number): Promise<void> => {
    const init = await post(agent, url, {
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: {
        protocolVersion: '2025-11-25',
        capabilities: {},
        clientInfo: { name: `bench-${n}`, version: '1' },
      },
    });
    if (init.status !== 200) throw new Error(`initialize failed with HTTP ${init.status}`);
    await post(agent, url, { jsonrpc: '2.0', method: 'notifications/initialized' });
    while (next < calls.length) {
      const i = next++;
      const call = calls[i];
      const t0 = performance.now();
      let ok = false;
      let why = '';
      try {
        const a = await post(agent, url, {
          jsonrpc: '2.0',
          id: startId + i,
          method: 'tools/call',
          params: { name: call.tool, arguments: call.arguments },
        });
        ok = a.status === 200 && a.message?.result !== undefined && a.message.result.isError !== true;
        if (!ok) why = `HTTP ${a.status} ${JSON.stringify(a.message ?? {}).slice(0, 200)}`;
      } catch (err) {
        why = String(err);
      }
      const ms = performance.now() - t0;
      stats.latenciesMs.push(ms);
      (stats.byTool[call.tool] ??= []).push(ms);
      if (!ok) {
        stats.failures += 1;
        if (stats.failureSamples.length < 5)
          stats.failureSamples.push(`${call.tool} ${JSON.stringify(call.arguments)}: ${why}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, n) => client(n)));
  stats.seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return stats;
}
