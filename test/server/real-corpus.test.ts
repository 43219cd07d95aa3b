import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Runtime } from '../../src/core/runtime.js';
import { call, realClient } from './connect.js';

/** Clients warn near 10k tokens and cut at 25k; a default answer must stay far below the cut. */
const MAX_ANSWER_CHARS = 25_000;

/**
 * The size a model sees: the text, or (for clients such as Claude Code that forward only
 * structuredContent when it is present) the serialised structured answer, whichever is larger.
 */
function seen(r: { text: string; structuredContent?: unknown }): number {
  return Math.max(r.text.length, r.structuredContent ? JSON.stringify(r.structuredContent).length : 0);
}

let runtime: Runtime;
let client: Client;
beforeAll(async () => ({ runtime, client } = await realClient()));
afterAll(() => client.close());

describe('every doc of the real corpus', () => {
  it('answers workos_docs with default arguments under 25,000 characters, every page reachable', async () => {
    const oversized: string[] = [];
    let pagesRead = 0;
    for (const doc of runtime.corpus.docs) {
      const first = await call(client, 'workos_docs', { path: doc.path });
      expect(first.isError, `${doc.path}: ${first.text.slice(0, 200)}`).toBeFalsy();
      const pages = (first.structuredContent as { pages: number }).pages;
      if (seen(first) > MAX_ANSWER_CHARS) oversized.push(`${doc.path} p1 ${seen(first)}`);
      for (let page = 2; page <= pages; page++) {
        const next = await call(client, 'workos_docs', { path: doc.path, page });
        expect(next.isError, `${doc.path} page ${page}`).toBeFalsy();
        if (seen(next) > MAX_ANSWER_CHARS) oversized.push(`${doc.path} p${page} ${seen(next)}`);
        pagesRead++;
      }
    }
    expect(oversized).toEqual([]);
    expect(pagesRead).toBeGreaterThan(0);
  });

  it('answers every SDK language of every reference page under 25,000 characters, with that SDK method', async () => {
    const oversized: string[] = [];
    let checked = 0;
    for (const doc of runtime.corpus.docs.filter((d) => d.reference.length > 0)) {
      for (const language of new Set(doc.reference.map((r) => r.language))) {
        const r = await call(client, 'workos_docs', { path: doc.path, language });
        expect(r.isError, `${doc.path} ${language}`).toBeFalsy();
        if (seen(r) > MAX_ANSWER_CHARS) oversized.push(`${doc.path} ${language} ${seen(r)}`);
        const entry = doc.reference.find((e) => e.language === language)!;
        if ((r.structuredContent as { pages: number }).pages === 1)
          expect(r.text, `${doc.path} ${language}`).toContain(entry.markdown.trim().split('\n')[0]);
        checked++;
      }
    }
    expect(oversized).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  it('answers searches for every doc title, the table of contents, examples and changelogs under 25,000 characters', async () => {
    const answers = [
      await call(client, 'workos_docs', {}),
      await call(client, 'workos_examples', {}),
      await call(client, 'workos_changelogs', {}),
      await call(client, 'workos_search', { query: 'sso', limit: 50 }),
    ];
    for (const doc of runtime.corpus.docs.slice(0, 80))
      answers.push(await call(client, 'workos_search', { query: doc.title }));
    for (const topic of [
      'authkit',
      'sso',
      'directory sync',
      'organization',
      'webhook',
      'nextjs',
      'user management',
    ]) {
      answers.push(await call(client, 'workos_examples', { query: topic }));
      answers.push(await call(client, 'workos_examples', { query: topic, language: 'node', limit: 20 }));
    }
    for (const a of answers) {
      expect(a.isError, a.text.slice(0, 200)).toBeFalsy();
      expect(seen(a)).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    }
  });
});

describe('search and docs agree', () => {
  it('every anchor a search returns can be read with workos_docs', async () => {
    const queries = [
      'sso',
      'Azure AD SAML',
      'directory sync webhooks',
      'create organization',
      'magic auth',
      'audit logs export',
      'session cookie nextjs',
      'roles and permissions',
      'domain verification',
      'mfa totp',
    ];
    let checked = 0;
    for (const query of queries) {
      const r = await call(client, 'workos_search', { query, limit: 10 });
      const results = (
        r.structuredContent as { results: { path: string; anchor: string; more: { anchor: string }[] }[] }
      ).results;
      for (const hit of results) {
        for (const anchor of [hit.anchor, ...hit.more.map((m) => m.anchor)].filter(Boolean)) {
          const doc = await call(client, 'workos_docs', { path: hit.path, section: anchor });
          expect(doc.isError, `${query}: ${hit.path}#${anchor}: ${doc.text.slice(0, 120)}`).toBeFalsy();
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('real answers', () => {
  it('reference/organization/create in Python shows the Python method and its parameters', async () => {
    const r = await call(client, 'workos_docs', {
      path: 'reference/organization/create',
      language: 'python',
    });
    expect(r.text).toContain('organizations.create_organization()');
    expect(r.text).toContain('`domain_data`');
    expect(r.text).not.toContain('organizationsService.CreateOrganization()');
  });

  it('finds the Entra ID (Azure AD) SAML guide for "Azure AD SAML"', async () => {
    const r = await call(client, 'workos_search', { query: 'Azure AD SAML', limit: 5 });
    expect((r.structuredContent as { results: { path: string }[] }).results.map((x) => x.path)).toContain(
      'integrations/entra-id-saml',
    );
  });

  it('suggests the right doc for a near-miss path', async () => {
    const r = await call(client, 'workos_docs', { path: 'sso/jit-provision' });
    expect(r.isError).toBe(true);
    expect(r.text.split('\n')[2]).toContain('`sso/jit-provisioning`');
  });
});
