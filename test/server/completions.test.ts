// Issue 15 item 6: completions report the true number of matches and whether there are more.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/core/runtime.js';
import { realClient } from './connect.js';

let runtime: Runtime;
let client: Client;

beforeAll(async () => ({ runtime, client } = await realClient()));

const docsRef = { type: 'ref/resource' as const, uri: 'workos-docs://docs/{+path}' };

describe('completion totals over the real corpus', () => {
  it('an empty doc path matches every doc: total is the corpus size and hasMore is true', async () => {
    const { completion } = await client.complete({ ref: docsRef, argument: { name: 'path', value: '' } });
    expect(completion.values).toHaveLength(100);
    expect(completion.total).toBe(runtime.corpus.docs.length);
    expect(completion.hasMore).toBe(true);
  });

  it('a narrow prefix reports exactly its matches, with hasMore false', async () => {
    const matching = runtime.corpus.docs.filter((d) => d.path.startsWith('reference/organization')).length;
    expect(matching).toBeGreaterThan(0);
    const { completion } = await client.complete({
      ref: docsRef,
      argument: { name: 'path', value: 'reference/organization' },
    });
    expect(completion.total).toBe(completion.values.length);
    expect(completion.values.length).toBeGreaterThanOrEqual(matching);
    expect(completion.hasMore).toBe(false);
  });

  it('prompt arguments: every integration counts, not the first 50', async () => {
    const integrations = runtime.corpus.docs.filter((d) => d.path.startsWith('integrations/')).length;
    expect(integrations).toBeGreaterThan(50);
    const { completion } = await client.complete({
      ref: { type: 'ref/prompt', name: 'setup-sso' },
      argument: { name: 'provider', value: '' },
    });
    expect(completion.total).toBe(integrations);
    expect(completion.hasMore).toBe(integrations > 100);
    expect(completion.values).toHaveLength(Math.min(100, integrations));
  });
});
