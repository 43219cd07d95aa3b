import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  LoggingMessageNotificationSchema,
  type LoggingMessageNotification,
} from '@modelcontextprotocol/sdk/types.js';
import { fixtureRuntime } from '../fixtures/runtime.js';
import { call, connect } from './connect.js';

function textOf(result: { contents: ({ text: string } | { blob: string })[] }): string {
  const first = result.contents[0];
  return 'text' in first ? first.text : '';
}

let client: Client;
const stderr: string[] = [];
beforeAll(async () => {
  client = await connect(fixtureRuntime(), stderr);
});
afterAll(() => client.close());

/** What the server offers to complete `name` = `value` of a prompt or resource template. */
async function completions(
  ref: Parameters<Client['complete']>[0]['ref'],
  name: string,
  value: string,
): Promise<string[]> {
  return (await client.complete({ ref, argument: { name, value } })).completion.values;
}

describe('resources', () => {
  it('lists every doc plus the table of contents and the platform changelog', async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toEqual(
      expect.arrayContaining([
        'workos-docs://toc',
        'workos-docs://changelog/workos-platform',
        'workos-docs://docs/sso/jit-provisioning',
      ]),
    );
    expect(resources.find((r) => r.uri === 'workos-docs://docs/sso')).toMatchObject({
      title: 'Single Sign-On',
      mimeType: 'text/markdown',
    });
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['workos-docs://docs/{+path}']);
  });

  it('reads a doc, the table of contents and the changelog as Markdown', async () => {
    const doc = await client.readResource({ uri: 'workos-docs://docs/sso/jit-provisioning' });
    expect(doc.contents[0]).toMatchObject({
      mimeType: 'text/markdown',
      uri: 'workos-docs://docs/sso/jit-provisioning',
    });
    expect(textOf(doc)).toMatch(/^# JIT Provisioning\n\nJust-in-time provisioning/);
    const toc = await client.readResource({ uri: 'workos-docs://toc' });
    expect(textOf(toc)).toContain('## Single Sign-On — `sso`');
    const log = await client.readResource({ uri: 'workos-docs://changelog/workos-platform' });
    expect(textOf(log)).toContain('Audit Logs retention');
  });

  it('unknown or escaping doc URIs are protocol errors, not file reads', async () => {
    await expect(client.readResource({ uri: 'workos-docs://docs/nope/page' })).rejects.toThrow(
      /No doc at "nope\/page"/,
    );
    await expect(client.readResource({ uri: 'workos-docs://docs/../../package.json' })).rejects.toThrow();
    // The URL parser already folds dot segments away, so this asks for the (absent) doc "package.json".
    await expect(
      client.readResource({ uri: 'workos-docs://docs/%2e%2e/%2e%2e/package.json' }),
    ).rejects.toThrow(/No doc at "package\.json"/);
    await expect(client.readResource({ uri: 'workos-docs://docs/nope' })).rejects.toThrow(
      /^MCP error -32002: No doc at "nope"/,
    );
  });

  it('completes the doc path of the template', async () => {
    const ref = { type: 'ref/resource', uri: 'workos-docs://docs/{+path}' } as const;
    expect(await completions(ref, 'path', 'sso/')).toEqual(['sso/jit-provisioning']);
    expect(await completions(ref, 'path', 'organization')).toEqual(['reference/organization/create']);
  });
});

describe('prompts', () => {
  it('lists the prompts with their arguments', async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(['add-workos-feature', 'setup-sso', 'migrate-auth-provider']);
    expect(prompts[0].arguments?.map((a) => a.name)).toEqual(['feature', 'framework']);
  });

  it('gets a prompt with instructions and a link to the doc', async () => {
    const prompt = await client.getPrompt({
      name: 'add-workos-feature',
      arguments: { feature: 'sso', framework: 'nextjs' },
    });
    const [text, link] = prompt.messages;
    expect(text.content).toMatchObject({ type: 'text' });
    expect((text.content as { text: string }).text).toContain('Add WorkOS sso to my nextjs app.');
    expect(link.content).toMatchObject({ type: 'resource_link', uri: 'workos-docs://docs/sso' });
    const sso = await client.getPrompt({ name: 'setup-sso', arguments: { provider: 'azure-ad-saml' } });
    expect(sso.messages[1].content).toMatchObject({
      type: 'resource_link',
      uri: 'workos-docs://docs/integrations/azure-ad-saml',
    });
  });

  it('completes prompt arguments from the corpus', async () => {
    const feature = { type: 'ref/prompt', name: 'add-workos-feature' } as const;
    expect((await completions(feature, 'feature', 's'))[0]).toBe('sso');
    expect(await completions(feature, 'framework', 'next')).toEqual(['nextjs']);
    const sso = { type: 'ref/prompt', name: 'setup-sso' } as const;
    expect(await completions(sso, 'provider', 'azure')).toEqual(['azure-ad-saml']);
  });

  it('refuses a prompt without its required arguments', async () => {
    await expect(client.getPrompt({ name: 'setup-sso', arguments: {} })).rejects.toThrow(/provider/);
  });
});

describe('logging', () => {
  it('sends log notifications at or above the level the client sets, and writes only to stderr', async () => {
    const messages: LoggingMessageNotification['params'][] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
      messages.push(n.params);
    });
    await call(client, 'workos_docs', { path: 'nope' });
    await new Promise((r) => setTimeout(r, 20));
    expect(messages.map((m) => m.level)).toEqual(['info']);
    expect(String(messages[0].data)).toMatch(/doc_not_found/);

    await client.setLoggingLevel('debug');
    await call(client, 'workos_search', { query: 'sso' });
    await new Promise((r) => setTimeout(r, 20));
    expect(messages.some((m) => m.level === 'debug' && /workos_search: \d+ chars/.test(String(m.data)))).toBe(
      true,
    );

    await client.setLoggingLevel('error');
    const before = messages.length;
    await call(client, 'workos_docs', { path: 'nope' });
    await new Promise((r) => setTimeout(r, 20));
    expect(messages.length).toBe(before);
    // stderr gets warnings and above only by default; none happened.
    expect(stderr).toEqual([]);
  });
});
