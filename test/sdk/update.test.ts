import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT_VERSION, loadBundle, saveBundle } from '../../src/corpus/bundle.js';
import type { SourceInfo } from '../../src/corpus/types.js';
import { corpusCandidates, pointerFile, readPointer } from '../../src/lifecycle/corpus-location.js';
import { checkForUpdates, runUpdate, UpdateError, type UpdateDeps } from '../../src/lifecycle/update.js';
import { httpFetcher } from '../../src/ingest/sdk/fetchers.js';
import { httpRegistry } from '../../src/ingest/sdk/registry.js';
import {
  docsBundle,
  FAKE_DOCS as DOCS,
  FAKE_SDK as SDK,
  fakeUpdateManifest,
  sdkTarball,
  startFakeRegistry,
  tempDir,
} from './helpers.js';

let registry: Awaited<ReturnType<typeof startFakeRegistry>>;
let cacheDir: string;
const oldSources: SourceInfo[] = [
  { name: DOCS, version: '0.2.0', kind: 'docs-bundle' },
  { name: SDK, version: '1.0.0', kind: 'sdk-package' },
];

function deps(overrides: Partial<UpdateDeps> = {}): UpdateDeps {
  return {
    cacheDir,
    registry: httpRegistry(registry.url),
    fetcher: httpFetcher(),
    manifest: fakeUpdateManifest(),
    current: oldSources,
    ...overrides,
  };
}

/** What must not change when an update fails: the pointer bytes, the corpus it names, no leftovers. */
async function snapshot(): Promise<{ pointer: string; corpusFiles: string[]; staging: string[] }> {
  return {
    pointer: readFileSync(pointerFile(cacheDir), 'utf8'),
    corpusFiles: (await readdir(join(cacheDir, 'corpus'))).sort(),
    staging: (await readdir(cacheDir)).filter((n) => n.startsWith('staging-')),
  };
}

beforeAll(async () => {
  registry = await startFakeRegistry([
    { name: DOCS, version: '0.3.0', tarball: await docsBundle('0.3.0', 'Single Sign-On') },
    { name: SDK, version: '1.1.0', tarball: await sdkTarball('1.1.0') },
  ]);
  cacheDir = await tempDir('wdm-update-');
});

afterAll(async () => {
  await registry.close();
  await rm(cacheDir, { recursive: true, force: true });
});

describe('update --check', () => {
  it('reports newer sources without downloading anything', async () => {
    registry.requests.length = 0;
    const check = await checkForUpdates(deps());
    expect(check.sources.map((s) => [s.name, s.current, s.latest, s.newer])).toEqual([
      [DOCS, '0.2.0', '0.3.0', true],
      [SDK, '1.0.0', '1.1.0', true],
    ]);
    expect(registry.requests.some((r) => r.startsWith('/tarballs/'))).toBe(false);
    expect(existsSync(pointerFile(cacheDir))).toBe(false);
  });
});

