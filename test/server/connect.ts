import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createServer } from '../../src/server/create-server.js';
import type { Runtime } from '../../src/core/runtime.js';
import { realRuntime } from '../fixtures/real-runtime.js';

/** A real SDK Client linked to a fresh server over an in-memory transport pair. */
export async function connect(runtime: Runtime, stderr: string[] = []): Promise<Client> {
  const server = createServer(runtime, { log: { stderr: (line) => stderr.push(line) } });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test', version: '0.0.0' });
  await server.connect(serverTransport);
  await client.connect(clientTransport);
  return client;
}

export async function call(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<CallToolResult & { text: string }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
  return { ...result, text };
}

/** The real corpus (loaded once per test file) and a fresh SDK Client over it. */
export async function realClient(): Promise<{ runtime: Runtime; client: Client }> {
  const runtime = await realRuntime();
  return { runtime, client: await connect(runtime) };
}
