/**
 * Where our start-up goes: each stage of "spawn -> first search" timed inside a fresh plain-Node
 * process (no tsx hooks, the built dist/ modules), as wall and CPU milliseconds, median of N runs.
 * CPU time is the steadier figure on a shared machine; wall time is what a client waits.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { runCollect } from './run-collect.js';
import { CORPUS_ENV } from './servers.js';
import { median } from './stats.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The child program: a real module, run by plain Node so no tsx hook is on the path it measures. */
const CHILD = fileURLToPath(new URL('./startup-child.mjs', import.meta.url));

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

async function runChild(root: string): Promise<ChildResult> {
  const { code, stdout, stderr } = await runCollect(
    process.execPath,
    ['--expose-gc', CHILD, pathToFileURL(root).href],
    { cwd: root, env: { ...process.env, [CORPUS_ENV]: join(root, 'data/corpus.json') } },
  );
  if (code !== 0)
    throw new Error(
      `start-up profile failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
    );
  try {
    return JSON.parse(stdout) as ChildResult;
  } catch {
    throw new Error(`start-up profile printed no result: ${stdout.slice(0, 200)}`);
  }
}

export async function profileStartup(runs: number, root = ROOT): Promise<StartupProfile> {
  // The first start of a build on a machine compiles everything and leaves V8's code cache at exit
  // (cli/code-cache.ts); the profile is of the starts after it, as users see them from then on.
  await runChild(root);
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
