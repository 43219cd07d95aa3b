/**
 * The HTTP thread's side of the tool threads (issue 16 item 2): starts them, hands each POST to the
 * least busy one, and replaces one that dies. A thread that crashes, runs out of memory (node ends
 * just that thread) or is stuck in one call past the stuck limit is terminated; the POSTs it held
 * are answered with an error through `fail`, never left hanging, and a new thread takes its place.
 */
import { Worker } from 'node:worker_threads';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { logEvent, type LogWriter } from './log.js';
import { RPC_SERVER_ERROR } from './responses.js';
import type { FromThread, RequestHeaders, ThreadData, ToThread } from './thread-protocol.js';
import { outgoing, type OutgoingMessage } from './stateless-post.js';

/** The module a tool thread runs (it calls serveThread) and the argument its loader gets. */
export interface ThreadEntry {
  url: URL;
  arg?: unknown;
}

export interface PoolOptions {
  log: LogWriter;
  /** A thread silent this long while it holds work is stuck in one call: it is replaced. */
  stuckMs: number;
  /** V8 old-space limit per thread in MiB (undefined: V8's default). Past it, only that thread dies. */
  maxOldGenerationSizeMb?: number;
}

/** The HTTP side of one POST: where the thread's messages go. */
export interface ExchangeHandlers {
  send(message: OutgoingMessage): void;
  /** The thread stopped before answering: answer whatever is pending with this error. */
  fail(reason: string): void;
}

export interface Exchange {
  post(message: JSONRPCMessage, headers?: RequestHeaders): void;
  /** The response has closed: the thread drops what it still has queued for this POST. */
  close(): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Its thread has exited and the replacement waits out a back-off: nothing can be sent to it. */
  down: boolean;
  open: Map<number, ExchangeHandlers>;
  /** POSTs closed here whose close the thread has not confirmed: it may still be running one. */
  closing: Set<number>;
  /** Last message from the thread, or when it was given work while idle. */
  lastProgress: number;
}

export const NO_THREAD = 'Server unavailable: its tool threads are restarting; retry shortly';
export const THREAD_FAILED =
  'Internal error: the thread running this request stopped (crashed or ran out of memory); retry';
/** Back-off before restarting a thread whose replacement failed to start: 250 ms doubling to 30 s. */
const RESTART_BASE_MS = 250;
const RESTART_MAX_MS = 30_000;

/** Whether the thread may be running something for us: an open POST, or a closed one it has not let go. */
function holdsWork(slot: Slot): boolean {
  return slot.open.size > 0 || slot.closing.size > 0;
}

/**
 * The Worker arguments for an entry. A .ts entry means the sources run through tsx (tests, scripts):
 * Node 20 does not carry `--import tsx` loader hooks into a worker, so the thread loads it through
 * tsx's API. The built package's entries are .js and load directly.
 */
