import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { passageScore, passageScoreCeiling, splitPassages, termSet } from '../../src/search/passages.js';
import { analyzeQuery, type Concept } from '../../src/search/query.js';
import { analyze, rawTokens } from '../../src/search/tokenize.js';

const SECTION = [
  'Rate limiting for AuthKit APIs are enforced on a per environment basis.',
  '',
  '| Name | Path | Limit |',
  '| ---- | ---- | ----- |',
  '| Reads | /user_management/* | 1,000 requests per 10 seconds |',
  '| Magic Auth | /user_management/magic_auth/send | 3 requests per 60 seconds per email |',
  '',
  '- Go: `usermanagement.CreateUser()` — parameters: `ctx`, `Email`',
  '',
  '```js',
  "const workos = new WorkOS('sk_test');",
  '```',
].join('\n');

describe('splitPassages', () => {
  it('makes one passage per prose paragraph, table row, list item and code line', () => {
    const texts = splitPassages(SECTION).map((p) => p.text);
    expect(texts).toEqual([
      'Rate limiting for AuthKit APIs are enforced on a per environment basis.',
      'Name Path Limit',
      'Reads /user_management/* 1,000 requests per 10 seconds',
      'Magic Auth /user_management/magic_auth/send 3 requests per 60 seconds per email',
      'Go: usermanagement.CreateUser() — parameters: ctx, Email',
      "const workos = new WorkOS('sk_test');",
    ]);
  });

  it('gives a table row the terms of its header row, and only rows of that table', () => {
    const md = [
      '| Email | Sent from |',
      '| --- | --- |',
      '| Invitation | <welcome@workos-mail.com> |',
      '',
      'Other prose about invitations.',
    ].join('\n');
    const [header, row, prose] = splitPassages(md);
    expect(row.text).toBe('Invitation welcome@workos-mail.com');
    for (const t of termSet('email sent from')) expect(row.terms.has(t), t).toBe(true);
    expect(header.terms.has(termSet('invitation').values().next().value as string)).toBe(false);
    expect(prose.terms.has(termSet('sent').values().next().value as string)).toBe(false);
    const q = analyzeQuery('invitation email sent from');
    const heading = new Set<string>();
    expect(passageScore(q.concepts, row.terms, heading, heading)).toBe(1);
  });

  it('keeps a definition list term with its definition', () => {
    const texts = splitPassages(
      'Codes:\n\n403\n: The API key used did not have the correct permissions.\n\n404\n: Not found.',
    ).map((p) => p.text);
    expect(texts).toEqual([
      'Codes:',
      '403 — The API key used did not have the correct permissions.',
      '404 — Not found.',
    ]);
  });

  it('splits long prose into sentences and bounds the work', () => {
    const long = Array.from(
      { length: 40 },
      (_, i) => `Sentence number ${i} says something useful here.`,
    ).join(' ');
    const passages = splitPassages(long);
    expect(passages.length).toBeGreaterThan(5);
    for (const p of passages) expect(p.text.length).toBeLessThanOrEqual(320);
    expect(splitPassages('x\n'.repeat(100_000)).length).toBeLessThanOrEqual(120);
  });
});

describe('passageScore', () => {
  const concepts = (q: string) => analyzeQuery(q).concepts;
  const none = new Set<string>();

  it('prefers the passage holding the concepts together', () => {
    const [, , reads, magic] = splitPassages(SECTION);
    const q = concepts('magic auth requests per email');
    expect(passageScore(q, magic.terms, none, none)).toBeGreaterThan(
      passageScore(q, reads.terms, none, none),
    );
    expect(passageScore(q, magic.terms, none, none)).toBe(1);
  });

  it('counts a concept the title already says for little, the heading for more', () => {
    const q = concepts('wildcard ports');
    const body = termSet('a wildcard may be used');
    const viaTitle = passageScore(q, body, none, termSet('Ports'));
    const viaHeading = passageScore(q, body, termSet('Ports'), none);
    expect(viaHeading).toBeGreaterThan(viaTitle);
    expect(viaTitle).toBeGreaterThan(passageScore(q, body, none, none));
  });
});

describe('passage tokens', () => {
  it('are the offsets and index terms of the passage text, worked out when first asked for', () => {
    const rows = new Set([2, 3]);
    splitPassages(SECTION).forEach((p, i) => {
      const expected = rawTokens(p.text).map((t) => ({ start: t.start, end: t.end, terms: analyze(t.text) }));
      expect(p.tokens).toEqual(expected);
      expect(p.tokens).toBe(p.tokens);
      // table rows also carry their header row's terms
      const context = rows.has(i) ? [...termSet('Name Path Limit')] : [];
      expect([...p.terms].sort()).toEqual(
        [...new Set([...context, ...expected.flatMap((t) => t.terms)])].sort(),
      );
    });
  });
});

describe('passageScoreCeiling', () => {
  it('is never below the score of any passage, heading and title', () => {
    const words = ['magic', 'auth', 'rate', 'limit', 'email', 'sso', 'okta', 'webhook', 'x'];
    const term = fc.constantFrom(...words);
    const concept: fc.Arbitrary<Concept> = fc.record({
      text: fc.constant('c'),
      weight: fc.option(fc.double({ min: 0.01, max: 20, noNaN: true }), { nil: undefined }),
      alternatives: fc.array(
        fc.record({
          terms: fc.array(term, { minLength: 1, maxLength: 3 }),
          quality: fc.double({ min: 0, max: 2, noNaN: true }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }) as fc.Arbitrary<Concept>;
    const set = fc.array(term, { maxLength: 6 }).map((t) => new Set(t));
    fc.assert(
      fc.property(fc.array(concept, { maxLength: 5 }), set, set, set, (cs, p, h, t) => {
        expect(passageScore(cs, p, h, t)).toBeLessThanOrEqual(passageScoreCeiling(cs));
      }),
    );
  });

  it('gives no bound when a weight is not positive', () => {
    expect(
      passageScoreCeiling([
        { text: 'a', weight: 0, alternatives: [{ terms: ['a'], quality: 1 }] },
      ] as Concept[]),
    ).toBe(Infinity);
  });
});
