/**
 * `npm run bench:quality [-- --corpus FILE --queries FILE --no-baseline --misses --json]`
 *
 * Ranks the relevance set with our search and with the old package's `workos_search` (spawned over
 * stdio) in the same run, and prints Recall@1, Recall@5, MRR@10 overall and per kind, plus
 * in-process latency p50/p95 and index load time.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { loadBundle } from '../src/corpus/bundle.js';
import { resolveCorpusFile } from '../src/lifecycle/corpus-location.js';
import { createSearcher } from '../src/search/index.js';
import { runOldServer } from '../harness/eval/baseline.js';
import {
  type EvalReport,
  type Metrics,
  evaluate,
  loadEvalSet,
  percentile,
  runEngine,
} from '../harness/eval/evaluate.js';

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string' },
    queries: { type: 'string' },
    'no-baseline': { type: 'boolean', default: false },
    misses: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});

const REPEATS = 5;
const fmt = (x: number): string => x.toFixed(3);
const ms = (x: number): string => `${x.toFixed(2)} ms`;

function table(ours: EvalReport, old: EvalReport | undefined): string {
  const rows: [string, Metrics, Metrics | undefined][] = [['overall', ours.overall, old?.overall]];
  for (const [kind, m] of Object.entries(ours.byKind)) rows.push([kind, m, old?.byKind[kind]]);
  const head = ['kind', 'n', 'R@1', 'R@5', 'MRR@10', ...(old ? ['old R@1', 'old R@5', 'old MRR@10'] : [])];
  const lines = rows.map(([k, m, o]) => [
    k,
    String(m.n),
    fmt(m.recallAt1),
    fmt(m.recallAt5),
    fmt(m.mrrAt10),
    ...(o ? [fmt(o.recallAt1), fmt(o.recallAt5), fmt(o.mrrAt10)] : []),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const render = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [render(head), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render)].join('\n');
}

async function main(): Promise<void> {
  const queries = loadEvalSet(args.queries);
  const corpusFile = resolveCorpusFile({ corpusFile: args.corpus });

  const t0 = performance.now();
  const bundle = await loadBundle(corpusFile);
  const bundleMs = performance.now() - t0;
  const searcher = createSearcher(bundle.corpus, bundle.searchIndex);
  const rebuilt = createSearcher(bundle.corpus);

  const search = (q: string): string[] => searcher.search(q, { limit: 10 }).results.map((r) => r.path);
  runEngine(queries, search); // warm-up: JIT and lazy caches, as in a running server
  // Each query's latency is the median of REPEATS runs, so one scheduler hiccup on a shared
  // machine does not pose as search cost; the percentiles are then taken over queries.
  const runs = Array.from({ length: REPEATS }, () => runEngine(queries, search));
  const ours = {
    rankings: runs[0].rankings,
    latencies: queries.map((_, i) =>
      percentile(
        runs.map((r) => r.latencies[i]),
        50,
      ),
    ),
    cpu: queries.map((_, i) =>
      percentile(
        runs.map((r) => r.cpu[i]),
        50,
      ),
    ),
  };
  const oursReport = evaluate(queries, ours.rankings);

  let old: Awaited<ReturnType<typeof runOldServer>> | undefined;
  let oldReport: EvalReport | undefined;
  if (!args['no-baseline']) {
    old = await runOldServer(queries);
    oldReport = evaluate(queries, old.rankings);
  }

  const summary = {
    corpus: corpusFile,
    queries: queries.length,
    ours: oursReport,
    old: oldReport,
    latency: {
      oursP50: percentile(ours.latencies, 50),
      oursP95: percentile(ours.latencies, 95),
      oursCpuP50: percentile(ours.cpu, 50),
      oursCpuP95: percentile(ours.cpu, 95),
      oldP50: old ? percentile(old.latencies, 50) : undefined,
      oldP95: old ? percentile(old.latencies, 95) : undefined,
    },
    load: {
      bundleParseMs: bundleMs,
      indexLoadMs: searcher.stats.loadMs,
      indexSource: searcher.stats.source,
      indexReason: searcher.stats.reason,
      indexRebuildMs: rebuilt.stats.loadMs,
      units: searcher.stats.units,
    },
  };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  const out: string[] = [];
  out.push(
    `Relevance set: ${queries.length} queries; corpus ${corpusFile} (${bundle.corpus.docs.length} docs, ${searcher.stats.units} sections)`,
  );
  out.push('');
  out.push(table(oursReport, oldReport));
  out.push('');
  out.push(
    `Latency over the set, in-process (ours, warm, median of ${REPEATS} runs per query): p50 ${ms(summary.latency.oursP50)}, p95 ${ms(summary.latency.oursP95)} (CPU time p50 ${ms(summary.latency.oursCpuP50)}, p95 ${ms(summary.latency.oursCpuP95)}; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs)`,
  );
  if (old)
    out.push(
      `Latency, old workos_search over stdio:        p50 ${ms(summary.latency.oldP50 ?? NaN)}, p95 ${ms(summary.latency.oldP95 ?? NaN)} (${old.errors} "no results" errors)`,
    );
  out.push(
    `Index load: ${ms(searcher.stats.loadMs)} from the prebuilt index (${searcher.stats.source}${searcher.stats.reason ? `: ${searcher.stats.reason}` : ''}); rebuilding instead takes ${ms(rebuilt.stats.loadMs)}; bundle read+verify+parse ${ms(bundleMs)}`,
  );
  if (args.misses) {
    out.push('', 'Queries without a relevant doc in the top 5 (ours):');
    for (const q of queries) {
      const r = oursReport.ranks[q.id];
      if (r === null || r > 5)
        out.push(
          `  ${q.id} [${q.kind}] "${q.query}" rank=${r ?? '-'} want ${q.relevant.join(', ')}; got ${(ours.rankings.get(q.id) ?? []).slice(0, 5).join(', ')}`,
        );
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:quality: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
