import { describe, expect, it } from 'vitest';
import { phraseKeys } from '../../src/search/phrase.js';
import { analyzeQuery } from '../../src/search/query.js';
import { findSynonyms, synonymRules } from '../../src/search/synonyms.js';
import { expansionsOf, itExpands } from './synonym-expansions.js';

const rules = synonymRules();

describe('synonym table', () => {
  itExpands([
    ['Azure AD', 'entra id'],
    ['entra id', 'azure ad'],
    ['G Suite', 'google'],
    ['Google Workspace', 'google'],
    ['ADFS', 'microsoft ad fs'],
    ['ping', 'pingfederate'],
    ['SSO', 'single sign-on'],
    ['single sign on', 'sso'],
    ['SCIM', 'directory sync'],
    ['MFA', 'totp'],
    ['2FA', 'mfa'],
    ['magic link', 'passwordless'],
    ['magic links', 'magic auth'],
    ['user management', 'authkit'],
    ['webhooks', 'event'],
    ['org', 'organization'],
    ['remove an organization', 'delete'],
    ['edit a user', 'update'],
    ['fetch a directory', 'get'],
    ['change the role of a member', 'update'],
    ['the function that signs them in', 'authenticate'],
    ['log someone in with a password', 'authenticate'],
    ['overwrite the permission list of a role', 'set'],
    ['an environment-wide role', 'environment role'],
    ['events still validated against the old schema', 'event version'],
    ['do I need my own oauth app for pipes', 'shared credentials'],
    ['a vanilla JS single page app', 'authkit javascript library'],
    ['add a user to an organization', 'create'],
    ['log in as a customer', 'impersonation'],
    ['production', 'environment'],
    ['staging', 'environment'],
    ['sign in as another user', 'login'],
    ['mailbox', 'inbox'],
    ['comes back empty', 'null'],
    ['the email never arrives', 'delivery'],
  ]);

  it('one-way entries do not expand backwards', () => {
    expect(expansionsOf('google')).not.toContain('g suite');
    expect(expansionsOf('create an organization')).not.toContain('add');
    expect(expansionsOf('impersonation')).not.toContain('log in as');
    expect(expansionsOf('update a user')).not.toContain('change');
    expect(expansionsOf('authenticate with a password')).not.toContain('log them in');
  });

  it('prefers the longest phrase at a position', () => {
    const m = findSynonyms(phraseKeys('azure active directory scim'), rules);
    expect(m[0]).toMatchObject({ start: 0, end: 3 });
  });

  it('reads the product name as one word however it is cased', () => {
    expect(phraseKeys('WorkOS')).toEqual(phraseKeys('workos'));
    expect(phraseKeys('WORKOS Widgets')).toEqual(phraseKeys('workos widgets'));
    // camelCase identifiers still split into their words
    expect(phraseKeys('getAuthorizationUrl')).toEqual(phraseKeys('get authorization url'));
    expect(expansionsOf('disable WorkOS emails')).toContain('disabling default emails');
  });

  it('never expands a word into spellings that analyse to itself', () => {
    expect(expansionsOf('org')).not.toContain('orgs');
  });
});

describe("developers' words for the docs' names", () => {
  itExpands([
    ['enforce SSO for an organization', 'domain policy'],
    ['switch org', 'switching organizations'],
    ['change the active organization', 'switching organizations'],
    ['session timeout', 'inactivity timeout'],
    ['webhooks arrive out of order', 'out-of-sequence events'],
    ['optimistic concurrency on a vault object', 'version_check'],
    ['merge duplicate accounts', 'identity linking'],
    ['i18n on the sign-in page', 'localization'],
    ['burner email signups', 'disposable email domains'],
    ['custom claims in the access token', 'jwt templates'],
    ['the IdP refuses our requests', 'reject'],
  ]);

  it('leaves phrases alone that the docs use for something else too', () => {
    // "custom data" is also the state passed through sign-in
    expect(expansionsOf('pass custom data through the redirect')).not.toContain('metadata');
    // CLI Auth has "Polling best practices"; FGA migrations "translate relations to roles"; identity
    // linking "deduplicates credentials"; "ending the session" is signing out, not revoking
    expect(expansionsOf('polling interval for the device code')).not.toContain('events api');
    expect(expansionsOf('translate relations to roles')).not.toContain('localization');
    expect(expansionsOf('deduplicate credentials')).not.toContain('idempotency');
    expect(expansionsOf('end session')).not.toContain('revoke session');
    // changing an organization's name is updating it, not switching to it
    expect(expansionsOf('change the organization name')).not.toContain('switching organizations');
    // the stemmer makes "inactivity" of "inactive" (a membership status, not a session timeout)
    expect(expansionsOf('inactive membership')).not.toContain('inactivity timeout');
  });
});

