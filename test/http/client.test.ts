import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { useTiny } from './helpers.js';

const TOKEN = 'client-token-0123456789abcdef';

async function connect(url: string, token?: string): Promise<Client> {
  const client = new Client({ name: 'http-test', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : undefined,
  });
  await client.connect(transport);
  return client;
}

describe('the SDK Client over stateless HTTP', () => {
  const s = useTiny({ token: TOKEN });

  it('lists and calls tools, reads resources and gets prompts', async () => {
    const client = await connect(s.mcpUrl, TOKEN);
    try {
      expect(client.getServerVersion()?.name).toBe('tiny');
      const tools = await client.listTools();
      expect(tools.tools.map((t) => t.name).sort()).toEqual(['echo', 'sleep']);
      const result = await client.callTool({ name: 'echo', arguments: { text: 'over http' } });
      expect(result.content).toEqual([{ type: 'text', text: 'echo: over http' }]);
      const res = await client.readResource({ uri: 'tiny://readme' });
      expect(res.contents[0]).toMatchObject({ text: '# tiny' });
      const prompt = await client.getPrompt({ name: 'hello' });
      expect(prompt.messages).toHaveLength(1);
      await client.ping();
    } finally {
      await client.close();
    }
  });

  it('serves many concurrent clients independently', async () => {
    const clients = await Promise.all(Array.from({ length: 10 }, () => connect(s.mcpUrl, TOKEN)));
    try {
      const answers = await Promise.all(
        clients.map((c, i) => c.callTool({ name: 'echo', arguments: { text: `n${i}` } })),
      );
      answers.forEach((a, i) => expect(a.content).toEqual([{ type: 'text', text: `echo: n${i}` }]));
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
  });

  it('fails to connect without the token', async () => {
    await expect(connect(s.mcpUrl)).rejects.toThrow(/401|Unauthorized/i);
  });
});
