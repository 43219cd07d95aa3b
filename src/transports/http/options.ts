/**
 * Options of the hosted HTTP mode, their documented defaults, and the one place they are checked.
 * The CLI turns flags and env vars into a partial HttpOptions; resolveHttpOptions fills the rest.
 */

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
}

export const HTTP_DEFAULTS = {
  host: '127.0.0.1',
  port: 3000,
  maxBodyBytes: 1024 * 1024,
  requestTimeoutMs: 30_000,
  shutdownTimeoutMs: 10_000,
  accessLog: true,
  jsonResponse: false,
} as const;

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
  };
}
