// Issue 15 item 10: an offline build fails in seconds with the cause, one policy for every source
// (a partial corpus only with --allow-partial, recorded so `info` says what is missing), and a warm
// cache builds with no network at all.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/corpus/bundle.js';
import { buildCorpus, IncompleteBuildError } from '../../src/lifecycle/build.js';
import { rssSourceAdapter, sdkSourceAdapter } from '../../src/lifecycle/extra-sources.js';
import { formatInfo } from '../../src/core/format/info.js';
import { checkForUpdates, UpdateError } from '../../src/lifecycle/update.js';
import { firstLine, type TarballFetcher } from '../../src/ingest/sdk/fetchers.js';
import { ingestSdkSources } from '../../src/ingest/sdk/index.js';
import { sha512Integrity } from '../../src/ingest/sdk/integrity.js';
import { npmPingProbe, type RegistryProbe } from '../../src/ingest/sdk/registry-probe.js';
import { ensureBuilt } from '../fixtures/built.js';
import { makeTarball, tempDir } from './helpers.js';

const run = promisify(execFile);
let work: string;
let tarball: Buffer;
let deadPort = 0;

const offline: RegistryProbe = async () => ({
  ok: false,
  registry: 'http://127.0.0.1:9/',
  reason: 'connect ECONNREFUSED 127.0.0.1:9',
});
const neverCalled: TarballFetcher = async (ref) => {
  throw new Error(`fetcher called for ${ref.name} although the registry is known to be offline`);
};

function manifest() {
  return {
    packages: [
      {
        name: '@example/a',
        version: '1.0.0',
        integrity: sha512Integrity(tarball),
        tarball: 'http://unused.invalid/x.tgz',
        framework: 'node',
      },
      {
        name: '@example/b',
        version: '2.0.0',
        integrity: sha512Integrity(tarball),
        tarball: 'http://unused.invalid/x.tgz',
        framework: 'node',
      },
    ],
  };
}

