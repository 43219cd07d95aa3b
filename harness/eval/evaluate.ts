/**
 * Retrieval evaluation shared by `npm run bench:quality`, the real-corpus test and the general
 * benchmark: load the relevance set, rank with any engine, compute Recall@k and MRR@10.
 *
 * Recall@k here is the share of queries with at least one relevant doc in the top k ("did the
 * reader get something useful on the first screen"), the usual reading for 1-3 judged docs per query.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface EvalQuery {
  id: string;
  kind: string;
  query: string;
  /** Relevant doc paths, most relevant first. */
  relevant: string[];
}

export interface Metrics {
  n: number;
  recallAt1: number;
  recallAt5: number;
  mrrAt10: number;
}

export interface EvalReport {
  overall: Metrics;
  byKind: Record<string, Metrics>;
  /** Per query: rank (1-based) of the first relevant doc, or null when not in the top 10. */
  ranks: Record<string, number | null>;
}

export const DEFAULT_EVAL_FILE = fileURLToPath(new URL('../../test/eval/queries.json', import.meta.url));

export function loadEvalSet(file = DEFAULT_EVAL_FILE): EvalQuery[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { queries?: EvalQuery[] } | EvalQuery[];
  const queries = Array.isArray(data) ? data : (data.queries ?? []);
  for (const q of queries) {
    if (!q.id || !q.query || !Array.isArray(q.relevant) || q.relevant.length === 0) {
      throw new Error(
        `Eval set ${file}: query ${JSON.stringify(q)} needs id, query and a non-empty relevant list`,
      );
    }
  }
  return queries;
}

/** 1-based rank of the first relevant path within the first `depth` results, else null. */
export function firstRelevantRank(
  ranked: readonly string[],
  relevant: readonly string[],
  depth = 10,
): number | null {
  const want = new Set(relevant.map(normalizePath));
  for (let i = 0; i < Math.min(depth, ranked.length); i++)
    if (want.has(normalizePath(ranked[i]))) return i + 1;
  return null;
}

/** `sso/index`, `/sso/` and `sso.mdx` all mean doc `sso`. */
export function normalizePath(path: string): string {
  return path
    .trim()
    .replace(/\.mdx?$/, '')
    .replace(/^\/+|\/+$/g, '')
    .replace(/(^|\/)index$/, '')
    .replace(/\/+$/, '');
}

function metricsOf(ranks: (number | null)[]): Metrics {
  const n = ranks.length;
  if (n === 0) return { n: 0, recallAt1: 0, recallAt5: 0, mrrAt10: 0 };
  const at = (k: number): number => ranks.filter((r) => r !== null && r <= k).length / n;
  const mrr = ranks.reduce<number>((s, r) => s + (r !== null && r <= 10 ? 1 / r : 0), 0) / n;
  return { n, recallAt1: at(1), recallAt5: at(5), mrrAt10: mrr };
}

/** Scores a ranking (query id -> ranked doc paths) against the set. */
export function evaluate(
  queries: readonly EvalQuery[],
  rankings: ReadonlyMap<string, readonly string[]>,
): EvalReport {
  const ranks: Record<string, number | null> = {};
  const byKindRanks = new Map<string, (number | null)[]>();
  for (const q of queries) {
    const r = firstRelevantRank(rankings.get(q.id) ?? [], q.relevant);
    ranks[q.id] = r;
    const list = byKindRanks.get(q.kind) ?? [];
    list.push(r);
    byKindRanks.set(q.kind, list);
  }
  const byKind: Record<string, Metrics> = {};
  for (const [kind, list] of [...byKindRanks.entries()].sort()) byKind[kind] = metricsOf(list);
  return { overall: metricsOf(Object.values(ranks)), byKind, ranks };
}

/**
 * Runs a synchronous engine over the set, timing each query in ms: wall clock (performance.now)
 * and CPU time of this process (process.cpuUsage), which a busy shared machine inflates less.
 */
export function runEngine(
  queries: readonly EvalQuery[],
  search: (query: string) => readonly string[],
): { rankings: Map<string, readonly string[]>; latencies: number[]; cpu: number[] } {
  const rankings = new Map<string, readonly string[]>();
  const latencies: number[] = [];
  const cpu: number[] = [];
  for (const q of queries) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const paths = search(q.query);
    latencies.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    rankings.set(q.id, paths);
  }
  return { rankings, latencies, cpu };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}
