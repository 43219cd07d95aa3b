import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFetcher } from '../../../src/ingest/sdk/fetchers.js';
import { readTarballFiles } from '../../../src/ingest/sdk/tarball.js';
import {
  fetchingAllowed,
  httpVersionLookup,
  VersionSurfaces,
  type SurfaceBuilders,
} from '../../../src/lifecycle/surfaces/index.js';
import { makeTarball, startFakeRegistry, tempDir } from '../../sdk/helpers.js';
import { projectDir } from '../project/helpers.js';

const NODE = '@workos-inc/node';

interface FakeSurface {
  package: string;
  version: string;
  /** Where the builder read it from, so tests see which copy answered. */
  builtFrom: string;
  namespaces: string[];
}

/** Stands in for the declaration reader: what matters here is which bytes reach it, and when. */
let builds = 0;
const builders: SurfaceBuilders<FakeSurface> = {
  async fromTarball(bytes, meta) {
    builds++;
    const files = await readTarballFiles(bytes, ['package.json', 'namespaces.txt']);
    const pkg = JSON.parse(files.get('package.json') ?? '{}') as { version?: string };
    if (pkg.version !== meta.version) throw new Error(`tarball holds ${pkg.version}, not ${meta.version}`);
    return {
      package: meta.name,
      version: meta.version,
      builtFrom: 'tarball',
      namespaces: (files.get('namespaces.txt') ?? '').split(','),
    };
  },
  async fromDir(dir, meta) {
    builds++;
    return { package: meta.name, version: meta.version, builtFrom: dir, namespaces: ['installed'] };
  },
};

const sdkTarball = (version: string, namespaces: string): Promise<Buffer> =>
  makeTarball({ 'package.json': JSON.stringify({ name: NODE, version }), 'namespaces.txt': namespaces });

let registry: Awaited<ReturnType<typeof startFakeRegistry>>;
let cacheDir: string;
const pinned: FakeSurface = {
  package: NODE,
  version: '12.3.0',
  builtFrom: 'corpus',
  namespaces: ['adminPortal'],
};

function surfaces(
  overrides: Partial<ConstructorParameters<typeof VersionSurfaces<FakeSurface>>[0]> = {},
): VersionSurfaces<FakeSurface> {
  return new VersionSurfaces<FakeSurface>({
    cacheDir,
    lookup: httpVersionLookup(registry.url),
    fetcher: httpFetcher(),
    builders,
    pinned: [pinned],
    fetching: true,
    allowed: (n) => n.startsWith('@workos-inc/'),
    format: 1,
    ...overrides,
  });
}

let original: Buffer;

beforeAll(async () => {
  original = await sdkTarball('8.13.0', 'portal,mfa');
  registry = await startFakeRegistry([{ name: NODE, version: '8.13.0', tarball: original }]);
  cacheDir = await tempDir('wdm-surfaces-');
});

afterAll(async () => {
  await registry.close();
  await rm(cacheDir, { recursive: true, force: true });
});

