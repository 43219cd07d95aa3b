import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseMarkdownChangelog,
  parseVersionHeading,
} from '../../src/ingest/changelogs/markdown-changelog.js';
import { compareVersions } from '../../src/corpus/versions.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/sdk/${name}`, import.meta.url), 'utf8');

describe('parseMarkdownChangelog: Changesets style', () => {
  const entries = parseMarkdownChangelog({
    packageName: '@example/widgets',
    markdown: fixture('changesets-CHANGELOG.md'),
  });

  it('makes one entry per version, newest first, prereleases below their release line', () => {
    expect(entries.map((e) => e.version)).toEqual(['2.0.0', '1.10.0', '1.9.1', '1.9.0-beta.1']);
    expect(entries.every((e) => e.package === '@example/widgets')).toBe(true);
  });

  it('takes the biggest bump as the change type and keeps the body as Markdown', () => {
    expect(entries.map((e) => e.changeType)).toEqual(['major', 'minor', 'patch', 'minor']);
    expect(entries[0].text).toContain('### Major Changes');
    expect(entries[0].text).toContain('Fix focus ring');
    expect(entries[0].date).toBeUndefined();
  });

  it('infers the change type from the version step when the entry has no change heading', () => {
    const bare = parseMarkdownChangelog({
      packageName: 'p',
      markdown: '## 2.0.0\n\n- a\n\n## 1.3.0\n\n- b\n\n## 1.2.1\n\n- c\n\n## 1.2.0\n\n- d\n',
    });
    expect(bare.map((e) => e.changeType)).toEqual(['major', 'minor', 'patch', undefined]);
  });

  it('ignores heading-like lines inside code fences', () => {
    expect(entries.find((e) => e.version === '9.9.9')).toBeUndefined();
    expect(entries[1].text).toContain('## 9.9.9');
  });
});

describe('parseMarkdownChangelog: Keep a Changelog style', () => {
  const entries = parseMarkdownChangelog({
    packageName: 'example-sdk',
    markdown: fixture('keepachangelog-CHANGELOG.md'),
    url: 'https://x.test',
  });

  it('skips Unreleased and reads versions and dates from bracketed and linked headings', () => {
    expect(entries.map((e) => [e.version, e.date])).toEqual([
      ['1.2.0', '2024-03-05'],
      ['1.1.10', '2024-02-01'],
      ['1.1.9', '2024-01-15'],
    ]);
  });

  it('lists the change kinds the version has', () => {
    expect(entries[0].changeType).toBe('added, fixed');
    expect(entries[1].changeType).toBe('security');
    expect(entries[2].changeType).toBe('bug fixes');
    expect(entries[0].text).toContain('`listWidgets()` method');
    expect(entries[0].url).toBe('https://x.test');
  });

  it('does not swallow link reference definitions into a version as a heading', () => {
    expect(entries.some((e) => e.version === 'Unreleased')).toBe(false);
    expect(entries[2].text).toBe('### Bug Fixes\n\n* handle empty cookies');
  });
});

describe('version headings', () => {
  it.each([
    ['1.18.0', '1.18.0', undefined],
    ['[1.2.0] - 2024-01-01', '1.2.0', '2024-01-01'],
    ['v3.0.0 (2023-12-31)', '3.0.0', '2023-12-31'],
    ['[4.0.0](https://github.com/o/r/compare/v3.9.0...v4.0.0) (2025-01-02)', '4.0.0', '2025-01-02'],
    ['@workos-inc/node@7.1.0', '7.1.0', undefined],
  ])('%s', (heading, version, date) => {
    expect(parseVersionHeading(heading)).toEqual({ version, ...(date ? { date } : {}) });
  });

  it.each(['Unreleased', 'Changelog', 'Minor Changes', 'Breaking changes in 2.0'])(
    '%s is not a version',
    (heading) => {
      expect(parseVersionHeading(heading)).toBeUndefined();
    },
  );

  it('orders versions numerically, not as text', () => {
    expect(['1.9.0', '1.10.0', '1.10.0-rc.1', '0.9.12'].sort((a, b) => compareVersions(b, a))).toEqual([
      '1.10.0',
      '1.10.0-rc.1',
      '1.9.0',
      '0.9.12',
    ]);
  });
});
