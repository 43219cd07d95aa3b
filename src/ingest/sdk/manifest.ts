import { readFile } from 'node:fs/promises';

/**
 * The pinned source manifest (`sources.json` at the package root): which SDK packages
 * a build ingests, at which exact version, with the registry's sha512 integrity so a
 * build is reproducible and a tampered tarball is refused.
 */
export interface PinnedPackage {
  name: string;
  /** Exact version, never a range. */
  version: string;
  /** Subresource-integrity string from the registry's `dist.integrity` (`sha512-…`). */
  integrity: string;
  /** Registry tarball URL (`dist.tarball`). */
  tarball: string;
  /** Doc path for the README, default `sdks/<name without scope>`. */
  path?: string;
  /** Framework its code examples target (`nextjs`, `react`, `node`, `vanilla-js`, ...). */
  framework?: string;
}

export interface SourceManifest {
  packages: PinnedPackage[];
}

export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
const SHA512 = /^sha512-[A-Za-z0-9+/]{86}==$/;

/** Validates parsed JSON; every problem names the entry and what was expected. */
export function validateManifest(data: unknown, origin = 'sources.json'): SourceManifest {
  const fail = (what: string): never => {
    throw new ManifestError(`${origin}: ${what}`);
  };
  if (
    typeof data !== 'object' ||
    data === null ||
    !Array.isArray((data as { packages?: unknown }).packages)
  ) {
    fail('expected an object with a "packages" array');
  }
  const packages: PinnedPackage[] = [];
  const seen = new Set<string>();
  (data as { packages: unknown[] }).packages.forEach((raw, i) => {
    const p = raw as Partial<Record<keyof PinnedPackage, unknown>>;
    const at = `packages[${i}]`;
    if (typeof p?.name !== 'string' || !PACKAGE_NAME.test(p.name))
      fail(`${at}.name must be an npm package name`);
    const name = p.name as string;
    if (seen.has(name)) fail(`${at}: ${name} is listed twice`);
    seen.add(name);
    if (typeof p.version !== 'string' || !EXACT_VERSION.test(p.version)) {
      fail(`${at} (${name}): version must be an exact version like 1.2.3, got ${JSON.stringify(p.version)}`);
    }
    if (typeof p.integrity !== 'string' || !SHA512.test(p.integrity)) {
      fail(`${at} (${name}): integrity must be a sha512-… string from the registry's dist.integrity`);
    }
    if (typeof p.tarball !== 'string' || !/^https?:\/\//.test(p.tarball))
      fail(`${at} (${name}): tarball must be an http(s) URL`);
    if (p.path !== undefined && (typeof p.path !== 'string' || !/^sdks\/[a-z0-9-]+$/.test(p.path))) {
      fail(`${at} (${name}): path must look like sdks/<name>`);
    }
    if (p.framework !== undefined && (typeof p.framework !== 'string' || !/^[a-z0-9-]+$/.test(p.framework))) {
      fail(`${at} (${name}): framework must be a lower-case word like nextjs`);
    }
    packages.push({
      name,
      version: p.version as string,
      integrity: p.integrity as string,
      tarball: p.tarball as string,
      ...(p.path ? { path: p.path as string } : {}),
      ...(p.framework ? { framework: p.framework as string } : {}),
    });
  });
  return { packages };
}

export async function readManifest(file: string): Promise<SourceManifest> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ManifestError(`cannot read source manifest ${file}: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ManifestError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  return validateManifest(data, file);
}

/** `@workos-inc/authkit-nextjs` -> `sdks/authkit-nextjs` unless the manifest names a path. */
export function docPathOf(pkg: PinnedPackage): string {
  return pkg.path ?? `sdks/${pkg.name.replace(/^@[^/]+\//, '')}`;
}
