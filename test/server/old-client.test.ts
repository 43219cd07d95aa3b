// Issue 15 items 5 and 9, end to end through the MCP SDK 0.5 client the old package ships: it negotiates
// 2024-11-05 and validates answers against that version's schemas. Every tool, prompt and resource must
// come back valid and free of anything newer (resource_link, structuredContent, outputSchema, title, ...).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from '../fixtures/built.js';

const OLD_SDK =
  '../../node_modules/@workos/mcp-docs-server/node_modules/@modelcontextprotocol/sdk/dist/client';
type OldClient = {
  connect(t: unknown): Promise<void>;
  close(): Promise<void>;
  getServerCapabilities(): Record<string, unknown> | undefined;
  getServerVersion(): Record<string, unknown> | undefined;
  listTools(): Promise<{ tools: Record<string, unknown>[] }>;
  callTool(p: { name: string; arguments: Record<string, unknown> }): Promise<Record<string, unknown>>;
  listPrompts(): Promise<{ prompts: { name: string; arguments?: { name: string; required?: boolean }[] }[] }>;
  getPrompt(p: {
    name: string;
    arguments: Record<string, string>;
  }): Promise<{ messages: { content: Record<string, unknown> }[] }>;
  listResources(): Promise<{ resources: { uri: string }[] }>;
  listResourceTemplates(): Promise<{ resourceTemplates: { uriTemplate: string }[] }>;
  readResource(p: { uri: string }): Promise<{ contents: Record<string, unknown>[] }>;
  complete(p: unknown): Promise<{ completion: { values: string[] } }>;
};

let client: OldClient;

/** A key newer than 2024-11-05 anywhere in a JSON value (`title` only where the spec added it). */
function newerKeys(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => newerKeys(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const o = value as Record<string, unknown>;
  const found: string[] = [];
  for (const key of ['structuredContent', 'outputSchema', 'icons', 'websiteUrl'])
    if (key in o) found.push(`${path}.${key}`);
  if (o.type === 'resource_link' || o.type === 'audio') found.push(`${path}.type=${String(o.type)}`);
  for (const [k, v] of Object.entries(o)) found.push(...newerKeys(v, `${path}.${k}`));
  return found;
}

const TOOL_ARGS: Record<string, Record<string, unknown>> = {
  workos_search: { query: 'SSO with Okta' },
  workos_docs: { path: 'sso' },
  workos_examples: { query: 'create organization' },
  workos_changelogs: {},
};

beforeAll(async () => {
  ensureBuilt();
  const { Client } = (await import(`${OLD_SDK}/index.js`)) as { Client: new (...a: unknown[]) => OldClient };
  const { StdioClientTransport } = (await import(`${OLD_SDK}/stdio.js`)) as {
    StdioClientTransport: new (o: unknown) => unknown;
  };
  client = new Client({ name: 'old-client', version: '0.5.0' }, { capabilities: {} });
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: [BIN], env: { ...process.env } }),
  );
});
afterAll(() => client?.close());

describe('SDK 0.5 client (protocol 2024-11-05)', () => {
  it('initialize: no capabilities or server fields newer than 2024-11-05', () => {
    expect(client.getServerCapabilities()).not.toHaveProperty('completions');
    expect(client.getServerVersion()).not.toHaveProperty('title');
    expect(newerKeys(client.getServerVersion())).toEqual([]);
  });

  it('tools/list and every tool call validate, without outputSchema, title, annotations or structuredContent', async () => {
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThanOrEqual(4);
    for (const tool of tools) {
      expect(Object.keys(tool).sort(), String(tool.name)).toEqual(
        expect.not.arrayContaining(['outputSchema', 'title', 'annotations']),
      );
      const result = await client.callTool({
        name: String(tool.name),
        arguments: TOOL_ARGS[String(tool.name)] ?? {},
      });
      expect(newerKeys(result), String(tool.name)).toEqual([]);
      expect(Array.isArray(result.content)).toBe(true);
    }
  });

  it('every prompt validates: resource links arrive as text the old client accepts', async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts.length).toBeGreaterThan(0);
    expect(newerKeys(prompts)).toEqual([]);
    for (const p of prompts) expect(p).not.toHaveProperty('title');
    for (const prompt of prompts) {
      const args: Record<string, string> = {};
      for (const a of prompt.arguments ?? []) {
        const { completion } = await client.complete({
          ref: { type: 'ref/prompt', name: prompt.name },
          argument: { name: a.name, value: '' },
        });
        args[a.name] = completion.values[0] ?? 'sso';
      }
      const result = await client.getPrompt({ name: prompt.name, arguments: args });
      expect(newerKeys(result), prompt.name).toEqual([]);
    }
    // The case the issue names: a known provider gives its guide as a link, now as text.
    const sso = await client.getPrompt({ name: 'setup-sso', arguments: { provider: 'okta-saml' } });
    const texts = sso.messages.map((m) => String(m.content.text ?? ''));
    expect(texts.some((t) => t.includes('workos-docs://docs/integrations/okta-saml'))).toBe(true);
  });

  it('every resource and template reads back valid', async () => {
    const { resources } = await client.listResources();
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(newerKeys(resources)).toEqual([]);
    expect(newerKeys(resourceTemplates)).toEqual([]);
    for (const r of [...resources, ...resourceTemplates]) expect(r).not.toHaveProperty('title');
    const uris = [...resources.map((r) => r.uri), 'workos-docs://docs/sso'];
    for (const uri of uris) {
      const read = await client.readResource({ uri });
      expect(read.contents.length, uri).toBeGreaterThan(0);
      expect(newerKeys(read), uri).toEqual([]);
    }
  });

  it('the old server’s changelog package names are answered, not rejected (item 9)', async () => {
    for (const pkg of ['@workos/node', '@workos/python', '@workos/ruby', '@workos/go', '@workos/php']) {
      const result = await client.callTool({ name: 'workos_changelogs', arguments: { package: pkg } });
      expect(result.isError ?? false, pkg).toBe(false);
    }
  });
});
