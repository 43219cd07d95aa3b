/**
 * Issue 16 item 2, per-query cost: a 500-character query cost up to 640 ms (`workos_examples`) because
 * search work grows with its terms, and one identifier (`create_user_create_user_…`) is many terms.
 * Queries are cut to a fixed number of words (counting identifier pieces) where operations take them in.
 */
import { describe, expect, it } from 'vitest';
import { limitQuery, MAX_QUERY_WORDS } from '../../../src/core/query-limits.js';
import { findExamples, searchDocs } from '../../fixtures/operations.js';
import { fixtureRuntime } from '../../fixtures/runtime.js';

const words = (n: number, sep = ' ') => Array.from({ length: n }, (_, i) => `word${i}`).join(sep);

describe('per-query limits', () => {
  it('keeps short queries whole', () => {
    expect(limitQuery('SSO with Okta SAML')).toEqual({ query: 'SSO with Okta SAML', note: undefined });
    expect(limitQuery(words(MAX_QUERY_WORDS)).note).toBeUndefined();
  });

  it('does not count stop words, which search drops: a long question keeps its last words', () => {
    const question =
      'when a user in one of the organizations we manage signs in with a password after the admin of that organization has turned on SSO for it';
    expect(limitQuery(question)).toEqual({ query: question, note: undefined });
    const { query, note } = limitQuery(`the ${words(30, ' the ')}`);
    expect(query).toBe(`the ${words(MAX_QUERY_WORDS, ' the ')}`);
    expect(note).toMatch(new RegExp(`first ${MAX_QUERY_WORDS} words`));
  });

  for (const [name, sep] of [
    ['spaces', ' '],
    ['snake_case', '_'],
    ['dots', '.'],
    ['slashes', '/'],
    ['kebab', '-'],
  ] as const) {
    it(`cuts a long query of words joined by ${name} to ${MAX_QUERY_WORDS} words, saying so`, () => {
      const { query, note } = limitQuery(words(200, sep));
      expect(query).toBe(words(MAX_QUERY_WORDS, sep));
      expect(note).toMatch(new RegExp(`first ${MAX_QUERY_WORDS} words`));
    });
  }

  it('search and examples apply the cut and tell the caller', () => {
    const runtime = fixtureRuntime();
    const long = words(120, '_');
    const search = searchDocs(runtime, { query: long });
    expect(search.notes.join(' ')).toMatch(/first \d+ words/);
    const examples = findExamples(runtime, { query: long });
    expect(examples.notes.join(' ')).toMatch(/first \d+ words/);
    expect(examples.query?.split('_')).toHaveLength(MAX_QUERY_WORDS);
  });
});
