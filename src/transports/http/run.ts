/**
 * Runs the HTTP mode as a process: one server, or a node:cluster primary with N workers.
 * Resolves with the exit code once a signal-triggered shutdown has finished.
 */
import cluster from 'node:cluster';
import type { AppDeps } from './app.js';
import type { HttpOptions } from './options.js';
import { startHttpServer } from './server.js';
import { logEvent, stderrWriter, type LogWriter } from './log.js';
import { runPrimary } from './cluster.js';
import { ThreadPool, type ThreadEntry } from './thread-pool.js';
import { heapBudget, SERVER_GROWTH_BYTES } from '../heap-budget.js';

export interface RunHttpOptions {
  options: HttpOptions;
  /** Worker processes; 1 (the default) serves from this process. */
  workers?: number;
  /**
   * Loads the corpus and builds the deps in this thread; called only in processes that serve (never in a
   * cluster primary), and only when tool calls run on the HTTP thread (no `thread`, or `threads` 0).
   */
  loadDeps: () => Promise<AppDeps>;
  /** The module the tool threads run (it calls serveThread with its own loader); see options.threads. */
  thread?: ThreadEntry;
  log?: LogWriter;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
/** After the server has closed, how long the process may take to exit on its own. */
const EXIT_GRACE_MS = 500;

export async function runHttp(run: RunHttpOptions): Promise<number> {
  const log = run.log ?? stderrWriter;
  const workers = run.workers ?? 1;
  if (workers > 1 && cluster.isPrimary) return runPrimary(workers, run.options, log);
  heapBudget().setGrowth(SERVER_GROWTH_BYTES);

  // Ctrl+C reaches every process of the group; in a worker only the primary's SIGTERM counts, or the
  // pair would look like a "second signal" and skip the graceful drain.
  const signals = cluster.isWorker ? (['SIGTERM'] as const) : SIGNALS;
  if (cluster.isWorker) process.on('SIGINT', () => undefined);
  // Held from before the server listens: whoever sees it listening (the primary's 'listening' event,
  // our 'listening' line) may stop it at once, and a SIGTERM with no listener yet killed the process
  // outright (exit by signal, counted as an unclean stop). A signal that comes early is kept and acted
  // on as soon as the server runs; a second one means "now", as it does later.
  let early: NodeJS.Signals | undefined;
  const onEarlySignal = (signal: NodeJS.Signals): void => {
    if (early) {
      logEvent(log, 'warn', 'second signal; exiting immediately', { signal });
      process.exit(1);
    }
    early = signal;
  };
  for (const s of signals) process.on(s, onEarlySignal);

  let running: Awaited<ReturnType<typeof startHttpServer>>;
  let pool: ThreadPool | undefined;
  try {
    let deps: AppDeps;
    if (run.thread && run.options.threads > 0) {
      const started = await ThreadPool.start(run.options.threads, run.thread, {
        log,
        // One call silent for a whole request timeout is stuck, not slow: its thread is replaced.
        stuckMs: run.options.requestTimeoutMs,
        maxOldGenerationSizeMb: run.options.threadHeapMb,
      });
      pool = started;
      deps = { pool: started, health: () => started.health ?? {} };
    } else {
      deps = await run.loadDeps();
    }
    running = await startHttpServer(run.options, { ...deps, log: deps.log ?? log });
  } catch (err) {
    for (const s of signals) process.off(s, onEarlySignal);
    await pool?.close();
    // A worker that cannot start must exit (its IPC channel would keep it alive, neither serving nor
    // gone): the primary then decides whether to retry it or stop.
    if (cluster.isWorker) {
      process.exitCode = 1;
      cluster.worker?.disconnect();
    }
    throw err;
  }
  logEvent(log, 'info', 'listening', {
    url: `${running.url}/mcp`,
    auth: run.options.token ? 'bearer' : 'none',
    allowedHosts: run.options.allowedHosts,
    worker: cluster.isWorker ? cluster.worker?.id : undefined,
    threads: pool?.size ?? 0,
  });

  return new Promise<number>((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (stopping) {
        // A second signal means "now": the operator gave up waiting.
        logEvent(log, 'warn', 'second signal; exiting immediately', { signal });
        process.exit(1);
      }
      stopping = true;
      logEvent(log, 'info', 'shutting down', { signal });
      void running.close().then(async (clean) => {
        // The threads would keep the process alive; nothing is in flight any more.
        await pool?.close();
        for (const s of signals) process.off(s, onSignal);
        logEvent(log, clean ? 'info' : 'warn', 'stopped', { clean });
        // A worker's IPC channel to the primary would keep this process alive after the server closed.
        if (cluster.isWorker) cluster.worker?.disconnect();
        // Safety net: a handler still awaiting a timer (a request cut at the deadline) must not hold the exit.
        setTimeout(() => process.exit(clean ? 0 : 1), EXIT_GRACE_MS).unref();
        resolve(clean ? 0 : 1);
      });
    };
    // The real handler before the early one goes: a signal never finds no listener in between.
    for (const s of signals) {
      process.on(s, onSignal);
      process.off(s, onEarlySignal);
    }
    if (early) onSignal(early);
  });
}
