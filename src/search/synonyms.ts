import { phraseKeys } from './phrase.js';

/**
 * WorkOS vocabulary: names developers use for the same thing. Each group lists equivalent phrases;
 * a query containing one phrase is also searched (at reduced weight) for the others. Entries after
 * `=>` are one-way: the left side expands to the right, never the reverse (so "google" does not
 * drag in "g suite" for a Google OAuth question).
 */
const GROUPS: string[] = [
  // Identity providers and their renames
  'azure ad | azure active directory | entra id | microsoft entra id | microsoft entra | entra | aad | azure',
  'g suite | gsuite | google workspace | google apps => google',
  'adfs | ad fs | microsoft ad fs | active directory federation services | microsoft adfs',
  'ping => pingfederate | pingone',
  'pingfederate | ping federate',
  'pingone | ping one | ping identity',
  'onelogin | one login',
  'jumpcloud | jump cloud',
  'okta workforce => okta',
  'office 365 | o365 | microsoft 365 | m365 => microsoft | entra id',
  'shibboleth | shib',
  'login.gov | login gov',
  'next auth | nextauth | next-auth | auth.js | authjs',
  // Products and features
  'sso | single sign-on | single sign on | enterprise sso',
  'scim | directory sync | directory provisioning | dsync | directory-sync | user provisioning',
  'provisioning => directory sync | scim',
  'mfa | 2fa | multi-factor | multifactor | two-factor | two factor | totp | authenticator app | one-time password | otp',
  'magic link | magic auth | magic-auth | magicauth | passwordless | email code | one-time code | magic code',
  'user management | usermanagement | authkit',
  'webhook | webhooks | event | events',
  'org | orgs | organization | organisations | organisation | tenant | tenants',
  'rbac | roles and permissions | role-based access control | role based access control',
  'fga | fine-grained authorization | fine grained authorization | zanzibar | rebac | relationship-based access control',
  'idp | identity provider',
  'sp | service provider',
  'jit | just-in-time | just in time',
  'social login | oauth | social connection | sign in with',
  'oidc | openid connect | openid',
  'sign in | signin | sign-in | log in | login',
  'sign out | signout | sign-out | log out | logout',
  'sign up | signup | sign-up | register | registration',
  'passkey | passkeys | webauthn | fido2',
  'audit log | audit logs | audit trail | activity log',
  'siem | log stream | log streams | audit log streaming',
  'entitlements | feature gating | feature gate => feature flags',
  'workspace | workspaces => organization',
  'vanity url => custom domain',
  'admin portal | self-serve setup | self service setup | setup link',
  'impersonation | impersonate | login as user',
  // signing in as somebody else is what the docs call impersonating them (or still signing in)
  'log in as | sign in as | login as | signin as | logged in as | signed in as => impersonation | login | sign in',
  'domain verification | verify domain | dns txt record | domain ownership',
  'byok | bring your own key | customer managed keys | cmk',
  'vault | encryption | encrypt data | secrets storage',
  'feature flag | feature flags | feature toggle | feature toggles',
  'redirect uri | callback url | redirect url | callback uri',
  'jwt | json web token',
  'jwks | json web key set | public keys',
  'pkce | proof key for code exchange | code verifier | code challenge',
  'm2m | machine to machine | machine-to-machine | client credentials',
  'rate limit | rate limits | throttling | too many requests | 429',
  'pagination | paginate | paging | cursor',
  'nextjs | next.js | next js',
  'node | nodejs | node.js | javascript | typescript',
  'dotnet | .net | c# | csharp',
  'golang => go',
  'radar | bot protection | fraud detection | brute force protection',
  'cli auth | device authorization | device code | device flow',
  'invite | invitation | invitations | invite user',
  'inbox | inboxes | mailbox | mailboxes',
  'empty | null | blank',
  'arrive | receive | deliver | delivery',
  'email verification | verify email | email confirmation',
  'password reset | forgot password | reset password',
  'custom domain | custom domains | cname | vanity domain | white label domain',
  'branding | custom branding | theme | logo | brand',
  'deprovision | deprovisioning | offboard | offboarding | deactivate user',
  'session | sessions | session cookie',
  'access token | jwt access token',
  'hris | hr system | hr integration',
  'api key | api keys | secret key',
  'sdk | client library | library',
  'pipes | connected accounts | third-party tokens',
  'mcp | model context protocol',
  // The operations of the API reference under the words developers use for them ("remove an org" is
  // "Delete an organization")
  'delete | remove',
  'update | modify | edit',
  'fetch | retrieve | look up => get',
  'add => create',
  // Irregular verb forms: the stemmer joins "sends" and "sending" but not "sent" ("an invitation
  // sent without an organization" answers "what if I send an invitation without one")
  'send | sent',
  'build | built',
  'pay | paid',
  'find | found',
  'make | made',
  'write | wrote | written',
  'choose | chose | chosen',
  'take | took | taken',
  'give | gave | given',
  'begin | began | begun',
  'break | broke | broken',
  'forget | forgot | forgotten',
  'hide | hid | hidden',
  'lose | lost',
  'mean | meant',
  'keep | kept',
  'hold | held',
  'show | shown',
  'know | knew | known',
];