describe('update', () => {
  it('builds a verified corpus from the newest docs bundle and SDKs and switches to it', async () => {
    const result = await runUpdate(deps());
    expect(result.status).toBe('updated');
    if (result.status !== 'updated') return;
    const pointer = readPointer(cacheDir);
    expect(pointer?.file).toBe(result.file.split('/').at(-1));
    expect(pointer?.sources).toEqual(
      expect.arrayContaining([
        { name: DOCS, version: '0.3.0', kind: 'docs-bundle' },
        { name: SDK, version: '1.1.0', kind: 'sdk-package' },
      ]),
    );
    const { corpus } = loadBundle(result.file);
    expect(corpus.docs.map((d) => d.path)).toEqual(expect.arrayContaining(['sso', 'sdks/authkit']));
    expect(corpus.changelogs.filter((e) => e.package === SDK).map((e) => e.version)).toEqual([
      '1.1.0',
      '1.0.0',
    ]);
    expect(
      corpus.examples.some(
        (e) => e.kind === 'code' && e.framework === 'nextjs' && e.code.includes('authkitMiddleware'),
      ),
    ).toBe(true);
    expect((await readdir(cacheDir)).filter((n) => n.startsWith('staging-'))).toEqual([]);
  });

  it('says up to date when the served corpus already has the newest sources', async () => {
    const current = readPointer(cacheDir)!.sources;
    const result = await runUpdate(deps({ current }));
    expect(result.status).toBe('up-to-date');
  });

  describe('failures keep the previous corpus', () => {
    let before: Awaited<ReturnType<typeof snapshot>>;
    beforeEach(async () => {
      before = await snapshot();
    });

    async function expectUntouched(): Promise<void> {
      expect(await snapshot()).toEqual(before);
      const pointer = readPointer(cacheDir)!;
      expect(loadBundle(join(cacheDir, 'corpus', pointer.file)).corpus.docs.length).toBeGreaterThan(0);
    }

    it('offline: a clear one-line message', async () => {
      const err = await runUpdate(deps({ registry: httpRegistry('http://127.0.0.1:1') })).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(UpdateError);
      expect((err as Error).message).toMatch(
        /^cannot check for updates \(cannot reach the npm registry at http:\/\/127\.0\.0\.1:1 .*\); the current corpus is unchanged$/,
      );
      expect((err as Error).message).not.toContain('\n');
      await expectUntouched();
    });

    it('corrupt download of the docs bundle: rejected by its integrity', async () => {
      const good = await docsBundle('0.4.0', 'Single Sign-On v4');
      const corrupt = Buffer.from(good);
      corrupt[corrupt.length - 20] ^= 0xff;
      registry.publish({ name: DOCS, version: '0.4.0', tarball: good }, corrupt);
      try {
        await expect(runUpdate(deps({ current: readPointer(cacheDir)!.sources }))).rejects.toThrow(
          /integrity mismatch .*rejected.*the current corpus is unchanged/,
        );
        await expectUntouched();
        expect(existsSync(join(cacheDir, 'tarballs', 'workos__mcp-docs-server-0.4.0.tgz'))).toBe(false);
      } finally {
        registry.publish({
          name: DOCS,
          version: '0.3.0',
          tarball: await docsBundle('0.3.0', 'Single Sign-On'),
        });
      }
    });

    it('a tampered SDK tarball fails the update instead of being left out', async () => {
      const good = await sdkTarball('1.2.0');
      registry.publish(
        { name: SDK, version: '1.2.0', tarball: good },
        Buffer.concat([good, Buffer.from('x')]),
      );
      try {
        await expect(runUpdate(deps({ current: readPointer(cacheDir)!.sources }))).rejects.toThrow(
          /build failed: @example\/authkit@1\.2\.0: integrity mismatch/,
        );
        await expectUntouched();
      } finally {
        registry.publish({ name: SDK, version: '1.1.0', tarball: await sdkTarball('1.1.0') });
      }
    });

    it('a corpus that does not load is never switched to', async () => {
      const broken = runUpdate(
        {
          ...deps(),
          build: async (options) => {
            const file = join(options.outDir!, 'corpus.json');
            await mkdir(options.outDir!, { recursive: true });
            await writeFile(file, '{"manifest":{"formatVersion":1},\n"docs":[');
            return {
              file,
              manifest: {} as never,
              problems: [],
              missing: [],
              unresolved: [],
              sources: [],
              bytes: 0,
              ms: 0,
            };
          },
        },
        { force: true },
      );
      await expect(broken).rejects.toThrow(
        /^the new corpus failed verification: Corpus bundle .*; the current corpus is unchanged$/,
      );
      await expectUntouched();
    });
  });
});

describe('choosing the corpus to serve', () => {
  it('prefers the updated cache corpus only while its sources are newer than the bundled ones', async () => {
    const dir = await tempDir('wdm-bundled-');
    const env = { WORKOS_DOCS_MCP_CACHE: cacheDir };
    const counts = {
      docs: 1,
      sections: 0,
      referenceEntries: 0,
      examples: 0,
      changelogEntries: 0,
      unresolvedReferences: 0,
    };
    const bundled = (sources: SourceInfo[]): string => {
      const file = join(dir, `corpus-${sources[0].version}.json`);
      saveBundle(
        file,
        { formatVersion: BUNDLE_FORMAT_VERSION, builtAt: new Date().toISOString(), sources, counts },
        { docs: [], nav: [], examples: [], changelogs: [] },
      );
      return file;
    };
    const older = bundled(oldSources);
    expect(
      corpusCandidates({ bundledFile: older, formatVersion: BUNDLE_FORMAT_VERSION, env }).map(
        (c) => c.origin,
      ),
    ).toEqual(['updated', 'bundled']);
    const newer = bundled([{ name: DOCS, version: '0.9.0', kind: 'docs-bundle' }]);
    expect(
      corpusCandidates({ bundledFile: newer, formatVersion: BUNDLE_FORMAT_VERSION, env }).map(
        (c) => c.origin,
      ),
    ).toEqual(['bundled', 'updated']);
    // A cache corpus of another bundle format is never offered.
    expect(
      corpusCandidates({ bundledFile: older, formatVersion: BUNDLE_FORMAT_VERSION + 1, env }).map(
        (c) => c.origin,
      ),
    ).toEqual(['bundled']);
    // No cache at all: the bundled corpus.
    expect(
      corpusCandidates({ bundledFile: older, env: { WORKOS_DOCS_MCP_CACHE: join(dir, 'none') } }).map(
        (c) => c.file,
      ),
    ).toEqual([older]);
    await rm(dir, { recursive: true, force: true });
  });
});
