import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DocsSdkLink } from '../../../src/corpus/sdk-surface.js';
import { analyzeJs } from '../../../src/core/check/index.js';
import { buildSurface } from '../../../src/ingest/sdk/surface/index.js';
import { loadTypeScript } from '../../../src/seams/typescript.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/sdk-surface/', import.meta.url));

describe('analyzeJs (fixture surfaces)', async () => {
  const ts = await loadTypeScript();
  const client = await buildSurface(join(FIXTURES, 'client'), { name: '@acme/node', version: '2.0.0' });
  const framework = await buildSurface(join(FIXTURES, 'framework'), {
    name: '@acme/authkit-react',
    version: '0.3.1',
  });
  // The fixture packages are not @workos-scoped; rename them so the import filter applies.
  const node = {
    ...client,
    package: '@workos-inc/node',
    exports: client.exports?.map((e) => ({
      ...e,
      module: e.module.replace('@acme/node', '@workos-inc/node'),
    })),
  };
  const react = {
    ...framework,
    package: '@workos-inc/authkit-react',
    exports: framework.exports?.map((e) => ({
      ...e,
      module: e.module.replace('@acme/authkit-react', '@workos-inc/authkit-react'),
    })),
    symbols: framework.symbols.map((s) => ({
      ...s,
      module: s.module.replace('@acme/authkit-react', '@workos-inc/authkit-react'),
    })),
  };
  const links: DocsSdkLink[] = [
    {
      docPath: 'reference/x',
      entryId: 'x',
      docsTitle: 'admin.generateLink()',
      docsName: 'admin.generateLink',
      package: '@workos-inc/node',
      version: '2.0.0',
      status: 'renamed',
      symbol: 'portal.generateLink',
    },
  ];
  const run = (code: string) =>
    analyzeJs(ts, code, {
      surfaces: [node, react],
      links,
      readPath: (s, sym) => (sym ? `sdk-api/${s.slug}/${sym.qualifiedName}` : undefined),
    });

  it('finds calls on a constructed client, checks namespaces, methods and option keys', () => {
    const { calls, syntaxErrors } = run(`
      import { Acme } from '@workos-inc/node';
      const acme = new Acme(process.env.KEY);
      await acme.portal.generateLink({ organization: 'org_1', intent: 'sso' });
      acme.things.getUrl({ redirectUri: 'x', provider: 'p' });
      acme.things.getUrl({ redirectURL: 'x', provider: 'p' });
      acme.things.verify('t_1');
      acme.things.getUrl({ redirectURI: 'x', connection: 'c' });
      acme.thing.listThings();
      acme.things.listThing();
      new Acme('k').users.listUsers({ limit: 5 });
      acme.post('/x', {});
    `);
    expect(syntaxErrors).toEqual([]);
    expect(calls.map((c) => [c.line, c.status, c.suggestion])).toEqual([
      [2, 'ok', undefined],
      [4, 'ok', undefined],
      [5, 'ok', undefined],
      [6, 'bad-option', 'redirectUri'],
      [7, 'deprecated', undefined],
      [8, 'deprecated', undefined],
      [9, 'unknown', 'things.listThings'],
      [10, 'unknown', 'things.listThings'],
      [11, 'ok', undefined],
    ]);
    expect(calls[3].message).toContain('`redirectURL` is not an option of `acme.things.getUrl()`');
    expect(calls[4].message).toMatch(/deprecated in @workos-inc\/node 2\.0\.0: Use .*verifyThing/);
    expect(calls[5].message).toContain('option `redirectURI` is deprecated');
    expect(calls[1].doc).toBe('sdk-api/node/portal.generateLink');
  });

  it('suggests the renamed name the docs link knows, and a moved or misspelt one otherwise', () => {
    const { calls } = run(
      `workos.admin.generateLink({ organization: 'o' });\nacme.portl.generateLink({ organization: 'o' });`,
    );
    // `acme` is the conventional name for the Acme client even when its construction is not shown.
    expect(calls.map((c) => [c.status, c.suggestion])).toEqual([['unknown', 'portal.generateLink']]);
    const conventional = run(`acme.admin.generateLink({ organization: 'o' });\nacme.portl.generateLink({});`);
    expect(conventional.calls.map((c) => [c.status, c.suggestion])).toEqual([
      ['unknown', 'portal.generateLink'],
      ['unknown', 'portal.generateLink'],
    ]);
    expect(conventional.calls[0].message).toBe(
      '`acme.admin` does not exist in @workos-inc/node 2.0.0; use `acme.portal.generateLink()`.',
    );
  });

  it('follows namespace aliases, require() and nested option objects', () => {
    const { calls } = run(`
      const { Acme } = require('@workos-inc/node');
      const client = new Acme();
      const { things } = client;
      const portal = client.portal;
      things.listThings({ limit: 1, page: 2 });
      portal.generateLink({ organization: 'o', nested: { deep: { deeper: true, deepest: 1 } } });
    `);
    expect(calls.map((c) => [c.status, c.suggestion])).toEqual([
      ['ok', undefined],
      ['bad-option', undefined],
      ['bad-option', 'nested.deep.deeper'],
    ]);
    expect(calls[2].message).toContain('`nested.deep.deepest`');
  });

  it('checks framework imports, function options and JSX props', () => {
    const { calls } = run(`
      import { withAuth, useAuth, AuthKitProvider, useSessions, type WithAuthOptions } from '@workos-inc/authkit-react';
      const { user } = await withAuth({ ensureSignedIn: true });
      const x = await withAuth({ ensureSignedin: true });
      export default () => <AuthKitProvider clientId="c" redirectURI="r">{children}</AuthKitProvider>;
    `);
    const byCode = calls.map((c) => [c.line, c.status, c.suggestion]);
    expect(byCode).toEqual(
      expect.arrayContaining([
        [2, 'ok', undefined],
        [2, 'unknown', 'useSession'],
        [3, 'ok', undefined],
        [4, 'bad-option', 'ensureSignedIn'],
        [5, 'bad-option', 'redirectUri'],
      ]),
    );
    expect(
      calls
        .filter((c) => c.line === 2)
        .map((c) => c.status)
        .sort(),
    ).toEqual(['ok', 'ok', 'ok', 'ok', 'unknown']);
  });

  it('reads half-written code as far as it parses and says where it stopped', () => {
    const { calls, syntaxErrors } = run(
      `acme.things.listThings({ limit: 1 });\nacme.portal.generateLink({ organization: `,
    );
    expect(syntaxErrors.length).toBeGreaterThan(0);
    expect(calls[0]).toMatchObject({ status: 'ok', line: 1 });
  });

  it('ignores code that does not use the SDK', () => {
    expect(run(`const a = 1; console.log(a); other.portal.generateLink();`).calls).toEqual([]);
  });
});
