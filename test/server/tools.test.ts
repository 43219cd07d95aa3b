import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SERVER_INSTRUCTIONS } from '../../src/server/instructions.js';
import { fixtureRuntime } from '../fixtures/runtime.js';
import { call, connect } from './connect.js';

let client: Client;
beforeAll(async () => {
  client = await connect(fixtureRuntime());
});
afterAll(() => client.close());

describe('initialize and tools/list', () => {
  it('sends instructions and declares logging, completions, resources and prompts', () => {
    expect(client.getInstructions()).toBe(SERVER_INSTRUCTIONS);
    expect(client.getServerCapabilities()).toMatchObject({
      logging: {},
      completions: {},
      resources: {},
      prompts: {},
      tools: {},
    });
  });

  it('lists exactly the five tools, annotated read-only, with output schemas, under 6.5 KB', async () => {
    const list = await client.listTools();
    expect(list.tools.map((t) => t.name)).toEqual([
      'workos_search',
      'workos_docs',
      'workos_examples',
      'workos_changelogs',
      'workos_check',
    ]);
    for (const tool of list.tools) {
      expect(tool.title).toBeTruthy();
      expect(tool.annotations).toEqual({ readOnlyHint: true, idempotentHint: true, openWorldHint: false });
      expect(tool.outputSchema?.type).toBe('object');
      expect(JSON.stringify(tool)).not.toContain('$schema');
    }
    expect(list.tools[0].inputSchema.required).toEqual(['query']);
    // The fifth tool (workos_check) took it to ~6.1 KB; the budget moved with it, honestly.
    expect(JSON.stringify(list).length).toBeLessThan(6500);
  });
});