describe('phrases with stop words in between', () => {
  const gapRules = synonymRules(['switch org => switching organizations', 'log in as => impersonation']);
  const found = (q: string): string[] => findSynonyms(phraseKeys(q), gapRules).flatMap((m) => m.expansions);

  it('step over up to two stop words between the words of a phrase', () => {
    expect(found('switch org')).toContain('switching organizations');
    expect(found('switch their org')).toContain('switching organizations');
    expect(found('switch to the org')).toContain('switching organizations');
    expect(findSynonyms(phraseKeys('switch to the org'), gapRules)[0]).toMatchObject({
      start: 0,
      end: 4,
      gaps: 2,
    });
  });

  it('do not step over content words, long runs of stop words, or a leading stop word', () => {
    expect(found('switch billing org')).toEqual([]);
    expect(found('switch to it for the org')).toEqual([]);
    // the phrase's own stop words still have to be there
    expect(found('log in to')).toEqual([]);
    expect(found('log in as')).toContain('impersonation');
  });

  it('a phrase of three or more words steps over one content word, which stays a concept of its own', () => {
    const rules3 = synonymRules([
      'catch back up => data reconciliation',
      'switch org => switching organizations',
    ]);
    const m = findSynonyms(phraseKeys('catch our database back up'), rules3);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ start: 0, end: 5, gaps: 2, skipped: [2] });
    expect(m[0].expansions).toContain('data reconciliation');
    // one content word at most, and never in a two-word phrase
    expect(findSynonyms(phraseKeys('catch our production database back up'), rules3)).toEqual([]);
    expect(findSynonyms(phraseKeys('switch billing org'), rules3)).toEqual([]);
    const q = analyzeQuery('catch our database back up', rules3);
    expect(q.concepts.map((c) => c.text)).toEqual(['catch our back up', 'database']);
    expect(q.concepts[0].alternatives.map((a) => a.terms.join(' '))).toContain('data reconcili');
    expect(q.termWeights.get('databas')).toBe(1);
  });

  it("keep the user's words whole when only the gap is stop words", () => {
    const q = analyzeQuery('switch their org', gapRules);
    expect(q.concepts).toHaveLength(1);
    expect(q.concepts[0].alternatives[0]).toMatchObject({ terms: ['switch', 'org'], quality: 1 });
  });
});

describe('query analysis', () => {
  it('turns a synonym phrase into one concept with the alternatives', () => {
    const q = analyzeQuery('Azure AD SAML');
    expect(q.concepts.map((c) => c.text)).toEqual(['Azure AD', 'SAML']);
    expect(q.concepts[0].alternatives.map((a) => a.terms.join(' '))).toContain('entra id');
    expect(q.termWeights.get('entra')).toBeLessThan(q.termWeights.get('saml') ?? 0);
  });

  it('finds synonym phrases that contain stop words or single letters', () => {
    expect(analyzeQuery('G Suite directory sync').termWeights.has('googl')).toBe(true);
    expect(analyzeQuery('how to sign in').termWeights.has('login')).toBe(true);
  });

  it('does not let the one content word of "log in" stand for the phrase', () => {
    const [concept] = analyzeQuery('log in with a password').concepts;
    expect(concept.text).toBe('log in');
    const quality = (terms: string): number =>
      concept.alternatives.find((a) => a.terms.join(' ') === terms)?.quality ?? 0;
    // "log" alone is audit logs and log streams; "login" is the phrase
    expect(quality('log')).toBeLessThan(quality('login'));
    // a synonym phrase of content words only keeps the user's words first
    const azure = analyzeQuery('Azure AD').concepts[0].alternatives;
    expect(azure[0]).toMatchObject({ terms: ['azur', 'ad'], quality: 1 });
  });

  it('does not let the one word left of a name with a single letter stand for it', () => {
    const alternatives = (q: string): string[] =>
      analyzeQuery(q).concepts[0].alternatives.map((a) => a.terms.join(' '));
    // "IdP" is "Id" and "P": "id" (every "organization ID") is not the identity provider
    expect(alternatives('IdP')).toContain('idp');
    expect(alternatives('IdP')).not.toContain('id');
    expect(alternatives('M2M')).not.toContain('2');
    // a name whose parts are words keeps them
    expect(alternatives('AuthKit')).toEqual(expect.arrayContaining(['authkit', 'auth kit']));
  });

  it('matches a capitalised name to the table however it is cased inside', () => {
    const expanded = (q: string): string[] =>
      analyzeQuery(q).concepts.flatMap((c) => c.alternatives.map((a) => a.terms.join(' ')));
    // "AuthKit", "OneLogin" and "OAuth" used to split like code ("auth kit") and miss the table's words
    expect(expanded('AuthKit')).toContain('user manag');
    expect(expanded('AuthKit sessions')).toEqual(expect.arrayContaining(expanded('authkit sessions')));
    expect(expanded('OneLogin SAML')).toEqual(expect.arrayContaining(expanded('onelogin saml')));
    expect(expanded('do I need my own OAuth app for Pipes')).toContain('share credenti');
    // code keeps out of the table: camelCase and snake_case are identifiers
    expect(expanded('getAuthKitUrl')).not.toContain('user manag');
    // now that "OAuth" meets the table: providers a user linked are Google or GitHub, not Connect
    expect(expanded('which OAuth providers has this user linked')).not.toContain('connect');
    expect(expanded('can our app act as an OAuth provider')).toContain('connect');
  });

  it('counts a repeated word once', () => {
    expect(analyzeQuery('sso sso SSO sso').concepts).toHaveLength(1);
  });

  it('does not apply synonyms inside identifiers', () => {
    const q = analyzeQuery('sso_required');
    expect(q.termWeights.has('singl')).toBe(false);
  });

  it('recognises endpoints with and without a method', () => {
    expect([...analyzeQuery('POST /user_management/authenticate').termWeights.keys()]).toContain(
      'ep:post /user_management/authenticate',
    );
    expect([...analyzeQuery('/sso/token').termWeights.keys()]).toContain('ep:/sso/token');
    expect([...analyzeQuery('GET /users/{id}').termWeights.keys()]).toContain('ep:get /users/*');
  });

  it('bounds the number of terms of a huge query', () => {
    const q = analyzeQuery(Array.from({ length: 5000 }, (_, i) => `word${i}`).join(' '));
    expect(q.concepts.length).toBeLessThanOrEqual(64);
    expect(q.text.length).toBeLessThanOrEqual(1000);
  });
});

