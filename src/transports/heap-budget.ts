/**
 * Keeps a long-running server's memory near what it holds. V8 sizes a process's heap for the
 * machine's RAM: before its first full collection the old space may fill with dead answers up to
 * a limit of hundreds of MiB, and afterwards it grows to a multiple of the live size. A docs server
 * holds about 40 MiB and turns over a few MiB of garbage per answer, so a session of 1,000 calls
 * sat at 250-300 MiB RSS, most of it garbage nobody collected.
 *
 * Here the server says when an answer is out: once the heap has grown GROWTH_BYTES past what the
 * last full collection left, a full collection runs on the next turn of the event loop (after the
 * reply is written, ~50 ms CPU, about once per few hundred calls). The first answer after the corpus
 * has loaded is followed by one as well (loaded()): the load leaves its file (7.8 MB) and its JSON
 * text (4.8 MB) for garbage, and that answer comes before V8 has had a reason to collect them. Not
 * any earlier answer: a collection while the corpus loads would delay the first search. The young generation is kept at
 * its starting size for the same reason: grown, it is 32 MiB of RSS for little gain here.
 *
 * Both knobs go through v8.setFlagsFromString, which Node documents as "behaviour after the VM
 * has started is undefined": if either is refused, the server runs exactly as before.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** Heap growth over the last full collection's survivors that triggers the next one. */
export const GROWTH_BYTES = 24 * 1024 * 1024;
/**
 * The same for the HTTP mode, a server many clients keep busy: each forced collection of its
 * ~50 MiB live heap stops the thread, so at 24 MiB they were a fifth of its CPU under load
 * (`npm run bench:http`, 50 clients). At 64 MiB the process holds ~30 MiB more and answers about
 * 15% more calls per second; a stdio server, one user, keeps the smaller figure.
 */
export const SERVER_GROWTH_BYTES = 64 * 1024 * 1024;
/** Set to 1 to leave V8's collection schedule and young generation alone. */
export const HEAP_BUDGET_OFF_ENV = 'WORKOS_DOCS_MCP_NO_HEAP_BUDGET';

export interface HeapBudget {
  /** Call when a reply has been handed to the transport. */
  answered(): void;
  /** Call when the corpus has loaded: the next answer is followed by a collection, the start line. */
  loaded(): void;
  /** Sets the heap growth that triggers the next collection (GROWTH_BYTES until told otherwise). */
  setGrowth(bytes: number): void;
  /** Full collections run so far (for tests and the benchmark). */
  readonly collections: number;
}

const NONE: HeapBudget = {
  answered: () => undefined,
  loaded: () => undefined,
  setGrowth: () => undefined,
  collections: 0,
};
let shared: HeapBudget | undefined;

/** The process's budget (one per process: it is a property of the heap, not of a session). */
export function heapBudget(): HeapBudget {
  shared ??= process.env[HEAP_BUDGET_OFF_ENV] ? NONE : createHeapBudget();
  return shared;
}

function exposeGc(): (() => void) | undefined {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === 'function') return g;
  try {
    v8.setFlagsFromString('--expose-gc');
    // The flag applies to contexts created from now on: a fresh one hands over its `gc`.
    const fn: unknown = vm.runInNewContext('gc');
    return typeof fn === 'function' ? (fn as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Puts the flags a budget sets back to V8's defaults, for a process about to exit. V8's code cache
 * (cli/code-cache.ts) records the flags it is made under and is refused under others; it is made at
 * exit, after a budget changed them, for a next process that compiles before any change. (Setting
 * them before compiling instead would give the corpus load a young generation that never grows: 77
 * scavenges and 80 ms more start-up.) The growth factor's default is 2 in the V8 versions we know;
 * code-cache.ts checks that the flags then match the start's and writes nothing otherwise.
 * `startedWithGc`: the process was started with --expose-gc, which is then left on.
 */
export function restoreStartFlags(startedWithGc: boolean): void {
  try {
    if (!startedWithGc) v8.setFlagsFromString('--no-expose-gc');
    v8.setFlagsFromString('--semi-space-growth-factor=2');
  } catch {
    /* then the flags differ and no cache is written */
  }
}

/** A budget of its own (tests: the process's one carries the start line of whatever ran before). */
export function createHeapBudget(growthBytes = GROWTH_BYTES): HeapBudget {
  const gc = exposeGc();
  if (!gc) return NONE;
  try {
    v8.setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    /* the young generation keeps V8's sizing */
  }
  /** Undefined until the first answer; redrawn by every collection. */
  let survivors: number | undefined;
  let pending = false;
  let collectNext = false;
  let collections = 0;
  let growth = growthBytes;
  const collect = (): void => {
    pending = false;
    gc();
    collections++;
    survivors = v8.getHeapStatistics().used_heap_size;
  };
  return {
    answered(): void {
      if (pending) return;
      if (!collectNext) {
        const used = v8.getHeapStatistics().used_heap_size;
        survivors ??= used;
        if (used - survivors < growth) return;
      }
      collectNext = false;
      pending = true;
      // Not on the reply's path: the answer is written first, the next request waits at most one collection.
      setImmediate(collect).unref();
    },
    loaded(): void {
      collectNext = true;
    },
    setGrowth(bytes: number): void {
      growth = bytes;
    },
    get collections() {
      return collections;
    },
  };
}
