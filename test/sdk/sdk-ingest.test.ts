import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeExample } from '../../src/corpus/types.js';
import {
  httpFetcher,
  ingestSdkSources,
  type SourceManifest,
  type TarballFetcher,
} from '../../src/ingest/sdk/index.js';
import { sha512Integrity } from '../../src/ingest/sdk/integrity.js';
import { makeTarball, startFakeRegistry, tempDir } from './helpers.js';

const readme = readFileSync(new URL('../fixtures/sdk/README-nextjs.md', import.meta.url), 'utf8');
const changelog = readFileSync(new URL('../fixtures/sdk/changesets-CHANGELOG.md', import.meta.url), 'utf8');

let registry: Awaited<ReturnType<typeof startFakeRegistry>>;
let good: Buffer;
let noChangelog: Buffer;
let cacheDir: string;

function manifestFor(): SourceManifest {
  return {
    packages: [
      {
        name: '@example/authkit',
        version: '1.0.0',
        integrity: sha512Integrity(good),
        tarball: registry.tarballUrl('@example/authkit', '1.0.0'),
        framework: 'nextjs',
      },
      {
        name: '@example/plain',
        version: '0.1.0',
        integrity: sha512Integrity(noChangelog),
        tarball: registry.tarballUrl('@example/plain', '0.1.0'),
        path: 'sdks/plain-js',
      },
    ],
  };
}

beforeAll(async () => {
  good = await makeTarball({
    'README.md': readme,
    'CHANGELOG.md': changelog,
    'package.json': JSON.stringify({
      name: '@example/authkit',
      description: 'AuthKit helpers',
      repository: { url: 'git+https://github.com/example/authkit.git' },
    }),
  });
  noChangelog = await makeTarball({
    'README.md': '# Plain\n\nUse it.\n\n```js\nplain()\n```\n',
    'package.json': '{}',
  });
  registry = await startFakeRegistry([
    { name: '@example/authkit', version: '1.0.0', tarball: good },
    { name: '@example/plain', version: '0.1.0', tarball: noChangelog },
  ]);
});

afterAll(async () => {
  await registry.close();
});

describe('ingestSdkSources', () => {
  it('turns READMEs into sdk docs with framework-tagged examples and CHANGELOG.md into versioned entries', async () => {
    cacheDir = await tempDir();
    const result = await ingestSdkSources({ manifest: manifestFor(), cacheDir, fetcher: httpFetcher() });
    expect(result.problems).toEqual([]);
    expect(result.docs.map((d) => d.path)).toEqual(['sdks/authkit', 'sdks/plain-js']);
    const doc = result.docs[0];
    expect(doc).toMatchObject({
      kind: 'sdk',
      product: 'sdks',
      title: 'AuthKit Example Library',
      description: 'AuthKit helpers',
      url: 'https://github.com/example/authkit',
      source: '@example/authkit@1.0.0',
    });
    // Badges, images and raw HTML are gone; the empty "Video tutorial" heading with them.
    expect(doc.markdown).not.toMatch(/shields\.io|<img|<p |<a |Video tutorial/);
    expect(doc.markdown).toContain('**Warning:** Middleware runs on every request.');
    expect(doc.sections.map((s) => s.anchor)).toEqual([
      'authkit-example-library',
      'installation',
      'middleware',
      'middleware-1',
    ]);
    expect(doc.sections[2].identifiers).toContain('authkitMiddleware');

    const examples = result.examples as CodeExample[];
    const middleware = examples.find((e) => e.code.includes('authkitMiddleware()'));
    expect(middleware).toMatchObject({
      language: 'typescript',
      framework: 'nextjs',
      docPath: 'sdks/authkit',
      sectionAnchor: 'middleware',
      title: 'Middleware (middleware.ts)',
      id: 'sdks/authkit#middleware:1',
    });
    expect(examples.find((e) => e.code.startsWith('npm install'))?.language).toBe('bash');
    expect(examples.find((e) => e.code.includes('withAuth'))).toMatchObject({
      language: 'tsx',
      title: 'Middleware (app/page.tsx)',
    });
    expect(examples.find((e) => e.docPath === 'sdks/plain-js')?.framework).toBeUndefined();

    expect(result.changelogs.map((c) => c.version)).toEqual(['2.0.0', '1.10.0', '1.9.1', '1.9.0-beta.1']);
    expect(result.changelogs[0]).toMatchObject({
      package: '@example/authkit',
      changeType: 'major',
      url: 'https://www.npmjs.com/package/@example/authkit/v/2.0.0',
    });
    expect(result.sources).toEqual([
      { name: '@example/authkit', version: '1.0.0', kind: 'sdk-package' },
      { name: '@example/plain', version: '0.1.0', kind: 'sdk-package' },
    ]);
  });

  it('serves a rebuild from the cache without fetching', async () => {
    let calls = 0;
    const counting: TarballFetcher = async () => {
      calls += 1;
      throw new Error('offline');
    };
    const result = await ingestSdkSources({ manifest: manifestFor(), cacheDir, fetcher: counting });
    expect(calls).toBe(0);
    expect(result.docs).toHaveLength(2);
    expect(result.problems).toEqual([]);
  });

  it('rejects a tampered tarball: reported as a problem, or thrown in strict mode, and never cached', async () => {
    const dir = await tempDir();
    const tampered = Buffer.from(good);
    tampered[tampered.length - 30] ^= 0xff;
    registry.setServed('@example/authkit', tampered);
    try {
      const result = await ingestSdkSources({
        manifest: manifestFor(),
        cacheDir: dir,
        fetcher: httpFetcher(),
      });
      expect(result.docs.map((d) => d.path)).toEqual(['sdks/plain-js']);
      expect(result.missing).toHaveLength(1);
      expect(`${result.missing[0].name}@${result.missing[0].version}`).toBe('@example/authkit@1.0.0');
      expect(result.missing[0].reason).toMatch(/integrity mismatch .* tampered with, so it was rejected/);
      await expect(
        ingestSdkSources({ manifest: manifestFor(), cacheDir: dir, fetcher: httpFetcher(), strict: true }),
      ).rejects.toThrow(/integrity mismatch/);
      // The cache did not keep the bad bytes: the good tarball is fetched and accepted next time.
      registry.setServed('@example/authkit', good);
      const again = await ingestSdkSources({
        manifest: manifestFor(),
        cacheDir: dir,
        fetcher: httpFetcher(),
      });
      expect(again.problems).toEqual([]);
    } finally {
      registry.setServed('@example/authkit', good);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports an unreachable registry per package instead of failing the build', async () => {
    const dir = await tempDir();
    const manifest = manifestFor();
    for (const p of manifest.packages) p.tarball = 'http://127.0.0.1:1/x.tgz';
    const result = await ingestSdkSources({ manifest, cacheDir: dir, fetcher: httpFetcher() });
    expect(result.docs).toEqual([]);
    expect(result.missing.map((p) => p.reason)).toEqual([
      expect.stringMatching(/cannot download @example\/authkit@1\.0\.0/),
      expect.stringMatching(/cannot download @example\/plain/),
    ]);
    await rm(dir, { recursive: true, force: true });
  });
});
