/**
 * The rows of the one comparison table, from the measurements of a run. Every row pairs our value with
 * the old package's; a target is attached where an issue sets one (as a bound on ours/old): issue 14
 * for start-up, search latency and memory, issue 6 for the rest.
 */
import type { EvalReport } from '../../harness/eval/evaluate.js';
import type { BuildTiming, DataSize } from './build-time.js';
import type { ColdStartSamples } from './cold-start.js';
import type { Row } from './report.js';
import type { PairSideResult } from './run-pair.js';
import { mean, median, type Summary } from './stats.js';

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const MiB = (b: number | null): number | null => (b === null ? null : b / 1024 / 1024);

type Latencies = Record<'search' | 'docs' | 'examples' | 'changelogs', Summary>;

export interface RowInput {
  rounds: number;
  /** Cold-start samples, ours and old. */
  co: ColdStartSamples;
  ct: ColdStartSamples;
  /** Long-run results, ours and old. */
  o: PairSideResult;
  t: PairSideResult;
  lat: { ours: Latencies; old: Latencies };
  oursQuality: EvalReport;
  oldQuality: EvalReport;
  oursBundle: DataSize;
  oldDocs: DataSize;
  build: BuildTiming | null;
}

function qualityRows(ours: EvalReport, old: EvalReport): Row[] {
  const higher = { min: 1.000001, text: 'higher than old' };
  return [
    {
      metric: 'Recall@1',
      unit: 'ratio',
      ours: ours.overall.recallAt1,
      old: old.overall.recallAt1,
      better: 'higher',
    },
    {
      metric: 'Recall@5',
      unit: 'ratio',
      ours: ours.overall.recallAt5,
      old: old.overall.recallAt5,
      better: 'higher',
      target: higher,
    },
    {
      metric: 'MRR@10',
      unit: 'ratio',
      ours: ours.overall.mrrAt10,
      old: old.overall.mrrAt10,
      better: 'higher',
    },
  ];
}

export function tableRows({
  rounds,
  co,
  ct,
  o,
  t,
  lat,
  oursQuality,
  oldQuality,
  oursBundle,
  oldDocs,
  build,
}: RowInput): Row[] {
  return [
    {
      metric: `Cold start: spawn -> tools/list (median of ${rounds})`,
      unit: 'ms',
      ours: median(co.toolsList),
      old: median(ct.toolsList),
      better: 'lower',
      target: { max: 1.2, text: '<= 1.2x old' },
    },
    {
      metric: `Cold start: spawn -> first workos_search (median of ${rounds})`,
      unit: 'ms',
      ours: median(co.firstSearch),
      old: median(ct.firstSearch),
      better: 'lower',
      target: { max: 0.7, text: '<= 0.7x old' },
    },
    {
      metric: `Cold start: server CPU time to first workos_search (median of ${rounds})`,
      unit: 'ms',
      ours: co.firstSearchCpu.length ? median(co.firstSearchCpu) : null,
      old: ct.firstSearchCpu.length ? median(ct.firstSearchCpu) : null,
      better: 'lower',
    },
    {
      metric: `workos_search latency p50 (${lat.ours.search.n} calls)`,
      unit: 'ms',
      ours: lat.ours.search.p50,
      old: lat.old.search.p50,
      better: 'lower',
      target: { max: 1 / 60, text: '>= 60x faster' },
    },
    {
      metric: 'workos_search latency p95',
      unit: 'ms',
      ours: lat.ours.search.p95,
      old: lat.old.search.p95,
      better: 'lower',
    },
    {
      metric: `ping round trip p50 (${o.ping.length} pings; transport floor)`,
      unit: 'ms',
      ours: median(o.ping),
      old: median(t.ping),
      better: 'lower',
    },
    {
      metric: `workos_docs latency p50 (${lat.ours.docs.n} reads)`,
      unit: 'ms',
      ours: lat.ours.docs.p50,
      old: lat.old.docs.p50,
      better: 'lower',
    },
    {
      metric: 'workos_docs latency p95',
      unit: 'ms',
      ours: lat.ours.docs.p95,
      old: lat.old.docs.p95,
      better: 'lower',
    },
    {
      metric: 'RSS after start-up (first answer)',
      unit: 'MiB',
      ours: MiB(o.rssStartBytes),
      old: MiB(t.rssStartBytes),
      better: 'lower',
    },
    {
      metric: `RSS after ${o.calls.toLocaleString('en-US')} mixed calls`,
      unit: 'MiB',
      ours: MiB(o.rssAfterBytes),
      old: MiB(t.rssAfterBytes),
      better: 'lower',
      target: { max: 0.9, text: '<= 0.9x old' },
    },
    {
      metric: 'Search answer, mean text chars (defaults)',
      unit: 'chars',
      ours: mean(o.textChars.search),
      old: mean(t.textChars.search),
      better: 'lower',
      target: { max: 0.5, text: '<= half' },
    },
    {
      metric: 'Search answer, mean JSON bytes incl. structuredContent',
      unit: 'bytes',
      ours: mean(o.resultBytes.search),
      old: mean(t.resultBytes.search),
      better: 'lower',
    },
    {
      metric: 'Search answers listing no doc (of the distinct queries)',
      unit: '',
      ours: o.searchEmpty,
      old: t.searchEmpty,
      better: 'lower',
    },
    {
      metric: 'Search answer, mean text chars when it lists docs',
      unit: 'chars',
      ours: mean(o.searchWithResultsChars),
      old: mean(t.searchWithResultsChars),
      better: 'lower',
    },
    {
      metric: 'Search answer, text chars per listed doc',
      unit: 'chars',
      ours: sum(o.searchWithResultsChars) / sum(o.searchListed),
      old: sum(t.searchWithResultsChars) / sum(t.searchListed),
      better: 'lower',
    },
    {
      metric: 'Doc read, mean text chars (defaults)',
      unit: 'chars',
      ours: mean(o.textChars.docs),
      old: mean(t.textChars.docs),
      better: 'lower',
    },
    ...qualityRows(oursQuality, oldQuality),
    {
      metric: 'tools/list size',
      unit: 'bytes',
      ours: o.toolsListBytes,
      old: t.toolsListBytes,
      better: 'lower',
    },
    {
      metric: 'Data on disk (ours: data/corpus.json; old: .docs/)',
      unit: 'MB',
      ours: oursBundle.bytes / 1e6,
      old: oldDocs.bytes / 1e6,
      better: 'lower',
    },
    {
      metric: 'Data on disk, gzipped',
      unit: 'MB',
      ours: oursBundle.gzipBytes / 1e6,
      old: oldDocs.gzipBytes / 1e6,
      better: 'lower',
    },
    ...(build
      ? [
          {
            metric: 'Corpus build (node dist/bin.js build, wall)',
            unit: 's' as const,
            ours: build.ok ? build.wallMs / 1000 : null,
            old: null,
            better: 'lower' as const,
            note: '(old ships prebuilt files)',
          },
        ]
      : []),
  ];
}
