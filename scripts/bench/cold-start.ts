/**
 * Cold start: a fresh process per sample, timed from just before the spawn to the first answer.
 * Servers alternate within each round (and which goes first alternates between rounds), so a noisy
 * moment on a shared machine hits both sides instead of one.
 */
import { callTool, cpuMs, listTools, startServer, type ServerSpec } from './servers.js';

export interface ColdStartSamples {
  /** spawn -> initialize done -> tools/list answered. */
  toolsList: number[];
  /** spawn -> initialize done -> first workos_search answered (no tools/list before it). */
  firstSearch: number[];
  /** CPU time the server process used up to that first search answer: steadier than wall time on a busy machine. */
  firstSearchCpu: number[];
}

export const COLD_QUERY = 'SSO';

async function sampleToolsList(spec: ServerSpec): Promise<number> {
  const server = await startServer(spec);
  try {
    await listTools(server);
    return performance.now() - server.spawnedAt;
  } finally {
    await server.close();
  }
}

async function sampleFirstSearch(spec: ServerSpec): Promise<{ wall: number; cpu: number | null }> {
  const server = await startServer(spec);
  try {
    const out = await callTool(server, 'workos_search', spec.searchArgs(COLD_QUERY));
    const wall = performance.now() - server.spawnedAt;
    if (out.isError)
      throw new Error(`${spec.label}: first search for "${COLD_QUERY}" failed: ${out.text.slice(0, 300)}`);
    return { wall, cpu: cpuMs(server.pid) };
  } finally {
    await server.close();
  }
}

export async function coldStart(
  specs: readonly ServerSpec[],
  rounds: number,
  progress: (m: string) => void,
): Promise<Map<string, ColdStartSamples>> {
  const out = new Map<string, ColdStartSamples>(
    specs.map((s) => [s.id, { toolsList: [], firstSearch: [], firstSearchCpu: [] }]),
  );
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? specs : [...specs].reverse();
    for (const spec of order) out.get(spec.id)?.toolsList.push(await sampleToolsList(spec));
    for (const spec of [...order].reverse()) {
      const sample = await sampleFirstSearch(spec);
      const samples = out.get(spec.id)!;
      samples.firstSearch.push(sample.wall);
      if (sample.cpu !== null) samples.firstSearchCpu.push(sample.cpu);
    }
    progress(`cold start round ${i + 1}/${rounds}`);
  }
  return out;
}
