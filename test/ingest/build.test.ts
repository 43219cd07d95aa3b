import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/corpus/bundle.js';
import { buildCorpus, type SourceAdapter } from '../../src/lifecycle/build.js';
import { SITE } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'build-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('buildCorpus', () => {
  const out = join(root, 'out');
  const file = join(out, 'corpus.json');

  it('writes a loadable bundle with counts, sources and the prebuilt index from the hook', async () => {
    const summary = await buildCorpus({
      sourceDir: SITE,
      outDir: out,
      indexBuilder: (c) => ({ docs: c.docs.length }),
      now: () => new Date('2026-01-02T00:00:00Z'),
    });
    expect(summary.file).toBe(file);
    const { corpus, searchIndex } = loadBundle(file);
    expect(corpus.manifest.counts).toEqual(summary.manifest.counts);
    expect(corpus.manifest.counts.docs).toBe(corpus.docs.length);
    expect(corpus.manifest.counts.sections).toBe(corpus.docs.reduce((n, d) => n + d.sections.length, 0));
    expect(corpus.manifest.builtAt).toBe('2026-01-02T00:00:00.000Z');
    expect(corpus.manifest.sources[0]).toEqual({ kind: 'local', name: 'local:site' });
    expect(searchIndex).toEqual({ docs: corpus.docs.length });
    expect(summary.problems.map((p) => p.file)).toEqual(
      expect.arrayContaining(['broken/bad-mdx.mdx', 'broken/bad-yaml.mdx']),
    );
    expect(summary.bytes).toBe(readFileSync(file).length);
  });

  it('adds extra source adapters and reports duplicate paths', async () => {
    const adapter: SourceAdapter = {
      name: 'extra',
      ingest: async () => ({
        docs: [
          {
            path: 'sdks/node',
            title: 'Node SDK',
            description: '',
            breadcrumb: [],
            url: 'u',
            product: 'sdks',
            kind: 'sdk',
            markdown: 'x',
            sections: [],
            reference: [],
            source: 'extra@1',
          },
          {
            path: 'widgets',
            title: 'dup',
            description: '',
            breadcrumb: [],
            url: 'u',
            product: 'widgets',
            kind: 'guide',
            markdown: 'x',
            sections: [],
            reference: [],
            source: 'extra@1',
          },
        ],
        examples: [],
        changelogs: [{ package: '@workos-inc/node', version: '1.0.0', title: '1.0.0', text: 'first' }],
        problems: [],
        sources: [{ name: 'extra', version: '1', kind: 'sdk-package' }],
      }),
    };
    const summary = await buildCorpus({
      sourceDir: SITE,
      outDir: join(root, 'extra'),
      extraSources: [adapter],
      indexBuilder: null,
    });
    const { corpus, searchIndex } = loadBundle(summary.file);
    expect(corpus.docs.find((d) => d.path === 'sdks/node')?.kind).toBe('sdk');
    expect(corpus.docs.find((d) => d.path === 'widgets')?.title).toBe('Widgets Quick Start');
    expect(summary.problems).toContainEqual({
      file: 'extra@1',
      reason: 'duplicate document path "widgets" (first one kept)',
    });
    expect(corpus.changelogs.map((c) => c.package)).toContain('@workos-inc/node');
    expect(searchIndex).toBeUndefined();
  });

  it('leaves the previous bundle loadable when a build fails midway', async () => {
    const before = readFileSync(file, 'utf8');
    const failing = buildCorpus({
      sourceDir: SITE,
      outDir: out,
      indexBuilder: () => {
        throw new Error('index exploded');
      },
    });
    await expect(failing).rejects.toThrow('index exploded');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(() => loadBundle(file)).not.toThrow();
  });

  it('leaves the previous bundle intact and no temp file when the write itself fails', async () => {
    const before = readFileSync(file, 'utf8');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(buildCorpus({ sourceDir: SITE, outDir: out, indexBuilder: () => cyclic })).rejects.toThrow(
      /circular/i,
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(out)).toEqual(['corpus.json']);
  });

  it('fails with a clear message on an empty source and does not touch the output', async () => {
    const empty = join(root, 'empty');
    cpSync(join(SITE, 'changelogs'), join(empty, 'changelogs'), { recursive: true });
    const emptyOut = join(root, 'empty-out');
    await expect(buildCorpus({ sourceDir: empty, outDir: emptyOut })).rejects.toThrow(
      /no \.md or \.mdx files in source folder/,
    );
    expect(existsSync(emptyOut)).toBe(false);
  });

  it('refuses an output path that is a file', async () => {
    const notDir = join(root, 'file-not-dir');
    writeFileSync(notDir, 'x');
    await expect(buildCorpus({ sourceDir: SITE, outDir: notDir, indexBuilder: null })).rejects.toThrow(
      /output path is not a folder/,
    );
  });
});
