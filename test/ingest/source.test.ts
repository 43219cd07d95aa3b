import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestDocsSource, SourceError } from '../../src/ingest/docs-source.js';
import { leaks, SITE } from './helpers.js';

describe('ingesting a source folder', () => {
  const result = ingestDocsSource({ dir: SITE });
  const doc = (path: string) => result.docs.find((d) => d.path === path);

  it('addresses X/index as X and skips _navigation files', () => {
    expect(result.docs.map((d) => d.path).sort()).toEqual([
      'broken/bad-yaml',
      'changelog/widgets-ga',
      'reference',
      'reference/widget',
      'reference/widget/create',
      'widgets',
      'widgets/styling',
    ]);
  });

  it('derives url, product and kind from the path', () => {
    expect(doc('reference/widget/create')).toMatchObject({
      url: 'https://workos.com/docs/reference/widget/create',
      product: 'reference',
      kind: 'reference',
    });
    expect(doc('widgets')).toMatchObject({
      url: 'https://workos.com/docs/widgets',
      product: 'widgets',
      kind: 'guide',
      title: 'Widgets Quick Start',
      description: 'Add widgets to your app.',
    });
  });

  it('parses every _navigation file into a tree, normalising doc links and keeping external ones', () => {
    const widgets = result.nav.find((a) => a.product === 'widgets')!;
    expect(widgets.title).toBe('Widgets');
    expect(widgets.children[0]).toEqual({
      title: 'Getting Started',
      children: [
        { title: 'Quick Start', path: 'widgets', children: [] },
        { title: 'Styling', path: 'widgets/styling', children: [] },
        { title: 'Blog', url: 'https://workos.com/blog', children: [] },
      ],
    });
    expect(result.nav.map((a) => a.product)).toEqual(['reference', 'widgets']);
  });

  it('takes breadcrumbs from the navigation, down to the parent page', () => {
    expect(doc('reference/widget/create')!.breadcrumb).toEqual(['API Reference', 'Widgets', 'Widget']);
    expect(doc('widgets/styling')!.breadcrumb).toEqual(['Widgets', 'Getting Started']);
  });

  it('resolves reference shorthands across files of the folder', () => {
    expect(result.unresolved).toEqual([]);
    expect(doc('reference/widget/create')!.markdown).toContain(
      '- `name` (`string`) — A descriptive name for the Widget.',
    );
  });

  it('inlines snippet files that exist in the source', () => {
    expect(doc('reference/widget/create')!.markdown).toContain(
      '```bash title="Request"\ncurl https://api.workos.com/widgets -d name=Acme\n```',
    );
    expect(doc('reference/widget/create')!.markdown).toContain('```json title="Response"');
  });

  it('reports a malformed MDX file with its line and builds the rest', () => {
    const p = result.problems.find((x) => x.file === 'broken/bad-mdx.mdx');
    expect(p?.reason).toMatch(/^invalid MDX: .*Callout/);
    expect(p?.line).toBe(5);
  });

  it('reports malformed YAML frontmatter with its line but keeps the body', () => {
    const p = result.problems.find((x) => x.file === 'broken/bad-yaml.mdx');
    expect(p).toMatchObject({ line: 3 });
    expect(p?.reason).toMatch(/^invalid YAML frontmatter/);
    expect(doc('broken/bad-yaml')!.markdown).toContain('The body still renders.');
  });

  it('loads changelog JSON as entries and announcement docs, reporting bad entries', () => {
    expect(result.changelogs).toEqual([
      {
        package: 'workos-platform',
        version: 'Widgets GA',
        title: 'Widgets GA',
        text: 'Widgets are generally available.',
        date: '2026-02-17',
        url: 'https://workos.com/changelog/widgets-ga',
      },
    ]);
    expect(result.problems).toContainEqual({
      file: 'changelogs/platform.json',
      reason: 'entry 1 has no title or version',
    });
    expect(doc('changelog/widgets-ga')).toMatchObject({
      kind: 'changelog',
      url: 'https://workos.com/changelog/widgets-ga',
    });
  });

  it('collects fenced code with its title and section', () => {
    expect(result.examples).toContainEqual(
      expect.objectContaining({
        kind: 'code',
        id: 'widgets#install:0',
        language: 'bash',
        title: 'Install',
        docPath: 'widgets',
        sectionAnchor: 'install',
        sectionHeading: 'Install',
      }),
    );
  });

  it('leaves no JSX, imports or frontmatter in any doc', () => {
    for (const d of result.docs) expect(leaks(d.markdown), d.path).toEqual([]);
  });
});

describe('unusable sources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-empty-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails clearly on a missing folder', () => {
    expect(() => ingestDocsSource({ dir: join(dir, 'nope') })).toThrow(SourceError);
    expect(() => ingestDocsSource({ dir: join(dir, 'nope') })).toThrow(/^source folder not found: /);
  });

  it('fails clearly on a folder without .md/.mdx files', () => {
    mkdirSync(join(dir, 'sub'));
    expect(() => ingestDocsSource({ dir })).toThrow(/^no \.md or \.mdx files in source folder: /);
  });
});
