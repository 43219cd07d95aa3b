import { loadRuntime } from '../core/load-runtime.js';
import type { Runtime } from '../core/runtime.js';
import { runStdioServer } from '../transports/stdio.js';

const warn = (message: string) => process.stderr.write(`workos-docs-mcp: ${message}\n`);

/**
 * The stdio server as an MCP client launches it. Kept free of the CLI parser and the build,
 * update and HTTP code so `npx workos-docs-mcp` starts with as little to import as possible.
 * The corpus loads while the client's handshake is answered.
 */
export async function serveStdio(corpusFile?: string): Promise<void> {
  const runtime = loadRuntime({ corpusFile, onFallback: warn }).then((rt) => {
    reportSearchIndex(rt);
    return rt;
  });
  await runStdioServer(runtime);
}

/** A stale prebuilt index is still answered correctly but costs seconds at every start: say so. */
export function reportSearchIndex(runtime: Runtime): void {
  const stats = (runtime.searcher as { stats?: { source?: string; reason?: string } }).stats;
  if (stats?.source === 'built')
    warn(
      `the corpus has no usable prebuilt search index (${stats.reason ?? 'unknown reason'}); ` +
        'indexed at start-up. Rebuild it with: workos-docs-mcp build',
    );
}
