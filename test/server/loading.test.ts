import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { CorpusUnavailableError } from '../../src/core/errors.js';
import type { Runtime } from '../../src/core/runtime.js';
import { createServer } from '../../src/server/create-server.js';
import { runStdioServer } from '../../src/transports/stdio.js';
import { fixtureRuntime } from '../fixtures/runtime.js';

async function connectTo(runtime: Promise<Runtime>): Promise<Client> {
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'loading-test', version: '0.0.0' });
  await createServer(runtime, { log: { stderr: () => undefined } }).connect(serverTransport);
  await client.connect(clientTransport);
  return client;
}

describe('a server whose corpus is still loading', () => {
  it('answers the handshake and tools/list at once, and tool calls once the corpus is there', async () => {
    let finish!: (runtime: Runtime) => void;
    const loading = new Promise<Runtime>((resolve) => (finish = resolve));
    const client = await connectTo(loading);
    expect((await client.listTools()).tools).toHaveLength(5);
    const pending = client.callTool({ name: 'workos_docs', arguments: { path: 'sso/jit-provisioning' } });
    finish(fixtureRuntime());
    const result = (await pending) as CallToolResult;
    expect(result.isError).toBeFalsy();
    expect(result.content[0]).toMatchObject({
      type: 'text',
      text: expect.stringMatching(/^# JIT Provisioning/),
    });
    await client.close();
  });

  it('turns a failed load into an actionable isError answer instead of a crash', async () => {
    const failed = Promise.reject(
      new CorpusUnavailableError(
        'Corpus bundle x.json does not exist; rebuild it with "workos-docs-mcp build".',
      ),
    );
    const client = await connectTo(failed);
    const result = (await client.callTool({
      name: 'workos_search',
      arguments: { query: 'sso' },
    })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(result.content[0]).toMatchObject({ text: expect.stringContaining('workos-docs-mcp build') });
    await client.close();
  });

  it('the stdio runner stops and reports a failed load', async () => {
    const stdin = new PassThrough();
    const failed = Promise.reject(new CorpusUnavailableError('Corpus bundle x.json does not exist.'));
    await expect(
      runStdioServer(failed, { stdin, stdout: new PassThrough(), stderr: new PassThrough() }),
    ).rejects.toThrow(/does not exist/);
  });
});
