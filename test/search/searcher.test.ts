import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, createSearcher } from '../../src/search/index.js';
import { corpus, doc, fixtureCorpus, storedIndex } from './fixture-corpus.js';

const fixture = fixtureCorpus();
const searcher = createSearcher(fixture, storedIndex(fixture));
const paths = (q: string, opts?: Parameters<typeof searcher.search>[1]): string[] =>
  searcher.search(q, opts).results.map((r) => r.path);

describe('prebuilt index', () => {
  it('loads an index stored in a bundle file instead of rebuilding', () => {
    expect(searcher.stats.source).toBe('prebuilt');
    expect(searcher.stats.units).toBe(
      fixture.docs.filter((d) => !d.path.endsWith('_navigation')).reduce((n, d) => n + d.sections.length, 0),
    );
  });

  it('answers the same as an index built in memory', () => {
    const built = createSearcher(fixture);
    expect(built.stats.source).toBe('built');
    for (const q of ['Azure AD SAML', 'magic link', 'getAuthorizationUrl'])
      expect(built.search(q)).toEqual(searcher.search(q));
  });

  it('rebuilds, and says why, when the index is from another format or corpus', () => {
    const serialized = buildSearchIndex(fixture);
    expect(createSearcher(fixture, { ...serialized, format: 0 }).stats).toMatchObject({
      source: 'built',
      reason: expect.stringContaining('format'),
    });
    const other = corpus([doc({ path: 'sso', title: 'SSO', sections: ['x'] })]);
    expect(createSearcher(other, serialized).stats).toMatchObject({
      source: 'built',
      reason: expect.stringContaining('different corpus'),
    });
    expect(createSearcher(fixture, 'garbage').stats.source).toBe('built');
  });
});

describe('ranking', () => {
  it('finds Entra ID first for "Azure AD SAML"', () => {
    expect(paths('Azure AD SAML')[0]).toBe('integrations/entra-id-saml');
  });

  it('ranks a doc titled with the query above one mentioning it once in body text', () => {
    const r = paths('single sign-on');
    expect(r[0]).toBe('sso');
    // the email doc mentions a sign-in link once, in passing
    const inv = paths('invitation');
    expect(inv[0]).toBe('authkit/invitations');
    expect(inv).toContain('email');
  });

  it('prefers the page named after the query', () => {
    expect(paths('organizations')[0]).toBe('reference/organization');
    expect(paths('get organization')[0]).toBe('reference/organization/get');
    expect(paths('GET /organizations/{id}')[0]).toBe('reference/organization/get');
    // `vault.encrypt()` defines a method; it does not make the page about the word "vault"
    expect(paths('vault')[0]).toBe('vault');
  });

  it('ranks an all-terms match above scattered partial matches', () => {
    expect(paths('verify webhook signature')[0]).toBe('events/data-syncing/webhooks');
  });

  it('matches method names in any SDK casing to the reference page', () => {
    for (const q of [
      'getAuthorizationUrl',
      'get_authorization_url',
      'GetAuthorizationURL',
      'sso.getAuthorizationUrl()',
    ]) {
      expect(paths(q)[0]).toBe('reference/sso/get-authorization-url');
    }
  });

  it('ranks the page that defines a method above pages that call it in examples', () => {
    for (const q of [
      'createUser',
      'workos.userManagement.createUser',
      'WorkOS::UserManagement.create_user',
      '$userManagement->createUser()',
    ]) {
      expect(paths(q)[0]).toBe('reference/authkit/user/create');
    }
  });

  it('hits HTTP endpoints and error codes exactly', () => {
    expect(paths('POST /user_management/authenticate')[0]).toBe('reference/authkit/authentication/code');
    expect(paths('GET /sso/authorize')[0]).toBe('reference/sso/get-authorization-url');
    expect(paths('profile_not_allowed_outside_organization')[0]).toBe(
      'reference/sso/get-authorization-url/error-codes',
    );
  });

  it('finds dotted event names', () => {
    expect(paths('dsync.group.user_added')[0]).toBe('directory-sync/understanding-events');
  });

  it('applies synonyms at query time', () => {
    expect(paths('2FA')[0]).toBe('mfa');
    expect(paths('passwordless')).toEqual(expect.arrayContaining(['magic-link', 'authkit/magic-auth']));
  });

  it('never returns site navigation data', () => {
    expect(paths('Single Sign-On Magic Link Webhooks')).not.toContain('sso/_navigation');
  });
});

describe('typo tolerance', () => {
  it.each([
    ['magc link', 'magic-link'],
    ['webhok signature', 'events/data-syncing/webhooks'],
    ['authenticaton code', 'reference/authkit/authentication/code'],
    ['Multi-Factor Authentcation', 'mfa'],
    ['mgaic lnik', 'magic-link'],
    ['invitaton', 'authkit/invitations'],
    ['impersonaton', 'authkit/impersonation'],
  ])('%s -> %s', (q, expected) => {
    expect(paths(q)[0]).toBe(expected);
  });

  it('completes a half-typed last word', () => {
    expect(paths('getAuthoriz')[0]).toBe('reference/sso/get-authorization-url');
  });
});

