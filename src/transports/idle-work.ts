/**
 * Work a server does only while its client is quiet: one small task per turn of the event loop,
 * starting `quietMs` after the last message, paused by any message, and over once every task ran.
 * Tasks are chained with setImmediate, which runs after the loop has polled for input: a message
 * that arrives during a task is read (and pauses the rest) before the next task, so it waits for
 * that one task only (a few milliseconds). No task runs while the caller says one may not (a
 * request still being answered).
 */
export interface IdleWork {
  /** A message arrived: pause, and go on once the client has been quiet for `quietMs`. */
  busy(): void;
  /** Drops what is left (the server is closing). */
  stop(): void;
}

/** `canRun`: asked before each task; a task that may not run waits for the next busy(). */
export function idleWork(
  tasks: readonly (() => void)[],
  quietMs: number,
  canRun: () => boolean = () => true,
): IdleWork {
  let next = 0;
  let timer: NodeJS.Timeout | undefined;
  /** Bumped by every message: a chained task of an older generation does not run. */
  let generation = 0;
  let stopped = false;
  const done = (): boolean => stopped || next >= tasks.length;
  const run = (g: number): void => {
    if (done() || g !== generation || !canRun()) return;
    try {
      tasks[next++]();
    } catch {
      // warming is optional: a task that fails is skipped, the server is unaffected
    }
    // Not unref'd: an unref'd immediate lets the loop block in its poll until some other timer
    // fires (600 ms apart, measured). The chain is short and stop() ends it with the session.
    setImmediate(run, g);
  };
  const wait = (): void => {
    clearTimeout(timer);
    if (done()) return;
    const g = generation;
    timer = setTimeout(() => run(g), quietMs);
    // idle work never keeps the process alive
    timer.unref();
  };
  wait();
  return {
    busy: () => {
      generation++;
      wait();
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
