import semver from 'semver';
import { getVerifiedTarball } from '../../ingest/sdk/cache.js';
import { FetchError, type TarballFetcher } from '../../ingest/sdk/fetchers.js';
import { IntegrityError } from '../../ingest/sdk/integrity.js';
import { RegistryError } from '../../ingest/sdk/registry.js';
import { NoSuchVersionError, type VersionLookup } from './registry-version.js';
import { readCachedSurface, surfaceCacheFile, writeCachedSurface } from './surface-cache.js';

/** The least a surface must say about itself. */
export interface VersionedSurface {
  package: string;
  version: string;
}

/** How surfaces are built: from a verified tarball's bytes, or from an installed package folder. */
export interface SurfaceBuilders<S> {
  fromTarball(bytes: Buffer, meta: { name: string; version: string }): Promise<S>;
  fromDir(dir: string, meta: { name: string; version: string }): Promise<S>;
}

export type SurfaceOrigin = 'corpus' | 'installed' | 'cache' | 'fetched';

export type SurfaceFailure =
  'disabled' | 'no-such-version' | 'integrity' | 'timeout' | 'unreachable' | 'unreadable' | 'invalid';

export type SurfaceResult<S> =
  | { ok: true; surface: S; origin: SurfaceOrigin; /** Download + build time, for `fetched`. */ ms?: number }
  | { ok: false; code: SurfaceFailure; reason: string };

export interface VersionSurfacesOptions<S> {
  cacheDir: string;
  lookup: VersionLookup;
  fetcher: TarballFetcher;
  builders: SurfaceBuilders<S>;
  /** Surfaces the corpus carries (the pinned versions): answered without any I/O. */
  pinned: S[];
  /** False turns off every download (`--offline`, `WORKOS_DOCS_MCP_OFFLINE=1`); caches still answer. */
  fetching: boolean;
  /** Packages we may fetch: only known SDK names ever reach the registry. */
  allowed: (name: string) => boolean;
  /** Bump when the surface shape changes, so older cached surfaces are rebuilt. */
  format: number;
  /** Longest a caller waits for a download + build; the work goes on and fills the cache. */
  timeoutMs?: number;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 60_000;
/** A failed lookup is not retried on every call; a version that does not exist never is. */
const FAILURE_TTL_MS = 60_000;
/** Surfaces kept in memory per process (each is a few hundred KB of JSON). */
const MAX_LOADED = 16;

/** The env switch that turns off all fetching of SDK versions (same effect as `--offline`). */
export function fetchingAllowed(env: NodeJS.ProcessEnv = process.env, flag?: boolean): boolean {
  if (flag === false) return false;
  const v = env.WORKOS_DOCS_MCP_OFFLINE?.trim().toLowerCase();
  return !(v && v !== '0' && v !== 'false' && v !== 'no');
}

/**
 * The SDK surface of an exact package version, from the cheapest place that has it: the corpus,
 * the project's installed package, the user cache, or — when allowed — the registry tarball
 * (integrity-checked, cached, built with the same code as the pinned surfaces). It never answers
 * with another version than the one asked for: a miss says why.
 */
export class VersionSurfaces<S extends VersionedSurface> {
  private readonly inflight = new Map<string, Promise<SurfaceResult<S>>>();
  private readonly installed = new Map<string, S>();
  /** Surfaces read from the cache or built this process, so a version is parsed once per process. */
  private readonly loaded = new Map<string, S>();
  private readonly failures = new Map<string, { at: number; result: SurfaceResult<S> }>();

  constructor(private readonly options: VersionSurfacesOptions<S>) {}

  get fetching(): boolean {
    return this.options.fetching;
  }

