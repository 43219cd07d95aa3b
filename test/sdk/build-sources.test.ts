import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/corpus/bundle.js';
import { buildCorpus } from '../../src/lifecycle/build.js';
import { rssSourceAdapter, sdkSourceAdapter } from '../../src/lifecycle/extra-sources.js';
import { httpFetcher } from '../../src/ingest/sdk/fetchers.js';
import { sha512Integrity } from '../../src/ingest/sdk/integrity.js';
import { makeTarball, startFakeRegistry, tempDir } from './helpers.js';

const feedXml = readFileSync(new URL('../fixtures/sdk/feed.xml', import.meta.url), 'utf8');
let registry: Awaited<ReturnType<typeof startFakeRegistry>>;
let feedServer: ReturnType<typeof createServer>;
let feedUrl = '';
let work: string;
let tarball: Buffer;

beforeAll(async () => {
  work = await tempDir('wdm-build-');
  const docs = join(work, 'docs');
  await mkdir(join(docs, 'sdks'), { recursive: true });
  await mkdir(join(work, 'changelogs'));
  await writeFile(
    join(docs, 'sdks', 'authkit.mdx'),
    '---\ntitle: AuthKit stub\n---\n\n## Installation\n\n```bash\nnpm install stub\n```\n',
  );
  await writeFile(join(docs, 'sso.mdx'), '---\ntitle: SSO\n---\n\n## Intro\n\nSingle Sign-On.\n');
  await writeFile(
    join(work, 'changelogs', 'workos-platform.json'),
    JSON.stringify([
      {
        package: 'workos-platform',
        version: 'Dashboard Search',
        date: '2026-02-06',
        changes: ['Old wording.'],
        url: 'https://workos.com/changelog/dashboard-search',
      },
      {
        package: 'workos-platform',
        version: 'Older news',
        date: '2025-01-01',
        changes: ['Kept.'],
        url: 'https://workos.com/changelog/older-news',
      },
    ]),
  );
  tarball = await makeTarball({
    'README.md': '# AuthKit Library\n\n## Middleware\n\n```ts\nexport default authkitMiddleware();\n```\n',
    'CHANGELOG.md': '## 2.0.0\n\n### Major Changes\n\n- Big.\n',
    'package.json': '{"name":"@example/authkit"}',
  });
  registry = await startFakeRegistry([{ name: '@example/authkit', version: '2.0.0', tarball }]);
  feedServer = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml),
  );
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.xml`;
});

afterAll(async () => {
  await registry.close();
  await new Promise<void>((resolve) => feedServer.close(() => resolve()));
  await rm(work, { recursive: true, force: true });
});

describe('build with SDK and RSS sources', () => {
  it('adds SDK docs, examples and changelogs, replacing same-path stubs, and merges the feed over bundled entries', async () => {
    const manifest = {
      packages: [
        {
          name: '@example/authkit',
          version: '2.0.0',
          integrity: sha512Integrity(tarball),
          tarball: registry.tarballUrl('@example/authkit', '2.0.0'),
          framework: 'nextjs',
        },
      ],
    };
    const summary = await buildCorpus({
      sourceDir: join(work, 'docs'),
      outDir: join(work, 'out'),
      indexBuilder: null,
      extraSources: [
        sdkSourceAdapter({ manifest, cacheDir: join(work, 'cache'), fetcher: httpFetcher() }),
        rssSourceAdapter(feedUrl),
      ],
    });
    expect(summary.problems).toEqual([]);
    const { corpus } = loadBundle(summary.file);
    const sdkDoc = corpus.docs.find((d) => d.path === 'sdks/authkit');
    expect(sdkDoc).toMatchObject({ kind: 'sdk', title: 'AuthKit Library', source: '@example/authkit@2.0.0' });
    expect(corpus.docs.filter((d) => d.path === 'sdks/authkit')).toHaveLength(1);
    // The stub's examples went with it; the README's came in.
    const examples = corpus.examples.filter((e) => e.kind === 'code' && e.docPath === 'sdks/authkit');
    expect(examples.map((e) => e.kind === 'code' && e.code)).toEqual(['export default authkitMiddleware();']);
    expect(corpus.changelogs.filter((e) => e.package === '@example/authkit').map((e) => e.version)).toEqual([
      '2.0.0',
    ]);

    const platform = corpus.changelogs.filter((e) => e.package === 'workos-platform');
    expect(platform.map((e) => e.version).sort()).toEqual([
      'Dashboard Search',
      'Fine-Grained Authorization',
      'Older news',
      'Undated note',
    ]);
    expect(platform.find((e) => e.version === 'Dashboard Search')?.text).toContain('Cmd+K');
    expect(corpus.docs.some((d) => d.path === 'changelog/fine-grained-authorization')).toBe(true);
    expect(corpus.manifest.sources.map((s) => s.kind)).toEqual(['local', 'sdk-package', 'rss']);
  });
});
