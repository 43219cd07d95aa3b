/**
 * What `serve --http` serves: the loaded corpus behind a stateless McpServer factory, and the facts
 * /healthz gives about it. Loaded on the HTTP thread (`--threads 0`) or in each tool thread
 * (http-thread.ts); kept free of the CLI parser so a thread imports only this.
 */
import { corpusInfo, type Runtime } from '../core/index.js';
import { createServer } from '../server/index.js';
import { loadServedRuntime } from './serve-stdio.js';

/** What /healthz says about the data: enough to tell which corpus an instance serves, no file paths. */
function healthFacts(runtime: Runtime): Record<string, unknown> {
  const info = corpusInfo(runtime);
  return {
    version: info.serverVersion,
    corpus: {
      formatVersion: info.formatVersion,
      builtAt: info.builtAt,
      ageDays: info.ageDays,
      docs: info.counts.docs,
      checksum: runtime.corpus.manifest.checksum.slice(0, 16),
      sources: info.sources.map((s) => (s.version ? `${s.name}@${s.version}` : s.name)),
    },
  };
}

export async function loadHttpDeps(corpusFile: string | undefined) {
  const runtime = await loadServedRuntime(corpusFile);
  return {
    createServer: () => createServer(runtime, { stateless: true }),
    health: () => healthFacts(runtime),
  };
}
