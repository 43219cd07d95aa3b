/**
 * The cluster primary: forks workers that share the listening port, replaces crashed workers, and
 * forwards shutdown signals. It never loads the corpus.
 *
 * Workers accept connections themselves (SCHED_NONE), not through the primary's round-robin: there
 * the primary accepts each connection and passes it to a worker over IPC, and a worker that dies
 * before taking it leaves that connection open with nobody to answer it, forever (issue 16). With
 * SCHED_NONE a connection waits in the kernel's queue of the shared socket until a live worker takes it.
 *
 * Failures: a worker that dies before listening during the FIRST start is a configuration problem
 * (missing corpus, port in use) and stops the cluster. Once the cluster has served, a replacement that
 * fails to start is retried with exponential back-off for as long as any worker is healthy; only when
 * none is left, and replacements keep failing, does the cluster give up.
 */
import cluster, { type Worker } from 'node:cluster';
import type { HttpOptions } from './options.js';
import { logEvent, type LogWriter } from './log.js';

/** More crashes than this within the window, with no healthy worker left, means the fault is not transient. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
/** Back-off before the n-th consecutive failed replacement: 250 ms, 500 ms, 1 s … up to 30 s. */
const BACKOFF_BASE_MS = 250;
const BACKOFF_MAX_MS = 30_000;

export function backoffMs(consecutiveFailures: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, consecutiveFailures - 1));
}

export function runPrimary(count: number, options: HttpOptions, log: LogWriter): Promise<number> {
  // Must be set before the first fork.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  let stopping = false;
  const restarts: number[] = [];
  let failed = false;
  /** Set once every first worker has listened: from then on, start-up failures are retried. */
  let ready = false;
  let startFailures = 0;
  const pending = new Set<NodeJS.Timeout>();
  const started = new Set<number>();
  const listeningNow = new Set<number>();

  const fork = (): Worker => cluster.fork();

  return new Promise<number>((resolve) => {
    const finishIfDone = (): void => {
      if (Object.keys(cluster.workers ?? {}).length > 0) return;
      for (const s of ['SIGTERM', 'SIGINT'] as const) process.off(s, onSignal);
      logEvent(log, 'info', 'cluster stopped', { clean: !failed });
      resolve(failed ? 1 : 0);
    };

    const stopAll = (signal: NodeJS.Signals): void => {
      stopping = true;
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      // Workers drain on their own deadline; this one only catches a worker that hangs past it.
      setTimeout(() => {
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      }, options.shutdownTimeoutMs + 5_000).unref();
      finishIfDone();
    };

    const onSignal = (signal: NodeJS.Signals): void => {
      if (stopping) {
        // A second signal means "now": the operator gave up waiting.
        logEvent(log, 'warn', 'second signal; killing workers', { signal });
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
        failed = true;
        return;
      }
      logEvent(log, 'info', 'cluster shutting down', { signal });
      stopAll('SIGTERM');
    };
    for (const s of ['SIGTERM', 'SIGINT'] as const) process.on(s, onSignal);

    const replaceLater = (delay: number): void => {
      const timer = setTimeout(() => {
        pending.delete(timer);
        if (!stopping) fork();
      }, delay);
      pending.add(timer);
    };

    cluster.on('exit', (worker, code, signal) => {
      const wasListening = listeningNow.delete(worker.id);
      if (stopping) {
        // Only a worker that was serving can have cut requests short: one still starting when the
        // stop came (a replacement, killed by our SIGTERM before its handler was in place) has not.
        if (code !== 0 && wasListening) {
          failed = true;
          logEvent(log, 'warn', 'worker did not stop cleanly', { worker: worker.id, code, signal });
        }
        finishIfDone();
        return;
      }
      if (!started.has(worker.id)) {
        if (!ready) {
          // Dying before listening at the first start is a configuration problem: restarting cannot fix it.
          logEvent(log, 'error', 'worker failed to start; stopping the cluster', {
            worker: worker.id,
            code,
            signal,
          });
          failed = true;
          stopAll('SIGTERM');
          return;
        }
        startFailures += 1;
        if (listeningNow.size === 0 && startFailures > MAX_RESTARTS) {
          logEvent(log, 'error', 'no healthy worker and replacements keep failing; stopping the cluster', {
            failures: startFailures,
          });
          failed = true;
          stopAll('SIGTERM');
          return;
        }
        const delay = backoffMs(startFailures);
        logEvent(log, 'warn', 'replacement worker failed to start; retrying', {
          worker: worker.id,
          code,
          signal,
          retryInMs: delay,
          healthy: listeningNow.size,
        });
        replaceLater(delay);
        return;
      }
      const now = Date.now();
      while (restarts.length > 0 && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length >= MAX_RESTARTS && listeningNow.size === 0) {
        logEvent(log, 'error', 'workers keep crashing; stopping the cluster', { restarts: restarts.length });
        failed = true;
        stopAll('SIGTERM');
        return;
      }
      restarts.push(now);
      // A crash loop with healthy workers left is slowed down, not allowed to stop them.
      const delay = restarts.length > MAX_RESTARTS ? backoffMs(restarts.length - MAX_RESTARTS) : 0;
      logEvent(log, 'warn', 'worker exited; starting a replacement', {
        worker: worker.id,
        code,
        signal,
        wasListening,
        ...(delay > 0 ? { retryInMs: delay } : {}),
      });
      if (delay > 0) replaceLater(delay);
      else fork();
    });

    cluster.on('listening', (worker) => {
      started.add(worker.id);
      listeningNow.add(worker.id);
      if (ready) startFailures = 0;
      if (!ready && listeningNow.size === count) {
        ready = true;
        logEvent(log, 'info', 'cluster ready', { workers: count, port: options.port });
      }
    });

    for (let i = 0; i < count; i += 1) fork();
  });
}
