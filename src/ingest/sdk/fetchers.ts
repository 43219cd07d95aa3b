import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { conciseNpmReason, parseNpmJsonError } from './registry-probe.js';

const execFileAsync = promisify(execFile);

/** What a fetcher needs to know about a package version. */
export interface TarballRef {
  name: string;
  version: string;
  /** Registry tarball URL, when known. */
  tarball?: string;
}

/** Gets the bytes of one package tarball. Injected so tests never touch the network. */
export type TarballFetcher = (ref: TarballRef) => Promise<Buffer>;

export class FetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FetchError';
  }
}

const NPM_TIMEOUT_MS = 120_000;

/**
 * Fetches with `npm pack <name>@<version>`, so the user's npm registry, proxy, auth and
 * CA settings all apply. Only the tarball is downloaded: npm pack installs nothing.
 */
export function npmPackFetcher(npmCommand = 'npm'): TarballFetcher {
  return async (ref) => {
    const dir = await mkdtemp(join(tmpdir(), 'workos-docs-mcp-pack-'));
    try {
      let stdout: string;
      try {
        ({ stdout } = await execFileAsync(
          npmCommand,
          [
            'pack',
            `${ref.name}@${ref.version}`,
            '--pack-destination',
            dir,
            '--json',
            '--ignore-scripts',
            // Pinned version + verified sha512: npm's cached copy is as good as a download.
            '--prefer-offline',
            // Not --silent: it hides npm's reason, which is the one thing a failed build must show.
            '--loglevel=error',
          ],
          { timeout: NPM_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, shell: process.platform === 'win32' },
        ));
      } catch (err) {
        throw new FetchError(`npm pack ${ref.name}@${ref.version} failed: ${firstLine(err)}`);
      }
      const packed = parsePackJson(stdout);
      if (!packed) throw new FetchError(`npm pack ${ref.name}@${ref.version} printed no tarball name`);
      return await readFile(join(dir, packed));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

function parsePackJson(stdout: string): string | undefined {
  try {
    const data = JSON.parse(stdout) as Array<{ filename?: string }>;
    return data[0]?.filename?.replace(/^@/, '').replace(/\//g, '-');
  } catch {
    return undefined;
  }
}

/** Fetches `ref.tarball` over HTTP (used against a loopback registry in tests, or when npm is absent). */
export function httpFetcher(fetchImpl: typeof fetch = fetch, timeoutMs = 60_000): TarballFetcher {
  return async (ref) => {
    if (!ref.tarball) throw new FetchError(`${ref.name}@${ref.version}: no tarball URL to fetch`);
    let res: Response;
    try {
      res = await fetchImpl(ref.tarball, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new FetchError(
        `cannot download ${ref.name}@${ref.version} from ${ref.tarball}: ${firstLine(err)}`,
      );
    }
    if (!res.ok)
      throw new FetchError(
        `cannot download ${ref.name}@${ref.version}: HTTP ${res.status} from ${ref.tarball}`,
      );
    return Buffer.from(await res.arrayBuffer());
  };
}

/** The most useful single line of an error (npm's own reason, a fetch cause, or the message). */
export function firstLine(err: unknown): string {
  const e = err as { stdout?: string; stderr?: string; cause?: unknown; message?: string };
  // With --json npm reports the failure as JSON on stdout: the most precise reason there is.
  const json = typeof e?.stdout === 'string' ? parseNpmJsonError(e.stdout) : undefined;
  if (json) return conciseNpmReason(json);
  if (typeof e?.stderr === 'string') {
    const lines = e.stderr
      .split('\n')
      .filter((l) => /^npm (ERR!|error)\s/i.test(l))
      .map((l) => l.replace(/^npm (ERR!|error)\s+/i, '').trim())
      .filter(Boolean);
    // `code E404`, `syscall connect` and `errno …` are details; the next line says what happened.
    const reason = lines.find((l) => !/^(code|syscall|errno|path|A complete log)\b/.test(l)) ?? lines[0];
    if (reason) return reason;
  }
  if (e?.cause instanceof Error) return e.cause.message;
  const msg = e?.message ?? String(err);
  return msg.split('\n')[0];
}
