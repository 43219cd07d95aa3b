import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ApiSymbol, SdkSurface } from '../../../src/corpus/sdk-surface.js';
import {
  buildSurface,
  buildSurfaceFromFiles,
  declarationEntries,
  filesFromMap,
} from '../../../src/ingest/sdk/surface/index.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/sdk-surface/', import.meta.url));

function readTree(dir: string, root = dir, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) readTree(abs, root, out);
    else out.set(relative(root, abs).split('\\').join('/'), readFileSync(abs, 'utf8'));
  }
  return out;
}

const bySymbol = (s: SdkSurface, q: string): ApiSymbol => {
  const found = s.symbols.find((x) => x.qualifiedName === q);
  if (!found) throw new Error(`${q} not in ${s.symbols.map((x) => x.qualifiedName).join(', ')}`);
  return found;
};

describe('buildSurface: a client class with namespaces (declarations in a hashed chunk)', async () => {
  const surface = await buildSurface(join(FIXTURES, 'client'), { name: '@acme/node', version: '2.0.0' });

  it('follows exports → import condition → .d.mts twin, then the chunk import; never guesses names', () => {
    expect(surface.entries).toEqual(['lib/index.d.mts', 'lib/index.worker.d.mts']);
    expect(surface.problems).toEqual([]);
    expect(surface).toMatchObject({ package: '@acme/node', version: '2.0.0', slug: 'node', language: 'js' });
  });

  it('finds namespaces as public class properties whose types are service classes', () => {
    expect(surface.client?.className).toBe('Acme');
    expect(surface.client?.namespaces.map((n) => n.name)).toEqual(['portal', 'things', 'users']);
    // key is a plain value, client an abstract plumbing class, version an accessor: members, not namespaces.
    expect(surface.client?.members).toEqual(expect.arrayContaining(['key', 'client', 'version', 'post']));
    expect(surface.client?.members).not.toContain('hidden');
    expect(surface.client?.namespaces.find((n) => n.name === 'things')?.methods).toEqual([
      'listThings',
      'getThing',
      'verify',
      'verifyThing',
      'getUrl',
      'getUrlNoState',
    ]);
  });

  it('keeps JSDoc summary, description, examples, endpoint; names a destructured parameter "options"', () => {
    const link = bySymbol(surface, 'portal.generateLink');
    expect(link).toMatchObject({
      kind: 'method',
      namespace: 'portal',
      module: '@acme/node',
      summary: 'Generate a Portal Link',
    });
    expect(link.endpoint).toEqual({ method: 'POST', path: '/portal/generate_link' });
    expect(link.examples[0]).toContain("acme.portal.generateLink({ organization: 'org_1' })");
    const [param] = link.signatures[0].params;
    expect(param).toMatchObject({
      name: 'options',
      optional: false,
      description: 'Object containing organization.',
    });
    expect(param.fields?.map((f) => [f.name, f.optional])).toEqual([
      ['organization', false],
      ['intent', true],
      ['nested', true],
    ]);
    expect(param.fields?.[2].fields?.[0].fields?.[0]).toMatchObject({ name: 'deeper', type: 'boolean' });
    expect(link.signatures[0].returns).toBe('Promise<{ link: string }>');
    expect(surface.symbols.some((s) => s.name === 'sign' || s.name === 'secret')).toBe(false);
  });

  it('keeps every overload and type parameters', () => {
    const list = bySymbol(surface, 'things.listThings');
    expect(list.signatures.map((s) => s.params.map((p) => p.name))).toEqual([[], ['options']]);
    expect(list.signatures[1].params[0].fields?.map((f) => f.name)).toEqual(['limit', 'after']);
    const get = bySymbol(surface, 'things.getThing');
    expect(get.signatures[0].typeParams).toBe('<T extends object = {}>');
    expect(get.signatures[0].returns).toBe('Promise<Thing<T>>');
  });

  it('reports deprecated members and deprecated option fields', () => {
    expect(bySymbol(surface, 'things.verify').deprecated).toMatch(/Use .*Things\.verifyThing.* instead/);
    expect(bySymbol(surface, 'things.verifyThing').deprecated).toBeUndefined();
    const fields = bySymbol(surface, 'things.getUrl').signatures[0].params[0].fields ?? [];
    expect(fields.find((f) => f.name === 'redirectURI')?.deprecated).toBe('Use `redirectUri`.');
  });

  it('expands option types through intersections, unions (every variant) and Omit', () => {
    const fields = bySymbol(surface, 'things.getUrl').signatures[0].params[0].fields ?? [];
    expect(Object.fromEntries(fields.map((f) => [f.name, f.optional]))).toEqual({
      redirectUri: false,
      clientId: true,
      redirectURI: true,
      // In one variant only: optional from the caller's side.
      provider: true,
      connection: true,
    });
    expect(fields.find((f) => f.name === 'redirectUri')?.description).toBe(
      'Where the user lands after signing in.',
    );
    const omitted = bySymbol(surface, 'things.getUrlNoState').signatures[0].params[0].fields ?? [];
    expect(omitted.map((f) => f.name)).toContain('redirectUri');
    expect(omitted.map((f) => f.name)).not.toContain('clientId');
  });

  it('lists other exports (re-exported classes, functions, constants) and subpath-only exports', () => {
    expect(bySymbol(surface, 'createAcme')).toMatchObject({ kind: 'function', module: '@acme/node' });
    expect(bySymbol(surface, 'VERSION').kind).toBe('constant');
    expect(bySymbol(surface, 'NotFoundException').kind).toBe('class');
    expect(bySymbol(surface, 'WorkerOnly.run')).toMatchObject({
      kind: 'method',
      module: '@acme/node/worker',
    });
    // The client re-exported by /worker is not listed twice.
    expect(surface.symbols.filter((s) => s.qualifiedName === 'portal.generateLink')).toHaveLength(1);
  });
});