beforeAll(async () => {
  work = await tempDir('wdm-offline-');
  await mkdir(join(work, 'docs'));
  await writeFile(join(work, 'docs', 'sso.mdx'), '---\ntitle: SSO\n---\n\n## Intro\n\nSingle Sign-On.\n');
  tarball = await makeTarball({ 'README.md': '# A\n\nHello.\n', 'package.json': '{"name":"@example/a"}' });
  // A port that was just free: connecting to it is refused, as for a registry that is down.
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  deadPort = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('offline SDK ingest', () => {
  it('asks the registry once and marks every uncached package missing without trying to download it', async () => {
    const logs: string[] = [];
    const result = await ingestSdkSources({
      manifest: manifest(),
      cacheDir: join(work, 'empty-cache'),
      fetcher: neverCalled,
      probe: offline,
      log: (m) => logs.push(m),
    });
    expect(result.docs).toEqual([]);
    expect(result.missing.map((m) => `${m.name}@${m.version}`)).toEqual([
      '@example/a@1.0.0',
      '@example/b@2.0.0',
    ]);
    expect(result.missing[0].reason).toBe(
      'the npm registry is unreachable (http://127.0.0.1:9/: connect ECONNREFUSED 127.0.0.1:9)',
    );
    // Progress per package on stderr-bound log lines.
    expect(logs.filter((l) => /^\[\d\/2\] @example\/[ab]@/.test(l))).toHaveLength(2);
  });

  it('needs no network when the cache is warm (the probe is not even asked)', async () => {
    const cacheDir = join(work, 'warm-cache');
    const ok: TarballFetcher = async () => tarball;
    await ingestSdkSources({ manifest: manifest(), cacheDir, fetcher: ok, probe: null });
    let asked = 0;
    const result = await ingestSdkSources({
      manifest: manifest(),
      cacheDir,
      fetcher: neverCalled,
      probe: async () => {
        asked++;
        return offline();
      },
    });
    expect(asked).toBe(0);
    expect(result.missing).toEqual([]);
    expect(result.docs).toHaveLength(2);
  });
});

describe('one policy for every source', () => {
  it('stops before ingesting the docs, writes nothing and names what is missing', async () => {
    const out = join(work, 'strict-out');
    const err = await buildCorpus({
      sourceDir: join(work, 'docs'),
      outDir: out,
      indexBuilder: null,
      extraSources: [
        sdkSourceAdapter({
          manifest: manifest(),
          cacheDir: join(work, 'c1'),
          fetcher: neverCalled,
          probe: offline,
        }),
      ],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IncompleteBuildError);
    expect((err as Error).message).toContain(
      '@example/a@1.0.0, @example/b@2.0.0: the npm registry is unreachable',
    );
    expect((err as Error).message).toContain('--allow-partial');
    expect(existsSync(join(out, 'corpus.json'))).toBe(false);
  });

  it('an unreachable --changelog-rss follows the same policy instead of aborting with a raw error', async () => {
    const feed = `http://127.0.0.1:${deadPort}/feed.xml`;
    const strict = await buildCorpus({
      sourceDir: join(work, 'docs'),
      outDir: join(work, 'rss-strict'),
      indexBuilder: null,
      extraSources: [rssSourceAdapter(feed)],
    }).catch((e: unknown) => e);
    expect(strict).toBeInstanceOf(IncompleteBuildError);
    expect((strict as IncompleteBuildError).missing).toEqual([
      { name: feed, kind: 'rss', reason: expect.any(String) },
    ]);
    const partial = await buildCorpus({
      sourceDir: join(work, 'docs'),
      outDir: join(work, 'rss-partial'),
      indexBuilder: null,
      allowPartial: true,
      extraSources: [rssSourceAdapter(feed)],
    });
    expect(partial.missing.map((m) => m.kind)).toEqual(['rss']);
  });

  it('--allow-partial writes the corpus, records the missing sources in the manifest, and info lists them', async () => {
    const summary = await buildCorpus({
      sourceDir: join(work, 'docs'),
      outDir: join(work, 'partial-out'),
      indexBuilder: null,
      allowPartial: true,
      extraSources: [
        sdkSourceAdapter({
          manifest: manifest(),
          cacheDir: join(work, 'c2'),
          fetcher: neverCalled,
          probe: offline,
        }),
      ],
    });
    const { corpus } = loadBundle(summary.file);
    expect(corpus.manifest.missing?.map((m) => m.name)).toEqual(['@example/a', '@example/b']);
    const text = formatInfo({
      serverVersion: '0',
      corpusFile: summary.file,
      origin: 'custom',
      formatVersion: 1,
      builtAt: corpus.manifest.builtAt,
      ageDays: 0,
      sources: corpus.manifest.sources,
      missing: corpus.manifest.missing ?? [],
      counts: corpus.manifest.counts,
      products: 1,
      changelogPackages: [],
    });
    expect(text).toContain('Missing (partial build, 2 sources):');
    expect(text).toContain('@example/a@1.0.0, @example/b@2.0.0: the npm registry is unreachable');
  });
});

describe('update --check offline', () => {
  it('fails at the probe with its cause, before any registry lookup', async () => {
    let lookups = 0;
    const err = await checkForUpdates({
      cacheDir: work,
      manifest: manifest(),
      current: [],
      fetcher: neverCalled,
      probe: offline,
      registry: async () => {
        lookups++;
        throw new Error('should not be asked');
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpdateError);
    expect((err as Error).message).toBe(
      'cannot check for updates: the npm registry is unreachable (http://127.0.0.1:9/: connect ECONNREFUSED 127.0.0.1:9); the current corpus is unchanged',
    );
    expect(lookups).toBe(0);
  });
});

describe('npm reasons', () => {
  it('takes npm’s own reason from its --json error on stdout', () => {
    const stdout =
      '{\n  "error": {\n    "code": "ECONNREFUSED",\n    "summary": "FetchError: request to http://127.0.0.1:9/@x%2fy failed, reason: connect ECONNREFUSED 127.0.0.1:9",\n    "detail": "proxy hint"\n  }\n}\n';
    expect(firstLine(Object.assign(new Error('Command failed: npm pack x'), { stdout, stderr: '' }))).toBe(
      'connect ECONNREFUSED 127.0.0.1:9',
    );
  });

  it.skipIf(process.platform === 'win32')(
    'npm ping probe: connection failures are offline, HTTP answers are not',
    async () => {
      const dir = await tempDir('wdm-fake-npm-');
      const npm = join(dir, 'npm');
      await writeFile(
        npm,
        `#!/usr/bin/env node
const code = process.env.FAKE_PING_CODE;
if (!code) process.exit(0);
process.stdout.write(JSON.stringify({ error: { code, summary: 'FetchError: request to http://r.example/-/ping failed, reason: boom ' + code } }, null, 2));
process.exit(1);
`,
      );
      await chmod(npm, 0o755);
      try {
        process.env.FAKE_PING_CODE = 'ENOTFOUND';
        expect(await npmPingProbe(npm)()).toEqual({
          ok: false,
          registry: 'http://r.example/',
          reason: 'boom ENOTFOUND',
        });
        process.env.FAKE_PING_CODE = 'E404';
        expect(await npmPingProbe(npm)()).toEqual({ ok: true });
        delete process.env.FAKE_PING_CODE;
        expect(await npmPingProbe(npm)()).toEqual({ ok: true });
        expect((await npmPingProbe(join(dir, 'no-such-npm'))()).ok).toBe(false);
      } finally {
        delete process.env.FAKE_PING_CODE;
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('workos-docs-mcp build with an unreachable registry (real npm, empty cache)', () => {
  it('exits non-zero with npm’s reason instead of retrying every package and reporting success', async () => {
    const bin = ensureBuilt();
    const env = {
      ...process.env,
      npm_config_registry: `http://127.0.0.1:${deadPort}/`,
      WORKOS_DOCS_MCP_CACHE: join(work, 'cli-cache'),
    };
    const out = join(work, 'cli-out');
    const err = await run(process.execPath, [bin, 'build', '--out', out], { env, timeout: 50_000 }).catch(
      (e: unknown) => e as { code: number; stderr: string; killed?: boolean },
    );
    const failed = err as { code: number; stderr: string; killed?: boolean };
    expect(failed.killed ?? false).toBe(false);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('the npm registry is unreachable');
    expect(failed.stderr).toContain('ECONNREFUSED');
    expect(failed.stderr).toMatch(/\[10\/10\] /);
    expect(existsSync(join(out, 'corpus.json'))).toBe(false);

    const check = await run(process.execPath, [bin, 'update', '--check'], { env, timeout: 50_000 }).catch(
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect((check as { code: number }).code).toBe(1);
    expect((check as { stderr: string }).stderr).toContain(
      'cannot check for updates: the npm registry is unreachable',
    );
  });
});
