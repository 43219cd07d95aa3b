import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SdkSurface } from '../../../src/corpus/sdk-surface.js';
import { formatSurfaceDiff } from '../../../src/core/format/surface-diff.js';
import { diffSurfaces } from '../../../src/core/surface-diff/index.js';
import { httpFetcher } from '../../../src/ingest/sdk/fetchers.js';
import { sdkSurfaceBuilders } from '../../../src/lifecycle/surfaces/builders.js';
import { httpVersionLookup, VersionSurfaces } from '../../../src/lifecycle/surfaces/index.js';
import { workosNodePackage } from '../../fixtures/workos-node-declarations.js';
import { makeTarball, startFakeRegistry, tempDir } from '../../sdk/helpers.js';
import { projectDir } from '../project/helpers.js';

const NODE = '@workos-inc/node';
let registry: Awaited<ReturnType<typeof startFakeRegistry>>;
let cacheDir: string;
let pinned: SdkSurface;

beforeAll(async () => {
  registry = await startFakeRegistry([
    { name: NODE, version: '8.13.0', tarball: await makeTarball(workosNodePackage('8.13.0')) },
  ]);
  cacheDir = await tempDir('wdm-real-builders-');
  pinned = await sdkSurfaceBuilders.fromTarball(await makeTarball(workosNodePackage('12.3.0')), {
    name: NODE,
    version: '12.3.0',
  });
});

afterAll(async () => {
  await registry.close();
  await rm(cacheDir, { recursive: true, force: true });
});

function surfaces(): VersionSurfaces<SdkSurface> {
  return new VersionSurfaces<SdkSurface>({
    cacheDir,
    lookup: httpVersionLookup(registry.url),
    fetcher: httpFetcher(),
    builders: sdkSurfaceBuilders,
    pinned: [pinned],
    fetching: true,
    allowed: (n) => n === NODE,
    format: 1,
  });
}

describe('version surfaces through the real declaration reader', () => {
  it('8.13.0 from a registry tarball has workos.portal; the cached copy is the same surface', async () => {
    const first = await surfaces().get(NODE, '8.13.0');
    expect(first.ok && first.origin).toBe('fetched');
    if (!first.ok) return;
    expect(first.surface.version).toBe('8.13.0');
    expect(first.surface.client?.namespaces.map((n) => n.name).sort()).toEqual([
      'mfa',
      'organizationDomains',
      'portal',
      'userManagement',
    ]);
    expect(first.surface.symbols.map((s) => s.qualifiedName)).toContain('portal.generateLink');
    const again = await surfaces().get(NODE, '8.13.0');
    expect(again).toMatchObject({ ok: true, origin: 'cache' });
    expect(again.ok && again.surface).toEqual(first.surface);
  });

  it('an installed node_modules copy is read in place', async () => {
    const dir = await projectDir(workosNodePackage('8.12.0'));
    const r = await surfaces().get(NODE, '8.12.0', dir);
    expect(r).toMatchObject({ ok: true, origin: 'installed' });
    expect(r.ok && r.surface.symbols.map((s) => s.qualifiedName)).toContain('mfa.enrollFactor');
    await rm(dir, { recursive: true, force: true });
  });

  it('the diff 8.13.0 -> 12.3.0 names portal -> adminPortal and mfa -> multiFactorAuth, and the verify rename', async () => {
    const old = await surfaces().get(NODE, '8.13.0');
    if (!old.ok) throw new Error(old.reason);
    const diff = diffSurfaces(old.surface, pinned);
    expect(diff.namespaces.renamed.map((r) => `${r.from}->${r.to}`).sort()).toEqual([
      'mfa->multiFactorAuth',
      'portal->adminPortal',
    ]);
    expect(diff.symbols.renamed.map((r) => `${r.from}->${r.to}`)).toEqual(
      expect.arrayContaining([
        'organizationDomains.verify->organizationDomains.verifyOrganizationDomain',
        'organizationDomains.get->organizationDomains.getOrganizationDomain',
      ]),
    );
    const text = formatSurfaceDiff(diff);
    expect(text).toContain('## API changes in @workos-inc/node: 8.13.0 → 12.3.0');
    expect(text).toContain(
      '- `workos.portal` → `workos.adminPortal` (same methods (generateLink), class Portal -> AdminPortal)',
    );
    expect(text).toMatch(/- `workos\.mfa` → `workos\.multiFactorAuth` \(same methods/);
    expect(text).toContain(
      '`adminPortal.generateLink()`: new options `externalUserId`; now optional `intent`',
    );
    expect(text).toMatch(/### Added \(1\)\n- `adminPortal`: revokeLink/);
  });
});
