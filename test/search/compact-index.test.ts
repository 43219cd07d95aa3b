/**
 * The compact term index must answer exactly like MiniSearch's own loader: same hits, same scores,
 * same order, for exact, prefix and fuzzy lookups (ranking ties depend on term order).
 */
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { compactTermIndex, loadCompactMiniSearch, validTermIndex } from '../../src/search/compact-index.js';
import { buildMiniSearch, miniSearchOptions } from '../../src/search/index-build.js';
import type { UnitFields } from '../../src/search/units.js';
import { fixtureCorpus } from './fixture-corpus.js';

const fixture = fixtureCorpus();
const plain = buildMiniSearch(fixture).toJSON();
const classic = MiniSearch.loadJS<UnitFields>(plain, miniSearchOptions());
const { rest, terms } = compactTermIndex(plain, miniSearchOptions() as never);
const compact = loadCompactMiniSearch<UnitFields>(
  JSON.parse(JSON.stringify(rest)),
  terms,
  miniSearchOptions(),
);
const vocabulary = (plain.index as [string, unknown][]).map(([t]) => t);

const searches: [string, Parameters<typeof classic.search>[1]][] = [
  ['sso', {}],
  ['saml okta', { combineWith: 'AND' }],
  ['magic link', { prefix: true }],
  ['getauth', { prefix: true, fuzzy: 0.3 }],
  ['organisation', { fuzzy: 2 }],
  ['webhok signatur', { fuzzy: 0.34, maxFuzzy: 3, fields: ['title', 'heading'] }],
];

describe('compact term index', () => {
  it.each(searches)('answers %j like MiniSearch.loadJS', (q, opts) => {
    expect(compact.search(q, opts)).toEqual(classic.search(q, opts));
  });

  it('matches on generated queries over the corpus vocabulary, with prefix and fuzzy lookups', () => {
    const word = fc.oneof(fc.constantFrom(...vocabulary), fc.string({ minLength: 1, maxLength: 8 }));
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom(0, 0.2, 1, 2),
        (words, prefix, fuzzy) => {
          const q = words.join(' ');
          const opts = { prefix, fuzzy };
          expect(compact.search(q, opts)).toEqual(classic.search(q, opts));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('knows every term and nothing else', () => {
    const inner = (compact as unknown as { _index: { has(t: string): boolean; size: number } })._index;
    expect(inner.size).toBe(vocabulary.length);
    for (const t of vocabulary) expect(inner.has(t)).toBe(true);
    expect(inner.has('zzz-not-a-term')).toBe(false);
  });

  it('refuses offsets that do not fit the postings', () => {
    expect(validTermIndex(terms)).toBe(true);
    expect(validTermIndex({ ...terms, offsets: Uint32Array.from([0, 5, 3]) })).toBe(false);
    expect(validTermIndex({ ...terms, postings: terms.postings.subarray(1) })).toBe(false);
    expect(validTermIndex({ ...terms, tree: 'x' })).toBe(false);
    expect(validTermIndex(null)).toBe(false);
  });
});

describe('term postings views', () => {
  const inner = (compact as unknown as { _index: { get(t: string): Map<number, Map<number, number>> } })
    ._index;
  const original = (classic as unknown as { _index: { get(t: string): Map<number, Map<number, number>> } })
    ._index;

  it('hold what MiniSearch decodes, in its order, for any lookup order', () => {
    for (const term of vocabulary.slice(0, 200)) {
      const view = inner.get(term);
      const expected = original.get(term);
      expect([...view.keys()]).toEqual([...expected.keys()]);
      for (const [field, freqs] of expected) {
        const got = view.get(field)!;
        expect(got.size).toBe(freqs.size);
        expect([...got.keys()]).toEqual([...freqs.keys()]);
        expect([...got.values()]).toEqual([...freqs.values()]);
        expect([...got]).toEqual([...freqs]);
        // backwards, then a unit that is not there
        for (const unit of [...freqs.keys()].reverse()) expect(got.get(unit)).toBe(freqs.get(unit));
        expect(got.get(-1)).toBeUndefined();
        expect(got.has(-1)).toBe(false);
      }
    }
  });
});
