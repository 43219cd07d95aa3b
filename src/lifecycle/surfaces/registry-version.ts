import semver from 'semver';
import { firstLine } from '../../ingest/sdk/fetchers.js';
import {
  npmViewDist,
  parseNpmView,
  RegistryError,
  type PublishedVersion,
} from '../../ingest/sdk/registry.js';

/** The registry's record of one exact version (integrity + tarball), or a typed reason why not. */
export type VersionLookup = (name: string, version: string) => Promise<PublishedVersion>;

/** The registry knows the package but not this version (a typo, an unpublished or future version). */
export class NoSuchVersionError extends RegistryError {
  override name = 'NoSuchVersionError';
  constructor(
    readonly pkg: string,
    readonly version: string,
    readonly known?: string[],
  ) {
    super(`${pkg}@${version} does not exist on the npm registry${closest(version, known)}`);
  }
}

function closest(version: string, known: string[] | undefined): string {
  if (!known?.length) return '';
  const major = semver.valid(version) ? semver.major(version) : undefined;
  const same = known.filter((v) => semver.valid(v) && semver.major(v) === major);
  const pick = (same.length ? same : known).filter((v) => semver.valid(v)).sort(semver.rcompare)[0];
  return pick ? ` (the newest ${same.length ? `${major}.x` : 'version'} is ${pick})` : '';
}

const NPM_TIMEOUT_MS = 30_000;

/** `npm view <name>@<version>`: the user's registry, proxy, auth and CA configuration apply. */
export function npmViewVersion(npmCommand = 'npm'): VersionLookup {
  return async (name, version) => {
    let stdout: string;
    try {
      stdout = await npmViewDist(npmCommand, `${name}@${version}`, NPM_TIMEOUT_MS);
    } catch (err) {
      const out = (err as { stdout?: string }).stdout ?? '';
      if (/No match found for version/i.test(out) || /No match found for version/i.test(firstLine(err)))
        throw new NoSuchVersionError(name, version);
      throw new RegistryError(`npm view ${name}@${version} failed: ${firstLine(err)}`);
    }
    let data = parseNpmView(stdout, `${name}@${version}`);
    // A range matching several versions prints an array; we only ever ask for exact versions.
    if (Array.isArray(data)) data = (data.at(-1) ?? {}) as Record<string, unknown>;
    if (!data.version) throw new NoSuchVersionError(name, version);
    return published(name, data.version, data['dist.integrity'], data['dist.tarball']);
  };
}

/** The packument straight from a registry URL (tests, or where npm is absent). */
export function httpVersionLookup(
  registryUrl: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 30_000,
): VersionLookup {
  const base = registryUrl.replace(/\/+$/, '');
  return async (name, version) => {
    let res: Response;
    try {
      res = await fetchImpl(`${base}/${name.replace('/', '%2f')}`, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new RegistryError(`cannot reach the npm registry at ${base} for ${name}: ${firstLine(err)}`);
    }
    if (!res.ok) throw new RegistryError(`the npm registry answered HTTP ${res.status} for ${name}`);
    const doc = (await res.json().catch(() => ({}))) as {
      versions?: Record<string, { dist?: { integrity?: string; tarball?: string } }>;
    };
    const dist = doc.versions?.[version]?.dist;
    if (!dist) throw new NoSuchVersionError(name, version, Object.keys(doc.versions ?? {}));
    return published(name, version, dist.integrity, dist.tarball);
  };
}

function published(name: string, version: unknown, integrity: unknown, tarball: unknown): PublishedVersion {
  if (typeof version !== 'string' || typeof integrity !== 'string' || typeof tarball !== 'string')
    throw new RegistryError(`the npm registry gave no version, integrity and tarball for ${name}`);
  return { name, version, integrity, tarball };
}
