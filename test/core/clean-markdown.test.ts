import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  changelogPackages,
  formatChangelogs,
  formatDocPage,
  formatExamples,
  formatSearch,
  formatToc,
  type Runtime,
} from '../../src/core/index.js';
import { MCP_FACE } from '../../src/server/face.js';
import { changelogs, findExamples, readDoc, searchDocs, tableOfContents } from '../fixtures/operations.js';
import { referenceLanguages } from '../../src/core/reference.js';
import { markdownDefects } from '../fixtures/markdown-defects.js';
import { realRuntime } from '../fixtures/real-runtime.js';

// Issue 15 item 3: what the user reads is clean on every page, every SDK-language rendering, every
// page of a paginated answer, and in the search, examples and changelog answers over the eval queries.
const QUERIES: string[] = JSON.parse(
  readFileSync(new URL('../eval/queries.json', import.meta.url), 'utf8'),
).queries.map((q: { query: string }) => q.query);

let runtime: Runtime;
beforeAll(async () => {
  runtime = await realRuntime();
});

function collect(label: string, markdown: string, into: string[]): void {
  for (const d of markdownDefects(markdown)) into.push(`${label}: ${d}`);
}

describe('clean Markdown over the real corpus', () => {
  it('every page, in every language rendering and on every answer page', () => {
    const bad: string[] = [];
    let renderings = 0;
    for (const doc of runtime.corpus.docs) {
      for (const language of [undefined, ...referenceLanguages(doc)]) {
        for (let page = 1, pages = 1; page <= pages; page++) {
          const answer = readDoc(runtime, { path: doc.path, language, page });
          pages = answer.pages;
          renderings++;
          collect(
            `${doc.path}${language ? ` [${language}]` : ''} p${page}`,
            formatDocPage(answer, MCP_FACE),
            bad,
          );
        }
      }
    }
    expect(renderings).toBeGreaterThan(1400);
    expect(bad).toEqual([]);
  });

  it('the table of contents and every area listing, every page of them', () => {
    const bad: string[] = [];
    for (const product of [undefined, ...runtime.corpus.nav.map((a) => a.product)]) {
      for (let page = 1, pages = 1; page <= pages; page++) {
        const toc = tableOfContents(runtime, { product, page });
        pages = toc.pages;
        collect(`${product ?? 'toc'} p${page}`, formatToc(toc, MCP_FACE), bad);
      }
    }
    expect(bad).toEqual([]);
  });

  it('search and examples answers for every eval query', () => {
    const bad: string[] = [];
    for (const query of QUERIES) {
      collect(`search "${query}"`, formatSearch(searchDocs(runtime, { query, limit: 10 }), MCP_FACE), bad);
      collect(`examples "${query}"`, formatExamples(findExamples(runtime, { query }), MCP_FACE), bad);
    }
    expect(bad).toEqual([]);
  });

  it('changelog answers, including one-entry answers', () => {
    const bad: string[] = [];
    for (const pkg of changelogPackages(runtime)) {
      const all = changelogs(runtime, { package: pkg, limit: 50 });
      collect(pkg, formatChangelogs(all, MCP_FACE), bad);
      const unique = all.entries[0]?.title;
      if (unique) {
        const one = changelogs(runtime, { package: pkg, query: unique });
        collect(`${pkg} "${unique}"`, formatChangelogs(one, MCP_FACE), bad);
      }
    }
    expect(bad).toEqual([]);
  });
});