export interface SynonymRule {
  /** Phrase keys (see phraseKeys) that trigger the rule. */
  from: string[];
  /** Phrases to add to the query when triggered. */
  to: string[];
}

/** Parsed rules: each trigger phrase with what it expands to. */
export function synonymRules(groups: readonly string[] = GROUPS): SynonymRule[] {
  const rules: SynonymRule[] = [];
  for (const group of groups) {
    const [left, right] = group.split('=>');
    const lhs = left
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean);
    if (right !== undefined) {
      const rhs = right
        .split('|')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const phrase of lhs) rules.push(rule(phrase, rhs));
    } else {
      for (const phrase of lhs) rules.push(rule(phrase, lhs));
    }
  }
  return rules.filter((r) => r.from.length > 0 && r.to.length > 0);
}

/** A rule whose expansions exclude spellings that analyse to the trigger itself ("orgs" for "org"). */
function rule(phrase: string, candidates: string[]): SynonymRule {
  const from = phraseKeys(phrase);
  const key = from.join(' ');
  const seen = new Set([key]);
  const to: string[] = [];
  for (const c of candidates) {
    const k = phraseKeys(c).join(' ');
    if (seen.has(k)) continue;
    seen.add(k);
    to.push(c);
  }
  return { from, to };
}

export interface SynonymMatch {
  /** Index of the first and one past the last query word the phrase covers. */
  start: number;
  end: number;
  expansions: string[];
}

/**
 * Finds synonym phrases in a query's word keys. Longer phrases win over the shorter ones they
 * contain ("azure active directory" over "azure").
 */
export function findSynonyms(queryKeys: readonly string[], rules: readonly SynonymRule[]): SynonymMatch[] {
  const matches: SynonymMatch[] = [];
  const byStart = new Map<number, SynonymMatch>();
  for (const rule of rules) {
    const n = rule.from.length;
    for (let i = 0; i + n <= queryKeys.length; i++) {
      let ok = true;
      for (let j = 0; j < n && ok; j++) ok = queryKeys[i + j] === rule.from[j];
      if (!ok) continue;
      const existing = byStart.get(i);
      if (existing && existing.end - existing.start > n) continue;
      if (existing && existing.end - existing.start === n) {
        existing.expansions = [...new Set([...existing.expansions, ...rule.to])];
        continue;
      }
      const m = { start: i, end: i + n, expansions: [...rule.to] };
      byStart.set(i, m);
    }
  }
  for (const m of [...byStart.values()].sort((a, b) => a.start - b.start)) {
    const last = matches[matches.length - 1];
    if (last && m.start < last.end) {
      if (m.end - m.start > last.end - last.start) matches[matches.length - 1] = m;
      continue;
    }
    matches.push(m);
  }
  return matches;
}
