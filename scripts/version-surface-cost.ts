/**
 * What a project on an SDK version the corpus does not carry costs: the first answer downloads the
 * exact tarball (npm pack, integrity-checked) and builds its surface; later ones read the user cache.
 * Needs the npm registry. Usage: node --import tsx scripts/version-surface-cost.ts [version] [package]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { npmPackFetcher } from '../src/ingest/sdk/fetchers.js';
import { sdkSurfaceBuilders } from '../src/lifecycle/surfaces/builders.js';
import { npmViewVersion, VersionSurfaces } from '../src/lifecycle/surfaces/index.js';

const version = process.argv[2] ?? '8.13.0';
const name = process.argv[3] ?? '@workos-inc/node';
const cacheDir = await mkdtemp(join(tmpdir(), 'wdm-version-cost-'));
const make = () =>
  new VersionSurfaces({
    cacheDir,
    lookup: npmViewVersion(),
    fetcher: npmPackFetcher(),
    builders: sdkSurfaceBuilders,
    pinned: [],
    fetching: true,
    allowed: (n) => n === name,
    format: 1,
    timeoutMs: 120_000,
  });
try {
  for (const [label, surfaces] of [
    ['first (empty cache)', make()],
    ['second (new process, user cache)', make()],
  ] as const) {
    const t = performance.now();
    const r = await surfaces.get(name, version);
    const ms = Math.round(performance.now() - t);
    if (!r.ok) throw new Error(`${label}: ${r.reason}`);
    console.log(
      `${label}: ${r.origin}, ${ms} ms wall${r.ms !== undefined ? ` (fetch + build ${r.ms} ms)` : ''}, ${r.surface.symbols.length} symbols`,
    );
  }
} finally {
  await rm(cacheDir, { recursive: true, force: true });
}