function workerScript(url: URL): [string | URL, { eval?: boolean }] {
  if (!url.pathname.endsWith('.ts')) return [url, {}];
  const code = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`;
  return [code, { eval: true }];
}

export class ThreadPool {
  private readonly slots: Slot[] = [];
  private nextRid = 1;
  private stopping = false;
  /** Set once every first thread is ready: before that, a failure is the start-up error, not retried. */
  private serving = false;
  private startFailures = 0;
  private readonly watchdog: NodeJS.Timeout;
  /** What the most recently started thread said about its data, for /healthz. */
  health: Record<string, unknown> | undefined;

  private constructor(
    private readonly entry: ThreadEntry,
    private readonly options: PoolOptions,
  ) {
    this.watchdog = setInterval(() => this.checkStuck(), 1_000);
    this.watchdog.unref();
  }

  /** Starts `count` threads; rejects with the first one's start-up error (one line), none left running. */
  static async start(count: number, entry: ThreadEntry, options: PoolOptions): Promise<ThreadPool> {
    const pool = new ThreadPool(entry, options);
    const started = Array.from({ length: count }, () => pool.spawn());
    try {
      await Promise.all(started);
    } catch (err) {
      await pool.close();
      throw err;
    }
    pool.serving = true;
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  open(handlers: ExchangeHandlers, startedAt: number): Exchange {
    const slot = this.pick();
    const rid = this.nextRid++;
    if (slot.down) {
      // Every thread is restarting after failures: answer at once rather than at the request timeout.
      return {
        post: (message) => {
          if ('method' in message && 'id' in message)
            handlers.send(
              outgoing({
                jsonrpc: '2.0',
                id: message.id,
                error: { code: RPC_SERVER_ERROR, message: NO_THREAD },
              }),
            );
        },
        close: () => undefined,
      };
    }
    if (!holdsWork(slot)) slot.lastProgress = Date.now();
    slot.open.set(rid, handlers);
    this.post(slot, { type: 'open', rid, startedAt });
    return {
      post: (message, headers) => {
        if (slot.open.has(rid)) this.post(slot, { type: 'message', rid, message, headers });
      },
      close: () => {
        if (!slot.open.delete(rid)) return;
        slot.closing.add(rid);
        this.post(slot, { type: 'close', rid });
      },
    };
  }

  async close(): Promise<void> {
    this.stopping = true;
    clearInterval(this.watchdog);
    await Promise.all(this.slots.map((s) => s.worker.terminate().catch(() => undefined)));
  }

  /** The ready thread with the fewest open POSTs; else a starting one (it queues them); else a down one. */
  private pick(): Slot {
    const rank = (s: Slot) => (s.ready ? 0 : s.down ? 2 : 1);
    let best = this.slots[0];
    for (const s of this.slots) {
      const r = rank(s) - rank(best);
      if (r < 0 || (r === 0 && s.open.size < best.open.size)) best = s;
    }
    return best;
  }

  private post(slot: Slot, message: ToThread): void {
    try {
      slot.worker.postMessage(message);
    } catch {
      // A message that cannot be cloned or a thread already gone: the exit handler answers for it.
    }
  }

  /** Starts a thread in a new slot or in place of `replacing`; resolves when it is ready. */
  private spawn(replacing?: Slot): Promise<void> {
    const data: ThreadData = { arg: this.entry.arg };
    const limits = this.options.maxOldGenerationSizeMb;
    const [script, how] = workerScript(this.entry.url);
    const worker = new Worker(script, {
      ...how,
      workerData: data,
      ...(limits ? { resourceLimits: { maxOldGenerationSizeMb: limits } } : {}),
    });
    const slot: Slot = replacing ?? {
      worker,
      ready: false,
      down: false,
      open: new Map(),
      closing: new Set(),
      lastProgress: Date.now(),
    };
    slot.worker = worker;
    slot.ready = false;
    slot.down = false;
    slot.closing.clear();
    if (!replacing) this.slots.push(slot);
    const log = this.options.log;
    let crash: string | undefined;
    let wasReady = false;

    return new Promise<void>((resolve, reject) => {
      worker.on('message', (msg: FromThread) => {
        if (slot.worker !== worker) return;
        slot.lastProgress = Date.now();
        if (msg.type === 'send') slot.open.get(msg.rid)?.send(msg);
        else if (msg.type === 'closed') slot.closing.delete(msg.rid);
        else if (msg.type === 'ready') {
          slot.ready = true;
          wasReady = true;
          this.startFailures = 0;
          this.health = msg.health;
          if (this.serving) logEvent(log, 'info', 'replacement tool thread ready', {});
          resolve();
        } else {
          crash = msg.message;
          void worker.terminate();
        }
      });
      worker.on('error', (err) => {
        crash = err.message.split('\n')[0];
        logEvent(log, 'error', 'tool thread failed', { error: err.stack ?? err.message });
      });
      worker.once('exit', (code) => {
        if (!wasReady) reject(new Error(crash ?? `the tool thread exited with code ${code} while starting`));
        // A stuck thread was already replaced (retire): its requests have been answered.
        if (slot.worker !== worker) return;
        slot.ready = false;
        slot.down = true;
        const pending = this.failAll(slot);
        if (this.stopping || !this.serving) return;
        if (!wasReady) this.startFailures += 1;
        const delay = wasReady
          ? 0
          : Math.min(RESTART_MAX_MS, RESTART_BASE_MS * 2 ** (this.startFailures - 1));
        logEvent(log, 'warn', 'tool thread stopped; starting a replacement', {
          code,
          error: crash,
          failedRequests: pending,
          ...(delay > 0 ? { retryInMs: delay } : {}),
        });
        const restart = (): void => {
          if (!this.stopping) this.spawn(slot).catch(() => undefined);
        };
        if (delay > 0) setTimeout(restart, delay).unref();
        else restart();
      });
    });
  }

  /** Answers every POST the slot's thread holds with an error; returns how many. */
  private failAll(slot: Slot): number {
    const pending = [...slot.open.values()];
    slot.open.clear();
    slot.closing.clear();
    for (const handlers of pending) handlers.fail(THREAD_FAILED);
    return pending.length;
  }

  private checkStuck(): void {
    const now = Date.now();
    for (const slot of this.slots) {
      if (!slot.ready || !holdsWork(slot) || now - slot.lastProgress < this.options.stuckMs) continue;
      logEvent(this.options.log, 'error', 'tool thread stuck in one call; replacing it', {
        silentMs: now - slot.lastProgress,
        requests: slot.open.size,
      });
      // Its POSTs are answered now and a replacement starts at once, so new POSTs wait for that one
      // rather than for the stuck thread to end.
      const stuck = slot.worker;
      this.failAll(slot);
      this.spawn(slot).catch(() => undefined);
      void stuck.terminate();
    }
  }
}
