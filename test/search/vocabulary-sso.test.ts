import { describe, expect, it } from 'vitest';
import { expansionsOf, itExpands } from './synonym-expansions.js';

describe("SSO, Directory Sync, events, Admin Portal and domains: developers' words", () => {
  itExpands([
    ['users start from the Okta tile', 'idp-initiated sso'],
    ['users get an error because of a different email domain', 'profile_not_allowed_outside_organization'],
    ['log out of Okta too', 'single logout'],
    ['SSO login stuck at the IdP', 'timed out'],
    ['SSO login history for a connection', 'sso sessions'],
    ['create users automatically on their first SSO login', 'jit provisioning'],
    ['an interstitial page after the IdP', 'sign-in consent'],
    ['the IdP rotated its signing cert', 'renewing certificates'],
    ['works in staging but not in production', 'launch checklist'],
    ['which WorkOS IP addresses to allow', 'ip allowlist'],
    ['user deactivated in Okta disappeared from WorkOS', 'inactive users'],
    ['the customer disconnected their directory', 'dsync.deleted'],
    ['a nightly job to sync directory users', 'data reconciliation'],
    ['webhooks sent again and again', 'recover from failed events'],
    ['my endpoint was down for a day', 'recover from failed events'],
    ['only some event types', 'select event types'],
    ['receive webhooks on localhost', 'ngrok'],
    ['should I use webhooks or polling', 'api vs. webhooks'],
    ['I lost my cursor', 'range_start'],
    ['the setup link expired', 'generate a setup link'],
    ['TXT record never detected', 'initiate verification for existing domain'],
  ]);

  it('one-way entries do not expand backwards', () => {
    expect(expansionsOf('idp-initiated sso')).not.toContain('okta tile');
    expect(expansionsOf('recover from failed events')).not.toContain('sent again and again');
    expect(expansionsOf('inactive users')).not.toContain('deactivated in okta');
  });

  it('leaves alone the nearby words that mean something else', () => {
    // a first login in AuthKit is not JIT provisioning; an SDK's retries are not webhook retries
    expect(expansionsOf('force a password change on first login')).not.toContain('jit provisioning');
    expect(expansionsOf('stop the SDK retrying requests')).not.toContain('recover from failed events');
    // a custom domain that does not verify is not an organization domain
    expect(expansionsOf('custom domain still not verified')).not.toContain(
      'initiate verification for existing domain',
    );
  });
});
