import { describe, expect, it } from 'vitest';
import { defaultSourceDir } from '../../src/lifecycle/build.js';
import { REFERENCE_LANGUAGES } from '../../src/corpus/types.js';
import { ingestDocsSource } from '../../src/ingest/docs-source.js';
import { LANGUAGE_NAMES } from '../../src/ingest/reference/render.js';
import { markdownDefects } from '../fixtures/markdown-defects.js';
import { leaks } from './helpers.js';

// The whole published docs bundle (@workos/mcp-docs-server, pinned devDependency), ingested once.
const result = ingestDocsSource({ dir: defaultSourceDir() });
const byPath = new Map(result.docs.map((d) => [d.path, d]));

describe('real corpus (@workos/mcp-docs-server)', () => {
  it('yields at least 540 documents, without problems or unresolved references', () => {
    expect(result.docs.length).toBeGreaterThanOrEqual(540);
    expect(result.problems).toEqual([]);
    expect(result.unresolved).toEqual([]);
    expect(byPath.size).toBe(result.docs.length);
  });

  it('has no JSX, import/export, {{ "url" }} annotation or frontmatter in any doc or section', () => {
    const bad: string[] = [];
    for (const doc of result.docs) {
      for (const leak of leaks(doc.markdown)) bad.push(`${doc.path}: ${leak}`);
      for (const s of doc.sections)
        for (const leak of leaks(s.markdown)) bad.push(`${doc.path}#${s.anchor}: ${leak}`);
      for (const r of doc.reference)
        for (const leak of leaks(r.markdown)) bad.push(`${doc.path} ${r.language}: ${leak}`);
    }
    expect(bad).toEqual([]);
  });

  it('renders clean Markdown in every doc, section and reference entry (issue 15 item 3)', () => {
    const bad: string[] = [];
    for (const doc of result.docs) {
      for (const d of markdownDefects(doc.markdown)) bad.push(`${doc.path}: ${d}`);
      // A section is a fragment: its own H1 count says nothing.
      for (const s of doc.sections)
        for (const d of markdownDefects(s.markdown, ['extraH1'])) bad.push(`${doc.path}#${s.anchor}: ${d}`);
      for (const r of doc.reference)
        for (const d of markdownDefects(r.markdown)) bad.push(`${doc.path} ${r.language}: ${d}`);
    }
    expect(bad).toEqual([]);
  });

  it('gives every doc a title, a description and the docs URL', () => {
    for (const doc of result.docs) {
      expect(doc.title, doc.path).not.toBe('');
      expect(doc.description, doc.path).not.toBe('');
      if (doc.kind !== 'changelog') expect(doc.url).toBe(`https://workos.com/docs/${doc.path}`);
    }
    expect(byPath.get('sdks/node')?.title).toBe('Node.js SDK');
    expect(byPath.get('reference/authkit/logout/get-logout-url')?.description).toBe(
      'GET /user_management/sessions/logout',
    );
  });

  it('makes every site-relative link absolute', () => {
    const relative = result.docs.filter((d) => /\]\(\/(?!\/)/.test(d.markdown)).map((d) => d.path);
    expect(relative).toEqual([]);
  });

  it('renders reference/organization/create: endpoint, resolved parameters, every language’s method', () => {
    const doc = byPath.get('reference/organization/create')!;
    expect(doc.markdown).toContain('**Endpoint:** `POST /organizations`');
    expect(doc.markdown).toContain(
      '- `name` (`string`) — A descriptive name for the Organization. This field does not need to be unique.',
    );
    expect(doc.markdown).toContain('- `domain_data` (`array`, optional)');
    expect(doc.markdown).toContain(
      '- `external_id` (`string`, optional) — The external ID of the Organization.',
    );
    expect(doc.markdown).toContain(
      '- `metadata` (`object`, optional) — Object containing [metadata](https://workos.com/docs/authkit/metadata) key/value pairs',
    );
    const curl = doc.reference.find((r) => r.language === 'curl')!;
    expect(curl.parameters.map((p) => p.name)).toEqual(['name', 'domain_data', 'external_id', 'metadata']);
    expect(curl.parameters.every((p) => p.name === 'domain_data' || p.description.length > 10)).toBe(true);
    const languages = doc.reference.map((r) => r.language);
    expect(languages.length).toBeGreaterThanOrEqual(7);
    for (const entry of doc.reference.filter((r) => r.language !== 'curl')) {
      expect(doc.markdown).toContain(`- ${LANGUAGE_NAMES[entry.language]}: \`${entry.title}\``);
    }
    expect(doc.reference.find((r) => r.language === 'python')?.title).toBe(
      'organizations.create_organization()',
    );
    expect(doc.reference.find((r) => r.language === 'python')?.markdown).toContain(
      '`organizations.create_organization()`',
    );
  });

  it('gives every reference entry a known language, an id and standalone markdown', () => {
    const entries = result.docs.flatMap((d) => d.reference);
    expect(entries.length).toBeGreaterThan(900);
    for (const e of entries) {
      expect(REFERENCE_LANGUAGES).toContain(e.language);
      expect(e.id).not.toBe('');
      expect(e.markdown).toContain(
        e.language === 'curl' && e.endpoint ? `${e.httpMethod} ${e.endpoint}` : e.title,
      );
    }
  });

  it('parses all 20 navigation files and puts breadcrumbs on the pages they list', () => {
    expect(result.nav).toHaveLength(20);
    expect(byPath.get('sso/jit-provisioning')?.breadcrumb).toEqual(['Single Sign-On', 'Going Live']);
    expect(byPath.has('sso/_navigation')).toBe(false);
  });

  it('keeps anchors unique within each doc', () => {
    for (const doc of result.docs) {
      const anchors = doc.sections.map((s) => s.anchor);
      expect(new Set(anchors).size, doc.path).toBe(anchors.length);
    }
  });

  it('collects code examples and the example apps', () => {
    const apps = result.examples.filter((e) => e.kind === 'app');
    expect(apps.length).toBeGreaterThanOrEqual(53);
    expect(result.examples.filter((e) => e.kind === 'code').length).toBeGreaterThan(200);
    expect(new Set(result.examples.map((e) => e.id)).size).toBe(result.examples.length);
  });

  it('loads the platform changelog', () => {
    expect(result.changelogs.length).toBeGreaterThanOrEqual(25);
    expect(result.changelogs[0]).toMatchObject({
      package: 'workos-platform',
      title: expect.any(String),
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      url: expect.stringMatching(/^https:\/\/workos\.com\/changelog\//),
    });
  });
});
