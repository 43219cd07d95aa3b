/**
 * Load test of the hosted HTTP mode: `npm run bench:http` (after `npm run build`).
 * Starts `dist/bin.js serve --http` with 1 then 2 workers and drives it with C concurrent clients
 * making N mixed tool calls (search / docs / examples / changelogs) as raw JSON-RPC POSTs over
 * keep-alive node:http connections (lighter than the SDK Client, so the client eats less of the
 * shared CPU). Each client initializes once, like a real MCP client. Any non-200 answer, JSON-RPC
 * error or isError result counts as a failure. Prints a table; writes bench/results/http.json.
 *   node --expose-gc --import tsx scripts/bench-http.ts [--calls 20000] [--concurrency 50] [--workers 1,2] [--access-log] [--json-response] [--threads N]
 */
import { Agent } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../src/corpus/bundle.js';
import { spawnServer, type ServerProcess } from '../harness/process.js';
import { drive, percentile, post, treeRssBytes } from './bench-http/load.js';
import { buildCalls } from './bench-http/workload.js';
import { heapCheck } from './bench-http/heap-check.js';

interface Args {
  calls: number;
  concurrency: number;
  workers: number[];
  accessLog: boolean;
  jsonResponse: boolean;
  /** Tool threads per worker (`serve --threads`); undefined: the server's default. */
  threads?: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    calls: 20_000,
    concurrency: 50,
    workers: [1, 2],
    accessLog: false,
    jsonResponse: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--calls') args.calls = Number(argv[++i]);
    else if (a === '--concurrency') args.concurrency = Number(argv[++i]);
    else if (a === '--workers') args.workers = argv[++i].split(',').map(Number);
    else if (a === '--access-log') args.accessLog = true;
    else if (a === '--json-response') args.jsonResponse = true;
    else if (a === '--threads') args.threads = Number(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

async function healthz(url: URL): Promise<Record<string, unknown>> {
  const res = await fetch(new URL('/healthz', url));
  return (await res.json()) as Record<string, unknown>;
}

async function runOne(workers: number, args: Args, docPaths: string[]) {
  const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
  const flags = ['serve', '--http', '--port', '0', '--workers', String(workers)];
  if (!args.accessLog) flags.push('--no-access-log');
  if (args.jsonResponse) flags.push('--json-response');
  if (args.threads !== undefined) flags.push('--threads', String(args.threads));
  const server: ServerProcess = spawnServer(process.execPath, [bin, ...flags]);
  try {
    const ready = workers > 1 ? server.waitFor((l) => l.msg === 'cluster ready') : Promise.resolve();
    const listening = await server.waitFor((l) => l.msg === 'listening');
    await ready;
    const url = new URL(String(listening.url));
    const pid = server.child.pid ?? 0;
    const health = await healthz(url);
    const rssIdle = treeRssBytes(pid);

    const agent = new Agent({ keepAlive: true });
    const list = await post(agent, url, { jsonrpc: '2.0', id: 1, method: 'tools/list' });
    agent.destroy();
    const names = new Set(list.message?.result?.tools?.map((t) => t.name) ?? []);
    for (const t of ['workos_search', 'workos_docs', 'workos_examples', 'workos_changelogs']) {
      if (!names.has(t)) throw new Error(`server has no ${t} tool (tools: ${[...names].join(', ')})`);
    }

    // Warm-up (not measured): JIT, lazy caches, and every worker's first requests.
    await drive(url, buildCalls(500, docPaths), args.concurrency, 1_000_000);
    const rssWarm = treeRssBytes(pid);
    const calls = buildCalls(args.calls, docPaths);
    const half = Math.floor(calls.length / 2);
    const first = await drive(url, calls.slice(0, half), args.concurrency, 0);
    const rssHalf = treeRssBytes(pid);
    const second = await drive(url, calls.slice(half), args.concurrency, half);
    const rssEnd = treeRssBytes(pid);

    const all = [...first.latenciesMs, ...second.latenciesMs].sort((a, b) => a - b);
    const seconds = first.seconds + second.seconds;
    const byTool: Record<string, { calls: number; p50: number; p95: number; p99: number }> = {};
    for (const tool of Object.keys({ ...first.byTool, ...second.byTool })) {
      const l = [...(first.byTool[tool] ?? []), ...(second.byTool[tool] ?? [])].sort((a, b) => a - b);
      byTool[tool] = {
        calls: l.length,
        p50: round(percentile(l, 50)),
        p95: round(percentile(l, 95)),
        p99: round(percentile(l, 99)),
      };
    }
    return {
      workers,
      calls: all.length,
      concurrency: args.concurrency,
      failures: first.failures + second.failures,
      failureSamples: [...first.failureSamples, ...second.failureSamples],
      seconds: round(seconds),
      throughputPerSecond: round(all.length / seconds),
      latencyMs: {
        p50: round(percentile(all, 50)),
        p95: round(percentile(all, 95)),
        p99: round(percentile(all, 99)),
        max: round(all[all.length - 1]),
      },
      byTool,
      rssMiB: {
        idle: mib(rssIdle),
        afterWarmup: mib(rssWarm),
        afterHalf: mib(rssHalf),
        afterAll: mib(rssEnd),
      },
      corpus: health.corpus,
    };
  } finally {
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    if (exit.code !== 0) process.stderr.write(`server exited with ${JSON.stringify(exit)}\n`);
  }
}

const round = (n: number): number => Math.round(n * 100) / 100;
const mib = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  // Through the real loader: the corpus file is not one JSON document (see src/corpus/bundle.ts).
  const { corpus } = loadBundle(fileURLToPath(new URL('../data/corpus.json', import.meta.url)));
  const docPaths = corpus.docs.map((d) => d.path);
  if (docPaths.length === 0) throw new Error('data/corpus.json has no docs; run `npm run build` first');

  const results = [];
  for (const w of args.workers) {
    process.stderr.write(
      `bench: ${args.calls} calls, ${args.concurrency} concurrent clients, ${w} worker(s)...\n`,
    );
    results.push(await runOne(w, args, docPaths));
  }
  const header = [
    'workers',
    'calls',
    'fail',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'RSS idle',
    'RSS warm',
    'RSS 50%',
    'RSS 100%',
  ];
  const rows = results.map((r) =>
    [
      r.workers,
      r.calls,
      r.failures,
      r.throughputPerSecond,
      r.latencyMs.p50,
      r.latencyMs.p95,
      r.latencyMs.p99,
      r.latencyMs.max,
      `${r.rssMiB.idle} MiB`,
      `${r.rssMiB.afterWarmup} MiB`,
      `${r.rssMiB.afterHalf} MiB`,
      `${r.rssMiB.afterAll} MiB`,
    ].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  process.stdout.write(`${line(header)}\n${rows.map(line).join('\n')}\n`);
  for (const r of results) {
    process.stdout.write(`\n${r.workers} worker(s), per tool (p50/p95/p99 ms):\n`);
    for (const [tool, s] of Object.entries(r.byTool))
      process.stdout.write(
        `  ${tool.padEnd(18)} ${String(s.calls).padStart(6)}  ${s.p50} / ${s.p95} / ${s.p99}\n`,
      );
    for (const f of r.failureSamples) process.stdout.write(`  failure: ${f}\n`);
  }
  process.stderr.write('bench: in-process heap check (live heap after GC between rounds)...\n');
  const heap = await heapCheck(docPaths);
  process.stdout.write(
    heap
      ? `\nlive heap after GC, every ${heap.callsPerRound} calls (MiB): ${heap.heapMiB.join(' -> ')}` +
          ` (${heap.failures} failures)\n`
      : '\nheap check skipped: run with node --expose-gc\n',
  );
  for (const f of heap?.failureSamples ?? []) process.stdout.write(`  failure: ${f}\n`);
  const out = fileURLToPath(new URL('../bench/results/http.json', import.meta.url));
  mkdirSync(fileURLToPath(new URL('../bench/results/', import.meta.url)), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cpus: cpus().length,
        client: 'raw JSON-RPC POSTs over keep-alive node:http',
        accessLog: args.accessLog,
        jsonResponse: args.jsonResponse,
        results,
        heapCheck: heap,
      },
      null,
      2,
    )}\n`,
  );
  process.stdout.write(`\nwrote ${out}\n`);
  return results.every((r) => r.failures === 0) && (heap?.failures ?? 0) === 0 ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`bench-http: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
