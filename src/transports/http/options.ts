/**
 * Options of the hosted HTTP mode, their documented defaults, and the one place they are checked.
 * The CLI turns flags and env vars into a partial HttpOptions; resolveHttpOptions fills the rest.
 */
import { readFileSync } from 'node:fs';

/** Hostnames a local server accepts by default (DNS-rebinding protection). Port-agnostic, like the SDK's. */
export const LOOPBACK_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]'] as const;

export interface HttpOptions {
  /** Interface to bind (default 127.0.0.1: reachable from this machine only). */
  host: string;
  /** TCP port (default 3000; 0 picks a free port). */
  port: number;
  /** Bearer token clients must send; undefined = no authentication. */
  token?: string;
  /**
   * Host header values accepted (`name` matches any port, `name:port` only that port).
   * `['*']` accepts any. Default: the loopback names, and only when bound to a loopback address.
   */
  allowedHosts: string[];
  /** Origin header values accepted (`scheme://host[:port]`); `['*']` any. Default: origins whose host passes allowedHosts. */
  allowedOrigins?: string[];
  /** Origins that get CORS headers (`['*']` = any); empty = CORS off (the default). */
  corsOrigins: string[];
  /** Largest accepted request body in bytes (default 1 MiB). */
  maxBodyBytes: number;
  /** Longest time one request may take, in ms (default 30 s). */
  requestTimeoutMs: number;
  /** How long a graceful shutdown waits for in-flight requests before forcing, in ms (default 10 s). */
  shutdownTimeoutMs: number;
  /** Write one JSON access-log line per request to stderr (default true). */
  accessLog: boolean;
  /** Answer with plain JSON instead of an SSE stream (default false: SSE, so in-request notifications reach the client). */
  jsonResponse: boolean;
  /**
   * Open connections per process, at most (default: 1,000, or less when the open-file limit is lower).
   * Past it, idle connections are closed to make room, and a new one is refused if none is idle.
   */
  maxConnections: number;
  /** MCP requests handled at once per process; more are answered 503 with Retry-After (default 64). */
  maxInFlight: number;
  /** Time to receive a request's headers, in ms (default 10 s: a slow-loris client cannot hold a socket longer). */
  headersTimeoutMs: number;
  /** How long an idle kept-alive connection stays open, in ms (default 5 s). */
  keepAliveTimeoutMs: number;
  /**
   * Tool threads per process that hold the corpus and run the tool calls (default 1), so the HTTP
   * thread stays free for /healthz and other clients; 0 runs them on the HTTP thread.
   */
  threads: number;
  /** V8 old-space limit of each tool thread in MiB (default: V8's): past it only that thread is replaced. */
  threadHeapMb?: number;
}

export const HTTP_DEFAULTS = {
  host: '127.0.0.1',
  port: 3000,
  maxBodyBytes: 1024 * 1024,
  requestTimeoutMs: 30_000,
  shutdownTimeoutMs: 10_000,
  accessLog: true,
  jsonResponse: false,
  maxConnections: 1000,
  maxInFlight: 64,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  threads: 1,
} as const;

/** More tool threads than this per process only add memory (each holds the corpus). */
export const MAX_THREADS = 64;

/**
 * The soft open-file limit (Linux /proc; undefined elsewhere). A connection cap above it would let
 * idle sockets exhaust descriptors and make every request fail, /healthz included.
 */
export function openFileLimit(): number | undefined {
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const m = /^Max open files\s+(\d+)/m.exec(limits);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The default connection cap: 1,000, or three quarters of the open-file limit when that is lower. */
export function defaultMaxConnections(limit = openFileLimit()): number {
  if (limit === undefined) return HTTP_DEFAULTS.maxConnections;
  return Math.max(16, Math.min(HTTP_DEFAULTS.maxConnections, Math.floor(limit * 0.75) - 16));
}

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h === '::1' || h === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * Fills defaults and refuses combinations that would silently expose the server.
 * Throws an Error whose message tells the operator what to pass instead.
 */
export function resolveHttpOptions(input: Partial<HttpOptions>): HttpOptions {
  const host = input.host ?? HTTP_DEFAULTS.host;
  const port = input.port ?? HTTP_DEFAULTS.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer from 0 to 65535, got ${String(port)}`);
  }
  let allowedHosts = input.allowedHosts?.filter((h) => h.length > 0);
  if (!allowedHosts || allowedHosts.length === 0) {
    if (!isLoopbackHost(host)) {
      throw new Error(
        `binding to ${host} needs --allowed-hosts: list the Host names clients use (e.g. --allowed-hosts docs.example.com), ` +
          `or pass --allowed-hosts '*' when a proxy in front already checks them`,
      );
    }
    allowedHosts = [...LOOPBACK_HOSTNAMES];
  }
  const token = input.token === '' ? undefined : input.token;
  if (token !== undefined && token.length < 16) {
    throw new Error('--token must be at least 16 characters (e.g. `openssl rand -hex 32`)');
  }
  const positive = (name: string, value: number | undefined, fallback: number): number => {
    const v = value ?? fallback;
    if (!Number.isFinite(v) || v <= 0)
      throw new Error(`${name} must be a positive number, got ${String(value)}`);
    return v;
  };
  const threads = input.threads ?? HTTP_DEFAULTS.threads;
  if (!Number.isInteger(threads) || threads < 0 || threads > MAX_THREADS)
    throw new Error(
      `--threads must be a whole number from 0 to ${MAX_THREADS}, got ${String(input.threads)}`,
    );
  return {
    host,
    port,
    token,
    allowedHosts: allowedHosts.map((h) => h.toLowerCase()),
    allowedOrigins: input.allowedOrigins
      ?.filter((o) => o.length > 0)
      .map((o) => o.toLowerCase().replace(/\/$/, '')),
    corsOrigins: (input.corsOrigins ?? []).filter((o) => o.length > 0).map((o) => o.replace(/\/$/, '')),
    maxBodyBytes: positive('--max-body', input.maxBodyBytes, HTTP_DEFAULTS.maxBodyBytes),
    requestTimeoutMs: positive('--request-timeout', input.requestTimeoutMs, HTTP_DEFAULTS.requestTimeoutMs),
    shutdownTimeoutMs: positive(
      '--shutdown-timeout',
      input.shutdownTimeoutMs,
      HTTP_DEFAULTS.shutdownTimeoutMs,
    ),
    accessLog: input.accessLog ?? HTTP_DEFAULTS.accessLog,
    jsonResponse: input.jsonResponse ?? HTTP_DEFAULTS.jsonResponse,
    maxConnections: Math.floor(positive('--max-connections', input.maxConnections, defaultMaxConnections())),
    maxInFlight: Math.floor(positive('--max-in-flight', input.maxInFlight, HTTP_DEFAULTS.maxInFlight)),
    headersTimeoutMs: positive('--headers-timeout', input.headersTimeoutMs, HTTP_DEFAULTS.headersTimeoutMs),
    keepAliveTimeoutMs: positive(
      '--keep-alive-timeout',
      input.keepAliveTimeoutMs,
      HTTP_DEFAULTS.keepAliveTimeoutMs,
    ),
    threads,
    threadHeapMb: input.threadHeapMb,
  };
}
