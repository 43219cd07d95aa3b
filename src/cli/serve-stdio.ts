import { loadRuntime } from '../lifecycle/load-runtime.js';
import type { Runtime } from '../core/runtime.js';
import { runStdioServer, type StdioOptions } from '../transports/stdio.js';
import { idleWork, type IdleWork } from '../transports/idle-work.js';
import { warmUpQueries } from '../search/warm-up.js';
import { heapBudget } from '../transports/heap-budget.js';

const warn = (message: string) => process.stderr.write(`workos-docs-mcp: ${message}\n`);

/** What a client sends while connecting; all of it is answered without the corpus. */
const HANDSHAKE = new Set([
  'initialize',
  'notifications/initialized',
  'ping',
  'tools/list',
  'prompts/list',
  'resources/templates/list',
  'logging/setLevel',
]);
/**
 * Loading the corpus blocks the event loop for a few hundred ms. Clients send their listing requests
 * right after `initialize`; start loading once they have gone quiet this long, so the handshake is
 * answered at the speed of the SDK alone.
 */
const HANDSHAKE_QUIET_MS = 40;
/** Load by then at the latest, so the first real call of an idle client finds the corpus ready. */
const LOAD_BY_MS = 800;

/**
 * The stdio server as an MCP client launches it. Kept free of the CLI parser and the build,
 * update and HTTP code so `npx workos-docs-mcp` starts with as little to import as possible.
 */
export async function serveStdio(
  corpusFile?: string,
  streams: Pick<StdioOptions, 'stdin' | 'stdout'> = {},
): Promise<void> {
  const gate = loadGate();
  let warm: IdleWork | undefined;
  let ended = false;
  // no warm-up while a request is being answered: the first search arrives during the load
  let answering = false;
  const runtime = gate.opened.then(async () => {
    const rt = await loadServedRuntime(corpusFile);
    if (!ended) warm = warmUp(rt, () => !answering);
    return rt;
  });
  await runStdioServer(runtime, {
    ...streams,
    onMessage: (method, isRequest) => {
      if (isRequest) answering = true;
      warm?.busy();
      if (method && HANDSHAKE.has(method)) gate.openSoon();
      else gate.open();
    },
    onReply: (idle) => {
      answering = !idle;
      warm?.busy();
    },
    onInputEnd: () => {
      ended = true;
      warm?.stop();
      gate.open();
    },
  });
}

export const NO_WARM_UP_ENV = 'WORKOS_DOCS_MCP_NO_WARM_UP';
/** How long the client must be quiet before the server warms itself (and after each message). */
const WARM_UP_QUIET_MS = 25;

/**
 * A fresh process runs its first few dozen searches 2-3 times slower than later ones: the code is
 * not compiled yet. While the client is quiet, the server asks itself questions drawn from the
 * corpus (search/warm-up.ts), one per event-loop turn, so the client's next questions find it warm.
 */
function warmUp(rt: Runtime, canRun: () => boolean): IdleWork | undefined {
  if (process.env[NO_WARM_UP_ENV]) return undefined;
  return idleWork(
    warmUpQueries(rt.corpus).map((q) => () => {
      rt.searcher.search(q);
      // its garbage is collected while the client is still quiet, not after its next real answer
      heapBudget().answered();
    }),
    WARM_UP_QUIET_MS,
    canRun,
  );
}

/** The runtime a server serves: loaded once, saying on stderr when it fell back or had to re-index. */
export async function loadServedRuntime(corpusFile?: string): Promise<Runtime> {
  const runtime = await loadRuntime({ corpusFile, onFallback: warn });
  reportSearchIndex(runtime);
  return runtime;
}

/** Opens on the first request that needs the corpus, after a quiet handshake, or at LOAD_BY_MS. */
function loadGate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let quiet: NodeJS.Timeout | undefined;
  const latest = setTimeout(() => open(), LOAD_BY_MS);
  latest.unref();
  void opened.then(() => {
    clearTimeout(latest);
    clearTimeout(quiet);
  });
  return {
    opened,
    open: () => open(),
    openSoon: () => {
      clearTimeout(quiet);
      quiet = setTimeout(() => open(), HANDSHAKE_QUIET_MS);
      quiet.unref();
    },
  };
}

/** A stale prebuilt index is still answered correctly but costs seconds at every start: say so. */
function reportSearchIndex(runtime: Runtime): void {
  const { stats } = runtime.searcher;
  if (stats.source === 'built')
    warn(
      `the corpus has no usable prebuilt search index (${stats.reason ?? 'unknown reason'}); ` +
        'indexed at start-up. Rebuild it with: workos-docs-mcp build',
    );
  // a rebuilt index cuts its passages too: said once, above
  else if (stats.passages !== undefined && stats.passages !== 'prebuilt')
    warn(
      `the corpus has no usable passage table (${stats.passages}); sections are cut into passages as ` +
        'questions need them (same answers, slower first questions). Rebuild it with: workos-docs-mcp build',
    );
}
