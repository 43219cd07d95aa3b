import { describe, expect, it } from 'vitest';
import { readDoc } from '../fixtures/operations.js';
import { MCP_FACE } from '../../src/server/face.js';
import {
  DocNotFoundError,
  InvalidArgumentError,
  SectionNotFoundError,
  UnknownLanguageError,
} from '../../src/core/errors.js';
import { formatDocPage } from '../../src/core/format/doc.js';
import { fixtureRuntime } from '../fixtures/runtime.js';

const runtime = fixtureRuntime();

describe('readDoc', () => {
  it('reads a doc by any address form', () => {
    for (const path of ['sso', '/docs/sso', 'https://workos.com/docs/sso', 'sso/index.mdx']) {
      expect(readDoc(runtime, { path }).path).toBe('sso');
    }
  });

  it('returns one section with its subsections by anchor, heading text or #anchor', () => {
    const byAnchor = readDoc(runtime, { path: 'sso', section: 'choose-your-integration-approach' });
    expect(byAnchor.markdown).toContain('(A) With the standalone SSO API');
    expect(byAnchor.markdown).toContain('(B) Using WorkOS AuthKit');
    expect(byAnchor.markdown).not.toContain('How Single Sign-On works');
    expect(readDoc(runtime, { path: 'sso', section: 'How Single Sign-On works' }).section?.anchor).toBe(
      'how-single-sign-on-works',
    );
    expect(readDoc(runtime, { path: 'sso#how-single-sign-on-works' }).markdown).toContain('SAML or OIDC');
  });

  it('unknown section lists the available anchors', () => {
    expect(() => readDoc(runtime, { path: 'sso', section: 'nope' })).toThrow(SectionNotFoundError);
  });

  it('unknown doc suggests close paths', () => {
    try {
      readDoc(runtime, { path: 'sso/jit-provision' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DocNotFoundError);
      expect((err as DocNotFoundError).suggestions[0].path).toBe('sso/jit-provisioning');
    }
  });

  it('filters reference pages to one SDK beside the endpoint', () => {
    const page = readDoc(runtime, { path: 'reference/organization/create', language: 'py' });
    expect(page.language).toBe('python');
    expect(page.markdown).toContain('organizations.create_organization()');
    expect(page.markdown).toContain('POST /organizations');
    expect(page.markdown).not.toContain('createOrganization()');
    expect(
      readDoc(runtime, { path: 'reference/organization/create', language: 'typescript' }).markdown,
    ).toContain('createOrganization()');
  });

  it('falls back to curl when the page lacks the asked SDK, and refuses unknown languages', () => {
    const page = readDoc(runtime, { path: 'reference/organization/create', language: 'go' });
    expect(page.language).toBe('curl');
    expect(page.notes.join(' ')).toMatch(/No Go rendering/);
    expect(() => readDoc(runtime, { path: 'sso', language: 'cobol' })).toThrow(UnknownLanguageError);
  });

  it('paginates long docs at section boundaries within the budget', () => {
    const first = readDoc(runtime, { path: 'events' });
    expect(first.pages).toBeGreaterThan(1);
    const text = formatDocPage(first, MCP_FACE);
    expect(text.length).toBeLessThanOrEqual(6000 * 4);
    expect(text).toContain(`page 1 of ${first.pages}`);
    expect(text).toContain('"page":2');
    const second = readDoc(runtime, { path: 'events', page: 2 });
    expect(second.markdown.startsWith('## Event group')).toBe(true);
    const all = Array.from(
      { length: first.pages },
      (_, i) => readDoc(runtime, { path: 'events', page: i + 1 }).markdown,
    ).join('\n');
    for (let i = 0; i < 30; i++) expect(all).toContain(`## Event group ${i}\n`);
  });

  it('respects maxTokens with a ceiling and clamps absurd values', () => {
    expect(readDoc(runtime, { path: 'events', maxTokens: 1e9 }).maxTokens).toBe(20000);
    expect(readDoc(runtime, { path: 'events', maxTokens: -1 }).maxTokens).toBe(500);
    expect(readDoc(runtime, { path: 'events', maxTokens: Number.NaN }).maxTokens).toBe(6000);
    const small = readDoc(runtime, { path: 'events', maxTokens: 1000 });
    expect(small.pages).toBeGreaterThan(readDoc(runtime, { path: 'events' }).pages);
  });

  it('refuses pages past the end', () => {
    expect(() => readDoc(runtime, { path: 'sso', page: 5 })).toThrow(InvalidArgumentError);
  });

  it('ends with navigation from the nav tree', () => {
    const page = readDoc(runtime, { path: 'sso/jit-provisioning' });
    expect(page.nav.area?.path).toBe('sso');
    const text = formatDocPage(page, MCP_FACE);
    expect(text).toContain('**Navigation**');
    expect(text).toContain('- Up: Single Sign-On `sso`');
    const create = readDoc(runtime, { path: 'reference/organization/create' });
    expect(create.nav.area?.path).toBe('reference');
  });
});
