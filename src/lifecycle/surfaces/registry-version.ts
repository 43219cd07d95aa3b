import semver from 'semver';
import { firstLine } from '../../ingest/sdk/fetchers.js';
import {
  npmViewDist,
  packumentReader,
  parseNpmView,
  published,
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

/** The packument straight from a registry URL (arguments as for `packumentReader`). */
export function httpVersionLookup(...reader: Parameters<typeof packumentReader>): VersionLookup {
  const packument = packumentReader(...reader);
  return async (name, version) => {
    const doc = await packument(name);
    const dist = doc.versions?.[version]?.dist;
    if (!dist) throw new NoSuchVersionError(name, version, Object.keys(doc.versions ?? {}));
    return published(name, version, dist.integrity, dist.tarball);
  };
}
