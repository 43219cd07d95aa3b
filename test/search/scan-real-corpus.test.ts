/**
 * Over the real corpus and every question of our evaluation sets, the index scan gives exactly
 * what MiniSearch.search gave for the same request (the searcher's analysis, split and options):
 * the guarantee that replacing it moved no ranking, ties included.
 */
import { readFileSync } from 'node:fs';
import type MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadEvalSet } from '../../harness/eval/evaluate.js';
import { DEFAULT_ANSWER_FILE } from '../../harness/eval/answers.js';
import { resolveOptions } from '../../src/search/options.js';
import type { AnalyzedQuery } from '../../src/search/query.js';
import type { IndexScan, ScanOptions, ScanPart } from '../../src/search/scan.js';
import { realRuntime } from '../fixtures/real-runtime.js';
import { viaMiniSearch } from '../fixtures/minisearch-request.js';

interface SearcherInside {
  index: MiniSearch;
  scan: IndexScan;
  analyze(text: string): AnalyzedQuery;
  scanSpec(
    q: AnalyzedQuery,
    opts: ReturnType<typeof resolveOptions>,
  ): { parts: ScanPart[]; options: ScanOptions };
}

const questions = [
  ...loadEvalSet().map((q) => q.query),
  ...(
    JSON.parse(readFileSync(DEFAULT_ANSWER_FILE, 'utf8')) as { questions: { question: string }[] }
  ).questions.map((q) => q.question),
  // a half-typed identifier (prefix) and typos (fuzzy)
  'getAuthoriz',
  'dirctory sync grops organizaton',
];

describe('index scan on the real corpus', () => {
  it('answers every evaluation question exactly like MiniSearch, unfiltered and filtered', async () => {
    const searcher = (await realRuntime()).searcher as unknown as SearcherInside;
    let compared = 0;
    for (const text of questions) {
      for (const filter of [{}, { product: 'sso' }]) {
        const { parts, options } = searcher.scanSpec(searcher.analyze(text), resolveOptions(filter));
        const ours = JSON.stringify(searcher.scan.search(parts, options));
        const theirs = JSON.stringify(viaMiniSearch(searcher.index, parts, options));
        if (ours !== theirs)
          expect({ text, filter, ours: ours.slice(0, 500) }).toEqual({
            text,
            filter,
            ours: theirs.slice(0, 500),
          });
        compared++;
        // the matched terms the ranking reads, without a result object, in the same key order
        const hits = searcher.scan.scan(parts, options);
        for (let h = 0; h < hits.length; h += 7) {
          const want = hits.result(h).terms;
          const got = hits.terms(h);
          if (got.join('\u0000') !== want.join('\u0000'))
            expect({ text, h, got }).toEqual({ text, h, got: want });
        }
      }
    }
    expect(compared).toBeGreaterThan(600);
  });
});
