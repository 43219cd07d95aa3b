import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { processAlive, tempFilePid } from './process-alive.js';

/**
 * What interrupted runs leave behind (kill -9, power loss, a full disk): `staging-*` folders of
 * `update` (about 5 MB each, issue 16 item 10) and the temp files of atomic writes. Each run removes
 * them before it writes anything of its own. Never throws: cleanup must not stop the real work.
 */

/** Staging folders in the cache. Only call while holding the update lock: then none belongs to a live run. */
export function removeStagingLeftovers(cacheDir: string): string[] {
  return removeMatching(cacheDir, (name) => name.startsWith('staging-'));
}

/** Temp files (`….<pid>[.<hex>].tmp`) whose writer is no longer running, in each folder given. */
export function removeDeadTempFiles(...dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    removeMatching(dir, (name) => {
      const pid = tempFilePid(name);
      return pid !== undefined && pid !== process.pid && !processAlive(pid);
    }),
  );
}

function removeMatching(dir: string, match: (name: string) => boolean): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter(match)) {
    try {
      rmSync(join(dir, name), { recursive: true, force: true, maxRetries: 3 });
      removed.push(name);
    } catch {
      // Still in use or not ours to remove: left for a later run.
    }
  }
  return removed;
}