  async get(name: string, version: string, installedDir?: string): Promise<SurfaceResult<S>> {
    if (!semver.valid(version) || semver.clean(version) !== version)
      return {
        ok: false,
        code: 'invalid',
        reason: `"${version.slice(0, 40)}" is not an exact version (like 8.13.0)`,
      };
    if (!this.options.allowed(name))
      return {
        ok: false,
        code: 'invalid',
        reason: `${name.slice(0, 60)} is not a WorkOS JavaScript SDK package we know`,
      };
    const pinned = this.options.pinned.find((s) => s.package === name && s.version === version);
    if (pinned) return { ok: true, surface: pinned, origin: 'corpus' };
    if (installedDir) {
      const built = await this.fromInstalled(name, version, installedDir);
      if (built) return { ok: true, surface: built, origin: 'installed' };
    }
    const key = `${name}@${version}`;
    const loaded = this.loaded.get(key);
    if (loaded) return { ok: true, surface: loaded, origin: 'cache' };
    const file = surfaceCacheFile(this.options.cacheDir, name, version);
    const cached = await readCachedSurface<S>(file, this.options.format);
    if (cached) {
      this.remember(key, cached);
      return { ok: true, surface: cached, origin: 'cache' };
    }
    if (!this.options.fetching)
      return {
        ok: false,
        code: 'disabled',
        reason: `fetching SDK versions is turned off (--offline or WORKOS_DOCS_MCP_OFFLINE), and ${name}@${version} is not cached`,
      };
    const failed = this.failures.get(key);
    if (
      failed &&
      ((failed.result.ok === false && failed.result.code === 'no-such-version') ||
        Date.now() - failed.at < FAILURE_TTL_MS)
    )
      return failed.result;
    let work = this.inflight.get(key);
    if (!work) {
      work = this.fetchAndBuild(name, version, file).finally(() => this.inflight.delete(key));
      this.inflight.set(key, work);
    }
    return withTimeout(work, this.options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS, key);
  }

  /** A few versions per process at most; the oldest is dropped past the bound. */
  private remember(key: string, surface: S): void {
    if (this.loaded.size >= MAX_LOADED) this.loaded.delete(this.loaded.keys().next().value as string);
    this.loaded.set(key, surface);
  }

  private async fromInstalled(name: string, version: string, dir: string): Promise<S | undefined> {
    const key = `${dir}\0${name}@${version}`;
    const memo = this.installed.get(key);
    if (memo) return memo;
    try {
      const surface = await this.options.builders.fromDir(dir, { name, version });
      // Installed copies may be patched; they are kept for this process only, never in the shared cache.
      this.installed.set(key, surface);
      return surface;
    } catch {
      return undefined;
    }
  }

  private async fetchAndBuild(name: string, version: string, file: string): Promise<SurfaceResult<S>> {
    const started = performance.now();
    const key = `${name}@${version}`;
    try {
      const ref = await this.options.lookup(name, version);
      const { bytes } = await getVerifiedTarball(this.options.cacheDir, ref, this.options.fetcher);
      const surface = await this.options.builders.fromTarball(bytes, { name, version });
      await writeCachedSurface(file, this.options.format, surface);
      this.remember(key, surface);
      return { ok: true, surface, origin: 'fetched', ms: Math.round(performance.now() - started) };
    } catch (err) {
      const result = failure<S>(err, key);
      this.failures.set(key, { at: Date.now(), result });
      return result;
    }
  }
}

function failure<S>(err: unknown, key: string): SurfaceResult<S> {
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  if (err instanceof NoSuchVersionError) return { ok: false, code: 'no-such-version', reason: message };
  if (err instanceof IntegrityError) return { ok: false, code: 'integrity', reason: message };
  if (err instanceof RegistryError || err instanceof FetchError)
    return { ok: false, code: 'unreachable', reason: message };
  return {
    ok: false,
    code: 'unreadable',
    reason: `the declarations of ${key} could not be read: ${message}`,
  };
}

async function withTimeout<S>(
  work: Promise<SurfaceResult<S>>,
  ms: number,
  key: string,
): Promise<SurfaceResult<S>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<SurfaceResult<S>>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ok: false,
          code: 'timeout',
          reason: `getting ${key} took longer than ${Math.round(ms / 1000)} s; it goes on in the background and the next answer will use it`,
        }),
      ms,
    );
    timer.unref?.();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
