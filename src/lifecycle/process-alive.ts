/**
 * Whether a process with this pid runs on this machine. Signal 0 checks existence without sending
 * anything; EPERM means it exists but belongs to someone else. A reused pid reads as alive, so
 * callers pair this with an age limit.
 */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in a temp-file name written by writeFileAtomic (`.name.<pid>.<hex>.tmp`) or the tarball cache (`name.<pid>.tmp`). */
export function tempFilePid(name: string): number | undefined {
  const m = /\.(\d+)(?:\.[0-9a-f]+)?\.tmp$/.exec(name);
  return m ? Number(m[1]) : undefined;
}
