/**
 * The passage table (passage-table.ts) against cutting passages at run time (SplitPassageStore):
 * the same passages, scores and snippets, and a table that does not fit is not used.
 */
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/query.js';
import { buildSearchIndex, createSearcher } from '../../src/search/index.js';
import { ConceptSlots, PassageScorer, termSet } from '../../src/search/passages.js';
import { SplitPassageStore, bestPassage } from '../../src/search/passage-store.js';
import {
  PassageTable,
  type StoredPassageTable,
  buildPassageTable,
  loadPassageTable,
} from '../../src/search/passage-table.js';
import { unitRefs } from '../../src/search/units.js';
import { corpus, doc, fixtureCorpus, storedIndex } from './fixture-corpus.js';

const fixture = corpus([
  ...fixtureCorpus().docs,
  doc({
    path: 'reference/limits',
    title: 'Limits',
    sections: [
      '## Rate limits\n\n| Endpoint | Limit |\n| --- | --- |\n| Authentication | 10 requests per minute |\n\nSessions expire after 15 minutes. Café 認証 works.',
      '## Empty',
      '## Methods\n\n- Go: `organizations.CreateOrganization()`\n- Python: `organizations.create_organization()`',
    ],
  }),
]);
const refs = unitRefs(fixture);
const table = loadPassageTable(buildPassageTable(fixture, refs), refs.length) as PassageTable;
const split = new SplitPassageStore(fixture, refs);

describe('passage table', () => {
  it('holds every unit with the passages cutting gives, texts included', () => {
    expect(table).toBeInstanceOf(PassageTable);
    let passages = 0;
    refs.forEach((_r, unit) => {
      for (let i = 0; ; i++) {
        const a = table.passage(unit, i);
        const b = split.passage(unit, i);
        expect(a?.text).toBe(b?.text);
        if (!a || !b) break;
        expect(a.shape).toBe(b.shape);
        expect(a.tokens).toEqual(b.tokens);
        passages++;
      }
      expect(table.startingWith(unit, 'Go:')).toBe(split.startingWith(unit, 'Go:'));
    });
    expect(passages).toBeGreaterThan(20);
  });

  it('scores every unit exactly as the cut passages do', () => {
    for (const q of [
      'rate limit authentication',
      'session expire minutes',
      'café',
      'create organization go',
      'x',
    ]) {
      const concepts = analyzeQuery(q).concepts;
      const slots = new ConceptSlots(concepts);
      refs.forEach((_r, unit) => {
        const fits = (shape: number) => shape !== 0;
        // each store's own scorer (heading and title terms from the table, or cut and kept as sets)
        const [a, b] = [table.scorer(unit, slots), split.scorer(unit, slots)];
        expect(bestPassage(table, unit, slots, a, fits, true)).toEqual(
          bestPassage(split, unit, slots, b, fits, true),
        );
        expect(bestPassage(table, unit, slots, a)).toEqual(bestPassage(split, unit, slots, b));
        // and the same scorer on either store's passages
        const sets = PassageScorer.forSets(slots, termSet('Limits'), termSet(''));
        expect(bestPassage(table, unit, slots, sets)).toEqual(bestPassage(split, unit, slots, sets));
      });
    }
  });

  it('finds a term by its bytes, and says when no passage holds it', () => {
    expect(table.termNumber('minut')).toBeGreaterThanOrEqual(0);
    expect(table.termNumber('zzzz-not-a-term')).toBe(-1);
    expect(table.termNumber('')).toBe(-1);
  });

  it('is not used when it is of another format, other passage code, or does not fit the units', () => {
    const stored = buildPassageTable(fixture, refs);
    const reasonOf = (t: unknown, units = refs.length) =>
      (loadPassageTable(t, units) as { reason: string }).reason;
    expect(reasonOf(undefined)).toMatch(/no passage table/);
    expect(reasonOf({ ...stored, format: 99 })).toMatch(/format/);
    expect(reasonOf({ ...stored, fingerprint: 'other' })).toMatch(/other code/);
    expect(reasonOf(stored, refs.length + 1)).toMatch(/does not fit/);
    const shuffled = Uint32Array.from(stored.termStart);
    [shuffled[1], shuffled[2]] = [shuffled[2] + 5, shuffled[1]];
    expect(reasonOf({ ...stored, termStart: shuffled })).toMatch(/does not fit/);
    expect(reasonOf({ ...stored, text: stored.text.subarray(1) })).toMatch(/does not fit/);
    expect(reasonOf({ ...stored, units: Array.from(stored.units) })).toMatch(/does not fit/);
  });

  it('term numbers past the dictionary match nothing and break nothing', () => {
    const stored = buildPassageTable(fixture, refs);
    const damaged = loadPassageTable({ ...stored, terms: stored.terms.map(() => 0xffff) }, refs.length);
    expect(damaged).toBeInstanceOf(PassageTable);
    const slots = new ConceptSlots(analyzeQuery('rate limit').concepts);
    const scorer = PassageScorer.forSets(slots, termSet(''), termSet(''));
    refs.forEach((_r, unit) =>
      expect(bestPassage(damaged as PassageTable, unit, slots, scorer).index).toBe(-1),
    );
  });

  it('a searcher without a usable table cuts passages at run time and answers the same', () => {
    const serialized = storedIndex(fixture) as ReturnType<typeof buildSearchIndex>;
    const withTable = createSearcher(fixture, serialized);
    expect(withTable.stats.passages).toBe('prebuilt');
    const without = createSearcher(fixture, {
      ...serialized,
      passages: { ...serialized.passages, fingerprint: 'x' } as StoredPassageTable,
    });
    expect(without.stats.passages).toMatch(/other code/);
    for (const q of [
      'Azure AD SAML',
      'magic link',
      'rate limits for authentication',
      'organizations.CreateOrganization go',
    ])
      expect(without.search(q)).toEqual(withTable.search(q));
    expect(createSearcher(fixture).stats.passages).toMatch(/rebuilt/);
  });
});