describe('VersionSurfaces', () => {
  it('the corpus version answers at once, with no request', async () => {
    registry.requests.length = 0;
    const r = await surfaces().get(NODE, '12.3.0');
    expect(r).toMatchObject({ ok: true, origin: 'corpus', surface: { builtFrom: 'corpus' } });
    expect(registry.requests).toEqual([]);
  });

  it('an uncached version is fetched once (integrity checked), timed, cached; the next answer comes from the cache', async () => {
    builds = 0;
    registry.requests.length = 0;
    const first = await surfaces().get(NODE, '8.13.0');
    expect(first).toMatchObject({
      ok: true,
      origin: 'fetched',
      surface: { version: '8.13.0', namespaces: ['portal', 'mfa'] },
    });
    expect(first.ok && typeof first.ms).toBe('number');
    expect(registry.requests.some((r) => r.startsWith('/tarballs/'))).toBe(true);
    expect(existsSync(join(cacheDir, 'surfaces', 'workos-inc__node-8.13.0.json'))).toBe(true);
    registry.requests.length = 0;
    // A new provider (a new process) finds it in the user cache: no registry, no build.
    const second = await surfaces().get(NODE, '8.13.0');
    expect(second).toMatchObject({ ok: true, origin: 'cache', surface: { namespaces: ['portal', 'mfa'] } });
    expect(registry.requests).toEqual([]);
    expect(builds).toBe(1);
  });

  it('concurrent requests for one version share one download and one build', async () => {
    const dir = await tempDir('wdm-surfaces-c-');
    builds = 0;
    const s = surfaces({ cacheDir: dir });
    const results = await Promise.all([s.get(NODE, '8.13.0'), s.get(NODE, '8.13.0'), s.get(NODE, '8.13.0')]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(builds).toBe(1);
    await rm(dir, { recursive: true, force: true });
  });

  it("the project's installed package is used before any cache or download, and never cached", async () => {
    const dir = await projectDir({ 'package.json': JSON.stringify({ name: NODE, version: '8.1.0' }) });
    registry.requests.length = 0;
    const r = await surfaces().get(NODE, '8.1.0', dir);
    expect(r).toMatchObject({ ok: true, origin: 'installed', surface: { builtFrom: dir } });
    expect(registry.requests).toEqual([]);
    expect(existsSync(join(cacheDir, 'surfaces', 'workos-inc__node-8.1.0.json'))).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });

  it('a version the registry does not have is reported as such, and not asked again', async () => {
    const s = surfaces();
    const r = await s.get(NODE, '8.99.0');
    expect(r).toEqual({
      ok: false,
      code: 'no-such-version',
      reason: '@workos-inc/node@8.99.0 does not exist on the npm registry (the newest 8.x is 8.13.0)',
    });
    registry.requests.length = 0;
    expect(await s.get(NODE, '8.99.0')).toEqual(r);
    expect(registry.requests).toEqual([]);
  });

  it('offline (registry unreachable): says so, names the version, answers with nothing else', async () => {
    const r = await surfaces({
      lookup: httpVersionLookup('http://127.0.0.1:1'),
      cacheDir: await tempDir('wdm-surfaces-o-'),
    }).get(NODE, '8.13.0');
    expect(r).toMatchObject({ ok: false, code: 'unreachable' });
    expect(!r.ok && r.reason).toMatch(
      /cannot reach the npm registry at http:\/\/127\.0\.0\.1:1 for @workos-inc\/node/,
    );
  });

  it('fetching turned off: no request at all, caches still answer', async () => {
    registry.requests.length = 0;
    const off = surfaces({ fetching: false });
    expect(await off.get(NODE, '8.13.0')).toMatchObject({ ok: true, origin: 'cache' });
    const miss = await off.get(NODE, '8.12.0');
    expect(miss).toMatchObject({ ok: false, code: 'disabled' });
    expect(!miss.ok && miss.reason).toMatch(
      /turned off \(--offline or WORKOS_DOCS_MCP_OFFLINE\), and @workos-inc\/node@8\.12\.0 is not cached/,
    );
    expect(registry.requests).toEqual([]);
    expect(fetchingAllowed({ WORKOS_DOCS_MCP_OFFLINE: '1' })).toBe(false);
    expect(fetchingAllowed({ WORKOS_DOCS_MCP_OFFLINE: 'false' })).toBe(true);
    expect(fetchingAllowed({}, false)).toBe(false);
    expect(fetchingAllowed({})).toBe(true);
  });

  it('a tampered tarball is rejected by its integrity: no surface, nothing cached', async () => {
    const dir = await tempDir('wdm-surfaces-t-');
    // The registry's integrity is that of the original bytes: a rebuilt tarball would differ (mtimes).
    const good = original;
    const bad = Buffer.from(good);
    bad[bad.length - 30] ^= 0xff;
    registry.setServed(NODE, bad);
    try {
      const r = await surfaces({ cacheDir: dir }).get(NODE, '8.13.0');
      expect(r).toMatchObject({ ok: false, code: 'integrity' });
      expect(!r.ok && r.reason).toMatch(/integrity mismatch .*rejected/);
      expect(existsSync(join(dir, 'surfaces', 'workos-inc__node-8.13.0.json'))).toBe(false);
      expect(existsSync(join(dir, 'tarballs', 'workos-inc__node-8.13.0.tgz'))).toBe(false);
    } finally {
      registry.setServed(NODE, good);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a slow registry: the answer does not wait past the bound, and the work still lands in the cache', async () => {
    const dir = await tempDir('wdm-surfaces-s-');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = httpVersionLookup(registry.url);
    const s = surfaces({ cacheDir: dir, timeoutMs: 50, lookup: async (n, v) => (await gate, slow(n, v)) });
    const r = await s.get(NODE, '8.13.0');
    expect(r).toMatchObject({ ok: false, code: 'timeout' });
    expect(!r.ok && r.reason).toMatch(/longer than 0 s; it goes on in the background/);
    release();
    await expect
      .poll(() => existsSync(join(dir, 'surfaces', 'workos-inc__node-8.13.0.json')), { timeout: 10_000 })
      .toBe(true);
    expect(await s.get(NODE, '8.13.0')).toMatchObject({ ok: true, origin: 'cache' });
    await rm(dir, { recursive: true, force: true });
  });

  it('names and versions that are not ours never reach the registry', async () => {
    registry.requests.length = 0;
    const s = surfaces();
    expect(await s.get('left-pad', '1.0.0')).toMatchObject({ ok: false, code: 'invalid' });
    expect(await s.get(NODE, '^8.0.0')).toMatchObject({ ok: false, code: 'invalid' });
    expect(await s.get(NODE, '../../etc/passwd')).toMatchObject({ ok: false, code: 'invalid' });
    expect(await s.get(NODE, 'v8.13.0')).toMatchObject({ ok: false, code: 'invalid' });
    expect(registry.requests).toEqual([]);
  });
});
