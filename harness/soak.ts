/**
 * Soak: many mixed MCP calls in one process through a real SDK Client and an in-memory transport
 * against createServer over the real corpus. Every answer must be well formed; RSS and heap are
 * sampled so growth shows up. `npm run soak` (scripts/soak.ts) runs 100,000 calls;
 * test/reliability/soak.test.ts runs a short variant in CI.
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { loadRuntime } from '../src/lifecycle/load-runtime.js';
import type { Runtime } from '../src/core/runtime.js';
import { createServer } from '../src/server/create-server.js';

export interface SoakOptions {
  calls: number;
  concurrency?: number;
  seed?: number;
  /** Calls run before the start measurement, so caches and JIT are warm. */
  warmup?: number;
  runtime?: Runtime;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface SoakResult {
  calls: number;
  failures: number;
  /** First few failures, for the report. */
  failureSamples: string[];
  expectedErrors: number;
  byKind: Record<string, number>;
  durationMs: number;
  callsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  rssMiB: { start: number; end: number; peak: number };
  heapMiB: { start: number; end: number; peak: number };
  /** Live heap (after GC) at each tenth of the run. */
  heapCheckpointsMiB: number[];
}

/** What a call must come back as: a normal answer, an isError answer, or either. */
type Expect = 'ok' | 'error' | 'any';
interface Call {
  kind: string;
  method: string;
  params: Record<string, unknown>;
  expect: Expect;
}

/** mulberry32: a tiny seeded PRNG so a failing soak can be replayed with --seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const QUERIES = [
  'sso',
  'SSO with Okta SAML',
  'directory sync',
  'how do I create an organization',
  'webhooks signature verification',
  'audit logs export',
  'magic auth',
  'authkit nextjs',
  'refresh token',
  'roles and permissions',
  'admin portal link',
  'list users',
  'SCIM',
  'domain verification',
  'session cookie',
  'getAuthorizationUrl',
  'rate limits',
  'events api',
  'mfa totp',
  'vault encrypt',
  'feature flags',
  'fga check',
  'x',
  'zzzzqqq',
];
const LANGUAGES = ['node', 'python', 'ruby', 'go', 'java', 'php', 'dotnet', 'curl', 'js', 'cobol'];
const FRAMEWORKS = ['nextjs', 'react', 'remix', 'express', 'django', 'sveltekit'];
const BAD_PATHS = [
  '../../../README',
  '%2e%2e/%2e%2e/package.json',
  '/etc/passwd',
  'no/such/page',
  'file:///etc/passwd',
  'sso\0x',
];

/** The call mix: mostly well-formed calls a model makes, with some bad ones mixed in. */
export function callGenerator(runtime: Runtime, seed: number): () => Call {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const docs = runtime.corpus.docs;
  const tool = (kind: string, name: string, args: Record<string, unknown>, expect: Expect): Call => ({
    kind,
    method: 'tools/call',
    params: { name, arguments: args },
    expect,
  });
  return () => {
    const r = rand();
    if (r < 0.35)
      return tool(
        'search',
        'workos_search',
        { query: pick(QUERIES), ...(rand() < 0.3 ? { limit: 1 + Math.floor(rand() * 20) } : {}) },
        'ok',
      );
    if (r < 0.55) {
      const doc = pick(docs);
      const section =
        rand() < 0.3 && doc.sections.length > 1 ? pick(doc.sections).anchor || undefined : undefined;
      return tool(
        'docs',
        'workos_docs',
        {
          path: doc.path,
          ...(section ? { section } : {}),
          ...(rand() < 0.2 ? { maxTokens: 1000 + Math.floor(rand() * 5000) } : {}),
        },
        'ok',
      );
    }
    if (r < 0.62)
      return tool(
        'docs-language',
        'workos_docs',
        { path: pick(docs).path, language: pick(LANGUAGES) },
        'any',
      );
    if (r < 0.75)
      return tool(
        'examples',
        'workos_examples',
        rand() < 0.2
          ? {}
          : {
              query: pick(QUERIES),
              ...(rand() < 0.5 ? { language: pick(LANGUAGES) } : {}),
              ...(rand() < 0.2 ? { framework: pick(FRAMEWORKS) } : {}),
            },
        'any',
      );
    if (r < 0.83)
      return tool(
        'changelogs',
        'workos_changelogs',
        rand() < 0.5
          ? {}
          : {
              since: `202${Math.floor(rand() * 6)}-0${1 + Math.floor(rand() * 9)}-01`,
              ...(rand() < 0.3 ? { query: pick(QUERIES) } : {}),
            },
        'ok',
      );
    if (r < 0.88) return tool('bad-path', 'workos_docs', { path: pick(BAD_PATHS) }, 'error');
    if (r < 0.91)
      return tool(
        'bad-args',
        pick(['workos_search', 'workos_docs', 'workos_examples']),
        { query: 5, path: ['x'], limit: 'many' },
        'error',
      );
    if (r < 0.94)
      return {
        kind: 'resource',
        method: 'resources/read',
        params: { uri: `workos-docs://docs/${pick(docs).path}` },
        expect: 'ok',
      };
    if (r < 0.96)
      return {
        kind: 'prompt',
        method: 'prompts/get',
        params: { name: 'setup-sso', arguments: { provider: pick(['okta-saml', 'entra-id-saml', 'nope']) } },
        expect: 'ok',
      };
    if (r < 0.98) return { kind: 'list', method: 'tools/list', params: {}, expect: 'ok' };
    return tool('toc', 'workos_docs', {}, 'ok');
  };
}

