import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/corpus/bundle.js';
import { bundledCorpusFile } from '../../src/lifecycle/corpus-location.js';
import { type CorpusSearcher, createSearcher } from '../../src/search/index.js';
import { evaluate, loadEvalSet } from '../../harness/eval/evaluate.js';

// The real corpus is part of the build (CI runs `npm run build` first); without it this suite fails
// on purpose instead of skipping, because ranking quality is only meaningful on the real docs.
const file = bundledCorpusFile();

describe('search quality on the real corpus', () => {
  let searcher: CorpusSearcher;
  beforeAll(async () => {
    if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" before the tests.`);
    const bundle = await loadBundle(file);
    searcher = createSearcher(bundle.corpus, bundle.searchIndex);
  });

  it('loads the prebuilt index shipped in the bundle', () => {
    expect(searcher.stats).toMatchObject({ source: 'prebuilt' });
  });

  it('meets the relevance targets on the evaluation set', () => {
    const queries = loadEvalSet();
    const rankings = new Map(
      queries.map((q) => [q.id, searcher.search(q.query, { limit: 10 }).results.map((r) => r.path)]),
    );
    const report = evaluate(queries, rankings);
    const misses = queries.filter((q) => (report.ranks[q.id] ?? 99) > 5).map((q) => `${q.id} "${q.query}"`);
    expect(report.overall.recallAt5, `not in top 5: ${misses.join('; ')}`).toBeGreaterThanOrEqual(0.95);
    expect(report.overall.mrrAt10).toBeGreaterThanOrEqual(0.88);
    expect(report.overall.recallAt1).toBeGreaterThanOrEqual(0.84);
    // an SDK method name finds the reference page that defines it, not only the SDK declarations
    expect(report.byKind.method.recallAt1).toBeGreaterThanOrEqual(0.9);
  });

  it('puts the error catalogue first for a status code a response returned, not for a count', () => {
    expect(searcher.search('API returns 403 for my request').results[0]?.path).toBe('reference/errors');
    expect(searcher.search('how many of my 500 users can sign in').results[0]?.path).not.toBe(
      'reference/errors',
    );
  });

  it('finds Entra ID SAML first for "Azure AD SAML" and the error-code table for an error code', () => {
    expect(searcher.search('Azure AD SAML').results[0]?.path).toBe('integrations/entra-id-saml');
    // exactly the docs that mention the code come first: the error table and the Domains guide that explains the fix
    expect(
      searcher
        .search('profile_not_allowed_outside_organization')
        .results.slice(0, 2)
        .map((r) => r.path)
        .sort(),
    ).toEqual(['reference/sso/get-authorization-url/error-codes', 'sso/domains']);
  });
});
