import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Doc, ReferenceEntry } from '../../../src/corpus/types.js';
import {
  buildSurface,
  linkDocsToSurfaces,
  parseDocsTitle,
  sdkLayer,
} from '../../../src/ingest/sdk/surface/index.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/sdk-surface/', import.meta.url));

function entry(
  language: ReferenceEntry['language'],
  id: string,
  title: string,
  params: string[] = [],
  http?: [string, string],
): ReferenceEntry {
  return {
    id,
    language,
    title,
    parameters: params.map((name) => ({ name, type: 'string', description: '' })),
    properties: [],
    returns: [],
    markdown: `#### ${title}`,
    ...(http ? { httpMethod: http[0], endpoint: http[1] } : {}),
  };
}

function refDoc(path: string, title: string, entries: ReferenceEntry[]): Doc {
  return {
    path,
    title,
    description: '',
    breadcrumb: [],
    url: `https://workos.com/docs/${path}`,
    product: 'reference',
    kind: 'reference',
    markdown: '',
    sections: [],
    reference: entries,
    source: 'fixture',
  };
}

const docs = [
  refDoc('reference/portal/generate', 'Generate a Portal Link', [
    entry('curl', 'generate_link', 'POST /portal/generate_link', [], ['POST', '/portal/generate_link']),
    entry('js', 'generate_link', 'portal.generateLink()', ['organization']),
  ]),
  refDoc('reference/things/list', 'List things', [entry('js', 'list', 'things.listThings()')]),
  refDoc('reference/things/verify', 'Verify a thing', [entry('js', 'verify', 'things.verify()')]),
  refDoc('reference/things/verify-old', 'Check', [entry('js', 'vt', 'things.verifyIt()')]),
  refDoc('reference/things/launch', 'Launch rockets', [entry('js', 'launch', 'things.launchRockets()')]),
  refDoc('reference/things/object', 'Thing', [entry('js', 'thing', 'interface Thing')]),
];

describe('linkDocsToSurfaces', async () => {
  const surface = await buildSurface(join(FIXTURES, 'client'), { name: '@acme/node', version: '2.0.0' });
  const links = linkDocsToSurfaces(docs, [surface]);
  const of = (name: string) => links.find((l) => l.docsName === name);

  it('parses method titles only (objects are not methods)', () => {
    expect(parseDocsTitle('portal.generateLink()')).toEqual({ namespace: 'portal', name: 'generateLink' });
    expect(parseDocsTitle('withAuth()')).toEqual({ name: 'withAuth' });
    expect(parseDocsTitle('interface Thing')).toBeUndefined();
    expect(links.map((l) => l.docsName)).not.toContain('Thing');
  });

  it('an exact match is exact, deprecated or not', () => {
    expect(of('things.listThings')).toMatchObject({
      status: 'exact',
      symbol: 'things.listThings',
      package: '@acme/node',
      version: '2.0.0',
    });
    expect(of('things.verify')).toMatchObject({ status: 'exact', symbol: 'things.verify' });
  });

  it('uses the HTTP endpoint a JSDoc names when the names share nothing', () => {
    const byEndpoint = linkDocsToSurfaces(
      [
        refDoc('reference/x', 'Something else entirely', [
          entry('curl', 'x', 'POST /portal/generate_link', [], ['POST', '/portal/generate_link']),
          entry('js', 'x', 'hub.makeUrl()'),
        ]),
      ],
      [surface],
    );
    expect(byEndpoint[0]).toMatchObject({ status: 'renamed', symbol: 'portal.generateLink' });
    expect(byEndpoint[0].basis).toContain('same endpoint POST /portal/generate_link');
  });

  it('says "none" when nothing close exists instead of guessing', () => {
    expect(of('things.launchRockets')).toMatchObject({ status: 'missing' });
    expect(of('things.launchRockets')?.symbol).toBeUndefined();
  });

  it('finds a renamed method within the namespace by its name words, preferring the non-deprecated one', () => {
    expect(of('things.verifyIt')).toMatchObject({ status: 'renamed', symbol: 'things.verifyThing' });
  });
});

describe('sdkLayer', async () => {
  const surface = await buildSurface(join(FIXTURES, 'client'), { name: '@acme/node', version: '2.0.0' });
  const renamedDocs = [
    refDoc('reference/portal/generate', 'Generate a Portal Link', [
      entry('js', 'g', 'admin.generateLink()', ['organization']),
    ]),
  ];
  const layer = sdkLayer(renamedDocs, [surface]);

  it('renders one api doc per namespace with a section per method, the docs page named', () => {
    const portal = layer.docs.find((d) => d.path === 'sdk-api/node/portal');
    expect(portal?.kind).toBe('api');
    const section = portal?.sections.find((s) => s.anchor === 'generatelink');
    expect(section?.markdown).toContain('acme.portal.generateLink(options: {');
    expect(section?.markdown).toContain('`organization` (`string`, required)');
    expect(section?.markdown).toContain(
      '`reference/portal/generate` (shown there as `admin.generateLink()`)',
    );
    expect(section?.identifiers).toEqual(
      expect.arrayContaining(['portal.generateLink', 'generateLink', 'admin.generateLink']),
    );
    expect(layer.docs.map((d) => d.path)).toEqual(
      expect.arrayContaining(['sdk-api/node/things', 'sdk-api/node']),
    );
  });

  it('reports the mismatches and stores surfaces and links together', () => {
    expect(layer.mismatches.map((m) => [m.docsName, m.symbol])).toEqual([
      ['admin.generateLink', 'portal.generateLink'],
    ]);
    expect(layer.sdk.surfaces).toEqual([surface]);
  });
});
