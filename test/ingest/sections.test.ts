import { describe, expect, it } from 'vitest';
import { renderFixture } from './helpers.js';

describe('sections and heading anchors', () => {
  const { doc } = renderFixture('headings.mdx', { file: 'guide/headings.mdx' });
  const byHeading = (h: string) => doc.sections.filter((s) => s.heading === h);

  it('keeps content before the first heading as an intro section', () => {
    expect(doc.sections[0]).toMatchObject({
      anchor: '',
      heading: '',
      depth: 0,
      headingPath: [],
      markdown: 'Intro paragraph before any heading.',
    });
  });

  it('honours {{ "url": … }} annotations and strips them from the heading', () => {
    const s = byHeading('API key events')[0];
    expect(s.anchor).toBe('api-key');
    // One level down: the body's own `# Overview` is not the title "Headings" (one H1 per answer).
    expect(s.markdown.startsWith('### API key events\n')).toBe(true);
    expect(doc.markdown).not.toContain('{{');
  });

  it('slugs other headings like GitHub, de-duplicating repeats', () => {
    expect(byHeading('Overview').map((s) => s.anchor)).toEqual(['overview', 'overview-1']);
    expect(byHeading('getUser() and Beta')[0].anchor).toBe('getuser-and-beta');
  });

  it('gives each section its depth, path and own content only', () => {
    const details = byHeading('Details')[0];
    expect(details).toMatchObject({ depth: 4, headingPath: ['Overview', 'API key events', 'Details'] });
    expect(details.markdown).toBe('#### Details\n\nMore.');
    expect(byHeading('API key events')[0].markdown).not.toContain('More.');
  });

  it('collects identifiers: inline code, method names, endpoint paths', () => {
    const ids = byHeading('API key events')[0].identifiers;
    expect(ids).toEqual(
      expect.arrayContaining([
        'organizations.createOrganization()',
        'createOrganization',
        'POST /organizations',
        '/organizations',
      ]),
    );
  });

  it('joins the sections into the doc markdown', () => {
    expect(doc.markdown).toBe(doc.sections.map((s) => s.markdown).join('\n\n'));
    expect(doc.title).toBe('Headings');
  });
});
