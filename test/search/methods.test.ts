import { describe, expect, it } from 'vitest';
import { createSearcher } from '../../src/search/index.js';
import { MethodIndex, asksSdkSurface, languageOfSyntax, spelledMethods } from '../../src/search/methods.js';
import { corpus, doc, fixtureCorpus, refEntry, storedIndex } from './fixture-corpus.js';

const reference = doc({
  path: 'reference/sso/profile/get-profile-and-token',
  title: 'Get a Profile and Token',
  kind: 'reference',
  sections: ['# Get a Profile and Token\n\nExchange an authorization code for a profile.'],
  reference: [
    refEntry({ id: 'gpt', language: 'js', title: 'sso.getProfileAndToken()' }),
    refEntry({ id: 'gpt', language: 'python', title: 'sso.get_profile_and_token()' }),
    refEntry({ id: 'gpt', language: 'php', title: '$sso->getProfileAndToken()' }),
    refEntry({ id: 'gpt', language: 'dotnet', title: 'ssoService.GetProfileAndToken()' }),
  ],
});
const portal = doc({
  path: 'reference/admin-portal/portal-link/generate',
  title: 'Generate a Portal Link',
  kind: 'reference',
  sections: ['# Generate a Portal Link\n\nCreates a link to the Admin Portal.'],
  reference: [refEntry({ id: 'gl', language: 'js', title: 'portal.generateLink()' })],
});
// a declaration page (kind api) naming the same methods many times: it outscores the reference on words
const declarations = doc({
  path: 'sdk-api/node/sso',
  title: 'workos.sso (@workos-inc/node)',
  kind: 'api',
  sections: [
    '# workos.sso (@workos-inc/node)\n\n- `sso.getProfileAndToken`\n- `adminPortal.generateLink`',
    '## sso.getProfileAndToken()\n\n`sso.getProfileAndToken` `workos.sso.getProfileAndToken` getProfileAndToken getProfileAndToken token profile',
    '## adminPortal.generateLink()\n\n`adminPortal.generateLink` `workos.adminPortal.generateLink` generateLink generateLink',
  ],
});
// among the other fixture docs, so that the words are rare enough to rank by
const fixture = corpus([...fixtureCorpus().docs, reference, portal, declarations]);
const R = fixture.docs.indexOf(reference);
const P = fixture.docs.indexOf(portal);

describe('method names in a question', () => {
  it('reads call chains in every SDK spelling, without the client prefix', () => {
    expect(spelledMethods('why does workos.sso.getProfileAndToken() throw')).toEqual([
      { segments: ['sso', 'getprofileandtoken'], name: 'getProfileAndToken' },
    ]);
    expect(spelledMethods('$auditLogs->createEvent()')[0]).toMatchObject({ name: 'createEvent' });
    expect(spelledMethods('WorkOS::UserManagement.create_user')[0]).toMatchObject({
      segments: ['usermanagement', 'createuser'],
      name: 'create_user',
    });
    // plain words are not method names
    expect(spelledMethods('how do I get a profile and token')).toEqual([]);
  });

  it('takes the language from syntax only where the syntax is one SDK’s own', () => {
    expect(languageOfSyntax('$sso->getProfileAndToken()')).toBe('php');
    expect(languageOfSyntax('WorkOS::SSO.profile_and_token')).toBe('ruby');
    expect(languageOfSyntax('sso.getProfileAndToken')).toBeUndefined();
    expect(languageOfSyntax('costs $5 -> too much')).toBeUndefined();
  });

  it('finds the reference pages defining the method as spelled, qualifier and language agreeing', () => {
    const idx = new MethodIndex(fixture);
    expect(idx.definedBy('getProfileAndToken', undefined)).toEqual(new Set([R]));
    expect(idx.definedBy('get_profile_and_token', 'python')).toEqual(new Set([R]));
    expect(idx.definedBy('get_profile_and_token', 'ruby')).toEqual(new Set());
    expect(idx.definedBy('sso.GetProfileAndToken', 'dotnet')).toEqual(new Set([R]));
    // the docs call it portal.generateLink; the SDK's adminPortal.generateLink is another name
    expect(idx.definedBy('adminPortal.generateLink', undefined)).toEqual(new Set());
    expect(idx.definedBy('portal.generateLink', undefined)).toEqual(new Set([P]));
    // case matters: GetProfileAndToken is the .NET spelling, not the JavaScript one
    expect(idx.definedBy('GetProfileAndToken', 'js')).toEqual(new Set());
  });

  it('knows questions about the SDK surface', () => {
    expect(asksSdkSurface('what type does getProfileAndToken return')).toBe(true);
    expect(asksSdkSurface('signature of sso.getProfileAndToken')).toBe(true);
    expect(asksSdkSurface('getProfileAndToken in @workos-inc/node')).toBe(true);
    expect(asksSdkSurface('what does getProfileAndToken need')).toBe(false);
  });
});

describe('reference pages and declaration pages', () => {
  const searcher = createSearcher(fixture, storedIndex(fixture));
  const paths = (q: string): string[] => searcher.search(q).results.map((r) => r.path);

  it('puts the reference page defining the spelled method above the declarations', () => {
    expect(paths('workos.sso.getProfileAndToken')[0]).toBe(reference.path);
    expect(paths('getProfileAndToken')[0]).toBe(reference.path);
  });

  it('keeps the declarations first for the SDK surface, and where the docs spell the method otherwise', () => {
    expect(paths('getProfileAndToken return type')[0]).toBe(declarations.path);
    expect(paths('adminPortal.generateLink')[0]).toBe(declarations.path);
  });
});
