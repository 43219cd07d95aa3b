import { describe, expect, it } from 'vitest';
import { createSearcher } from '../../src/search/index.js';
import { warmUpQueries } from '../../src/search/warm-up.js';
import { corpus, fixtureCorpus } from './fixture-corpus.js';

describe('warm-up questions', () => {
  const fixture = fixtureCorpus();

  it('come from the corpus, spread over its pages, and each one finds something', () => {
    const qs = warmUpQueries(fixture, 8);
    expect(qs.length).toBeGreaterThan(0);
    expect(qs.length).toBeLessThanOrEqual(8);
    expect(new Set(qs).size).toBe(qs.length);
    const searcher = createSearcher(fixture);
    for (const q of qs) expect(searcher.search(q).results.length, q).toBeGreaterThan(0);
  });

  it('are none for an empty corpus or count', () => {
    expect(warmUpQueries(corpus([]))).toEqual([]);
    expect(warmUpQueries(fixture, 0)).toEqual([]);
  });
});
