// A corpus whose passage table cannot be used (built before it existed, or by other passage code)
// is still served with the same answers; stderr says why first questions are slower and how to fix it.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, saveBundle } from '../../src/corpus/bundle.js';
import { bundledCorpusFile } from '../../src/lifecycle/corpus-location.js';
import { BIN, ensureBuilt } from '../fixtures/built.js';

let dir: string;
let stale: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'wdm-passages-stdio-'));
  stale = join(dir, 'corpus.json');
  const { corpus, searchIndex } = loadBundle(bundledCorpusFile());
  const { checksum: _checksum, ...manifest } = corpus.manifest;
  const index = searchIndex as { passages?: { fingerprint: string } };
  saveBundle(stale, manifest, {
    docs: corpus.docs,
    nav: corpus.nav,
    examples: corpus.examples,
    changelogs: corpus.changelogs,
    searchIndex: { ...index, passages: { ...index.passages, fingerprint: 'cut-by-other-code' } },
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ask(corpusFile: string | undefined): Promise<{ text: string; stderr: string }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN],
    env: { ...process.env, ...(corpusFile ? { WORKOS_DOCS_MCP_CORPUS: corpusFile } : {}) } as Record<
      string,
      string
    >,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const client = new Client({ name: 'passages-test', version: '0' });
  await client.connect(transport);
  try {
    const r = (await client.callTool({
      name: 'workos_search',
      arguments: { query: 'how long is a magic link valid' },
    })) as CallToolResult;
    return { text: JSON.stringify(r.content), stderr };
  } finally {
    await client.close();
  }
}

describe('a corpus without a usable passage table, over stdio', () => {
  it('answers the same, and says on stderr what to rebuild', async () => {
    const [fresh, old] = [await ask(bundledCorpusFile()), await ask(stale)];
    expect(old.text).toBe(fresh.text);
    expect(fresh.stderr).not.toMatch(/passage table/);
    expect(old.stderr).toMatch(
      /no usable passage table \(passage table cut by other code\).*workos-docs-mcp build/,
    );
  }, 30_000);
});
