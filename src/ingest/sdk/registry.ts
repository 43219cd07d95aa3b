import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { firstLine } from './fetchers.js';

const execFileAsync = promisify(execFile);

/** The newest published version of a package, as the registry reports it. */
export interface PublishedVersion {
  name: string;
  version: string;
  integrity: string;
  tarball: string;
}

/** Looks up the `latest` dist-tag of a package. Injected so tests use a loopback registry. */
export type RegistryClient = (name: string) => Promise<PublishedVersion>;

export class RegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

const NPM_TIMEOUT_MS = 60_000;

/** `npm view <spec>` of the fields a download needs; a failed run rejects with npm's own error. */
export async function npmViewDist(npmCommand: string, spec: string, timeoutMs: number): Promise<string> {
  const { stdout } = await execFileAsync(
    npmCommand,
    ['view', spec, 'version', 'dist.integrity', 'dist.tarball', '--json'],
    { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024, shell: process.platform === 'win32' },
  );
  return stdout;
}

/** npm view's JSON (empty output = nothing matched); `what` names the request in the error. */
export function parseNpmView(stdout: string, what: string): Record<string, unknown> {
  try {
    return JSON.parse(stdout || '{}') as Record<string, unknown>;
  } catch {
    throw new RegistryError(`npm view ${what} printed something that is not JSON`);
  }
}

/** Asks through `npm view`, so the user's registry, proxy, auth and CA configuration all apply. */
export function npmViewRegistry(npmCommand = 'npm'): RegistryClient {
  return async (name) => {
    let stdout: string;
    try {
      stdout = await npmViewDist(npmCommand, `${name}@latest`, NPM_TIMEOUT_MS);
    } catch (err) {
      throw new RegistryError(`npm view ${name} failed: ${firstLine(err)}`);
    }
    const data = parseNpmView(stdout, name);
    return published(name, data.version, data['dist.integrity'], data['dist.tarball']);
  };
}

/** The packument fields we read: dist-tags and each version's integrity and tarball. */
export interface Packument {
  'dist-tags'?: { latest?: string };
  versions?: Record<string, { dist?: { integrity?: string; tarball?: string } }>;
}

/**
 * Reads packuments straight from a registry URL (npm's JSON API; used by tests and where npm is
 * absent). Throws a RegistryError when the registry cannot be reached or refuses.
 */
export function packumentReader(
  registryUrl: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 30_000,
): (name: string) => Promise<Packument> {
  const base = registryUrl.replace(/\/+$/, '');
  return async (name) => {
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
    return (await res.json().catch(() => ({}))) as Packument;
  };
}

/** The latest version from the packument (arguments as for `packumentReader`). */
export function httpRegistry(...reader: Parameters<typeof packumentReader>): RegistryClient {
  const packument = packumentReader(...reader);
  return async (name) => {
    const doc = await packument(name);
    const latest = doc['dist-tags']?.latest;
    const dist = latest ? doc.versions?.[latest]?.dist : undefined;
    return published(name, latest, dist?.integrity, dist?.tarball);
  };
}

/** A complete registry record, or a RegistryError naming the package. */
export function published(
  name: string,
  version: unknown,
  integrity: unknown,
  tarball: unknown,
): PublishedVersion {
  if (typeof version !== 'string' || typeof integrity !== 'string' || typeof tarball !== 'string') {
    throw new RegistryError(`the npm registry gave no version, integrity and tarball for ${name}`);
  }
  return { name, version, integrity, tarball };
}
