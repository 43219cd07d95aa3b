import type { SdkSurface } from '../../corpus/sdk-surface.js';
import { defaultCacheDir } from '../../ingest/sdk/cache.js';
import { httpFetcher, npmPackFetcher } from '../../ingest/sdk/fetchers.js';
import { isWorkosNpmName } from '../project/npm.js';
import { sdkSurfaceBuilders } from './builders.js';
import { httpVersionLookup, npmViewVersion } from './registry-version.js';
import { fetchingAllowed, VersionSurfaces } from './version-surfaces.js';

/** Bump when SdkSurface changes shape: cached surfaces of another format are rebuilt. */
export const SURFACE_CACHE_FORMAT = 1;

export interface SurfaceOptions {
  /** A registry URL to use instead of npm's configuration (tests, mirrors). */
  registry?: string;
  /** `--offline`: never download; caches and installed packages still answer. */
  offline?: boolean;
  env?: NodeJS.ProcessEnv;
  pinned?: SdkSurface[];
}

/** Surfaces of exact JS SDK versions for this process: the user cache, npm's own configuration. */
export function defaultVersionSurfaces(options: SurfaceOptions = {}): VersionSurfaces<SdkSurface> {
  const env = options.env ?? process.env;
  return new VersionSurfaces<SdkSurface>({
    cacheDir: defaultCacheDir(env),
    lookup: options.registry ? httpVersionLookup(options.registry) : npmViewVersion(),
    fetcher: options.registry ? httpFetcher() : npmPackFetcher(),
    builders: sdkSurfaceBuilders,
    pinned: options.pinned ?? [],
    fetching: fetchingAllowed(env, options.offline ? false : undefined),
    allowed: isWorkosNpmName,
    format: SURFACE_CACHE_FORMAT,
  });
}
