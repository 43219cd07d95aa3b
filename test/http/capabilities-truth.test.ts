// Issue 15 item 7: advertise only what happens. Over stateless HTTP every POST gets a fresh server, so a
// logging/setLevel cannot outlive its request: logging is not advertised there and no log
// notifications are sent (setLevel is still answered {} for clients that call it regardless). stdio
// keeps logging. No list ever changes while a server runs, so listChanged is never promised.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuntime } from '../../src/lifecycle/load-runtime.js';
import { ensureBuilt } from '../fixtures/built.js';
import { connect } from '../server/connect.js';
import { spawnServer, type ServerProcess } from '../../harness/process.js';

const TOKEN = 'capabilities-truth-token-0123456789';
let proc: ServerProcess;
let url: string;

beforeAll(async () => {
  const bin = ensureBuilt();
  proc = spawnServer(process.execPath, [bin, 'serve', '--http', '--port', '0'], {
    WORKOS_DOCS_MCP_TOKEN: TOKEN,
  });
  url = String((await proc.waitFor((l) => l.msg === 'listening')).url);
});
afterAll(() => {
  if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
});

function noListChanged(caps: Record<string, unknown> | undefined): void {
  for (const key of ['tools', 'resources', 'prompts'])
    expect((caps?.[key] as { listChanged?: boolean } | undefined)?.listChanged ?? false, key).toBe(false);
}

describe('capabilities say what really happens', () => {
  it('stateless HTTP (the real `serve --http`): no logging capability, no log notifications, setLevel harmless', async () => {
    const client = new Client({ name: 'http-caps', version: '0' });
    const messages: unknown[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void messages.push(n));
    await client.connect(
      new StreamableHTTPClientTransport(new URL(url), {
        requestInit: { headers: { authorization: `Bearer ${TOKEN}` } },
      }),
    );
    const caps = client.getServerCapabilities() as Record<string, unknown>;
    expect(caps).not.toHaveProperty('logging');
    noListChanged(caps);
    expect(await client.setLoggingLevel('debug')).toEqual({});
    await client.callTool({ name: 'workos_search', arguments: { query: 'SSO' } });
    await client.callTool({ name: 'workos_docs', arguments: { path: 'no/such/page' } });
    expect(messages).toEqual([]);
    await client.close();
  });

  it('stdio-style session: logging advertised and honoured, lists still not promised to change', async () => {
    const client = await connect(await loadRuntime());
    const caps = client.getServerCapabilities() as Record<string, unknown>;
    expect(caps).toHaveProperty('logging');
    noListChanged(caps);
    const messages: { params: { level: string } }[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void messages.push(n));
    await client.setLoggingLevel('debug');
    await client.callTool({ name: 'workos_search', arguments: { query: 'SSO' } });
    expect(messages.some((m) => m.params.level === 'debug')).toBe(true);
    await client.close();
  });
});