const AnyResult = z.object({}).passthrough();

/** Why an answer is a failure ('' when it is fine). */
function judge(call: Call, outcome: { result?: Record<string, unknown>; error?: unknown }): string {
  if (outcome.error !== undefined) {
    const code = outcome.error instanceof McpError ? outcome.error.code : undefined;
    // Only malformed arguments may come back as a protocol error.
    if (call.expect !== 'ok' && code === -32602) return '';
    return `${call.kind}: ${code ?? ''} ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}`.slice(
      0,
      300,
    );
  }
  const result = outcome.result ?? {};
  if (call.method !== 'tools/call') return Object.keys(result).length > 0 ? '' : `${call.kind}: empty result`;
  const content = (result as Partial<CallToolResult>).content;
  if (!Array.isArray(content) || content.length === 0) return `${call.kind}: no content`;
  const text = content.map((c) => (c.type === 'text' ? c.text : '')).join('');
  if (text.trim() === '') return `${call.kind}: empty text`;
  if (/failed unexpectedly/.test(text)) return `${call.kind}: ${text.slice(0, 200)}`;
  const isError = result.isError === true;
  if (call.expect === 'ok' && isError)
    return `${call.kind}: unexpected isError: ${text.slice(0, 200)} (${JSON.stringify(call.params).slice(0, 200)})`;
  if (call.expect === 'error' && !isError)
    return `${call.kind}: expected isError for ${JSON.stringify(call.params).slice(0, 200)}`;
  return '';
}

