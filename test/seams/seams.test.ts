/**
 * One test per seam of src/seams/: each patch of SDK, zod or TypeScript internals is checked here
 * against the installed version, so an upgrade that breaks one fails with the seam's name.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  CallToolResultSchema,
  ErrorCode,
  JSONRPCResultResponseSchema,
  McpError,
  type JSONRPCMessage,
} from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reportInvalidParams } from '../../src/seams/sdk-invalid-params.js';
import { dispatchRequestsDirectly, isPlainRequest } from '../../src/seams/sdk-request-dispatch.js';
import { toJsonSchema } from '../../src/seams/sdk-json-schema.js';
import { onSetLevel } from '../../src/seams/sdk-set-level.js';
import { listOutputSchemaOnly, serveCompactToolsList } from '../../src/seams/sdk-tools-list.js';
import { loadTypeScript, loadTypeScriptSync } from '../../src/seams/typescript.js';
import { AjvJsonSchemaValidator as LazyAjvProvider } from '../../src/seams/lazy-ajv-provider.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureBuilt } from '../fixtures/built.js';
import { fieldFacts, tolerantObject } from '../../src/seams/zod-tolerant-object.js';

const input = tolerantObject(
  {
    query: z.string().describe('words'),
    limit: z.number().int().min(1).max(20).default(5).describe('max results'),
  },
  { q: 'query' },
);

/** A bare McpServer with one tool over the tolerant schema, and a client linked in memory. */
async function linked(setUp: (server: McpServer) => void): Promise<Client> {
  const server = new McpServer({ name: 'seams', version: '1.0.0' }, { capabilities: { logging: {} } });
  const tools = new Map();
  tools.set(
    'find',
    server.registerTool('find', { description: 'find', inputSchema: input.shape }, async (args) => ({
      content: [{ type: 'text', text: JSON.stringify(args) }],
    })),
  );
  serveCompactToolsList(server, tools);
  setUp(server);
  const [a, b] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'seams-test', version: '1.0.0' });
  await server.connect(b);
  await client.connect(a);
  return client;
}

