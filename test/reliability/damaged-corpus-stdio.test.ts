// Issue 15 item 8: with a damaged corpus the stdio server completes the handshake, answers every
// request the client makes with an error naming the rebuild command (never a dropped connection),
// then exits on its own with one line on stderr.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCorpusFile } from '../../src/lifecycle/corpus-location.js';
import { BIN, ensureBuilt } from '../fixtures/built.js';

const REBUILD = 'workos-docs-mcp build';
let dir: string;
let damaged: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'wdm-damaged-stdio-'));
  damaged = join(dir, 'corpus.json');
  const good = readFileSync(bundledCorpusFile(), 'utf8');
  writeFileSync(damaged, good.slice(0, Math.floor(good.length / 2)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('damaged corpus over stdio, through the SDK client', () => {
  it('every call gets an error answer naming the rebuild command, then the server exits by itself', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN],
      env: { ...process.env, WORKOS_DOCS_MCP_CORPUS: damaged } as Record<string, string>,
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const closed = new Promise<void>((resolve) => (transport.onclose = resolve));
    const client = new Client({ name: 'damaged-test', version: '0' });
    await client.connect(transport);
    const prev = transport.onclose;
    const exited = new Promise<void>((resolve) => {
      transport.onclose = () => {
        prev?.();
        resolve();
      };
    });

    // The calls an assistant makes first, all at once as a busy client would.
    const outcomes = await Promise.allSettled([
      client.callTool({ name: 'workos_search', arguments: { query: 'SSO' } }),
      client.callTool({ name: 'workos_docs', arguments: { path: 'sso' } }),
      client.readResource({ uri: 'workos-docs://docs/sso' }),
      client.getPrompt({ name: 'setup-sso', arguments: { provider: 'okta-saml' } }),
    ]);
    const texts = outcomes.map((o) => {
      if (o.status === 'fulfilled') {
        const r = o.value as { isError?: boolean; content?: { text?: string }[] };
        expect(r.isError).toBe(true);
        return r.content?.[0]?.text ?? '';
      }
      return String((o.reason as Error).message);
    });
    console.log(texts);
    void (() => {});
    for (const text of texts) {
      expect(text).not.toMatch(/Connection closed|not connected/i);
      expect(text).toContain(REBUILD);
    }
    await Promise.race([exited, closed]);
    expect(stderr.split('\n').filter((l) => l.trim()).length).toBe(1);
    expect(stderr).toContain(REBUILD);
    await client.close().catch(() => undefined);
  }, 30_000);
});
