import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TarballFetcher } from './fetchers.js';
import { IntegrityError, verifyIntegrity } from './integrity.js';

export { defaultCacheDir } from '../../corpus/cache-dir.js';

export interface PinnedRef {
  name: string;
  version: string;
  integrity: string;
  tarball?: string;
}

export interface CachedTarball {
  bytes: Buffer;
  fromCache: boolean;
}

export function tarballCachePath(cacheDir: string, ref: { name: string; version: string }): string {
  return join(cacheDir, 'tarballs', `${ref.name.replace(/^@/, '').replace(/\//g, '__')}-${ref.version}.tgz`);
}

/** The cached tarball when it is there and intact; never touches the network. */
export async function readVerifiedCache(cacheDir: string, ref: PinnedRef): Promise<Buffer | undefined> {
  const cached = await readFile(tarballCachePath(cacheDir, ref)).catch(() => undefined);
  if (!cached) return undefined;
  try {
    verifyIntegrity(cached, ref.integrity, `${ref.name}@${ref.version}`);
    return cached;
  } catch (err) {
    if (err instanceof IntegrityError) return undefined;
    throw err;
  }
}

/**
 * Returns the verified tarball, from the cache when it is there and intact, else fetched,
 * verified and cached. Nothing unverified is ever returned or written to the cache.
 */
export async function getVerifiedTarball(
  cacheDir: string,
  ref: PinnedRef,
  fetcher: TarballFetcher,
): Promise<CachedTarball> {
  const file = tarballCachePath(cacheDir, ref);
  const label = `${ref.name}@${ref.version}`;
  const cached = await readFile(file).catch(() => undefined);
  if (cached) {
    try {
      verifyIntegrity(cached, ref.integrity, label);
      return { bytes: cached, fromCache: true };
    } catch (err) {
      // A damaged cache entry is not the user's problem: fetch it again.
      if (!(err instanceof IntegrityError)) throw err;
    }
  }
  const bytes = await fetcher(ref);
  verifyIntegrity(bytes, ref.integrity, label);
  try {
    await mkdir(join(cacheDir, 'tarballs'), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  } catch {
    // An unwritable cache only costs the next build a download; the bytes are verified and usable.
  }
  return { bytes, fromCache: false };
}
