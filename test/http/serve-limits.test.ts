/**
 * Issue 16 item 11: every HTTP limit can be set by flag or environment variable, is listed in
 * `serve --help` with its variable, and reaches the running server.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { LIMITS, resolveLimits } from '../../src/cli/commands/serve.js';
import { resolveHttpOptions } from '../../src/transports/http/options.js';
import { ensureBuilt } from '../fixtures/built.js';
import { MCP_HEADERS, rawRequest } from './helpers.js';
import { spawnServer, type ServerProcess } from '../../harness/process.js';

const procs: ServerProcess[] = [];
afterAll(() => {
  for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
});

describe('serve --http limits', () => {
  it('reads each limit from its flag, else its environment variable', () => {
    const options = resolveHttpOptions(
      resolveLimits(
        { maxConnections: '50', maxInFlight: '8' },
        {
          WORKOS_DOCS_MCP_MAX_CONNECTIONS: '900',
          WORKOS_DOCS_MCP_KEEP_ALIVE_TIMEOUT: '70000',
          WORKOS_DOCS_MCP_HEADERS_TIMEOUT: '4000',
          WORKOS_DOCS_MCP_MAX_BODY: '2mb',
          WORKOS_DOCS_MCP_REQUEST_TIMEOUT: '15000',
          WORKOS_DOCS_MCP_SHUTDOWN_TIMEOUT: '20000',
        },
      ),
    );
    expect(options).toMatchObject({
      maxConnections: 50,
      maxInFlight: 8,
      keepAliveTimeoutMs: 70_000,
      headersTimeoutMs: 4_000,
      maxBodyBytes: 2 * 1024 * 1024,
      requestTimeoutMs: 15_000,
      shutdownTimeoutMs: 20_000,
    });
  });

  it('reads --threads / WORKOS_DOCS_MCP_THREADS, where 0 (no tool thread) is allowed', () => {
    expect(resolveHttpOptions({}).threads).toBe(1);
    expect(resolveHttpOptions(resolveLimits({}, { WORKOS_DOCS_MCP_THREADS: '0' })).threads).toBe(0);
    expect(
      resolveHttpOptions(resolveLimits({ threads: '2' }, { WORKOS_DOCS_MCP_THREADS: '0' })).threads,
    ).toBe(2);
    expect(() => resolveHttpOptions(resolveLimits({ threads: '65' }, {}))).toThrow(
      '--threads must be a whole number from 0 to 64, got 65',
    );
  });

  it('names the flag or the variable that was wrong', () => {
    expect(() => resolveLimits({}, { WORKOS_DOCS_MCP_MAX_IN_FLIGHT: 'lots' })).toThrow(
      'WORKOS_DOCS_MCP_MAX_IN_FLIGHT (environment) must be a whole number, got "lots"',
    );
    expect(() => resolveLimits({ headersTimeout: '0' }, {})).toThrow(
      '--headers-timeout must be a positive number, got "0"',
    );
    expect(() => resolveLimits({}, { WORKOS_DOCS_MCP_MAX_BODY: 'huge' })).toThrow(
      /^WORKOS_DOCS_MCP_MAX_BODY \(environment\) must be a size/,
    );
  });

  it('lists every limit in serve --help with its environment variable', () => {
    const serve = buildProgram().commands.find((c) => c.name() === 'serve')!;
    const help = serve.helpInformation();
    for (const limit of LIMITS) {
      expect(help).toContain(limit.flag);
      expect(help).toContain(`$${limit.env}`);
    }
  });

  it('a limit set in the environment reaches the running server', async () => {
    const proc = spawnServer(
      process.execPath,
      [ensureBuilt(), 'serve', '--http', '--port', '0', '--no-access-log'],
      {
        WORKOS_DOCS_MCP_MAX_BODY: '200',
      },
    );
    procs.push(proc);
    const listening = await proc.waitFor((l) => l.msg === 'listening');
    // The built server runs its tools in one thread by default.
    expect(listening.threads).toBe(1);
    const url = String(listening.url);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { pad: 'x'.repeat(300) } });
    const res = await rawRequest(url, { headers: MCP_HEADERS, body });
    expect(res.status).toBe(413);
    expect(res.text).toContain('the body limit is 200 bytes');
  });
});
