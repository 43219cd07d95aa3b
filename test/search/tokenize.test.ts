import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, expandIdentifier, expandToken, processTerm, tokenize } from '../../src/search/tokenize.js';

const terms = (text: string): string[] => analyze(text);

describe('tokenize', () => {
  it('keeps identifiers whole as raw tokens', () => {
    expect(tokenize('call getAuthorizationUrl() or POST /user_management/authenticate.')).toEqual([
      'call',
      'getAuthorizationUrl',
      'or',
      'POST',
      'user_management/authenticate',
    ]);
  });

  it('drops surrounding punctuation, keeps inner identifier punctuation', () => {
    expect(tokenize('(dsync.group.user_added), "kebab-case-name"!')).toEqual([
      'dsync.group.user_added',
      'kebab-case-name',
    ]);
  });

  it('returns nothing for punctuation, emoji and regex metacharacters', () => {
    expect(tokenize('^$.*+?()[]{}|\\ 🙂 --- ...')).toEqual([]);
  });

  it('keeps letters of other scripts', () => {
    expect(tokenize('認証 Прове́рка')).toHaveLength(2);
  });
});

describe('identifier expansion', () => {
  it.each([
    ['getAuthorizationUrl'],
    ['get_authorization_url'],
    ['GetAuthorizationURL'],
    ['get-authorization-url'],
  ])('%s yields the shared joined form and its words', (id) => {
    const t = processTerm(id) ?? [];
    expect(t).toContain('getauthorizationurl');
    expect(t).toEqual(expect.arrayContaining(['author', 'url']));
  });

  it('camelCase, snake_case and PascalCase spellings of a method agree exactly', () => {
    expect(expandToken('listOrganizations').joined).toEqual(expandToken('list_organizations').joined);
    expect(expandToken('ListOrganizations').joined).toEqual(expandToken('list-organizations').joined);
  });

  it('splits slash paths into segments and keeps the whole path', () => {
    const { joined, words } = expandToken('user_management/authenticate');
    expect(joined[0]).toBe('usermanagement/authent');
    expect(joined).toContain('usermanag');
    expect(words).toEqual(expect.arrayContaining(['user', 'manag', 'authent']));
  });

  it('splits dotted event names and keeps the whole name', () => {
    const { joined, words } = expandToken('dsync.group.user_added');
    expect(joined[0]).toBe('dsync/group/userad');
    expect(joined).toContain('userad');
    expect(words).toEqual(expect.arrayContaining(['dsync', 'group', 'user']));
  });

  it('keeps trailing segment runs so a client prefix does not hide the method', () => {
    expect(expandToken('workos.userManagement.createUser').suffixes).toEqual([
      expandToken('userManagement.createUser').whole,
    ]);
    expect(expandToken('WorkOS::UserManagement.create_user').suffixes).toEqual(
      expandToken('workos.userManagement.createUser').suffixes,
    );
  });

  it('reads PHP arrows as member access', () => {
    expect(tokenize('$portal->generateLink()')).toEqual(['portal..generateLink']);
    expect(expandToken('portal..generateLink').whole).toBe(expandToken('portal.generateLink').whole);
  });

  it('treats path parameters as wildcards whatever their spelling', () => {
    expect(expandToken('/users/:id').joined[0]).toBe('users/*');
    expect(expandToken('/users/{user_id}').joined[0]).toBe('users/*');
  });

  it('keeps an error code as one exact term', () => {
    expect(processTerm('profile_not_allowed_outside_organization')?.[0]).toBe(
      'profilenotallowedoutsideorgan',
    );
  });

  it('splits acronyms before words (OAuth, SAMLResponse)', () => {
    expect(expandToken('SAMLResponse').words).toEqual(['saml', 'respons']);
    expect(expandToken('OAuth').joined).toEqual(['oauth']);
  });
});

describe('term processing', () => {
  it('case-folds and stems English words', () => {
    expect(terms('Organizations Webhooks Signatures')).toEqual(['organ', 'webhook', 'signatur']);
    expect(terms('authentication')).toEqual(terms('authenticate'));
  });

  it('drops stop words in prose', () => {
    expect(terms('how do I verify a webhook signature')).toEqual(['verifi', 'webhook', 'signatur']);
    expect(terms('the of and')).toEqual([]);
  });
});

describe('accents', () => {
  it('folds accents and keeps accented words whole', () => {
    expect(terms('café')).toEqual(terms('cafe'));
    expect(terms('Прове́рка')).toHaveLength(1);
  });
});

describe('expandToken fast path', () => {
  it('gives what the general path gives for plain words and for tokens just outside them', () => {
    const tokens = (
      'hello Hello HELLO API APIs a A x X I the The WorkOS workos WORKOS 1 42 2024 v2 V2 2fa OAuth ' +
      'iOS aB Ab ab AB SAML saml user_id getAuthorizationUrl dsync.user.created é café Über how How use is'
    ).split(' ');
    for (const t of tokens) expect(expandToken(t), t).toEqual(expandIdentifier(t));
  });

  it('agrees with the general path on generated ASCII tokens', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), (t) => {
        expect(expandToken(t)).toEqual(expandIdentifier(t));
      }),
      { numRuns: 2000 },
    );
  });
});
