/**
 * Leak check for the stateless design (a new McpServer + transport per request): serves the real
 * server in this process and reads the heap after a forced GC between rounds of calls. RSS alone
 * cannot tell a leak from V8 keeping a grown heap; live heap after GC can. Needs `node --expose-gc`.
 */
import { loadRuntime } from '../../src/lifecycle/load-runtime.js';
import { createServer } from '../../src/server/create-server.js';
import { resolveHttpOptions } from '../../src/transports/http/options.js';
import { startHttpServer } from '../../src/transports/http/server.js';
import { drive } from './load.js';
import { buildCalls } from './workload.js';

export interface HeapCheck {
  callsPerRound: number;
  /** Live heap after GC: after warm-up, then after each round. */
  heapMiB: number[];
  failures: number;
  failureSamples: string[];
}

export async function heapCheck(
  docPaths: string[],
  rounds = 4,
  callsPerRound = 2000,
): Promise<HeapCheck | undefined> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  const runtime = await loadRuntime();
  const server = await startHttpServer(resolveHttpOptions({ port: 0, accessLog: false }), {
    createServer: () => createServer(runtime, { log: { stderr: () => undefined } }),
    log: () => undefined,
  });
  const url = new URL(`${server.url}/mcp`);
  const heap = (): number => {
    gc();
    return Math.round((process.memoryUsage().heapUsed / 1024 / 1024) * 10) / 10;
  };
  try {
    const warm = await drive(url, buildCalls(500, docPaths), 20, 1_000_000);
    let failures = warm.failures;
    const samples = [...warm.failureSamples];
    const heapMiB = [heap()];
    for (let r = 0; r < rounds; r += 1) {
      const round = await drive(url, buildCalls(callsPerRound, docPaths), 20, r * callsPerRound);
      failures += round.failures;
      samples.push(...round.failureSamples);
      heapMiB.push(heap());
    }
    return { callsPerRound, heapMiB, failures, failureSamples: samples.slice(0, 5) };
  } finally {
    await server.close();
  }
}