/** A gc() even without --expose-gc, so heap numbers are live data rather than garbage. */
function gcFunction(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const MiB = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const runtime = options.runtime ?? (await loadRuntime());
  const server = createServer(runtime, { log: { stderr: () => undefined } });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'soak', version: '0.0.0' });
  await server.connect(serverTransport);
  await client.connect(clientTransport);
  const next = callGenerator(runtime, options.seed ?? 1);
  const concurrency = options.concurrency ?? 8;
  const gc = gcFunction();

  const one = async (): Promise<{ call: Call; failure: string; ms: number }> => {
    const call = next();
    const started = performance.now();
    let outcome: { result?: Record<string, unknown>; error?: unknown };
    try {
      outcome = {
        result: await client.request({ method: call.method, params: call.params } as never, AnyResult, {
          timeout: 30_000,
        }),
      };
    } catch (error) {
      outcome = { error };
    }
    return { call, failure: judge(call, outcome), ms: performance.now() - started };
  };

  for (let i = 0; i < (options.warmup ?? 300); i++) await one();
  gc();
  const rssStart = process.memoryUsage().rss;
  const heapStart = process.memoryUsage().heapUsed;
  let rssPeak = rssStart;
  let heapPeak = heapStart;

  const latencies = new Float64Array(options.calls);
  const byKind: Record<string, number> = {};
  const failureSamples: string[] = [];
  const heapCheckpoints: number[] = [];
  let failures = 0;
  let expectedErrors = 0;
  let done = 0;
  let issued = 0;
  const started = performance.now();
  const sampleEvery = Math.max(100, Math.floor(options.calls / 200));
  const progressEvery = Math.max(1000, Math.floor(options.calls / 10));

  const worker = async () => {
    while (issued < options.calls) {
      issued++;
      const { call, failure, ms } = await one();
      latencies[done] = ms;
      done++;
      byKind[call.kind] = (byKind[call.kind] ?? 0) + 1;
      if (call.expect === 'error') expectedErrors++;
      if (failure) {
        failures++;
        if (failureSamples.length < 10) failureSamples.push(failure);
      }
      if (done % sampleEvery === 0) {
        const m = process.memoryUsage();
        rssPeak = Math.max(rssPeak, m.rss);
        heapPeak = Math.max(heapPeak, m.heapUsed);
      }
      if (done % progressEvery === 0) {
        // Live heap after GC at each tenth: a leak climbs steadily, bounded caches level off.
        gc();
        heapCheckpoints.push(MiB(process.memoryUsage().heapUsed));
        options.log?.(
          `soak: ${done.toLocaleString('en-US')} calls, ${failures} failures, rss ${MiB(process.memoryUsage().rss)} MiB, live heap ${heapCheckpoints.at(-1)} MiB`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const durationMs = performance.now() - started;
  gc();
  const end = process.memoryUsage();
  await client.close();
  await server.close();

  const sorted = Array.from(latencies.subarray(0, done)).sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] * 10) / 10;
  return {
    calls: done,
    failures,
    failureSamples,
    expectedErrors,
    byKind,
    durationMs: Math.round(durationMs),
    callsPerSecond: Math.round((done / durationMs) * 1000),
    p50Ms: pct(0.5),
    p99Ms: pct(0.99),
    maxMs: Math.round(sorted[sorted.length - 1] * 10) / 10,
    rssMiB: { start: MiB(rssStart), end: MiB(end.rss), peak: MiB(Math.max(rssPeak, end.rss)) },
    heapMiB: { start: MiB(heapStart), end: MiB(end.heapUsed), peak: MiB(Math.max(heapPeak, end.heapUsed)) },
    heapCheckpointsMiB: heapCheckpoints,
  };
}

export function formatSoak(r: SoakResult): string {
  return [
    `soak: ${r.calls.toLocaleString('en-US')} calls, ${r.failures} failures (${r.expectedErrors.toLocaleString('en-US')} deliberate bad calls answered as errors)`,
    `  duration ${(r.durationMs / 1000).toFixed(1)} s, ${r.callsPerSecond} calls/s, latency p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, max ${r.maxMs} ms`,
    `  RSS MiB   start ${r.rssMiB.start}, end ${r.rssMiB.end}, peak ${r.rssMiB.peak}`,
    `  heap MiB  start ${r.heapMiB.start}, end ${r.heapMiB.end}, peak ${r.heapMiB.peak} (after GC at start and end)`,
    `  live heap after GC at each tenth (MiB): ${r.heapCheckpointsMiB.join(', ')}`,
    `  mix: ${Object.entries(r.byKind)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
    ...r.failureSamples.map((f) => `  FAIL ${f}`),
  ].join('\n');
}
