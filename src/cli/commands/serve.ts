import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { serveStdio } from '../serve-stdio.js';
import { httpThreadEntry } from '../http-thread-entry.js';
import { HTTP_DEFAULTS, resolveHttpOptions, runHttp, type HttpOptions } from '../../transports/http/index.js';

export const TOKEN_ENV = 'WORKOS_DOCS_MCP_TOKEN';
export const ALLOWED_HOSTS_ENV = 'WORKOS_DOCS_MCP_ALLOWED_HOSTS';
/** Read by lifecycle/surfaces (fetchingAllowed): no SDK version is ever downloaded. */
const OFFLINE_ENV = 'WORKOS_DOCS_MCP_OFFLINE';

interface ServeFlags {
  http?: boolean;
  port?: string;
  host?: string;
  token?: string;
  allowedHosts?: string;
  allowedOrigins?: string;
  cors?: string;
  workers?: string;
  maxBody?: string;
  requestTimeout?: string;
  shutdownTimeout?: string;
  maxConnections?: string;
  maxInFlight?: string;
  headersTimeout?: string;
  keepAliveTimeout?: string;
  threads?: string;
  accessLog: boolean;
  jsonResponse?: boolean;
  corpus?: string;
  offline?: boolean;
}

/** `1mb`, `512kb`, `2048` -> bytes. */
export function parseByteSize(value: string, name = '--max-body'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m)?\s*$/i.exec(value);
  if (!m) throw new Error(`${name} must be a size such as 1mb, 512kb or 65536, got "${value}"`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1;
  return Math.floor(Number(m[1]) * factor);
}

function parseInteger(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new Error(`${flag} must be a whole number, got "${value}"`);
  return Number(value);
}

function parseList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseWorkers(value: string | undefined): number {
  if (value === undefined) return 1;
  if (value === 'auto') return availableParallelism();
  const n = parseInteger('--workers', value) ?? 1;
  if (n < 1 || n > 64) throw new Error(`--workers must be from 1 to 64 (or "auto"), got ${n}`);
  return n;
}

type LimitKey =
  | 'maxBody'
  | 'requestTimeout'
  | 'shutdownTimeout'
  | 'maxConnections'
  | 'maxInFlight'
  | 'headersTimeout'
  | 'keepAliveTimeout'
  | 'threads';

/**
 * The HTTP mode's limits, each settable by flag or environment variable (a container sets env, a
 * shell sets flags; the flag wins). Defaults and ranges live in transports/http/options.ts.
 */
export const LIMITS: {
  key: LimitKey;
  flag: string;
  env: string;
  option: keyof HttpOptions;
  bytes?: boolean;
  /** 0 is a meaning of its own (threads: none), not a mistake. */
  zero?: boolean;
}[] = [
  {
    key: 'maxBody',
    flag: '--max-body',
    env: 'WORKOS_DOCS_MCP_MAX_BODY',
    option: 'maxBodyBytes',
    bytes: true,
  },
  {
    key: 'requestTimeout',
    flag: '--request-timeout',
    env: 'WORKOS_DOCS_MCP_REQUEST_TIMEOUT',
    option: 'requestTimeoutMs',
  },
  {
    key: 'shutdownTimeout',
    flag: '--shutdown-timeout',
    env: 'WORKOS_DOCS_MCP_SHUTDOWN_TIMEOUT',
    option: 'shutdownTimeoutMs',
  },
  {
    key: 'maxConnections',
    flag: '--max-connections',
    env: 'WORKOS_DOCS_MCP_MAX_CONNECTIONS',
    option: 'maxConnections',
  },
  {
    key: 'maxInFlight',
    flag: '--max-in-flight',
    env: 'WORKOS_DOCS_MCP_MAX_IN_FLIGHT',
    option: 'maxInFlight',
  },
  {
    key: 'headersTimeout',
    flag: '--headers-timeout',
    env: 'WORKOS_DOCS_MCP_HEADERS_TIMEOUT',
    option: 'headersTimeoutMs',
  },
  {
    key: 'keepAliveTimeout',
    flag: '--keep-alive-timeout',
    env: 'WORKOS_DOCS_MCP_KEEP_ALIVE_TIMEOUT',
    option: 'keepAliveTimeoutMs',
  },
  { key: 'threads', flag: '--threads', env: 'WORKOS_DOCS_MCP_THREADS', option: 'threads', zero: true },
];

/** Each limit from its flag, else its environment variable; errors name whichever was set. */
export function resolveLimits(
  flags: Partial<Record<LimitKey, string>>,
  env: NodeJS.ProcessEnv,
): Partial<HttpOptions> {
  const out: Partial<Record<keyof HttpOptions, number>> = {};
  for (const limit of LIMITS) {
    const fromFlag = flags[limit.key];
    const raw = fromFlag ?? (env[limit.env] === '' ? undefined : env[limit.env]);
    if (raw === undefined) continue;
    const name = fromFlag !== undefined ? limit.flag : `${limit.env} (environment)`;
    const value = limit.bytes ? parseByteSize(raw, name) : parseInteger(name, raw);
    if (value === undefined || value < 0 || (value === 0 && !limit.zero))
      throw new Error(`${name} must be a positive number, got "${raw}"`);
    out[limit.option] = value;
  }
  return out as Partial<HttpOptions>;
}

const HTTP_ONLY: (keyof ServeFlags)[] = [
  'port',
  'host',
  'token',
  'allowedHosts',
  'allowedOrigins',
  'cors',
  'workers',
  'maxBody',
  'requestTimeout',
  'shutdownTimeout',
  'maxConnections',
  'maxInFlight',
  'headersTimeout',
  'keepAliveTimeout',
  'threads',
  'jsonResponse',
];