describe('seams', () => {
  it('sdk-invalid-params: malformed params answer -32602 in one line, not -32603 with a dump', async () => {
    const client = await linked((server) => reportInvalidParams(server));
    const call = client.request(
      { method: 'tools/call', params: { name: 'find', arguments: ['not', 'a', 'record'] } },
      CallToolResultSchema,
    );
    await expect(call).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof McpError && e.code === ErrorCode.InvalidParams && !e.message.includes('\n'),
    );
    const withConstructor = await client.callTool({
      name: 'find',
      arguments: { query: 'x', constructor: null },
    });
    expect(withConstructor.isError).toBeFalsy();
  });

  it('sdk-tools-list: tools/list answers compact schemas that keep every constraint', async () => {
    const client = await linked(() => undefined);
    const [tool] = (await client.listTools()).tools;
    const schema = JSON.stringify(tool.inputSchema);
    expect(schema).not.toContain('$schema');
    expect(schema).not.toContain('"additionalProperties":true');
    expect(tool.inputSchema.properties?.limit).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 20,
      default: 5,
    });
  });

  it('sdk-tools-list: an output schema held back from the SDK is listed but not checked on each call', async () => {
    const server = new McpServer({ name: 'seams', version: '1.0.0' });
    const tools = new Map();
    const tool = server.registerTool(
      'count',
      { description: 'count', outputSchema: { n: z.number() } },
      // not what the schema says: the SDK's own check would turn this into an isError answer
      async () => ({ content: [{ type: 'text', text: 'x' }], structuredContent: { n: 'many' } }),
    );
    tools.set('count', tool);
    listOutputSchemaOnly(tool);
    serveCompactToolsList(server, tools);
    const [a, b] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: 'seams-test', version: '1.0.0' });
    await server.connect(b);
    await client.connect(a);
    const result = await client.request(
      { method: 'tools/call', params: { name: 'count', arguments: {} } },
      CallToolResultSchema,
    );
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ n: 'many' });
    const [listed] = (await client.listTools()).tools;
    expect(listed.outputSchema?.properties?.n).toMatchObject({ type: 'number' });
  });

  it('sdk-request-dispatch: plain requests skip the SDK classifier; every message gets the same answer', async () => {
    const messages: unknown[] = [
      { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'find', arguments: { q: 'x' } } },
      { jsonrpc: '2.0', id: 'two', method: 'tools/list' },
      { jsonrpc: '2.0', id: 3, method: 'tools/list', params: { _meta: { progressToken: 7 } } },
      { jsonrpc: '2.0', id: 4, method: 'tools/list', params: { _meta: 'not an object' } },
      { jsonrpc: '2.0', id: 5, method: 'tools/call', params: ['not', 'an', 'object'] },
      { jsonrpc: '2.0', id: 6, method: 'tools/list', extra: true },
      { jsonrpc: '2.0', id: 7.5, method: 'tools/list' },
      { jsonrpc: '1.0', id: 8, method: 'tools/list' },
      { jsonrpc: '2.0', id: 9, method: 'no/such/method' },
    ];
    const answers = async (direct: boolean) => {
      const server = new McpServer({ name: 'seams', version: '1.0.0' });
      server.registerTool('find', { description: 'find', inputSchema: input.shape }, async (args) => ({
        content: [{ type: 'text', text: JSON.stringify(args) }],
      }));
      if (direct) dispatchRequestsDirectly(server);
      const [a, b] = InMemoryTransport.createLinkedPair();
      const out: JSONRPCMessage[] = [];
      const errors: string[] = [];
      a.onmessage = (m) => void out.push(m);
      server.server.onerror = (e) => void errors.push(e.message);
      await server.connect(b);
      await a.start();
      const parse = JSONRPCResultResponseSchema.safeParse.bind(JSONRPCResultResponseSchema);
      let classified = 0;
      JSONRPCResultResponseSchema.safeParse = ((v: unknown) => {
        classified++;
        return parse(v);
      }) as typeof JSONRPCResultResponseSchema.safeParse;
      try {
        for (const m of messages) await a.send(m as JSONRPCMessage);
        await new Promise((r) => setTimeout(r, 50));
      } finally {
        JSONRPCResultResponseSchema.safeParse = parse;
      }
      return { out, errors, classified };
    };
    const sdk = await answers(false);
    const direct = await answers(true);
    expect(direct.out).toEqual(sdk.out);
    expect(direct.errors).toEqual(sdk.errors);
    // four answers (one an unknown-method error); five messages the SDK refuses as not JSON-RPC
    expect(sdk.out).toHaveLength(4);
    expect(sdk.errors).toHaveLength(5);
    // the SDK tries each of the 9 as a response; with the seam only those not plainly requests are tried
    expect(sdk.classified).toBe(messages.length);
    expect(direct.classified).toBe(messages.filter((m) => !isPlainRequest(m)).length);
    expect(direct.classified).toBeLessThan(messages.length - 2);
  });

  it('sdk-set-level: logging/setLevel reaches our handler, each time', async () => {
    let level = 'info';
    const client = await linked((server) => onSetLevel(server, (l) => (level = l)));
    await client.setLoggingLevel('error');
    expect(level).toBe('error');
    await client.setLoggingLevel('debug');
    expect(level).toBe('debug');
  });

  it('zod-tolerant-object: repairs arguments before validation and stays a real ZodObject', () => {
    expect(input.parse({ q: 'sso', limit: '50' })).toEqual({ query: 'sso', limit: 20 });
    expect(input.parse({ query: 'sso', limit: 0 })).toEqual({ query: 'sso', limit: 1 });
    expect(input).toBeInstanceOf(z.ZodObject);
    expect(fieldFacts(input.shape.limit)).toMatchObject({ type: 'number', min: 1, max: 20, default: 5 });
  });

  it('sdk-json-schema: the SDK converts our zod schemas with every property listed', () => {
    const schema = toJsonSchema(input, 'input');
    expect(Object.keys(schema.properties as object)).toEqual(['query', 'limit']);
    expect(schema).not.toHaveProperty('$schema');
    expect(toJsonSchema(z.string(), 'input')).toEqual({ type: 'object', properties: {} });
  });

  it('typescript: the compiler loads lazily, sync and async, with the API we call', async () => {
    const sync = loadTypeScriptSync();
    const lazy = await loadTypeScript();
    for (const ts of [sync, lazy]) {
      expect(typeof ts.createSourceFile).toBe('function');
      expect(typeof ts.createProgram).toBe('function');
      expect(ts.version).toBe(sync.version);
    }
  });

  it('lazy-ajv-provider: constructs the SDK Ajv validator on first use, and the stdio bundle does not load Ajv', () => {
    const validator = new LazyAjvProvider() as unknown as AjvJsonSchemaValidator;
    // The SDK's CommonJS copy (loaded with require), so not the same class object as this file's import.
    expect(validator.constructor.name).toBe(AjvJsonSchemaValidator.name);
    const check = validator.getValidator<{ a: string }>({
      type: 'object',
      properties: { a: { type: 'string' } },
      required: ['a'],
    });
    expect(check({ a: 'x' }).valid).toBe(true);
    expect(check({}).valid).toBe(false);
    // Ajv's option names are string literals that survive minification.
    const bundle = readFileSync(join(dirname(ensureBuilt()), 'chunks', 'stdio-server.cjs'), 'utf8');
    expect(bundle.length).toBeGreaterThan(100_000);
    expect(bundle.includes('strictTypes'), 'Ajv is bundled into the stdio server').toBe(false);
  });
});
