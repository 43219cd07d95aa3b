// Issue 15 item 11 (part): CLI messages a new user trips over, through the built binary.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { closestCommand } from '../../src/cli/program.js';
import { ensureBuilt } from '../fixtures/built.js';

const run = promisify(execFile);

async function cli(args: string[], env: Record<string, string> = {}, input = '') {
  const bin = ensureBuilt();
  const child = run(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, timeout: 30_000 });
  child.child.stdin?.end(input);
  return child.then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

describe('CLI rough edges', () => {
  it('one HTTP flag without --http: "only works" (and "only work" for several)', async () => {
    const one = await cli(['serve', '--port', '3001']);
    expect(one.code).toBe(1);
    expect(one.stderr).toContain('--port only works with --http');
    const two = await cli(['serve', '--port', '3001', '--host', '127.0.0.1']);
    expect(two.stderr).toContain('--port, --host only work with --http');
  });

  it('errors from environment variables name the variable, not a flag', async () => {
    const port = await cli(['serve', '--http'], { PORT: 'abc' });
    expect(port.code).toBe(1);
    expect(port.stderr).toContain('PORT (environment) must be a whole number, got "abc"');
    expect(port.stderr).not.toContain('--port');
    const token = await cli(['serve', '--http', '--port', '0'], { WORKOS_DOCS_MCP_TOKEN: 'short' });
    expect(token.code).toBe(1);
    expect(token.stderr).toContain('WORKOS_DOCS_MCP_TOKEN must be at least 16 characters');
    expect(token.stderr).not.toContain('--token');
  });

  it('an invalid WORKOS_DOCS_MCP_LOG_LEVEL is said on stderr, not ignored', async () => {
    const r = await cli(['search', 'sso'], { WORKOS_DOCS_MCP_LOG_LEVEL: 'loud' });
    // The CLI does not go through the MCP layer; the server is where the level applies.
    const init = `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '0' } } })}\n${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'workos_search', arguments: { query: 'sso' } } })}\n`;
    const served = await cli([], { WORKOS_DOCS_MCP_LOG_LEVEL: 'loud' }, init);
    expect(served.stderr).toContain('WORKOS_DOCS_MCP_LOG_LEVEL="loud" is not a log level');
    expect(r.code).toBe(0);
  });

  it('`help` works as a subcommand, and a typo gets a suggestion', async () => {
    const help = await cli(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: workos-docs-mcp');
    const sub = await cli(['help', 'search']);
    expect(sub.stdout).toContain('Usage: workos-docs-mcp search');
    const typo = await cli(['serch', 'sso']);
    expect(typo.code).not.toBe(0);
    expect(typo.stderr).toContain("unknown command 'serch' (did you mean 'search'?)");
    expect(closestCommand('xyzzy', ['search', 'read'])).toBeUndefined();
    expect(closestCommand('chang', ['search', 'changelog'])).toBe('changelog');
  });
});