async function serve(flags: ServeFlags): Promise<number> {
  // Through the environment, so HTTP worker processes (node:cluster) inherit it too.
  if (flags.offline) process.env[OFFLINE_ENV] = '1';
  if (!flags.http) {
    const stray = HTTP_ONLY.filter((k) => flags[k] !== undefined);
    if (stray.length > 0) {
      const names = stray.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ');
      const verb = stray.length === 1 ? 'only works' : 'only work';
      throw new Error(`${names} ${verb} with --http (stdio is the default transport)`);
    }
    await serveStdio(flags.corpus);
    return 0;
  }
  const env = process.env;
  // Errors name what the user set: the flag, or the environment variable it came from.
  if (flags.token === undefined && env[TOKEN_ENV] !== undefined && env[TOKEN_ENV].length < 16)
    throw new Error(
      `${TOKEN_ENV} must be at least 16 characters (e.g. \`openssl rand -hex 32\`), got ${env[TOKEN_ENV].length}`,
    );
  const options = resolveHttpOptions({
    host: flags.host,
    port:
      flags.port !== undefined
        ? parseInteger('--port', flags.port)
        : parseInteger('PORT (environment)', env.PORT),
    token: flags.token ?? env[TOKEN_ENV],
    allowedHosts: parseList(flags.allowedHosts ?? env[ALLOWED_HOSTS_ENV]),
    allowedOrigins: parseList(flags.allowedOrigins),
    corsOrigins: parseList(flags.cors),
    ...resolveLimits(flags, env),
    accessLog: flags.accessLog,
    jsonResponse: flags.jsonResponse ?? false,
  });
  return runHttp({
    options,
    workers: parseWorkers(flags.workers),
    // Imported only to serve on this thread (--threads 0): with tool threads, this one never loads the corpus code.
    loadDeps: async () => (await import('../serve-http-deps.js')).loadHttpDeps(flags.corpus),
    thread: { url: httpThreadEntry(), arg: flags.corpus },
  });
}

function limitHelp(key: LimitKey, what: string, fallback: string | number): string {
  const limit = LIMITS.find((l) => l.key === key)!;
  return `${what} (default: $${limit.env} or ${fallback})`;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the MCP server: stdio (default, for one local assistant) or Streamable HTTP with --http (for a team)',
    )
    .option('--http', 'serve MCP over Streamable HTTP at POST /mcp (stateless) instead of stdio')
    .option('--port <n>', `HTTP port (default: $PORT or ${HTTP_DEFAULTS.port}; 0 = any free port)`)
    .option('--host <addr>', `interface to bind (default: ${HTTP_DEFAULTS.host})`)
    .option(
      '--token <token>',
      `require "Authorization: Bearer <token>" (default: $${TOKEN_ENV}; prefer the env var, flags show in ps)`,
    )
    .option(
      '--allowed-hosts <list>',
      `Host headers accepted, comma-separated; "*" = any (default: $${ALLOWED_HOSTS_ENV} or localhost,127.0.0.1,[::1])`,
    )
    .option(
      '--allowed-origins <list>',
      'Origin headers accepted, comma-separated; "*" = any (default: origins on an allowed host)',
    )
    .option('--cors <list>', 'origins that get CORS headers, comma-separated; "*" = any (default: CORS off)')
    .option(
      '--workers <n>',
      'worker processes sharing the port (node:cluster); "auto" = one per CPU (default: 1)',
    )
    .option('--max-body <size>', limitHelp('maxBody', 'largest request body, e.g. 1mb, 512kb', '1mb'))
    .option(
      '--request-timeout <ms>',
      limitHelp('requestTimeout', 'per-request time limit', HTTP_DEFAULTS.requestTimeoutMs),
    )
    .option(
      '--shutdown-timeout <ms>',
      limitHelp(
        'shutdownTimeout',
        'how long SIGTERM waits for in-flight requests',
        HTTP_DEFAULTS.shutdownTimeoutMs,
      ),
    )
    .option(
      '--max-connections <n>',
      limitHelp(
        'maxConnections',
        'open connections per process; past it idle ones are closed, else new ones refused',
        `${HTTP_DEFAULTS.maxConnections}, or less under a low open-file limit`,
      ),
    )
    .option(
      '--max-in-flight <n>',
      limitHelp(
        'maxInFlight',
        'MCP requests handled at once per process; more get 503 + Retry-After',
        HTTP_DEFAULTS.maxInFlight,
      ),
    )
    .option(
      '--headers-timeout <ms>',
      limitHelp(
        'headersTimeout',
        "time to receive a request's headers (slow-loris guard)",
        HTTP_DEFAULTS.headersTimeoutMs,
      ),
    )
    .option(
      '--keep-alive-timeout <ms>',
      limitHelp(
        'keepAliveTimeout',
        'how long an idle kept-alive connection stays open (behind a balancer: above its idle timeout)',
        HTTP_DEFAULTS.keepAliveTimeoutMs,
      ),
    )
    .option(
      '--threads <n>',
      limitHelp(
        'threads',
        'tool threads per process holding the corpus, so a costly call never delays the HTTP thread; 0 = none',
        HTTP_DEFAULTS.threads,
      ),
    )
    .option('--no-access-log', 'do not log one JSON line per HTTP request to stderr')
    .option('--json-response', 'answer POST /mcp with application/json instead of an SSE stream')
    .option(
      '--offline',
      `never download an SDK version for a project or a call (also: ${OFFLINE_ENV}=1); installed and cached versions still answer`,
    )
    .addOption(
      new Option(
        '--corpus <file>',
        'corpus bundle to serve (default: $WORKOS_DOCS_MCP_CORPUS or the bundled data/corpus.json)',
      ),
    )
    .action(async (flags: ServeFlags) => {
      process.exitCode = await serve(flags);
    });
}
