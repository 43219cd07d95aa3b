import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/corpus/bundle.js';
import type { CodeExample } from '../../src/corpus/types.js';
import { bundledCorpusFile } from '../../src/lifecycle/corpus-location.js';
import { docPathOf, validateManifest } from '../../src/ingest/sdk/manifest.js';

// The default build (npm install -> prepare -> build) must carry the pinned SDK guides and changelogs.
describe('the bundled corpus (default build)', () => {
  const { corpus } = loadBundle(bundledCorpusFile());
  const manifest = validateManifest(
    JSON.parse(readFileSync(new URL('../../sources.json', import.meta.url), 'utf8')),
  );

  it('has one sdk doc per pinned package, at the pinned version', () => {
    for (const pkg of manifest.packages) {
      const doc = corpus.docs.find((d) => d.path === docPathOf(pkg));
      expect(doc, pkg.name).toMatchObject({
        kind: 'sdk',
        product: 'sdks',
        source: `${pkg.name}@${pkg.version}`,
      });
      expect(corpus.manifest.sources).toContainEqual({
        name: pkg.name,
        version: pkg.version,
        kind: 'sdk-package',
      });
    }
  });

  it('has real Next.js middleware code from the AuthKit Next.js README', () => {
    const code = corpus.examples.filter(
      (e): e is CodeExample =>
        e.kind === 'code' &&
        e.docPath === 'sdks/authkit-nextjs' &&
        e.language === 'typescript' &&
        e.framework === 'nextjs',
    );
    expect(code.some((e) => /authkitMiddleware\(/.test(e.code) && /middleware/i.test(e.title))).toBe(true);
  });

  it('has versioned @workos-inc/widgets changelog entries from its CHANGELOG.md', () => {
    const widgets = corpus.changelogs.filter((e) => e.package === '@workos-inc/widgets');
    expect(widgets.length).toBeGreaterThan(5);
    expect(widgets.every((e) => /^\d+\.\d+\.\d+/.test(e.version))).toBe(true);
    // Every entry but the oldest has a change type (from its heading or its version step).
    expect(widgets.filter((e) => !e.changeType).length).toBeLessThanOrEqual(1);
    const pinned = manifest.packages.find((p) => p.name === '@workos-inc/widgets')!.version;
    expect(widgets.map((e) => e.version)).toContain(pinned);
  });
});
