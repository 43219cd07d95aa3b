/**
 * Both servers as the benchmark sees them: a command spawned over stdio and driven by the same MCP
 * SDK Client, so every number includes the same process start, JSON-RPC framing and pipe costs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  CallToolResultSchema,
  ListToolsResultSchema,
  type CallToolResult,
  type ListToolsResult,
} from '@modelcontextprotocol/sdk/types.js';

export interface ServerSpec {
  /** `ours` or `old`: the key used in results. */
  id: 'ours' | 'old';
  label: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Argument names differ: the old search takes `maxResults`, ours `limit`. */
  searchArgs(query: string, depth?: number): Record<string, unknown>;
  docArgs(path: string): Record<string, unknown>;
  examplesArgs(topic: string): Record<string, unknown>;
  changelogArgs(): Record<string, unknown>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Env var our server reads the corpus path from (src/core/runtime.ts CORPUS_ENV). */
export const CORPUS_ENV = 'WORKOS_DOCS_MCP_CORPUS';

/**
 * Our server, pinned to one corpus file: without the pin it would prefer a newer corpus left in the
 * user cache by `workos-docs-mcp update`, and the numbers would depend on the machine's history.
 */
export function oursSpec(
  command: string[] = [process.execPath, `${ROOT}dist/bin.js`],
  corpusFile = `${ROOT}data/corpus.json`,
): ServerSpec {
  const [cmd, ...args] = command;
  return {
    env: { [CORPUS_ENV]: corpusFile },
    id: 'ours',
    label: 'workos-docs-mcp',
    command: cmd,
    args,
    searchArgs: (query, depth) => (depth ? { query, limit: depth } : { query }),
    docArgs: (path) => ({ path }),
    examplesArgs: (topic) => ({ query: topic }),
    changelogArgs: () => ({ package: 'workos-platform' }),
  };
}

export function oldSpec(): ServerSpec {
  // the package's "exports" only exposes its main entry, which is the server itself
  const entry = createRequire(import.meta.url).resolve('@workos/mcp-docs-server');
  return {
    id: 'old',
    label: '@workos/mcp-docs-server',
    command: process.execPath,
    args: [entry],
    searchArgs: (query, depth) => (depth ? { query, maxResults: depth } : { query }),
    docArgs: (path) => ({ path }),
    examplesArgs: (topic) => ({ example: topic }),
    changelogArgs: () => ({ package: 'workos-platform' }),
  };
}

export interface Running {
  spec: ServerSpec;
  client: Client;
  pid: number;
  /** performance.now() just before the spawn. */
  spawnedAt: number;
  stderrTail(): string;
  close(): Promise<void>;
}

/** How many starts failed and were retried (reported, so a flaky start is never silent). */
export const startRetries = { count: 0, last: '' };

const START_ATTEMPTS = 3;

/**
 * Spawns the server and completes the MCP initialize handshake. A failed start is retried twice after
 * a pause: on a shared machine another process may be rewriting dist/ at that moment.
 */
export async function startServer(spec: ServerSpec): Promise<Running> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(spec);
    } catch (err) {
      if (attempt >= START_ATTEMPTS) throw err;
      startRetries.count += 1;
      startRetries.last = err instanceof Error ? err.message : String(err);
      await new Promise((r) => setTimeout(r, 1500));
    }
  }
}

async function startOnce(spec: ServerSpec): Promise<Running> {
  const transport = new StdioClientTransport({
    command: spec.command,
    args: spec.args,
    env: spec.env,
    stderr: 'pipe',
    cwd: ROOT,
  });
  let tail = '';
  transport.stderr?.on('data', (d: Buffer) => {
    tail = (tail + d.toString()).slice(-2000);
  });
  const client = new Client({ name: 'workos-docs-mcp-bench', version: '1.0.0' });
  const spawnedAt = performance.now();
  try {
    await client.connect(transport);
  } catch (err) {
    await transport.close().catch(() => undefined);
    throw new Error(
      `${spec.label} (${[spec.command, ...spec.args].join(' ')}) did not start: ${err instanceof Error ? err.message : String(err)}${tail ? `\n  stderr: ${briefStderr(tail)}` : ''}`,
    );
  }
  const pid = transport.pid;
  if (pid === null) throw new Error(`${spec.label}: no process id after start`);
  return {
    spec,
    client,
    pid,
    spawnedAt,
    stderrTail: () => tail,
    close: () => client.close(),
  };
}

/**
 * tools/list without the Client caching output-schema validators: later calls then measure the
 * server, not client-side validation (the old server has no output schemas to validate anyway).
 */
export async function listTools(server: Running): Promise<ListToolsResult> {
  return server.client.request({ method: 'tools/list', params: {} }, ListToolsResultSchema);
}

export interface CallOutcome {
  ms: number;
  /** Concatenated text content: what a model reads. */
  text: string;
  /** The whole `result` as JSON (text + structuredContent): what crosses the pipe. */
  resultBytes: number;
  isError: boolean;
  /** Protocol error message, when the server answered with a JSON-RPC error instead of a result. */
  protocolError?: string;
  structured?: Record<string, unknown>;
}

export async function callTool(
  server: Running,
  name: string,
  args: Record<string, unknown>,
): Promise<CallOutcome> {
  const t0 = performance.now();
  try {
    const res = (await server.client.request(
      { method: 'tools/call', params: { name, arguments: args } },
      CallToolResultSchema,
    )) as CallToolResult;
    const ms = performance.now() - t0;
    const text = res.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
    return {
      ms,
      text,
      resultBytes: Buffer.byteLength(JSON.stringify(res)),
      isError: res.isError === true,
      structured: res.structuredContent as Record<string, unknown> | undefined,
    };
  } catch (err) {
    // the old server reports "No results found" as a JSON-RPC error rather than a result
    const ms = performance.now() - t0;
    const message = err instanceof Error ? err.message : String(err);
    return {
      ms,
      text: message,
      resultBytes: Buffer.byteLength(message),
      isError: true,
      protocolError: message,
    };
  }
}

/** Resident set size of a process in bytes, from /proc (Linux); null elsewhere. */
export function rssBytes(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system, all threads) a process has used so far, in ms, from /proc (Linux, 10 ms ticks); null elsewhere. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the parenthesised command name; utime and stime are fields 14 and 15
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(rest[11]) + Number(rest[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** USER_HZ: 100 on every mainstream Linux build. */
const CLOCK_TICKS = 100;

/** First lines (the message) and last lines (the place) of a crash on stderr. */
function briefStderr(tail: string): string {
  const lines = tail.trim().split('\n');
  return (lines.length <= 6 ? lines : [...lines.slice(0, 3), '...', ...lines.slice(-2)]).join('\n  ');
}
