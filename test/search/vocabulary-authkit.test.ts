import { describe, expect, it } from 'vitest';
import { expansionsOf, itExpands } from './synonym-expansions.js';

describe("AuthKit: developers' words for the docs' names", () => {
  itExpands([
    ['users keep getting logged out after an hour', 'maximum session length'],
    ['how long does a session last', 'configuring sessions'],
    ['change the access token lifetime', 'access token duration'],
    ['the access token expired, how do I get a new access token', 'refresh token'],
    ['where should I store the access token', 'integrating sessions'],
    ['which languages does the hosted UI support', 'localization'],
    ['make the first name optional at sign up', 'page settings'],
    ['style a specific page of AuthKit', 'customize a specific page'],
    ['how long is the magic auth code valid', 'one-time-use codes expire'],
    ['require MFA for every user', 'enabling mfa'],
    ['turn off automatic membership by email domain', 'disabling jit provisioning'],
    ['the password login disappeared after setting up SSO', 'requiring sso by default'],
    ["why can't I impersonate this user", 'enabling impersonation'],
    ['is impersonation logged anywhere', 'auditing impersonation usage'],
    ['the avatar changes every time they sign in with Google', 'provider-driven user profile updates'],
    ['restrict sign-ins to our office IP range', 'custom restrictions'],
    ['cookie too large after adding claims', 'size limits'],
    ['can I override the sub claim', 'reserved keys restriction'],
    ['how many client secrets can an application have', 'credentials'],
    ['OAuth public client without a secret', 'public applications'],
    ['run custom code before a user signs up', 'actions'],
    ['log in from a terminal app', 'cli auth'],
    ['create an organization for every new user', 'creating organizations for new users'],
    ['does AuthKit check haveibeenpwned', 'breached passwords'],
    ['CORS error calling WorkOS from the browser', 'configure cors'],
  ]);

  it('one-way entries do not expand backwards', () => {
    expect(expansionsOf('maximum session length')).not.toContain('logged out after');
    expect(expansionsOf('enabling impersonation')).not.toContain('cannot impersonate');
    expect(expansionsOf('public applications')).not.toContain('public client');
  });

  it('leaves a single-page app alone: AuthKit has a client-only setup of its own', () => {
    expect(expansionsOf('use AuthKit in a single page app')).not.toContain('public applications');
  });
});