describe('results', () => {
  it('carries the fields a reader needs, with a bold-marked snippet', () => {
    const [r] = searcher.search('verify webhook signature').results;
    expect(r).toMatchObject({
      path: 'events/data-syncing/webhooks',
      anchor: 'validate-webhook-signatures',
      title: 'Webhooks',
      section: 'Validate webhook signatures',
      url: 'https://workos.com/docs/events/data-syncing/webhooks#validate-webhook-signatures',
      kind: 'guide',
      product: 'events',
    });
    expect(r.snippet).toContain('**Verify**');
    expect(r.snippet.length).toBeLessThanOrEqual(220);
    expect(r.score).toBeGreaterThan(0);
  });

  it('groups sections under their doc, best first, with up to 2 more', () => {
    const r = searcher.search('magic link passwordless session').results.find((x) => x.path === 'magic-link');
    expect(r).toBeDefined();
    expect(r!.more.length).toBeGreaterThanOrEqual(1);
    expect(r!.more.length).toBeLessThanOrEqual(2);
    for (const m of r!.more) expect(m.score).toBeLessThanOrEqual(r!.more[0].score);
    expect(new Set([r!.anchor, ...r!.more.map((m) => m.anchor)]).size).toBe(1 + r!.more.length);
  });

  it('reports the total number of matching docs beyond the limit', () => {
    const res = searcher.search('sso', { limit: 1 });
    expect(res.results).toHaveLength(1);
    expect(res.total).toBeGreaterThan(1);
  });
});

describe('filters and limits', () => {
  it('filters by product and by kind', () => {
    expect(paths('SAML', { product: 'integrations' }).every((p) => p.startsWith('integrations/'))).toBe(true);
    const refs = searcher.search('authorization', { kind: 'reference' }).results;
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((r) => r.kind === 'reference')).toBe(true);
  });

  it('leaves checking filters to the operation: an unknown product matches nothing, an unknown kind filters nothing', () => {
    // The search operation refuses both before the engine runs (core/search.ts, operations/search.ts).
    expect(searcher.search('sso', { product: 'nope' }).results).toEqual([]);
    expect(searcher.search('sso', { kind: 'blog' as never }).results.length).toBeGreaterThan(0);
  });

  it('suggests dropping a filter that hides matches', () => {
    const res = searcher.search('Okta', { kind: 'reference' });
    expect(res.results).toEqual([]);
    expect(res.suggestions.join(' ')).toMatch(/without that filter/);
  });

  it('clamps and coerces the limit', () => {
    expect(searcher.search('sso', { limit: 0 }).results).toHaveLength(1);
    expect(searcher.search('sso', { limit: '2' as never }).results.length).toBeLessThanOrEqual(2);
    expect(searcher.search('sso', { limit: 10_000 }).results.length).toBeLessThanOrEqual(50);
    expect(searcher.search('sso', { limit: Number.NaN }).results.length).toBeLessThanOrEqual(8);
  });
});

describe('bad input', () => {
  it.each([
    ['empty', ''],
    ['whitespace', '   \t\n  '],
    ['punctuation', '?!.,;:---'],
    ['stop words', 'the of and to'],
    ['control characters', '\u0000\u0007\u001b[31m'],
    ['emoji', '🙂🔥🚀'],
    ['regex metacharacters', '^$.*+?()[]{}|\\'],
  ])('%s gives an empty, well-formed answer with suggestions', (_name, q) => {
    const res = searcher.search(q);
    expect(res.results).toEqual([]);
    expect(res.total).toBe(0);
    expect(res.suggestions.length).toBeGreaterThan(0);
  });

  it('answers a 10,000-character query quickly', () => {
    const q = 'sso magic link webhook '.repeat(500).slice(0, 10_000);
    const t0 = performance.now();
    const res = searcher.search(q);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(res.query.length).toBeLessThanOrEqual(1000);
    expect(res.results.length).toBeGreaterThan(0);
  });

  it('answers other scripts without error', () => {
    const res = searcher.search('認証 シングルサインオン');
    expect(res.results).toEqual([]);
    expect(res.suggestions.join(' ')).toMatch(/No docs mention/);
    // the words are unknown because the docs are English, not because they are misspelled
    expect(res.suggestions.join(' ')).toMatch(/docs are in English/);
    expect(res.suggestions.join(' ')).not.toMatch(/Check the spelling/);
  });

  it('still asks for the spelling when a Latin-script word is unknown', () => {
    const res = searcher.search('xyzzyplugh 認証');
    expect(res.suggestions.join(' ')).toMatch(/Check the spelling/);
  });

  it('tolerates non-string input from untyped callers', () => {
    expect(searcher.search(undefined as never).results).toEqual([]);
    expect(searcher.search(42 as never).total).toBe(0);
  });

  it('never throws and always returns a well-formed response for arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (q) => {
        const res = searcher.search(q);
        expect(Array.isArray(res.results)).toBe(true);
        expect(res.total).toBeGreaterThanOrEqual(res.results.length);
        expect(res.results.length > 0 || res.suggestions.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('index versioning', () => {
  it('refuses an index built by a different analyzer', () => {
    const serialized = { ...buildSearchIndex(fixture), analyzer: 'other' };
    expect(createSearcher(fixture, serialized).stats).toMatchObject({
      source: 'built',
      reason: expect.stringContaining('analyzer'),
    });
  });
});
