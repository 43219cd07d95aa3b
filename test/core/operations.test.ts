import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changelogs, findExamples, searchDocs, tableOfContents } from '../fixtures/operations.js';
import { corpusInfo } from '../../src/core/info.js';
import { normalizeLanguage } from '../../src/core/language.js';
import { paginate, pageMarkdown } from '../../src/core/paginate.js';
import { pathSimilarity } from '../../src/core/suggest.js';
import { InvalidArgumentError, UnknownLanguageError, UnknownPackageError } from '../../src/core/errors.js';
import { formatInfo } from '../../src/core/format/info.js';
import { fixtureRuntime } from '../fixtures/runtime.js';

const runtime = fixtureRuntime();

describe('searchDocs', () => {
  it('clamps limits and validates filters', () => {
    expect(searchDocs(runtime, { query: 'sso', limit: 0 }).limit).toBe(1);
    expect(searchDocs(runtime, { query: 'sso', limit: 1e9 }).limit).toBe(50);
    expect(searchDocs(runtime, { query: 'sso', limit: Number.NaN }).limit).toBe(8);
    expect(() => searchDocs(runtime, { query: '   ' })).toThrow(InvalidArgumentError);
    expect(() => searchDocs(runtime, { query: 'sso', kind: 'tutorial' })).toThrow(/Kinds: guide/);
    expect(() => searchDocs(runtime, { query: 'sso', product: 'nope' })).toThrow(/Products: /);
    expect(
      searchDocs(runtime, { query: 'saml', product: 'integrations' }).results.every(
        (r) => r.product === 'integrations',
      ),
    ).toBe(true);
    expect(
      searchDocs(runtime, { query: 'saml', product: ' /Integrations/ ' }).results.length,
    ).toBeGreaterThan(0);
  });

  it('cuts megabyte queries instead of choking on them', () => {
    const answer = searchDocs(runtime, { query: 'saml '.repeat(200_000) });
    expect(answer.query.length).toBeLessThanOrEqual(500);
    expect(answer.notes[0]).toMatch(/cut/);
  });
});

describe('findExamples', () => {
  it('lists topics with counts and languages when called without filters', () => {
    const answer = findExamples(runtime, {});
    expect(answer.mode).toBe('topics');
    expect(answer.topics.find((t) => t.product === 'reference')).toEqual({
      product: 'reference',
      examples: 2,
      languages: expect.arrayContaining(['python', 'js']),
    });
    expect(answer.appLanguages).toEqual([{ language: 'Python', apps: 1 }]);
  });

  it('filters by language aliases and adds the SDK method for API questions', () => {
    const answer = findExamples(runtime, { query: 'create organization', language: 'py' });
    expect(answer.examples.map((e) => e.language)).toEqual(['python']);
    expect(answer.reference[0].entry.title).toBe('organizations.create_organization()');
    const node = findExamples(runtime, { query: 'create organization', language: 'node' });
    expect(node.examples.map((e) => e.language)).toEqual(['js']);
  });

  it('filters by framework and lists example apps by language', () => {
    expect(findExamples(runtime, { framework: 'nextjs' }).examples.map((e) => e.title)).toEqual([
      'Get the authorization URL',
    ]);
    expect(findExamples(runtime, { language: 'python' }).apps.map((a) => a.title)).toEqual([
      'Python SSO example',
    ]);
  });

  it('answers an API question without a language with the HTTP endpoint', () => {
    const answer = findExamples(runtime, { query: 'create organization' });
    expect(answer.reference.map((r) => r.entry.language)).toEqual(['curl']);
    expect(answer.notes.join(' ')).toMatch(/Pass `language`/);
  });

  it('clamps the limit', () => {
    expect(findExamples(runtime, { query: 'organization', limit: -5 }).examples).toHaveLength(1);
  });
});

