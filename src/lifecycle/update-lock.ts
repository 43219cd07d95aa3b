import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { processAlive } from './process-alive.js';

/**
 * One `update` at a time per cache folder (issue 16 item 6: two at once each deleted the other's new
 * corpus and left the pointer naming nothing). The lock is a file created with O_EXCL, holding who
 * took it; it is released by the holder, or broken by the next run when the holder is gone (same
 * machine, pid not running), when it is older than any update can take (a reused pid or another
 * machine sharing the folder), or when a crash left it empty.
 */
export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  token: string;
}

export interface HeldLock {
  holder: LockHolder;
  /** Removes the lock file if it is still ours (never another run's). */
  release(): void;
}

/** Another live run holds the lock. */
export class LockBusyError extends Error {
  override name = 'LockBusyError';
  constructor(
    readonly file: string,
    readonly holder: LockHolder | undefined,
    readonly ageMs: number,
  ) {
    super(`${file} is held${holder ? ` by pid ${holder.pid} on ${holder.host}` : ''}`);
  }
}

export interface LockOptions {
  /** A lock older than this is stale whatever its pid says (default 1 h: an update takes a minute or two). */
  staleMs?: number;
  /** A lock file without a readable holder is a crash between create and write once this old (default 10 s). */
  unreadableStaleMs?: number;
  now?: () => number;
}

const DEFAULT_STALE_MS = 60 * 60 * 1000;
const DEFAULT_UNREADABLE_STALE_MS = 10_000;

interface Found {
  raw: string;
  holder?: LockHolder;
  ageMs: number;
}

function readLock(file: string, now: number): Found | undefined {
  try {
    const raw = readFileSync(file, 'utf8');
    const ageMs = Math.max(0, now - statSync(file).mtimeMs);
    let holder: LockHolder | undefined;
    try {
      const data = JSON.parse(raw) as Partial<LockHolder>;
      if (typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.token === 'string')
        holder = {
          pid: data.pid,
          host: data.host,
          startedAt: String(data.startedAt ?? ''),
          token: data.token,
        };
    } catch {
      holder = undefined;
    }
    return { raw, holder, ageMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function isStale(found: Found, options: Required<Omit<LockOptions, 'now'>>): boolean {
  if (!found.holder) return found.ageMs > options.unreadableStaleMs;
  if (found.ageMs > options.staleMs) return true;
  return found.holder.host === hostname() && !processAlive(found.holder.pid);
}

/**
 * Takes the lock or throws LockBusyError naming the live holder. A stale lock is removed only while
 * its content is still what was judged stale, so two runs breaking it at once do not delete each
 * other's fresh lock (the window left is the few microseconds between that read and the unlink).
 */
export function acquireLock(file: string, options: LockOptions = {}): HeldLock {
  const limits = {
    staleMs: options.staleMs ?? DEFAULT_STALE_MS,
    unreadableStaleMs: options.unreadableStaleMs ?? DEFAULT_UNREADABLE_STALE_MS,
  };
  const now = options.now ?? Date.now;
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date(now()).toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const content = `${JSON.stringify(holder)}\n`;
  let last: Found | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusive(file, content)) return { holder, release: () => releaseLock(file, holder.token) };
    last = readLock(file, now());
    if (!last) continue; // released between our create and our read: try again
    if (!isStale(last, limits)) throw new LockBusyError(file, last.holder, last.ageMs);
    const again = readLock(file, now());
    if (again?.raw === last.raw) rmSync(file, { force: true });
  }
  throw new LockBusyError(file, last?.holder, last?.ageMs ?? 0);
}

/** O_EXCL create and write; false when the file exists. A failed write (full disk) removes the empty file it made. */
function createExclusive(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, content);
  } catch (err) {
    closeSync(fd);
    rmSync(file, { force: true });
    throw err;
  }
  closeSync(fd);
  return true;
}

function releaseLock(file: string, token: string): void {
  try {
    const found = readLock(file, Date.now());
    if (found?.holder?.token === token) rmSync(file, { force: true });
  } catch {
    // Unreadable now (disk gone, permissions changed): the next run judges it stale by pid or age.
  }
}
