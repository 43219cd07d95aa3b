import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT_VERSION, BundleError, loadBundle, saveBundle } from '../../src/corpus/bundle.js';
import type { BundlePayload } from '../../src/corpus/bundle.js';
import { referenceEntryMarkdown } from '../../src/corpus/reference-markdown.js';
import type { ReferenceEntry } from '../../src/corpus/types.js';
import type { ApiSymbol, SdkCorpusData, SdkSurface } from '../../src/corpus/sdk-surface.js';
import { payloadChecksum } from '../../src/corpus/checksum.js';

const entry: ReferenceEntry = {
  id: 'get_factor',
  language: 'curl',
  title: 'GET /auth/factors/:id',
  httpMethod: 'GET',
  endpoint: '/auth/factors/:id',
  parameters: [{ name: 'id', type: 'string', description: 'The factor ID.' }],
  properties: [],
  returns: [],
  markdown: '',
};
entry.markdown = referenceEntryMarkdown(entry);

const dir = mkdtempSync(join(tmpdir(), 'bundle-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const payload: BundlePayload = {
  docs: [
    {
      path: 'sso',
      title: 'SSO',
      description: 'd',
      breadcrumb: [],
      url: 'https://workos.com/docs/sso',
      product: 'sso',
      kind: 'guide',
      markdown: '# SSO\n\nÜnïcödé text.',
      sections: [],
      reference: [],
      source: 'test',
    },
    {
      path: 'mfa',
      title: 'MFA',
      description: 'd',
      breadcrumb: ['MFA'],
      url: 'https://workos.com/docs/mfa',
      product: 'mfa',
      kind: 'guide',
      markdown: 'Intro.\n\n## Factors\n\nTOTP and SMS.',
      sections: [
        { anchor: '', heading: '', depth: 0, headingPath: [], markdown: 'Intro.', identifiers: [] },
        {
          anchor: 'factors',
          heading: 'Factors',
          depth: 2,
          headingPath: ['Factors'],
          markdown: '## Factors\n\nTOTP and SMS.',
          identifiers: ['totp'],
        },
      ],
      reference: [entry],
      source: 'test',
    },
  ],
  nav: [{ product: 'sso', title: 'Single Sign-On', children: [] }],
  examples: [],
  changelogs: [{ package: 'workos-platform', version: 'X', title: 'X', text: 't' }],
  searchIndex: { format: 1, terms: ['sso'] },
};
const manifest = {
  formatVersion: BUNDLE_FORMAT_VERSION,
  builtAt: '2026-01-01T00:00:00.000Z',
  sources: [{ name: 'test', kind: 'local' as const }],
  counts: {
    docs: 1,
    sections: 0,
    referenceEntries: 0,
    examples: 0,
    changelogEntries: 1,
    unresolvedReferences: 0,
  },
};

function write(name: string, mutate?: (text: string) => string): string {
  const file = join(dir, name);
  saveBundle(file, manifest, payload);
  if (mutate) writeFileSync(file, mutate(readFileSync(file, 'latin1')), 'latin1');
  return file;
}

function loadError(file: string): BundleError {
  try {
    loadBundle(file);
  } catch (err) {
    return err as BundleError;
  }
  throw new Error('expected loadBundle to throw');
}

describe('corpus bundle', () => {
  it('round-trips the corpus and the search index, with a checksum over the payload', () => {
    const loaded = loadBundle(write('ok.json'));
    expect(loaded.corpus.docs).toEqual(payload.docs);
    expect(loaded.corpus.nav).toEqual(payload.nav);
    expect(loaded.corpus.changelogs).toEqual(payload.changelogs);
    expect(loaded.searchIndex).toEqual(payload.searchIndex);
    expect(loaded.corpus.manifest).toMatchObject({
      ...manifest,
      checksum: expect.stringMatching(/^[0-9a-f]{8}$/),
    });
  });

  it("stores a doc's markdown once when it is its sections joined", () => {
    const text = readFileSync(write('packed.json'), 'utf8');
    expect(text.split('TOTP and SMS.').length - 1).toBe(1);
    expect(loadBundle(join(dir, 'packed.json')).corpus.docs[1].markdown).toBe(
      'Intro.\n\n## Factors\n\nTOTP and SMS.',
    );
  });

  it('writes pure ASCII (non-ASCII escaped) that loads back as the same text', () => {
    const bytes = readFileSync(write('ascii.json'));
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    expect(loadBundle(join(dir, 'ascii.json')).corpus.docs[0].markdown).toBe('# SSO\n\nÜnïcödé text.');
  });

  it('stores reference entries without their derived markdown and rebuilds it on load', () => {
    const text = readFileSync(write('ref.json'), 'utf8');
    expect(text).not.toContain('**Endpoint:**');
    const loaded = loadBundle(join(dir, 'ref.json')).corpus.docs[1].reference[0];
    expect(loaded.markdown).toBe(
      '**Endpoint:** `GET /auth/factors/:id`\n\n**Parameters:**\n\n- `id` (`string`) — The factor ID.',
    );
  });

  it('is a manifest line, a layout line, then the JSON payload', () => {
    const bytes = readFileSync(write('shape.json'));
    const [manifestLine, layoutLine] = bytes.toString('latin1').split('\n', 2);
    expect(Object.keys(JSON.parse(`${manifestLine.slice(0, -1)}}`) as object)).toEqual(['manifest']);
    const layout = JSON.parse(layoutLine) as { json: number; blobs: unknown[] };
    expect(layout.blobs).toEqual([]);
    const body = bytes.subarray(manifestLine.length + layoutLine.length + 2);
    expect(body.length).toBe(layout.json);
    expect(Object.keys(JSON.parse(body.toString('latin1')) as object)).toEqual([
      'docs',
      'nav',
      'examples',
      'changelogs',
      'searchIndex',
      'texts',
    ]);
  });

  it('stores typed arrays as raw bytes and hands them back with their type and values', () => {
    const u32 = Uint32Array.from([0, 1, 2 ** 32 - 1, 7]);
    const u16 = Uint16Array.from([65535, 3, 1]);
    const f64 = Float64Array.from([Math.PI, -0]);
    const file = join(dir, 'blobs.json');
    saveBundle(file, manifest, { ...payload, searchIndex: { format: 9, nested: { u16, f64 }, u32 } });
    const loaded = loadBundle(file).searchIndex as {
      format: number;
      u32: Uint32Array;
      nested: { u16: Uint16Array; f64: Float64Array };
    };
    expect(loaded.format).toBe(9);
    expect(loaded.u32).toBeInstanceOf(Uint32Array);
    expect([...loaded.u32]).toEqual([...u32]);
    expect(loaded.nested.u16).toBeInstanceOf(Uint16Array);
    expect([...loaded.nested.u16]).toEqual([...u16]);
    expect([...loaded.nested.f64]).toEqual([...f64]);
    // The bytes are in the file as they are in memory, not as JSON numbers.
    expect(readFileSync(file).includes(Buffer.from(u32.buffer))).toBe(true);
  });

  it.each([
    ['missing', () => join(dir, 'nope.json'), /does not exist/],
    [
      'truncated',
      () => write('trunc.json', (t) => t.slice(0, Math.floor(t.length / 2))),
      /fails its checksum/,
    ],
    [
      'modified',
      () => write('mod.json', (t) => t.replace('TOTP and SMS', 'TOTP and SMTP')),
      /fails its checksum/,
    ],
    ['not a bundle', () => write('junk.json', () => '{"hello": 1}\n'), /not a corpus bundle/],
    [
      'newer format',
      () =>
        write('new.json', (t) =>
          t.replace(
            `"formatVersion":${BUNDLE_FORMAT_VERSION}`,
            `"formatVersion":${BUNDLE_FORMAT_VERSION + 1}`,
          ),
        ),
      /newer than this workos-docs-mcp reads.*upgrade workos-docs-mcp or rebuild/,
    ],
    [
      'older format',
      () =>
        write('old.json', (t) => t.replace(`"formatVersion":${BUNDLE_FORMAT_VERSION}`, '"formatVersion":0')),
      /old format 0/,
    ],
  ])('rejects a %s bundle with a one-line message naming the rebuild command', (_name, make, pattern) => {
    const err = loadError(make());
    expect(err).toBeInstanceOf(BundleError);
    expect(err.message).toMatch(pattern);
    expect(err.message).toContain('workos-docs-mcp build');
    expect(err.message).toContain('npm run build:corpus');
    expect(err.message).not.toContain('\n');
  });
});

describe('SDK surfaces in the bundle', () => {
  const surface = (pkg: string, slug: string, symbol: string): SdkSurface => ({
    package: pkg,
    version: '1.2.3',
    slug,
    language: 'js',
    entries: ['index.d.ts'],
    symbols: [{ name: symbol, kind: 'function', path: symbol, signatures: [] } as unknown as ApiSymbol],
    problems: [],
    exports: [{ module: '.', names: [symbol] }],
  });
  const sdk: SdkCorpusData = {
    surfaces: [
      surface('@workos-inc/node', 'node', 'getProfile'),
      surface('@workos-inc/authkit-js', 'authkit-js', 'signIn'),
    ],
    links: [],
  };
  const writeSdk = (name: string): string => {
    const file = join(dir, name);
    saveBundle(file, manifest, { ...payload, sdk });
    return file;
  };

  it('round-trips every surface, parsing a surface only when its symbols are read', () => {
    const loaded = loadBundle(writeSdk('sdk.json')).corpus.sdk!;
    expect(loaded.surfaces.map((s) => `${s.package}@${s.version} ${s.slug}`)).toEqual([
      '@workos-inc/node@1.2.3 node',
      '@workos-inc/authkit-js@1.2.3 authkit-js',
    ]);
    const [node, authkit] = loaded.surfaces;
    expect(Object.getOwnPropertyDescriptor(node, 'symbols')?.get).toBeTypeOf('function');
    expect(node.symbols.map((s) => s.name)).toEqual(['getProfile']);
    expect(Object.getOwnPropertyDescriptor(node, 'symbols')?.get).toBeUndefined();
    // The other surface is still unparsed, and equal to what was saved once read.
    expect(Object.getOwnPropertyDescriptor(authkit, 'symbols')?.get).toBeTypeOf('function');
    expect(JSON.parse(JSON.stringify(loaded))).toEqual(sdk);
    expect(loadBundle(writeSdk('sdk2.json')).corpus.sdk!.surfaces[1]).toEqual(sdk.surfaces[1]);
  });

  it('a surface whose bytes do not parse has no symbols instead of failing the answer', () => {
    const file = writeSdk('sdk-bad.json');
    const text = readFileSync(file, 'latin1');
    // Break the first surface's JSON, then re-sign the file as a build would (damage past the checksum).
    const broken = text.replace('"entries":["index.d.ts"]', '"entries":["index.d.ts"}');
    expect(broken).not.toBe(text);
    const nl = broken.indexOf('\n');
    const resigned = broken
      .slice(0, nl)
      .replace(
        /"checksum":"[0-9a-f]+"/,
        `"checksum":"${payloadChecksum(Buffer.from(broken.slice(nl + 1), 'latin1'))}"`,
      );
    writeFileSync(file, resigned + broken.slice(nl), 'latin1');
    const loaded = loadBundle(file).corpus.sdk!;
    expect(loaded.surfaces[0].symbols).toEqual([]);
    expect(loaded.surfaces[1].symbols.map((s) => s.name)).toEqual(['signIn']);
  });
});
