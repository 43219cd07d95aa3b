import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { runStdioServer, TTY_BANNER } from '../../src/transports/stdio.js';
import { ensureBuilt, ROOT } from '../fixtures/built.js';
import { fixtureRuntime } from '../fixtures/runtime.js';

function text(result: unknown): string {
  return (result as CallToolResult).content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

describe('built server over stdio (the path clients use)', () => {
  let client: Client;
  let stderr = '';
  beforeAll(async () => {
    const bin = ensureBuilt();
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [bin],
      cwd: ROOT,
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    client = new Client({ name: 'stdio-test', version: '0.0.0' });
    await client.connect(transport);
  });
  afterAll(() => client?.close());

  it('negotiates the current protocol and lists the five tools', async () => {
    expect(client.getServerVersion()?.name).toBe('workos-docs-mcp');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual([
      'workos_search',
      'workos_docs',
      'workos_examples',
      'workos_changelogs',
      'workos_check',
    ]);
  });

  it('calls every tool on the real corpus', async () => {
    expect(
      text(await client.callTool({ name: 'workos_search', arguments: { query: 'Azure AD SAML' } })),
    ).toContain('integrations/entra-id-saml');
    expect(text(await client.callTool({ name: 'workos_docs', arguments: { path: 'sso' } }))).toMatch(
      /^# Single Sign-On/,
    );
    expect(text(await client.callTool({ name: 'workos_examples', arguments: {} }))).toMatch(
      /^# WorkOS code examples by product/,
    );
    expect(text(await client.callTool({ name: 'workos_changelogs', arguments: { limit: 1 } }))).toMatch(
      /^# Changelog: workos-platform/,
    );
    const bad = (await client.callTool({
      name: 'workos_docs',
      arguments: { path: '../../package.json' },
    })) as CallToolResult;
    expect(bad.isError).toBe(true);
  });

  it('keeps stdout for JSON-RPC: nothing was written to stderr in normal operation', () => {
    expect(stderr).toBe('');
  });
});

/** Starts the built server and resolves once it has answered a ping (corpus loaded, handlers installed). */
async function startReady() {
  const child = spawn(process.execPath, [ensureBuilt()], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve();
    });
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' })}\n`);
  });
  const exited = new Promise<{ code: number | null; signal: string | null; ms: number }>((resolve) => {
    const t0 = Date.now();
    child.on('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - t0 }));
  });
  return { child, firstLine: JSON.parse(out.split('\n')[0]) as unknown, exited };
}

describe('process lifecycle', () => {
  it('exits 0 promptly when stdin closes', async () => {
    const { child, firstLine, exited } = await startReady();
    expect(firstLine).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
    child.stdin.end();
    const { code, ms } = await exited;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(3000);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('exits 0 on %s', async (signal) => {
    const { child, exited } = await startReady();
    child.kill(signal);
    const { code, signal: killedBy } = await exited;
    expect({ code, killedBy }).toEqual({ code: 0, killedBy: null });
  });

  it('tells a person at a terminal what this is instead of hanging silently', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let said = '';
    stderr.on('data', (d: Buffer) => (said += d.toString()));
    const done = runStdioServer(fixtureRuntime(), { stdin, stdout, stderr });
    stdin.end();
    await done;
    expect(said).toBe(TTY_BANNER);
    expect(said).toContain('claude mcp add');
  });
});
