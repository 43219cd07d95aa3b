/**
 * The long run: both servers up side by side, each call sent to one then the other (alternating who
 * goes first), so latency, answer size, quality and memory come from identical work in the same minutes.
 */
import { parseOldResults } from '../../harness/eval/baseline.js';
import { normalizePath } from '../../harness/eval/evaluate.js';
import {
  callTool,
  listTools,
  rssBytes,
  startServer,
  type CallOutcome,
  type Running,
  type ServerSpec,
} from './servers.js';
import type { Call, CallKind } from './workload.js';
import { COLD_QUERY } from './cold-start.js';

export interface PairSideResult {
  pid: number;
  toolsListBytes: number;
  toolNames: string[];
  rssStartBytes: number | null;
  rssAfterBytes: number | null;
  calls: number;
  /** Latency (ms) of `measure` calls by kind. */
  latency: Record<CallKind, number[]>;
  /** Text characters of the first answer to each distinct measured input, by kind. */
  textChars: Record<CallKind, number[]>;
  /** Whole-result JSON bytes (text + structuredContent), same calls as textChars. */
  resultBytes: Record<CallKind, number[]>;
  /** Query id -> ranked doc paths, from the depth-10 quality pass. */
  rankings: Map<string, string[]>;
  errors: Record<CallKind, number>;
  /** Text characters of default-argument search answers that listed at least one doc, and how many listed none. */
  searchWithResultsChars: number[];
  /** Docs listed by each of those answers. */
  searchListed: number[];
  searchEmpty: number;
  /** ping round trips (ms): the transport and SDK floor under every tool call. */
  ping: number[];
  /** A few error texts, to tell "no results" from breakage. */
  errorSamples: string[];
}

const PINGS = 50;
const KINDS: CallKind[] = ['search', 'search@10', 'docs', 'examples', 'changelogs'];
const byKind = <T>(make: () => T): Record<CallKind, T> =>
  Object.fromEntries(KINDS.map((k) => [k, make()])) as Record<CallKind, T>;

const TOOL: Record<CallKind, string> = {
  search: 'workos_search',
  'search@10': 'workos_search',
  docs: 'workos_docs',
  examples: 'workos_examples',
  changelogs: 'workos_changelogs',
};

function argsFor(spec: ServerSpec, call: Call): Record<string, unknown> {
  switch (call.kind) {
    case 'search':
      return spec.searchArgs(call.input);
    case 'search@10':
      return spec.searchArgs(call.input, 10);
    case 'docs':
      return spec.docArgs(call.input);
    case 'examples':
      return spec.examplesArgs(call.input);
    case 'changelogs':
      return spec.changelogArgs();
  }
}

/** Ranked doc paths out of a search answer: our structured results, or the old Markdown headings. */
export function rankedPaths(spec: ServerSpec, out: CallOutcome): string[] {
  if (out.protocolError) return [];
  if (spec.id === 'ours') {
    const results = (out.structured?.results ?? []) as { path?: string }[];
    return results.map((r) => normalizePath(String(r.path ?? '')));
  }
  return parseOldResults(out.text);
}

function newSide(server: Running): PairSideResult {
  return {
    pid: server.pid,
    toolsListBytes: 0,
    toolNames: [],
    rssStartBytes: null,
    rssAfterBytes: null,
    calls: 0,
    latency: byKind(() => []),
    textChars: byKind(() => []),
    resultBytes: byKind(() => []),
    rankings: new Map(),
    errors: byKind(() => 0),
    errorSamples: [],
    searchWithResultsChars: [],
    searchListed: [],
    searchEmpty: 0,
    ping: [],
  };
}

export async function runPair(
  specs: readonly ServerSpec[],
  calls: readonly Call[],
  progress: (m: string) => void,
): Promise<Map<string, PairSideResult>> {
  const servers: Running[] = [];
  try {
    for (const spec of specs) servers.push(await startServer(spec));
    const results = new Map<string, PairSideResult>(servers.map((s) => [s.spec.id, newSide(s)]));
    // "After start-up" means ready to serve: handshake, tools/list and a first search answered.
    for (const s of servers) {
      const side = results.get(s.spec.id)!;
      const list = await listTools(s);
      side.toolsListBytes = Buffer.byteLength(JSON.stringify(list));
      side.toolNames = list.tools.map((t) => t.name);
      await callTool(s, 'workos_search', s.spec.searchArgs(COLD_QUERY));
      side.calls += 1;
    }
    await new Promise((r) => setTimeout(r, 200));
    for (const s of servers) results.get(s.spec.id)!.rssStartBytes = rssBytes(s.pid);

    for (let i = 0; i < PINGS; i++) {
      for (const s of i % 2 === 0 ? servers : [...servers].reverse()) {
        const t0 = performance.now();
        await s.client.ping();
        results.get(s.spec.id)!.ping.push(performance.now() - t0);
      }
    }

    const seen = new Map<string, Set<string>>(servers.map((s) => [s.spec.id, new Set()]));
    for (let i = 0; i < calls.length; i++) {
      const call = calls[i];
      const order = i % 2 === 0 ? servers : [...servers].reverse();
      for (const s of order) {
        const side = results.get(s.spec.id)!;
        const out = await callTool(s, TOOL[call.kind], argsFor(s.spec, call));
        side.calls += 1;
        if (out.isError) {
          side.errors[call.kind] += 1;
          if (side.errorSamples.length < 5)
            side.errorSamples.push(
              `${call.kind} "${call.input}": ${out.text.slice(0, 160).replace(/\s+/g, ' ')}`,
            );
        }
        if (call.phase === 'fill') continue;
        if (call.phase === 'quality' && call.queryId)
          side.rankings.set(call.queryId, rankedPaths(s.spec, out));
        side.latency[call.kind].push(out.ms);
        const key = `${call.kind}\u0000${call.input}`;
        const first = seen.get(s.spec.id)!;
        if (!first.has(key)) {
          first.add(key);
          if (call.kind === 'search') {
            const listed = rankedPaths(s.spec, out).length;
            if (listed > 0) {
              side.searchWithResultsChars.push(out.text.length);
              side.searchListed.push(listed);
            } else side.searchEmpty += 1;
          }
          side.textChars[call.kind].push(out.text.length);
          side.resultBytes[call.kind].push(out.resultBytes);
        }
      }
      if ((i + 1) % 100 === 0) progress(`mixed calls ${i + 1}/${calls.length}`);
    }
    await new Promise((r) => setTimeout(r, 200));
    for (const s of servers) results.get(s.spec.id)!.rssAfterBytes = rssBytes(s.pid);
    return results;
  } finally {
    for (const s of servers) await s.close().catch(() => undefined);
  }
}