describe('concept weights', () => {
  it('weigh a hyphenated word by its words, not by its rare joined spelling', async () => {
    const { withConceptWeights } = await import('../../src/search/corrections.js');
    // "signedin" is rare, "sign" is everywhere
    const df = (t: string): number => ({ signedin: 2, sign: 500 })[t] ?? 1;
    const weightOf = (q: string): number | undefined =>
      withConceptWeights(analyzeQuery(q), df, 1000).concepts[0].weight;
    expect(weightOf('signed-in')).toBeCloseTo(Math.log(1 + 1000 / 500));
    // an identifier keeps the weight of its whole spelling
    expect(weightOf('signed_in')).toBeCloseTo(Math.log(1 + 1000 / 2));
  });
});

describe('framing words', () => {
  it('count for little once a question has other concepts, and stay searchable in titles', async () => {
    const { demoteFraming } = await import('../../src/search/query.js');
    const q = demoteFraming(analyzeQuery('which call exchanges the AuthKit code'));
    const code = q.concepts.find((c) => c.text === 'code');
    expect(code?.weight).toBeLessThan(0.5);
    expect(q.termWeights.get('code')).toBe(0.5);
    expect(q.termWeights.get('exchang')).toBe(1);
    // a question that is mostly framing keeps its words as they are
    expect(demoteFraming(analyzeQuery('code snippet')).termWeights.get('code')).toBe(1);
  });
});

describe('negative contractions', () => {
  it('leave no rare word behind ("doesn\'t" is not a search for "doesn")', () => {
    const texts = analyzeQuery("why doesn't the token include roles, and won't it").concepts.map(
      (c) => c.text,
    );
    expect(texts).toEqual(['token', 'include', 'roles']);
  });
});

describe("the docs' own spelling", () => {
  it('searches a synonym in bodies when bodies use it far more than the word typed', async () => {
    const { withCorpusSpellings } = await import('../../src/search/corrections.js');
    const bodies = (counts: Record<string, number>) => ({ bodyFrequency: (t: string) => counts[t] ?? 0 });
    const q = analyzeQuery('remove an org membership');
    expect(withCorpusSpellings(q, bodies({ org: 3, organ: 400 })).bodySynonyms).toEqual(new Set(['organ']));
    // both spellings common: the synonym stays a title and heading term
    expect(withCorpusSpellings(q, bodies({ org: 200, organ: 400 })).bodySynonyms).toBeUndefined();
  });

  it('finds the section that spells the word out', async () => {
    const { createSearcher } = await import('../../src/search/index.js');
    const { corpus, doc, storedIndex } = await import('./fixture-corpus.js');
    const fixture = corpus([
      doc({
        path: 'assignments',
        title: 'Assignments',
        sections: [
          '## Creating assignments\n\nAssign a role to a user on a resource.',
          '## Cascading events\n\nWhen an organization membership is removed, the role assignments are removed.',
        ],
      }),
      doc({
        path: 'members',
        title: 'Members',
        sections: ['## Membership\n\nA membership links a user and a role.'],
      }),
      // the docs say "organization" (the user's "org" almost never), and most bodies say neither
      ...Array.from({ length: 30 }, (_, i) =>
        doc({
          path: `topic-${i}`,
          title: `Topic ${i}`,
          sections: [
            i < 6 ? `## Setup ${i}\n\nEach organization has settings.` : `## Notes ${i}\n\nNothing here.`,
          ],
        }),
      ),
    ]);
    const searcher = createSearcher(fixture, storedIndex(fixture));
    const top = searcher.search('org membership removed role').results[0];
    expect(top).toMatchObject({ path: 'assignments', anchor: 'cascading-events' });
  });
});
