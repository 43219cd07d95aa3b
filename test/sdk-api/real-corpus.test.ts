import { describe, expect, it } from 'vitest';
import { checkCode } from '../../src/core/check/index.js';
import { OPERATIONS } from '../../src/core/operations/index.js';
import { runOperation } from '../fixtures/operations.js';
import type { DocPage } from '../../src/core/read-doc.js';
import type { SearchAnswer } from '../../src/core/search.js';
import { realRuntime } from '../fixtures/real-runtime.js';

const readDoc = (input: Record<string, unknown>): DocPage => {
  const answer = runOperation(OPERATIONS.read, runtime, input);
  if (answer.kind !== 'doc') throw new Error('expected a doc page');
  return answer.page;
};
const searchDocs = (input: Record<string, unknown>): SearchAnswer =>
  runOperation(OPERATIONS.search, runtime, input) as SearchAnswer;
let runtime: Awaited<ReturnType<typeof realRuntime>>;

/** The acceptance items of issue 11, on the real bundled corpus (data/corpus.json from `npm run build`). */
describe('SDK API surface on the real corpus', async () => {
  runtime = await realRuntime();
  const sdk = runtime.corpus.sdk!;
  const node = sdk.surfaces.find((s) => s.package === '@workos-inc/node')!;

  it('stores every pinned SDK package surface with its exact version', () => {
    expect(node.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(node.client?.namespaces.map((n) => n.name)).toEqual(
      expect.arrayContaining(['adminPortal', 'multiFactorAuth', 'userManagement', 'sso']),
    );
    expect(node.client?.namespaces.map((n) => n.name)).not.toContain('portal');
    for (const pkg of [
      '@workos-inc/authkit-nextjs',
      '@workos-inc/authkit-react',
      '@workos-inc/widgets',
      '@workos/authkit-session',
    ]) {
      expect(sdk.surfaces.find((s) => s.package === pkg)?.symbols.length, pkg).toBeGreaterThan(0);
    }
    const withAuth = sdk.surfaces
      .find((s) => s.package === '@workos-inc/authkit-nextjs')
      ?.symbols.find((s) => s.qualifiedName === 'withAuth');
    expect(withAuth?.kind).toBe('function');
  });

  describe('mismatch report', () => {
    const mismatches = sdk.links.filter((l) => l.status !== 'exact');
    const pair = (docsName: string) => mismatches.find((m) => m.docsName === docsName)?.symbol ?? 'none';

    it('pins the known renames, found by structure', () => {
      expect(pair('portal.generateLink')).toBe('adminPortal.generateLink');
      expect(pair('organizationDomains.verify')).toBe('organizationDomains.verifyOrganizationDomain');
      expect(pair('mfa.enrollFactor')).toBe('multiFactorAuth.enrollFactor');
      expect(pair('authorization.createRole')).toBe('authorization.createEnvironmentRole');
      expect(pair('userManagement.listAuthFactors')).toBe('multiFactorAuth.listUserAuthFactors');
      expect(pair('userManagement.listUserFeatureFlags')).toBe('featureFlags.listUserFeatureFlags');
      expect(pair('userManagement.refreshAndSealSessionData')).toBe('none');
    });

    it('every listed pair is sound: the docs name is absent, the proposal exists and says why', () => {
      expect(mismatches.length).toBeGreaterThan(10);
      expect(mismatches.length).toBeLessThan(40);
      for (const m of mismatches) {
        const surface = sdk.surfaces.find((s) => s.package === m.package)!;
        expect(
          surface.symbols.some((s) => s.qualifiedName === m.docsName),
          m.docsName,
        ).toBe(false);
        if (m.symbol) {
          expect(
            surface.symbols.some((s) => s.qualifiedName === m.symbol),
            m.symbol,
          ).toBe(true);
          expect(m.basis?.length, m.docsName).toBeGreaterThan(0);
        }
      }
      // Exact links are exact.
      for (const l of sdk.links.filter((x) => x.status === 'exact').slice(0, 50)) {
        expect(
          sdk.surfaces
            .find((s) => s.package === l.package)
            ?.symbols.some((s) => s.qualifiedName === l.docsName),
        ).toBe(true);
      }
    });
  });

  it('workos_docs with language node names adminPortal.generateLink and says portal.generateLink is not in the SDK', () => {
    const page = readDoc({ path: 'reference/admin-portal/portal-link/generate', language: 'node' });
    const sentence = `The docs show \`portal.generateLink()\`; in @workos-inc/node ${node.version} it is \`workos.adminPortal.generateLink(options)\`.`;
    expect(page.notes).toContain(sentence);
    expect(page.markdown).toContain(sentence);
    expect(page.markdown).toContain('workos.adminPortal.generateLink(options: {');
    // The real signature sits under the docs' method.
    expect(page.markdown.indexOf('portal.generateLink()')).toBeLessThan(
      page.markdown.indexOf('workos.adminPortal.generateLink(options: {'),
    );
  });

  it('an exact docs method gets the real signature under it, with no mismatch note', () => {
    const page = readDoc({ path: 'reference/organization/create', language: 'js' });
    expect(page.markdown).toContain(`**@workos-inc/node ${node.version}** (from its type declarations):`);
    expect(page.markdown).toContain('workos.organizations.createOrganization(');
    expect(page.notes.join(' ')).not.toContain('The docs show');
  });

  it('search finds the SDK entries: verifyOrganizationDomain, adminPortal.generateLink, withAuth', () => {
    // Known gap: for the bare name the docs' own reference page ("Verify an Organization Domain", all
    // words in its title) still ranks first and the SDK entry second; the qualified name puts it first.
    const bare = searchDocs({ query: 'verifyOrganizationDomain' })
      .results.slice(0, 2)
      .map((r) => `${r.path}#${r.anchor}`);
    expect(bare).toContain('sdk-api/node/organizationdomains#verifyorganizationdomain');
    const qualified = searchDocs({ query: 'organizationDomains.verifyOrganizationDomain' }).results[0];
    expect(qualified).toMatchObject({
      path: 'sdk-api/node/organizationdomains',
      anchor: 'verifyorganizationdomain',
      kind: 'api',
    });
    expect(searchDocs({ query: 'adminPortal.generateLink' }).results[0]).toMatchObject({
      path: 'sdk-api/node/adminportal',
      anchor: 'generatelink',
    });
    // Several packages export withAuth (nextjs, remix, react-router, authkit-session): each is a real entry.
    const withAuth = searchDocs({ query: 'withAuth', kind: 'api', limit: 6 }).results.map(
      (r) => `${r.path}#${r.anchor}`,
    );
    expect(withAuth).toContain('sdk-api/authkit-nextjs#withauth');
  });

  it('search snippets of a mismatched reference page say so', () => {
    const hit = searchDocs({ query: 'generate portal link', kind: 'reference' }).results.find(
      (r) => r.path === 'reference/admin-portal/portal-link/generate',
    );
    expect(hit?.snippet).toContain('The docs show `portal.generateLink()`');
  });

  it('asked in another SDK language, the snippet keeps that method line without the Node comparison', () => {
    for (const ask of [{ language: 'python' }, { language: 'go' }, {}]) {
      const query = ask.language ? 'generate portal link' : 'generate portal link in ruby';
      const hit = searchDocs({ query, kind: 'reference', ...ask }).results.find(
        (r) => r.path === 'reference/admin-portal/portal-link/generate',
      );
      expect(hit?.snippet).toBeDefined();
      expect(hit?.snippet).not.toContain('The docs show');
      expect(hit?.snippet).not.toContain('@workos-inc/node');
    }
    const js = searchDocs({ query: 'generate portal link', kind: 'reference', language: 'node' }).results;
    expect(js.find((r) => r.path === 'reference/admin-portal/portal-link/generate')?.snippet).toContain(
      'The docs show `portal.generateLink()`',
    );
  });

  it('each symbol reads back at sdk-api/<package>/<namespace>/<method>', () => {
    const page = readDoc({ path: 'sdk-api/node/adminPortal/generateLink' });
    expect(page.section?.anchor).toBe('generatelink');
    expect(page.markdown).toContain('workos.adminPortal.generateLink(options: {');
    expect(page.markdown).toContain('`organization` (`string`, required)');
    expect(page.markdown).toContain(
      '`reference/admin-portal/portal-link/generate` (shown there as `portal.generateLink()`)',
    );
  });

  describe('workos_check', () => {
    it('portal.generateLink is unknown, with the real name as suggestion', async () => {
      const r = await checkCode(runtime, {
        code: "const { link } = await workos.portal.generateLink({ organization: 'org_1', intent: 'sso' });",
      });
      expect(r).toMatchObject({
        package: '@workos-inc/node',
        version: node.version,
        basis: 'declarations',
        partial: false,
      });
      expect(r.calls).toHaveLength(1);
      expect(r.calls[0]).toMatchObject({
        status: 'unknown',
        suggestion: 'adminPortal.generateLink',
        line: 1,
        doc: 'sdk-api/node/adminportal/generatelink',
      });
    });

    it('a correct getAuthorizationUrl is ok; redirectURL is bad-option suggesting redirectUri', async () => {
      const ok = await checkCode(runtime, {
        code: "workos.userManagement.getAuthorizationUrl({ provider: 'authkit', clientId, redirectUri });",
      });
      expect(ok.calls.map((c) => c.status)).toEqual(['ok']);
      const bad = await checkCode(runtime, {
        code: "workos.userManagement.getAuthorizationUrl({ provider: 'authkit', clientId, redirectURL });",
      });
      expect(bad.calls[0]).toMatchObject({ status: 'bad-option', suggestion: 'redirectUri' });
    });

    it('other languages are checked against the docs reference and say so', async () => {
      const r = await checkCode(runtime, {
        code: 'workos.portal.generate_link(organization="org_1", intent="sso")\nworkos.portal.generate_lnk()',
        language: 'python',
      });
      expect(r.basis).toBe('docs-reference');
      expect(r.calls.map((c) => [c.status, c.suggestion])).toEqual([
        ['ok', undefined],
        ['unknown', 'generate_link'],
      ]);
      expect(r.notes.join(' ')).toMatch(/Docs-based check/);
    });
  });
});
