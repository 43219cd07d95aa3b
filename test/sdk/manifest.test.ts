import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docPathOf, ManifestError, validateManifest } from '../../src/ingest/sdk/manifest.js';
import { IntegrityError, sha512Integrity, verifyIntegrity } from '../../src/ingest/sdk/integrity.js';

const REQUIRED = [
  '@workos-inc/node',
  '@workos-inc/authkit-nextjs',
  '@workos-inc/authkit-react',
  '@workos-inc/authkit-remix',
  '@workos-inc/authkit-react-router',
  '@workos-inc/authkit-js',
  '@workos/authkit-tanstack-react-start',
  '@workos/authkit-sveltekit',
  '@workos/authkit-session',
  '@workos-inc/widgets',
];

const good = {
  name: '@x/y',
  version: '1.2.3',
  integrity: sha512Integrity(Buffer.from('y')),
  tarball: 'https://registry.npmjs.org/@x/y/-/y-1.2.3.tgz',
};

describe('sources.json', () => {
  const manifest = validateManifest(
    JSON.parse(readFileSync(new URL('../../sources.json', import.meta.url), 'utf8')),
  );

  it('pins every required WorkOS SDK at an exact version with a sha512 integrity', () => {
    expect(manifest.packages.map((p) => p.name)).toEqual(expect.arrayContaining(REQUIRED));
    for (const p of manifest.packages) {
      expect(p.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(p.integrity).toMatch(/^sha512-/);
      expect(p.tarball).toContain(`/-/`);
    }
  });

  it('gives every package a framework and a unique doc path', () => {
    expect(manifest.packages.every((p) => p.framework)).toBe(true);
    const paths = manifest.packages.map(docPathOf);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('sdks/authkit-nextjs');
    expect(paths).toContain('sdks/node');
  });
});

describe('validateManifest', () => {
  it.each([
    [{}, /"packages" array/],
    [{ packages: [{ ...good, version: '^1.2.3' }] }, /exact version/],
    [{ packages: [{ ...good, integrity: 'sha1-abc' }] }, /sha512/],
    [{ packages: [{ ...good, tarball: 'file:///etc/passwd' }] }, /http\(s\) URL/],
    [{ packages: [{ ...good, name: '../../evil' }] }, /npm package name/],
    [{ packages: [good, good] }, /listed twice/],
    [{ packages: [{ ...good, path: 'sdks/../../x' }] }, /sdks\/<name>/],
  ])('refuses %j', (data, message) => {
    expect(() => validateManifest(data)).toThrow(ManifestError);
    expect(() => validateManifest(data)).toThrow(message);
  });
});

describe('verifyIntegrity', () => {
  it('accepts the exact bytes and rejects one changed byte with a clear message', () => {
    const bytes = Buffer.from('tarball bytes');
    const pinned = sha512Integrity(bytes);
    expect(() => verifyIntegrity(bytes, pinned, 'x@1.0.0')).not.toThrow();
    const tampered = Buffer.from(bytes);
    tampered[0] ^= 1;
    expect(() => verifyIntegrity(tampered, pinned, 'x@1.0.0')).toThrow(IntegrityError);
    expect(() => verifyIntegrity(tampered, pinned, 'x@1.0.0')).toThrow(/^x@1\.0\.0: integrity mismatch/);
  });

  it('refuses to trust a pin without sha512', () => {
    expect(() => verifyIntegrity(Buffer.from('a'), 'sha1-deadbeef', 'x@1.0.0')).toThrow(
      /no sha512 integrity pinned/,
    );
  });
});
