import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import type { Runtime } from '../../src/core/runtime.js';
import { ensureBuilt, ROOT } from '../fixtures/built.js';
import { call, realClient } from '../server/connect.js';

/**
 * The operation table's promise: the CLI's --json prints exactly what MCP puts in structuredContent,
 * for every eval query and every doc of the real corpus. In-process for the bulk, one spawned binary.
 */
const queries = (
  JSON.parse(readFileSync(new URL('../eval/queries.json', import.meta.url), 'utf8')) as {
    queries: { query: string }[];
  }
).queries.map((q) => q.query);

let runtime: Runtime;
let client: Client;

beforeAll(async () => ({ runtime, client } = await realClient()));

/** The CLI in-process over the same runtime; returns the parsed --json output. */
async function cliJson(command: string, ...args: string[]): Promise<unknown> {
  let out = '';
  await runCli(['node', 'workos-docs-mcp', command, '--json', ...args], {
    runtime: async () => runtime,
    stdout: (text) => (out += text),
  });
  return JSON.parse(out);
}

async function mcpStructured(tool: string, args: Record<string, unknown>): Promise<unknown> {
  const r = await call(client, tool, args);
  expect(r.isError, r.text).toBeFalsy();
  return r.structuredContent;
}

describe('CLI --json equals MCP structuredContent', () => {
  it(`search: all ${queries.length} eval queries`, async () => {
    expect(queries.length).toBeGreaterThanOrEqual(130);
    for (const query of queries) {
      expect(await cliJson('search', '--', query), query).toEqual(
        await mcpStructured('workos_search', { query }),
      );
    }
  });

  it('read: every doc, and the table of contents', async () => {
    const paths = runtime.corpus.docs.map((d) => d.path);
    expect(paths.length).toBeGreaterThan(500);
    for (const path of paths) {
      expect(await cliJson('read', '--', path), path).toEqual(await mcpStructured('workos_docs', { path }));
    }
    expect(await cliJson('read')).toEqual(await mcpStructured('workos_docs', {}));
    expect(await cliJson('read', 'events', '--page', '2', '--max-tokens', '2000')).toEqual(
      await mcpStructured('workos_docs', { path: 'events', page: 2, maxTokens: 2000 }),
    );
  });

  it('examples and changelogs, with filters', async () => {
    expect(await cliJson('examples')).toEqual(await mcpStructured('workos_examples', {}));
    expect(await cliJson('examples', 'create organization', '--language', 'python')).toEqual(
      await mcpStructured('workos_examples', { query: 'create organization', language: 'python' }),
    );
    expect(await cliJson('changelog')).toEqual(await mcpStructured('workos_changelogs', {}));
    expect(await cliJson('changelog', '--since', '2025-01-01', '--limit', '3')).toEqual(
      await mcpStructured('workos_changelogs', { since: '2025-01-01', limit: 3 }),
    );
  });

  it('the built binary prints the same JSON', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [ensureBuilt(), 'search', 'verify webhook signature', '--json'],
      { cwd: ROOT, timeout: 60_000 },
    );
    expect(JSON.parse(stdout)).toEqual(
      await mcpStructured('workos_search', { query: 'verify webhook signature' }),
    );
  });
});
