/**
 * Where our start-up goes: each stage of "spawn -> first search" timed inside a fresh plain-Node
 * process (no tsx hooks, the built dist/ modules), as wall and CPU milliseconds, median of N runs.
 * CPU time is the steadier figure on a shared machine; wall time is what a client waits.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { CORPUS_ENV } from './servers.js';
import { median } from './stats.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// Plain JS run with `node --input-type=module`: replays what dist/bin.js and the stdio server do, one
// stage at a time. The server path is the bundled stdio chunk dist/bin.js loads; the stage-by-stage
// calls then use tsc's per-module dist/ (a harness cost, shown as its own row and not on the server's
// path). The bundle sub-stages (read, checksum, parse) mirror src/corpus/bundle.ts (format 2: manifest
// line, layout line, JSON, blobs); `loadBundle` is then called for real to check they add up.
const CHILD = (root: string): string => `
const root = ${JSON.stringify(pathToFileURL(root).href)};
const stages = [];
let w = performance.now(), c = process.cpuUsage();
const mem = () => { const m = process.memoryUsage(); return { heap: m.heapUsed / 1048576, rss: m.rss / 1048576 }; };
const mark = (name) => { const now = performance.now(), cpu = process.cpuUsage(c); stages.push({ name, wall: now - w, cpu: (cpu.user + cpu.system) / 1000, ...mem() }); w = performance.now(); c = process.cpuUsage(); };
const bootCpu = process.cpuUsage(); stages.push({ name: 'node boot (before first line)', wall: performance.now(), cpu: (bootCpu.user + bootCpu.system) / 1000, ...mem() });
const { readdirSync, readFileSync } = await import('node:fs'); const { createHash } = await import('node:crypto');
const chunk = readdirSync(new URL('dist/chunks/', root)).find((f) => f.startsWith('serve-stdio-'));
if (chunk) { await import(root + 'dist/chunks/' + chunk); mark('import: bundled stdio entry (SDK, zod, our server; what dist/bin.js loads)'); }
else { await import(root + 'dist/cli/serve-stdio.js'); mark('import: stdio entry (unbundled dist/cli/serve-stdio.js)'); }
const { createServer } = await import(root + 'dist/server/index.js');
const { createSearcher } = await import(root + 'dist/search/index.js');
const { createRuntime } = await import(root + 'dist/core/runtime.js');
const { resolveCorpusFile } = await import(root + 'dist/lifecycle/corpus-location.js');
const { loadBundle } = await import(root + 'dist/corpus/bundle.js'); mark('(harness) import per-module dist/ for the stage-by-stage calls');
const file = resolveCorpusFile();
let bytes = readFileSync(file); mark('read: corpus file into a Buffer (replica)');
const nl = bytes.indexOf(10);
createHash('sha256').update(bytes.subarray(nl + 1)).digest('hex'); mark('verify: sha256 of everything after the manifest line (replica)');
const nl2 = bytes.indexOf(10, nl + 1); const layout = JSON.parse(bytes.toString('latin1', nl + 1, nl2));
JSON.parse(bytes.toString('latin1', nl2 + 1, nl2 + 1 + layout.json)); bytes = null; mark('parse: JSON.parse of the payload (replica)');
const bundle = loadBundle(file); mark('loadBundle (the real loader: read, verify, parse, unpack)');
const searcher = createSearcher(bundle.corpus, bundle.searchIndex); mark('index ready: createSearcher (prebuilt term index)');
const runtime = createRuntime(bundle.corpus, searcher, { file, origin: 'custom' }); createServer(runtime); mark('createRuntime + createServer');
searcher.search('SSO'); mark('first answer: search "SSO" (in-process)');
searcher.search('how do I verify a webhook signature'); mark('second search (in-process)');
globalThis.gc?.(); const m = process.memoryUsage();
process.stdout.write(JSON.stringify({ stages, heapUsedMiB: m.heapUsed / 1048576, rssMiB: m.rss / 1048576, indexSource: searcher.stats.source, indexReason: searcher.stats.reason }));
`;

export interface StageTiming {
  name: string;
  wallMs: number;
  cpuMs: number;
  /** Heap used and RSS right after the stage (not after GC). */
  heapMiB: number;
  rssMiB: number;
}

export interface StartupProfile {
  runs: number;
  stages: StageTiming[];
  heapUsedMiB: number;
  rssMiB: number;
  indexSource: string;
  /** Why the prebuilt index was not used, when the server rebuilt it at start-up. */
  indexReason?: string;
}

interface ChildResult {
  stages: { name: string; wall: number; cpu: number; heap: number; rss: number }[];
  heapUsedMiB: number;
  rssMiB: number;
  indexSource: string;
  /** Why the prebuilt index was not used, when the server rebuilt it at start-up. */
  indexReason?: string;
}

function runChild(root: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--input-type=module', '-e', CHILD(root)], {
      cwd: root,
      env: { ...process.env, [CORPUS_ENV]: join(root, 'data/corpus.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0)
        return reject(
          new Error(
            `start-up profile failed (exit ${code}): ${err.trim().split('\n').slice(-3).join(' | ')}`,
          ),
        );
      try {
        resolve(JSON.parse(out) as ChildResult);
      } catch {
        reject(new Error(`start-up profile printed no result: ${out.slice(0, 200)}`));
      }
    });
  });
}

export async function profileStartup(runs: number, root = ROOT): Promise<StartupProfile> {
  const samples: ChildResult[] = [];
  for (let i = 0; i < runs; i++) samples.push(await runChild(root));
  const names = samples[0].stages.map((s) => s.name);
  return {
    runs,
    stages: names.map((name, i) => ({
      name,
      wallMs: median(samples.map((s) => s.stages[i].wall)),
      cpuMs: median(samples.map((s) => s.stages[i].cpu)),
      heapMiB: median(samples.map((s) => s.stages[i].heap)),
      rssMiB: median(samples.map((s) => s.stages[i].rss)),
    })),
    heapUsedMiB: median(samples.map((s) => s.heapUsedMiB)),
    rssMiB: median(samples.map((s) => s.rssMiB)),
    indexSource: samples[0].indexSource,
    indexReason: samples[0].indexReason,
  };
}

export function profileTable(p: StartupProfile): string {
  const lines = [
    '| Start-up stage (ours, in-process) | wall ms | CPU ms | heap MiB after | RSS MiB after |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const s of p.stages)
    lines.push(
      `| ${s.name} | ${s.wallMs.toFixed(1)} | ${s.cpuMs.toFixed(1)} | ${s.heapMiB.toFixed(1)} | ${s.rssMiB.toFixed(1)} |`,
    );
  lines.push(
    `| search index came from | ${p.indexSource}${p.indexReason ? ` (${p.indexReason})` : ''} | | | |`,
  );
  lines.push(
    `| after GC, once the first searches are done | | | ${p.heapUsedMiB.toFixed(1)} | ${p.rssMiB.toFixed(1)} |`,
  );
  return lines.join('\n');
}
