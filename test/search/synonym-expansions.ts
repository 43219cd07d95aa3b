import { expect, it } from 'vitest';
import { phraseKeys } from '../../src/search/phrase.js';
import { findSynonyms, synonymRules } from '../../src/search/synonyms.js';

const rules = synonymRules();

/** The phrases the synonym table adds to a query's words. */
export const expansionsOf = (q: string): string[] =>
  findSynonyms(phraseKeys(q), rules).flatMap((m) => m.expansions);

/** One test per case: the developer's words expand to the docs' term. */
export function itExpands(cases: readonly (readonly [string, string])[]): void {
  it.each(cases)('%s expands to %s', (query, expected) => {
    expect(expansionsOf(query)).toContain(expected);
  });
}
