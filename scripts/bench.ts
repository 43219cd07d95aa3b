/**
 * `npm run bench [-- --quick --readme --no-build --no-profile --rounds N --calls N --passes N --out DIR --ours "CMD ARGS"]`
 *
 * Runs our server and @workos/mcp-docs-server through the same MCP SDK Client over stdio and prints
 * one table: cold start, search and docs latency, memory, answer size, retrieval quality, tools/list
 * size, plus corpus build time and bundle size. Every row has ours/old from the same run, because
 * absolute numbers on a shared machine mean little. Our server runs from a private copy of dist/ with
 * the corpus this code just built (see snapshot.ts, build-time.ts).
 *
 * Writes bench/results/latest.{json,md} and appends full runs to history.jsonl; `--readme` also puts
 * the table into README's Benchmarks section. `--quick` is for iterating (fewer rounds and calls).
 */
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { evaluate, loadEvalSet, type EvalQuery } from '../harness/eval/evaluate.js';
import { oldDocsSize, ourBundleSize, timeCorpusBuild, type BuildTiming } from './bench/build-time.js';
import { coldStart, COLD_QUERY } from './bench/cold-start.js';
import { updateReadme } from './bench/readme.js';
import { checkRow, markdownTable, type CheckedRow } from './bench/report.js';
import { runPair } from './bench/run-pair.js';
import { tableRows } from './bench/rows.js';
import { profileStartup, profileTable, type StartupProfile } from './bench/startup-stages.js';
import { oldSpec, oursSpec, startRetries } from './bench/servers.js';
import { mean, summarize } from './bench/stats.js';
import { snapshotPackage } from './bench/snapshot.js';
import { buildWorkload, docSet } from './bench/workload.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    calls: { type: 'string' },
    passes: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
    readme: { type: 'boolean', default: false },
    ours: { type: 'string' },
    out: { type: 'string' },
  },
});

function intArg(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} must be an integer >= ${min} (got "${value}")`);
  return n;
}

const rounds = intArg('rounds', args.rounds, args.quick ? 4 : 10, 1);
const totalCalls = intArg('calls', args.calls, args.quick ? 300 : 1000, 1);
const passes = intArg('passes', args.passes, args.quick ? 1 : 2, 1);
const outDir = args.out ?? join(ROOT, 'bench/results');

const log = (m: string): void => {
  process.stderr.write(`bench: ${m}\n`);
};

function machine() {
  const c = cpus();
  return {
    cores: c.length,
    cpu: c[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAvg1mAtStart: Math.round(loadavg()[0] * 100) / 100,
  };
}

async function main(): Promise<void> {
  const started = new Date();
  const host = machine();
  for (const [file, hint] of [
    ['dist/bin.js', 'npm run build:code'],
    ['data/corpus.json', 'npm run build:corpus'],
  ]) {
    if (!existsSync(join(ROOT, file)))
      throw new Error(`${file} is missing: run \`${hint}\` (or \`npm run build\`) first`);
  }
  const queries = loadEvalSet();
  const snap = snapshotPackage(ROOT);
  try {
    await runBench(started, host, queries, snap.root);
  } finally {
    snap.remove();
  }
}

