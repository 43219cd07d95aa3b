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

// Plain JS run with `node --input-type=module`: replays what dist/core/load-runtime.js and the stdio
// server do, one stage at a time. The bundle sub-stages (read, checksum, parse) mirror
// src/corpus/bundle.ts; `loadBundle` is then called for real to check they add up.
const CHILD = (root: string): string => `
const root = ${JSON.stringify(pathToFileURL(root).href)};
const stages = [];
let w = performance.now(), c = process.cpuUsage();
const mark = (name) => { const now = performance.now(), cpu = process.cpuUsage(c); stages.push({ name, wall: now - w, cpu: (cpu.user + cpu.system) / 1000 }); w = performance.now(); c = process.cpuUsage(); };
const bootCpu = process.cpuUsage(); stages.push({ name: 'node boot (before first line)', wall: performance.now(), cpu: (bootCpu.user + bootCpu.system) / 1000 });
await import('@modelcontextprotocol/sdk/server/mcp.js'); await import('@modelcontextprotocol/sdk/server/stdio.js'); mark('import MCP SDK (mcp.js, stdio.js)');
const { createServer } = await import(root + 'dist/server/index.js');
const { createSearcher } = await import(root + 'dist/search/index.js');
const { createRuntime, resolveCorpusFile } = await import(root + 'dist/core/runtime.js');
const { loadBundle } = await import(root + 'dist/corpus/bundle.js'); mark('import our server modules (server, search, core)');
// what dist/bin.js imports when started with no arguments (older trees: the whole CLI)
const stdioEntry = await import(root + 'dist/cli/serve-stdio.js').then(() => 'dist/cli/serve-stdio.js', () => import(root + 'dist/cli/program.js').then(() => 'dist/cli/program.js'));
mark('import the stdio entry (' + stdioEntry + ') and what it pulls in');
const { readFileSync } = await import('node:fs'); const { createHash } = await import('node:crypto');
const file = resolveCorpusFile();
let text = readFileSync(file, 'utf8'); mark('  read corpus.json as utf8 (replica)');
const nl = text.indexOf('\\n');
createHash('sha256').update(text.slice(nl + 1), 'utf8').digest('hex'); mark('  sha256 of the payload (replica)');
JSON.parse('{' + text.slice(nl + 1)); text = null; mark('  JSON.parse of the payload (replica)');
const bundle = loadBundle(file); mark('loadBundle (the real loader: read, verify, parse)');
const searcher = createSearcher(bundle.corpus, bundle.searchIndex); mark('createSearcher (index load)');
const runtime = createRuntime(bundle.corpus, searcher, file); createServer(runtime); mark('createRuntime + createServer');
searcher.search('SSO'); mark('first search "SSO" (in-process)');
searcher.search('how do I verify a webhook signature'); mark('second search (in-process)');
globalThis.gc?.(); const m = process.memoryUsage();
process.stdout.write(JSON.stringify({ stages, heapUsedMiB: m.heapUsed / 1048576, rssMiB: m.rss / 1048576, indexSource: searcher.stats.source, indexReason: searcher.stats.reason }));
`;

export interface StageTiming {
  name: string;
  wallMs: number;
  cpuMs: number;
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
  stages: { name: string; wall: number; cpu: number }[];
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
    })),
    heapUsedMiB: median(samples.map((s) => s.heapUsedMiB)),
    rssMiB: median(samples.map((s) => s.rssMiB)),
    indexSource: samples[0].indexSource,
    indexReason: samples[0].indexReason,
  };
}

export function profileTable(p: StartupProfile): string {
  const lines = ['| Start-up stage (ours, in-process) | wall ms | CPU ms |', '| --- | ---: | ---: |'];
  for (const s of p.stages) lines.push(`| ${s.name} | ${s.wallMs.toFixed(1)} | ${s.cpuMs.toFixed(1)} |`);
  lines.push(`| search index came from | ${p.indexSource}${p.indexReason ? ` (${p.indexReason})` : ''} | |`);
  lines.push(
    `| heap used / RSS after first searches | ${p.heapUsedMiB.toFixed(1)} MiB | ${p.rssMiB.toFixed(1)} MiB |`,
  );
  return lines.join('\n');
}
