/**
 * The cluster primary: forks workers that share the listening port (node:cluster hands out
 * connections), replaces crashed workers, and forwards shutdown signals. It never loads the corpus.
 */
import cluster, { type Worker } from 'node:cluster';
import type { HttpOptions } from './options.js';
import { logEvent, type LogWriter } from './log.js';

/** More crashes than this within the window means the fault is not transient: stop instead of looping. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

export function runPrimary(count: number, options: HttpOptions, log: LogWriter): Promise<number> {
  let stopping = false;
  const restarts: number[] = [];
  let failed = false;

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

    cluster.on('exit', (worker, code, signal) => {
      if (stopping) {
        if (code !== 0) failed = true;
        finishIfDone();
        return;
      }
      if (!started.has(worker.id)) {
        // Dying before listening is a configuration problem (missing corpus, port in use): restarting cannot fix it.
        logEvent(log, 'error', 'worker failed to start; stopping the cluster', {
          worker: worker.id,
          code,
          signal,
        });
        failed = true;
        stopAll('SIGTERM');
        return;
      }
      const now = Date.now();
      while (restarts.length > 0 && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length >= MAX_RESTARTS) {
        logEvent(log, 'error', 'workers keep crashing; stopping the cluster', { restarts: restarts.length });
        failed = true;
        stopAll('SIGTERM');
        return;
      }
      restarts.push(now);
      logEvent(log, 'warn', 'worker exited; starting a replacement', { worker: worker.id, code, signal });
      fork();
    });

    const started = new Set<number>();
    let listening = 0;
    cluster.on('listening', (worker) => {
      started.add(worker.id);
      listening += 1;
      if (listening === count) logEvent(log, 'info', 'cluster ready', { workers: count, port: options.port });
    });

    for (let i = 0; i < count; i += 1) fork();
  });
}