async function runBench(
  started: Date,
  host: ReturnType<typeof machine>,
  queries: EvalQuery[],
  pkg: string,
): Promise<void> {
  const ours = oursSpec(
    args.ours ? args.ours.split(/\s+/).filter(Boolean) : [process.execPath, join(pkg, 'dist/bin.js')],
    join(pkg, 'data/corpus.json'),
  );
  const old = oldSpec();
  const specs = [ours, old];
  const calls = buildWorkload(queries, { passes, totalCalls });
  log(
    `${host.cores} cores, Node ${host.node}; ${queries.length} queries, ${docSet(queries).length} docs, ${calls.length} mixed calls, ${rounds} cold-start rounds`,
  );

  let build: BuildTiming | null = null;
  if (!args['no-build']) {
    log(
      'timing the corpus build (node dist/bin.js build --out <tmpdir>); the servers then use that fresh corpus ...',
    );
    build = await timeCorpusBuild(pkg, join(pkg, 'data/corpus.json'));
    if (!build.ok)
      log(`corpus build failed (benchmarking the existing data/corpus.json instead): ${build.error}`);
  }

  let profile: StartupProfile | null = null;
  if (!args['no-profile']) {
    log('start-up stages of our server (5 fresh processes) ...');
    profile = await profileStartup(5, pkg).catch((err: unknown) => {
      log(`start-up profile skipped: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    });
  }

  log('cold start ...');
  const cold = await coldStart(specs, rounds, log);
  log('long run: latency, answer size, quality, memory ...');
  const pair = await runPair(specs, calls, log);

  const o = pair.get('ours')!;
  const t = pair.get('old')!;
  const co = cold.get('ours')!;
  const ct = cold.get('old')!;
  const oursQuality = evaluate(queries, o.rankings);
  const oldQuality = evaluate(queries, t.rankings);
  const s = (x: number[]) => summarize(x);
  const lat = {
    ours: {
      search: s(o.latency.search),
      docs: s(o.latency.docs),
      examples: s(o.latency.examples),
      changelogs: s(o.latency.changelogs),
    },
    old: {
      search: s(t.latency.search),
      docs: s(t.latency.docs),
      examples: s(t.latency.examples),
      changelogs: s(t.latency.changelogs),
    },
  };
  const oursBundle = ourBundleSize(pkg);
  const oldDocs = oldDocsSize();

  const rows = tableRows({ rounds, co, ct, o, t, lat, oursQuality, oldQuality, oursBundle, oldDocs, build });
  const checked: CheckedRow[] = rows.map(checkRow);
  const table = markdownTable(checked, { ours: 'workos-docs-mcp', old: '@workos/mcp-docs-server' });
  const missed = checked.filter((r) => r.met === false);
  const finished = new Date();
  const date = started.toISOString().slice(0, 10);
  const loadEnd = Math.round(loadavg()[0] * 100) / 100;
  const machineLine = `${host.cores} cores (${host.cpu}), ${host.memoryGiB} GiB RAM, Node ${host.node}, ${host.platform}; load average ${host.loadAvg1mAtStart} at start, ${loadEnd} at end`;
  // The start figure tells whether other work shared the machine; the end one includes this run's own load.
  const busy = host.loadAvg1mAtStart > host.cores;
  const md = [
    `Measured ${date} on ${machineLine}. Both servers spawned over stdio and driven by the same MCP SDK client in one run; calls alternate between them, so ratios are more trustworthy than absolute numbers.${busy ? ' The machine was busy with other work during this run (load average above its core count at start): absolute times are inflated, the CPU-time row is the steadier start-up figure.' : ''}`,
    '',
    table,
    '',
    `Search workload: the ${queries.length} queries of \`test/eval/queries.json\` with default arguments (ours: limit 8; old: maxResults 10); quality uses depth 10 for both. Docs: the ${docSet(queries).length} top judged docs of that set. Cold-start query: "${COLD_QUERY}". The old server answers "No results found" to ${t.searchEmpty} of the ${queries.length} queries (most multi-word questions); ours lists docs for ${queries.length - o.searchEmpty}.`,
    '',
    `Reproduce: \`npm install && npm run bench\` (${Math.round((finished.getTime() - started.getTime()) / 1000)} s for this run; writes bench/results/latest.json and latest.md; \`npm run bench -- --readme\` also refreshes this section).`,
  ].join('\n');
  // The stage table goes to README too (issue 14): where start-up time and memory go, stage by stage.
  const stages = profile
    ? `### Where our cold start goes\n\nMedian of ${profile.runs} fresh processes running the built modules stage by stage; CPU time is steadier than wall time on a shared machine.\n\n${profileTable(profile)}\n`
    : '';
  const fullMd = stages ? `${md}\n\n${stages}` : md;

  const json = {
    date: started.toISOString(),
    durationSeconds: Math.round((finished.getTime() - started.getTime()) / 1000),
    machine: host,
    settings: {
      rounds,
      totalCalls: calls.length,
      passes,
      coldQuery: COLD_QUERY,
      // Paths name this machine's temp copy and Node install: only the file names are worth keeping.
      oursCommand: [ours.command, ...ours.args].map((a) => basename(a)).join(' '),
    },
    rows: checked,
    targetsMissed: missed.map((r) => r.metric),
    coldStart: { ours: co, old: ct },
    latency: lat,
    memory: {
      ours: { startBytes: o.rssStartBytes, afterBytes: o.rssAfterBytes, calls: o.calls },
      old: { startBytes: t.rssStartBytes, afterBytes: t.rssAfterBytes, calls: t.calls },
    },
    answerSize: {
      ours: {
        searchTextMean: mean(o.textChars.search),
        searchBytesMean: mean(o.resultBytes.search),
        docsTextMean: mean(o.textChars.docs),
        docsBytesMean: mean(o.resultBytes.docs),
      },
      old: {
        searchTextMean: mean(t.textChars.search),
        searchBytesMean: mean(t.resultBytes.search),
        docsTextMean: mean(t.textChars.docs),
        docsBytesMean: mean(t.resultBytes.docs),
      },
    },
    quality: { ours: oursQuality, old: oldQuality },
    errors: { ours: o.errors, old: t.errors, oursSamples: o.errorSamples, oldSamples: t.errorSamples },
    toolsList: {
      ours: { bytes: o.toolsListBytes, tools: o.toolNames },
      old: { bytes: t.toolsListBytes, tools: t.toolNames },
    },
    data: { ours: oursBundle, old: oldDocs },
    build,
    startupProfile: profile,
    startRetries,
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  // One line per full run, so a regression shows up as a trend, not only as a diff of latest.json.
  if (!args.quick)
    appendFileSync(
      join(outDir, 'history.jsonl'),
      `${JSON.stringify({
        date: json.date,
        machine: { cores: host.cores, node: host.node, load: [host.loadAvg1mAtStart, loadEnd] },
        rows: checked.map((r) => [r.metric, r.ours, r.old, r.ratio]),
      })}\n`,
    );
  writeFileSync(
    join(outDir, 'latest.md'),
    `# Benchmark: workos-docs-mcp vs @workos/mcp-docs-server\n\n${fullMd}\n`,
  );

  process.stdout.write(`\n${table}\n\n`);
  process.stdout.write(`${machineLine}\nWrote ${join(outDir, 'latest.json')} and latest.md\n`);
  if (profile && profile.indexSource !== 'prebuilt')
    process.stdout.write(
      `WARNING: our server rebuilt its search index at start-up (${profile.indexReason ?? 'prebuilt index not used'}): start-up rows are not representative; rebuild the corpus.\n`,
    );
  if (startRetries.count)
    process.stdout.write(
      `Server starts retried ${startRetries.count}x (last failure: ${startRetries.last.split('\n')[0]})\n`,
    );
  if (busy)
    process.stdout.write(
      `Note: the machine was busy (load average above ${host.cores} cores): absolute times are inflated; compare ratios and CPU rows.\n`,
    );
  if (missed.length) process.stdout.write(`Targets missed: ${missed.map((r) => r.metric).join('; ')}\n`);
  const errs = Object.entries(o.errors).filter(([, n]) => n > 0);
  if (errs.length)
    process.stdout.write(
      `Our server answered isError on: ${errs.map(([k, n]) => `${k} x${n}`).join(', ')} (e.g. ${o.errorSamples[0] ?? ''})\n`,
    );
  if (args.readme) {
    const readme = join(ROOT, 'README.md');
    process.stdout.write(
      updateReadme(readme, fullMd)
        ? `Updated the Benchmarks section of ${readme}\n`
        : `README.md has no "## Benchmarks" section (or bench markers); left it alone\n`,
    );
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