describe('workos_search', () => {
  it('answers compact Markdown plus structured results', async () => {
    const r = await call(client, 'workos_search', { query: 'Azure SAML', limit: 2 });
    expect(r.isError).toBeFalsy();
    expect(r.text).toMatch(/^Results for "Azure SAML"/);
    expect(r.text).toContain('`integrations/azure-ad-saml`');
    expect(r.text).toMatch(/Read one: workos_docs \{"path":"integrations\/azure-ad-saml"/);
    expect(r.text).not.toContain('"results"');
    const s = r.structuredContent as { results: { path: string }[]; total: number };
    expect(s.results[0].path).toBe('integrations/azure-ad-saml');
    expect(s.results.length).toBeLessThanOrEqual(2);
    expect(r.structuredContent).toMatchObject({
      // Face-neutral: the arguments that read the top result (the text names the tool).
      next: { path: 'integrations/azure-ad-saml' },
    });
  });

  it('accepts the old maxResults and invented names for query', async () => {
    for (const args of [
      { question: 'SAML', maxResults: 1 },
      { q: 'SAML', maxResults: '1' },
      { search: 'SAML', max_results: 1 },
    ]) {
      const r = await call(client, 'workos_search', args);
      expect(r.isError, JSON.stringify(args)).toBeFalsy();
      expect((r.structuredContent as { results: unknown[] }).results).toHaveLength(1);
    }
  });

  it.each([0, -1, 1e9, '7'])('clamps limit %j', async (limit) => {
    const r = await call(client, 'workos_search', { query: 'sso', limit });
    expect(r.isError).toBeFalsy();
  });

  it('filters by product and kind and explains bad filters', async () => {
    const r = await call(client, 'workos_search', { query: 'organization', kind: 'reference' });
    expect(
      (r.structuredContent as { results: { kind: string }[] }).results.every((x) => x.kind === 'reference'),
    ).toBe(true);
    const bad = await call(client, 'workos_search', { query: 'sso', product: 'nope' });
    expect(bad.isError).toBe(true);
    expect(bad.text).toMatch(/Unknown product "nope". Products: /);
  });

  it('reports no results with suggestions rather than an error', async () => {
    const r = await call(client, 'workos_search', { query: 'zzzqqq' });
    expect(r.isError).toBeFalsy();
    expect(r.text).toMatch(/No docs match "zzzqqq"/);
  });
});

describe('workos_docs', () => {
  it('reads a page by path, URL or path#anchor, ending with navigation', async () => {
    const r = await call(client, 'workos_docs', { path: 'https://workos.com/docs/sso/jit-provisioning' });
    expect(r.text).toMatch(/^# JIT Provisioning/);
    expect(r.text).toContain('**Navigation**');
    expect(r.structuredContent).toMatchObject({ path: 'sso/jit-provisioning', page: 1, pages: 1 });
    const anchored = await call(client, 'workos_docs', { url: 'sso#how-single-sign-on-works' });
    expect(anchored.structuredContent).toMatchObject({ section: 'how-single-sign-on-works' });
  });

  it('returns the table of contents without a path', async () => {
    for (const args of [{}, { path: '/' }]) {
      const r = await call(client, 'workos_docs', args);
      expect(r.text).toMatch(/^# WorkOS docs — table of contents/);
      expect(r.text).toContain('`sso/jit-provisioning`');
    }
  });

  it("answers a product area without a page of its own with that area's contents", async () => {
    const r = await call(client, 'workos_docs', { path: '/docs/reference' });
    expect(r.isError).toBeFalsy();
    expect(r.text).toMatch(/^# API Reference — contents\n1 page\. /);
    expect(r.text).toContain('Create an Organization `reference/organization/create`');
    expect(r.structuredContent).toMatchObject({ path: 'reference', pages: 1 });
  });

  it('returns one section, one SDK language, and paginates long pages', async () => {
    const section = await call(client, 'workos_docs', {
      path: 'sso',
      section: 'Choose your integration approach',
    });
    expect(section.text).toContain('(B) Using WorkOS AuthKit');
    expect(section.text).not.toContain('How Single Sign-On works\n');
    const python = await call(client, 'workos_docs', {
      path: 'reference/organization/create',
      language: 'python',
    });
    expect(python.text).toContain('organizations.create_organization()');
    expect(python.text).not.toContain('createOrganization()');
    const page2 = await call(client, 'workos_docs', { path: 'events', page: 2, maxTokens: 2000 });
    expect(page2.structuredContent).toMatchObject({ page: 2 });
    expect(page2.text).toMatch(/page 2 of \d+/);
    expect(page2.text).toContain('Next page: workos_docs {"path":"events","maxTokens":2000,"page":3}');
    // Clients that forward only structuredContent to the model still get the body and the way on.
    expect(page2.structuredContent).toMatchObject({
      markdown: expect.stringMatching(/^_\(…continued from "Event group \d+"\)_\n\n\w[^]*\n## Event group/),
      next: { path: 'events', maxTokens: 2000, page: 3 },
    });
  });

  it('answers unknown docs with isError and the likely docs', async () => {
    const r = await call(client, 'workos_docs', { path: 'sso/jit' });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/No doc at "sso\/jit"/);
    expect(r.text).toContain('`sso/jit-provisioning`');
  });

  it.each([
    ['unknown section', { path: 'sso', section: 'nope' }, /has no section "nope"/],
    [
      'unknown language',
      { path: 'reference/organization/create', language: 'cobol' },
      /Unknown language "cobol"/,
    ],
    ['page past the end', { path: 'sso', page: 99 }, /page 99 does not exist/],
  ])('%s -> isError', async (_name, args, message) => {
    const r = await call(client, 'workos_docs', args);
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(message);
  });
});

describe('workos_examples', () => {
  it('lists topics without arguments', async () => {
    const r = await call(client, 'workos_examples');
    expect(r.text).toMatch(/^# WorkOS code examples by product/);
    expect(r.structuredContent).toMatchObject({ mode: 'topics' });
  });

  it('accepts the old `example` argument and filters by language', async () => {
    const r = await call(client, 'workos_examples', { example: 'create organization', language: 'python' });
    expect(r.text).toContain(
      '```python\norganization = workos.organizations.create_organization(name="Foo Corp")\n```',
    );
    expect(r.text).toContain('## SDK method: organizations.create_organization()');
    expect(r.structuredContent).toMatchObject({ mode: 'matches', examples: [{ language: 'python' }] });
  });

  it('lists example apps', async () => {
    const r = await call(client, 'workos_examples', { query: 'example app', language: 'python' });
    expect(r.text).toContain('https://github.com/workos/python-flask-example-applications');
  });
});

describe('workos_changelogs', () => {
  it('defaults to the platform, newest first, with filters', async () => {
    const r = await call(client, 'workos_changelogs');
    expect(r.text).toMatch(/^# Changelog: workos-platform/);
    expect(r.text.indexOf('Audit Logs retention')).toBeLessThan(r.text.indexOf('Radar'));
    const since = await call(client, 'workos_changelogs', { since: '2026-09-01' });
    expect((since.structuredContent as { entries: unknown[] }).entries).toHaveLength(1);
    const pkg = await call(client, 'workos_changelogs', { package: '@workos-inc/node' });
    expect(pkg.text).toContain('8.0.0');
  });

  it('unknown package -> isError listing the available ones', async () => {
    const r = await call(client, 'workos_changelogs', { package: 'left-pad' });
    expect(r.isError).toBe(true);
    expect(r.text).toContain('Available packages: `@workos-inc/node`, `workos-platform`');
  });
});

describe('bad input', () => {
  it.each([
    ['missing required query', 'workos_search', {}, /query is required/],
    ['query of the wrong type', 'workos_search', { query: 42 }, /Expected string/],
    ['limit that is not a number', 'workos_search', { query: 'sso', limit: 'lots' }, /Expected number/],
    ['array for path', 'workos_docs', { path: ['sso'] }, /Expected string/],
    ['path traversal', 'workos_docs', { path: '../../package.json' }, /"\.\." segments/],
    ['encoded traversal', 'workos_docs', { path: '%2e%2e/%2e%2e/package.json' }, /"\.\." segments/],
    ['NUL byte', 'workos_docs', { path: 'sso\u0000.mdx' }, /NUL byte/],
    ['absolute path', 'workos_docs', { path: '/etc/passwd' }, /No doc at "\/etc\/passwd"/],
    ['Windows path', 'workos_docs', { path: 'C:\\Windows\\win.ini' }, /No doc at/],
    ['1 MB path', 'workos_docs', { path: 'a'.repeat(1_000_000) }, /path is 1000000 characters long/],
    ['1 MB section', 'workos_docs', { path: 'sso', section: 'b'.repeat(1_000_000) }, /section is too long/],
    ['unknown tool', 'workos_delete_everything', {}, /Tool workos_delete_everything not found/],
  ])('%s -> clear isError', async (_name, tool, args, message) => {
    const r = await call(client, tool, args as Record<string, unknown>);
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(message);
    expect(r.text.length).toBeLessThan(2000);
    expect(r.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('1 MB values in any string argument get a short answer, never an echo of the input', async () => {
    const huge = 'x'.repeat(1_000_000);
    const calls: [string, Record<string, unknown>][] = [
      ['workos_search', { query: 'sso', product: huge }],
      ['workos_search', { query: 'sso', kind: huge }],
      ['workos_docs', { path: 'sso', language: huge }],
      ['workos_examples', { query: huge }],
      ['workos_examples', { language: huge, framework: huge }],
      ['workos_changelogs', { package: huge }],
      ['workos_changelogs', { since: huge }],
      ['workos_changelogs', { query: huge }],
    ];
    for (const [tool, args] of calls) {
      const started = performance.now();
      const r = await call(client, tool, args);
      expect(r.text.length, `${tool} ${Object.keys(args).join()}`).toBeLessThan(3000);
      expect(performance.now() - started).toBeLessThan(5000);
    }
  });

  it('a 1 MB query is answered, cut to size', async () => {
    const r = await call(client, 'workos_search', { query: 'saml '.repeat(200_000) });
    expect(r.isError).toBeFalsy();
    expect(r.text).toMatch(/Query cut to its first (500 characters|\d+ words)\./);
  });

  it('never leaks the content of files outside the corpus', async () => {
    for (const path of [
      '../../package.json',
      '../../../../etc/passwd',
      resolve('package.json'),
      'file:///etc/passwd',
      '..%2F..%2Fpackage.json',
    ]) {
      const r = await call(client, 'workos_docs', { path });
      expect(r.isError, path).toBe(true);
      expect(r.text).not.toContain('"devDependencies"');
      expect(r.text).not.toContain('root:x:0:0');
    }
  });

  it('the server keeps answering after all of the above', async () => {
    const r = await call(client, 'workos_search', { query: 'sso' });
    expect(r.isError).toBeFalsy();
  });
});
