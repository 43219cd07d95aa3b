import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Whether the npm registry answers at all, asked once before any package is fetched. */
export type ProbeResult = { ok: true } | { ok: false; registry: string; reason: string };

/** One cheap question to the registry; injected so tests never touch the network. */
export type RegistryProbe = () => Promise<ProbeResult>;

/** Short on purpose: a registry that does not answer a ping in this time will not serve ten tarballs. */
export const PROBE_TIMEOUT_MS = 5_000;

/**
 * `npm ping` with no retries and a short timeout, so the user's registry, proxy, auth and CA
 * settings apply exactly as for `npm pack`. Without it an unreachable registry costs npm's own
 * retry schedule (about 70 s) per package. Any HTTP answer (even 404 from a registry without a
 * ping endpoint) counts as reachable: only connection-level failures mean "offline".
 */
export function npmPingProbe(npmCommand = 'npm', timeoutMs = PROBE_TIMEOUT_MS): RegistryProbe {
  return async () => {
    try {
      await execFileAsync(
        npmCommand,
        ['ping', '--json', '--fetch-retries=0', `--fetch-timeout=${timeoutMs}`, '--loglevel=error'],
        { timeout: timeoutMs + 5_000, maxBuffer: 1024 * 1024, shell: process.platform === 'win32' },
      );
      return { ok: true };
    } catch (err) {
      const e = err as { stdout?: string; killed?: boolean; code?: unknown; message?: string };
      if (e.code === 'ENOENT')
        return { ok: false, registry: 'npm', reason: `the ${npmCommand} command is not installed` };
      if (e.killed)
        return { ok: false, registry: 'npm', reason: `npm ping did not answer within ${timeoutMs / 1000} s` };
      const parsed = parseNpmJsonError(e.stdout);
      if (parsed && /^E\d{3}$/.test(parsed.code)) return { ok: true };
      return {
        ok: false,
        registry: registryOf(parsed?.summary) ?? 'npm',
        reason: parsed ? conciseNpmReason(parsed) : (e.message ?? String(err)).split('\n')[0],
      };
    }
  };
}

export interface NpmJsonError {
  code: string;
  summary: string;
}

/** npm prints `{"error":{"code","summary","detail"}}` on stdout when run with --json. */
export function parseNpmJsonError(stdout: string | undefined): NpmJsonError | undefined {
  if (!stdout) return undefined;
  // npm may print the error object after other JSON (or after nothing): take the last top-level object.
  const at = stdout.lastIndexOf('{\n  "error"');
  const text = at >= 0 ? stdout.slice(at) : stdout;
  try {
    const data = JSON.parse(text) as { error?: { code?: unknown; summary?: unknown } };
    const code = typeof data.error?.code === 'string' ? data.error.code : '';
    const summary = typeof data.error?.summary === 'string' ? data.error.summary : '';
    return code || summary ? { code, summary } : undefined;
  } catch {
    return undefined;
  }
}

/** `FetchError: request to http://x/-/ping failed, reason: connect ECONNREFUSED 127.0.0.1:9` -> `connect ECONNREFUSED 127.0.0.1:9`. */
export function conciseNpmReason(e: NpmJsonError): string {
  const reason = /reason: (.+)$/.exec(e.summary)?.[1];
  return (reason ?? (e.summary || e.code)).split('\n')[0].trim();
}

function registryOf(summary: string | undefined): string | undefined {
  const url = /request to (\S+?:\/\/[^/\s]+\/?)/.exec(summary ?? '')?.[1];
  return url;
}