describe('buildSurface: a framework package', async () => {
  const surface = await buildSurfaceFromFiles(readTree(join(FIXTURES, 'framework')), {
    name: '@acme/authkit-react',
    version: '0.3.1',
  });

  it('follows the types condition of every subpath, wildcards expanded over the file list', () => {
    expect(surface.entries).toEqual([
      'dist/index.d.ts',
      'dist/client/index.d.ts',
      'dist/switcher.widget.d.ts',
    ]);
    expect(bySymbol(surface, 'OrganizationSwitcher').module).toBe('@acme/authkit-react/switcher');
  });

  it('classifies functions, hooks and components, with their option and props types', () => {
    const withAuth = bySymbol(surface, 'withAuth');
    expect(withAuth.kind).toBe('function');
    expect(withAuth.signatures[0].params[0]).toMatchObject({
      name: 'options',
      optional: true,
      description: 'Whether to redirect signed-out users.',
      fields: [{ name: 'ensureSignedIn', type: 'boolean', optional: true, description: '' }],
    });
    expect(bySymbol(surface, 'useAuth').kind).toBe('hook');
    expect(bySymbol(surface, 'useSession')).toMatchObject({ kind: 'hook', deprecated: 'Use useAuth.' });
    const provider = bySymbol(surface, 'AuthKitProvider');
    expect(provider.kind).toBe('component');
    expect(provider.signatures[0].params[0].fields?.map((f) => f.name)).toEqual([
      'clientId',
      'children',
      'redirectUri',
    ]);
    // React's types are not in the package: FC<Props> still yields the props.
    const imp = bySymbol(surface, 'Impersonation');
    expect(imp).toMatchObject({ kind: 'component', module: '@acme/authkit-react/client' });
    expect(imp.signatures[0].params[0].fields?.map((f) => f.name)).toEqual(['side']);
    expect(surface.client).toBeUndefined();
  });
});

describe('buildSurface: bad input', () => {
  it('reports a declaration file that does not parse (file and reason) and builds the rest', async () => {
    const surface = await buildSurface(join(FIXTURES, 'broken'), { name: '@acme/broken', version: '1.0.0' });
    expect(surface.problems).toEqual([
      { file: 'dist/half.d.ts', reason: expect.stringMatching(/does not parse: .+/) },
    ]);
    expect(surface.symbols.map((s) => s.name)).toContain('fine');
  });

  it('reports a package without declarations instead of throwing', async () => {
    const surface = await buildSurfaceFromFiles(new Map([['package.json', '{"main":"index.js"}']]), {
      name: 'x',
      version: '1.0.0',
    });
    expect(surface.symbols).toEqual([]);
    expect(surface.problems[0].reason).toMatch(/no declaration entry/);
    const broken = await buildSurfaceFromFiles(new Map([['package.json', '{not json']]), {
      name: 'x',
      version: '1.0.0',
    });
    expect(broken.problems[0].reason).toMatch(/not valid JSON/);
  });

  it('never reads outside the package folder', () => {
    const files = filesFromMap(new Map([['package.json', '{"types":"../../etc/passwd.d.ts"}']]));
    expect(declarationEntries('x', files).entries).toEqual([]);
  });
});
