/**
 * The stdio server compiles its code through V8's code cache (src/cli/code-cache.ts): the first start
 * leaves a cache in the user cache folder, later starts load it instead of writing a new one, and a
 * damaged or unwritable cache costs only speed, never an answer.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ensureBuilt, ROOT } from '../fixtures/built.js';

const home = mkdtempSync(join(tmpdir(), 'wdm-code-cache-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** One client session: handshake, one search, close (the server exits when stdin ends). */
async function session(cacheDir: string): Promise<{ text: string; stderr: string }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [ensureBuilt()],
    cwd: ROOT,
    env: { ...(process.env as Record<string, string>), WORKOS_DOCS_MCP_CACHE: cacheDir },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const client = new Client({ name: 'code-cache-test', version: '0.0.0' });
  await client.connect(transport);
  const result = (await client.callTool({
    name: 'workos_search',
    arguments: { query: 'directory sync webhooks' },
  })) as CallToolResult;
  const exited = new Promise<void>((resolve) => (transport.onclose = () => resolve()));
  await client.close();
  await exited;
  // the cache is written by the exiting process: give the file system a moment to show it
  await new Promise((r) => setTimeout(r, 200));
  const text = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
  return { text, stderr };
}

const cacheFiles = (dir: string): string[] => {
  try {
    return readdirSync(join(dir, 'code-cache')).filter((f) => f.endsWith('.bin'));
  } catch {
    return [];
  }
};

describe('V8 code cache of the stdio server', () => {
  const dir = join(home, 'cache');

  it('is written by the first start and used, not rewritten, by the next', async () => {
    const first = await session(dir);
    expect(first.text).toMatch(/directory/i);
    const files = cacheFiles(dir);
    expect(files).toHaveLength(1);
    const file = join(dir, 'code-cache', files[0]);
    const written = statSync(file);
    expect(written.size).toBeGreaterThan(100_000);

    const second = await session(dir);
    expect(second.text).toBe(first.text);
    // a cache V8 refused would have been replaced at exit
    expect(statSync(file).mtimeMs).toBe(written.mtimeMs);
    expect(cacheFiles(dir)).toEqual(files);
  });

  it('is replaced when damaged, and the answers do not change', async () => {
    const [name] = cacheFiles(dir);
    const file = join(dir, 'code-cache', name);
    const good = readFileSync(file);
    // same length, bytes flipped all through V8's data: V8 itself would not notice (it checks the
    // payload's checksum in debug builds only), ours does
    const damaged = Buffer.from(good);
    for (let i = 64; i < damaged.length; i += 997) damaged[i] ^= 0x5a;
    writeFileSync(file, damaged);
    const run = await session(dir);
    expect(run.text).toMatch(/directory/i);
    expect(run.stderr).not.toMatch(/did not load/);
    expect(readFileSync(file).equals(damaged)).toBe(false);
    // and truncated
    writeFileSync(file, good.subarray(0, good.length >> 1));
    expect((await session(dir)).text).toMatch(/directory/i);
    expect(statSync(file).size).toBeGreaterThan(good.length >> 1);
  });

  it('costs nothing but speed when the cache folder cannot be written', async () => {
    const blocker = join(home, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const run = await session(join(blocker, 'cache'));
    expect(run.text).toMatch(/directory/i);
    expect(run.stderr).not.toMatch(/did not load|Error/);
  });
});
