import type { SdkSurface } from '../../corpus/sdk-surface.js';
import { defaultCacheDir } from '../../ingest/sdk/cache.js';
import { httpFetcher, npmPackFetcher } from '../../ingest/sdk/fetchers.js';
import { installedDir } from '../project/context.js';
import { isWorkosNpmName } from '../project/npm.js';
import type { ProjectScan } from '../project/types.js';
import { sdkSurfaceBuilders } from './builders.js';
import { httpVersionLookup, npmViewVersion } from './registry-version.js';
import { fetchingAllowed, VersionSurfaces, type SurfaceResult } from './version-surfaces.js';

/** Bump when SdkSurface changes shape: cached surfaces of another format are rebuilt. */
export const SURFACE_CACHE_FORMAT = 1;
/** A project rarely has more; each one may cost a download the first time. */
const MAX_PACKAGES = 4;

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

export interface ProjectSurface {
  package: string;
  version: string;
  result: SurfaceResult<SdkSurface>;
}

/** The surface of each JavaScript WorkOS package the project pins to an exact version. */
export async function projectSurfaces(
  scan: ProjectScan,
  surfaces: VersionSurfaces<SdkSurface>,
): Promise<ProjectSurface[]> {
  const out: ProjectSurface[] = [];
  for (const pkg of scan.packages.filter((p) => p.ecosystem === 'npm' && p.version).slice(0, MAX_PACKAGES)) {
    out.push({
      package: pkg.name,
      version: pkg.version!,
      result: await surfaces.get(pkg.name, pkg.version!, installedDir(pkg)),
    });
  }
  return out;
}

const ORIGIN_WORDS = {
  corpus: "in this server's corpus",
  installed: 'read from your installed copy in node_modules',
  cache: 'from the user cache',
  fetched: 'downloaded from npm and read',
} as const;

/** One line per surface, saying which version answers are for and what getting it cost. */
export function describeSurfaces(list: ProjectSurface[], scan: ProjectScan): string[] {
  const lines: string[] = [];
  for (const s of list) {
    const label = `${s.package} ${s.version}`;
    if (s.result.ok) {
      const cost =
        s.result.origin === 'fetched' && s.result.ms !== undefined
          ? ` in ${(s.result.ms / 1000).toFixed(1)} s (cached for next time)`
          : '';
      lines.push(
        `- ${label}: API surface ${ORIGIN_WORDS[s.result.origin]}${cost}; ${s.result.surface.symbols.length} symbols.`,
      );
    } else {
      lines.push(
        `- ${label}: no API surface (${s.result.reason}). Answers are not for ${s.version}: they name the version they use.`,
      );
    }
  }
  for (const p of scan.packages.filter((p) => p.ecosystem === 'npm' && !p.version))
    lines.push(
      `- ${p.name}: only a range (${p.range}), no lockfile or install; install it to get answers for your version.`,
    );
  return lines.length > 0 ? ['', 'SDK surfaces used for answers:', ...lines] : [];
}