describe('changelogs', () => {
  it('defaults to the platform changelog, newest first', () => {
    const answer = changelogs(runtime);
    expect(answer.package).toBe('workos-platform');
    expect(answer.entries.map((e) => e.date)).toEqual(['2026-10-01', '2026-08-15', '2026-05-02']);
  });

  it('filters by since, query and limit', () => {
    expect(changelogs(runtime, { since: '2026-08-01' }).entries).toHaveLength(2);
    expect(changelogs(runtime, { query: 'SAML' }).entries.map((e) => e.title)).toEqual(['SSO improvements']);
    expect(changelogs(runtime, { limit: 1 }).entries).toHaveLength(1);
    expect(changelogs(runtime, { package: 'node', since: '7.0.0' }).entries.map((e) => e.version)).toEqual([
      '8.0.0',
    ]);
  });

  it('refuses unknown packages and unreadable dates with the alternatives', () => {
    expect(() => changelogs(runtime, { package: 'left-pad' })).toThrow(UnknownPackageError);
    try {
      changelogs(runtime, { package: 'left-pad' });
    } catch (err) {
      expect((err as UnknownPackageError).hints().join()).toContain('workos-platform');
    }
    expect(() => changelogs(runtime, { since: 'last tuesday-ish' })).toThrow(InvalidArgumentError);
  });
});

describe('tableOfContents', () => {
  it('lists every area with its pages', () => {
    const toc = tableOfContents(runtime);
    expect(toc.areas.map((a) => a.product)).toEqual(['sso', 'reference', 'events']);
    expect(toc.markdown).toContain('JIT Provisioning `sso/jit-provisioning`');
    expect(tableOfContents(runtime, { product: 'sso' }).areas).toHaveLength(1);
    expect(() => tableOfContents(runtime, { product: 'nope' })).toThrow(InvalidArgumentError);
  });
});

describe('corpusInfo', () => {
  it('reports version, sources, counts and age', () => {
    const info = corpusInfo(runtime, new Date('2026-11-11T00:00:00Z'));
    expect(info.ageDays).toBe(10);
    expect(info.counts.docs).toBe(5);
    expect(formatInfo(info)).toMatch(/Sources: @workos\/mcp-docs-server@0.2.0/);
  });
});

describe('normalizeLanguage', () => {
  it.each([
    ['node', 'js'],
    ['TypeScript', 'js'],
    ['py', 'python'],
    ['rb', 'ruby'],
    ['golang', 'go'],
    ['C#', 'dotnet'],
    ['.NET', 'dotnet'],
    ['http', 'curl'],
    ['REST', 'curl'],
  ])('%s -> %s', (alias, lang) => expect(normalizeLanguage(alias)).toBe(lang));
  it('refuses unknown languages listing the known ones', () => {
    expect(() => normalizeLanguage('cobol')).toThrow(UnknownLanguageError);
  });
});

describe('paginate', () => {
  const text = fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(' ', '\n', '\n\n', '```\n')), {
    maxLength: 600,
  });
  it('keeps every character, in order, and respects the budget', () => {
    fc.assert(
      fc.property(
        fc.array(
          text.map((parts) => parts.join('')),
          { minLength: 1, maxLength: 12 },
        ),
        fc.integer({ min: 300, max: 4000 }),
        (texts, budget) => {
          const blocks = texts.map((markdown, i) => ({ anchor: `a${i}`, heading: `Heading ${i}`, markdown }));
          const pages = paginate(blocks, budget);
          const label = /^_\(…continued from "Heading \d+"\)_$/gm;
          const squash = (s: string) => s.replace(/\s+/g, '');
          const joined = pages.map((p) => pageMarkdown(p).replace(label, '')).join('\n');
          expect(squash(joined)).toBe(squash(texts.join('\n')));
          for (const page of pages) expect(pageMarkdown(page).length).toBeLessThanOrEqual(budget);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('labels a page that starts in the middle of a section', () => {
    const long = Array.from({ length: 200 }, (_, i) => `Sentence number ${i}.`).join(' ');
    const pages = paginate([{ anchor: 'intro', heading: 'Intro', markdown: long }], 1000);
    expect(pages.length).toBeGreaterThan(2);
    expect(pageMarkdown(pages[1])).toMatch(/^_\(…continued from "Intro"\)_\n\nSentence number \d+\./);
    expect(pageMarkdown(pages[0])).toMatch(/^Sentence number 0\./);
  });
});

describe('pathSimilarity', () => {
  it('ranks the intended doc above unrelated ones', () => {
    expect(pathSimilarity('sso/jit-provision', 'sso/jit-provisioning')).toBeGreaterThan(
      pathSimilarity('sso/jit-provision', 'events'),
    );
  });
});
