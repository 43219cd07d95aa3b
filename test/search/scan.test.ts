/**
 * The index scan must answer exactly like MiniSearch.search for the query shape the searcher sends:
 * same units, same scores to the last bit, same order (ties included), same terms and match lists,
 * over the compact index and over an index built in memory, with boosts, a filter, prefix and fuzzy.
 */
import fc from 'fast-check';
import type MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { compactTermIndex, loadCompactMiniSearch } from '../../src/search/compact-index.js';
import { buildMiniSearch, miniSearchOptions } from '../../src/search/index-build.js';
import { DEFAULT_RANKING } from '../../src/search/rank.js';
import { IndexScan, type ScanOptions, type ScanPart } from '../../src/search/scan.js';
import type { UnitFields } from '../../src/search/units.js';
import { fixtureCorpus } from './fixture-corpus.js';
import { viaMiniSearch } from '../fixtures/minisearch-request.js';

const fixture = fixtureCorpus();
const built = buildMiniSearch(fixture);
const { rest, terms } = compactTermIndex(built.toJSON(), miniSearchOptions() as never);
const compact = loadCompactMiniSearch<UnitFields>(
  JSON.parse(JSON.stringify(rest)),
  terms,
  miniSearchOptions(),
);
const vocabulary = (built.toJSON().index as [string, unknown][]).map(([t]) => t);
const WEAK = ['title', 'heading', 'api', 'description'];

function options(over: Partial<ScanOptions> = {}): ScanOptions {
  return {
    boost: DEFAULT_RANKING.fieldBoosts,
    bm25: DEFAULT_RANKING.bm25,
    weights: { fuzzy: DEFAULT_RANKING.fuzzyWeight, prefix: DEFAULT_RANKING.prefixWeight },
    boostTerm: () => 1,
    fuzzy: () => false,
    prefix: () => false,
    ...over,
  };
}

const indexes: [string, MiniSearch<UnitFields>][] = [
  ['compact index', compact],
  ['index built in memory', built],
];

describe.each(indexes)('index scan over the %s', (_name, ms) => {
  const scan = new IndexScan(ms);
  const same = (parts: ScanPart[], o: ScanOptions): void => {
    const ours = scan.search(parts, o);
    const theirs = viaMiniSearch(ms, parts, o);
    expect(ours).toEqual(theirs);
    // toEqual ignores key order; the match lists' order feeds snippet highlighting
    expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
    // the ranking reads hits through these, not through result objects: they must say the same
    const hits = scan.scan(parts, o);
    const terms = [...new Set(parts.flatMap((p) => p.terms))];
    const order = hits.order();
    const seen = order.map((h) => ({
      id: hits.id(h),
      score: hits.score(h),
      count: hits.queryTermCount(h),
      has: terms.filter((t) => hits.hasQueryTerm(h, hits.termNumber(t))),
      exact: terms.filter((t) => hits.hasExactTerm(h, hits.termNumber(t))),
      matched: hits.result(h).terms,
      terms: hits.terms(h),
      title: [...hits.termsInField(h, 'title').keys()].sort(),
    }));
    const expected = theirs.map((r) => ({
      id: r.id,
      score: r.score,
      count: r.queryTerms.length,
      has: terms.filter((t) => r.queryTerms.includes(t)),
      exact: terms.filter((t) => Object.hasOwn(r.match, t)),
      matched: r.terms,
      terms: r.terms,
      title: Object.keys(r.match)
        .filter((t) => r.match[t].includes('title'))
        .sort(),
    }));
    expect(seen).toEqual(expected);
  };

  it('answers strong terms over every field like MiniSearch', () => {
    same([{ terms: ['sso', 'okta'] }], options());
  });

  it('ORs strong and weak parts, weak ones in their own fields, with term boosts', () => {
    const boostTerm = (t: string): number => (t === 'saml' ? 0.6 : 1);
    same(
      [{ terms: ['saml', 'connect'] }, { terms: ['saml', 'magic', 'link'], fields: WEAK }],
      options({ boostTerm }),
    );
  });

  it('applies prefix and fuzzy expansions with their weights', () => {
    same(
      [{ terms: ['organisaton', 'webh'] }],
      options({ fuzzy: (t) => (t.length >= 8 ? 2 : false), prefix: (t) => t === 'webh' }),
    );
  });

  it('leaves out units the filter refuses', () => {
    same([{ terms: ['sso', 'user'] }], options({ boostDocument: (id) => (id % 2 === 0 ? 1 : 0) }));
  });

  it('matches on generated queries over the corpus vocabulary', () => {
    const word = fc.oneof(fc.constantFrom(...vocabulary), fc.string({ minLength: 1, maxLength: 8 }));
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 5 }),
        fc.uniqueArray(word, { maxLength: 4 }),
        fc.constantFrom(0, 0.34, 1, 2),
        fc.boolean(),
        fc.boolean(),
        (strong, weak, fuzz, prefixLast, filter) => {
          const parts: ScanPart[] = [{ terms: strong }];
          if (weak.length > 0) parts.push({ terms: weak, fields: WEAK });
          const o = options({
            boostTerm: (t) => (weak.includes(t) ? 0.6 : 1),
            fuzzy: () => (fuzz === 0 ? false : fuzz),
            prefix: (t) => prefixLast && t === strong.at(-1),
            boostDocument: filter ? (id) => (id % 3 === 0 ? 0 : 1) : undefined,
          });
          same(parts, o);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('answers nothing for no parts or unknown terms', () => {
    expect(scan.search([], options())).toEqual([]);
    same([{ terms: ['zzzunknownzzz'] }], options());
  });
});
