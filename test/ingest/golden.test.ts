/**
 * Golden fixtures for the MDX renderer: each folder of test/ingest/golden/ holds one case, its
 * `input.mdx` (or `input.md`), `case.json` (render options and what the case shows) and the expected
 * `output.md` (the doc's Markdown) and `output.json` (sections, examples, problems). A change in what
 * the renderer writes fails here with a diff; after checking the diff is intended, regenerate with
 * `npm run golden:update`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMdxDocument, type RenderOneOptions } from '../../src/ingest/single.js';
import { leaks } from './helpers.js';

const GOLDEN = join(import.meta.dirname, 'golden');

interface GoldenCase extends Pick<RenderOneOptions, 'file' | 'snippets'> {
  about: string[];
}

const cases = readdirSync(GOLDEN, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('golden MDX renderings', () => {
  it('has the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  describe.each(cases)('%s', (name) => {
    const dir = join(GOLDEN, name);
    const spec = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as GoldenCase;
    const input = ['input.mdx', 'input.md'].map((f) => join(dir, f)).find((f) => existsSync(f));
    if (!input) throw new Error(`${dir} has no input.mdx or input.md`);
    const file = spec.file ?? (input.endsWith('.md') ? 'guide/page.md' : 'guide/page.mdx');
    const { doc, examples, problems } = renderMdxDocument(readFileSync(input, 'utf8'), {
      file,
      snippets: spec.snippets,
    });

    it(`renders as output.md: ${spec.about.join('; ')}`, async () => {
      await expect(`${doc.markdown}\n`).toMatchFileSnapshot(join(dir, 'output.md'));
    });

    it('extracts output.json (sections, examples, problems)', async () => {
      const extracted = {
        sections: doc.sections.map((s) => ({ heading: s.heading, anchor: s.anchor })),
        examples,
        problems,
      };
      await expect(`${JSON.stringify(extracted, null, 2)}\n`).toMatchFileSnapshot(join(dir, 'output.json'));
    });

    it('leaves no JSX, import/export or frontmatter in the prose', () => {
      expect(leaks(doc.markdown)).toEqual([]);
    });
  });
});
