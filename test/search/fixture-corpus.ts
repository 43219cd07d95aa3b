import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE_FORMAT_VERSION, loadBundle, saveBundle } from '../../src/corpus/bundle.js';
import type { Corpus, Doc, DocKind, ReferenceEntry, Section } from '../../src/corpus/types.js';
import { buildSearchIndex } from '../../src/search/index.js';

/** A section from Markdown: heading line parsed, identifiers from inline code. */
export function section(markdown: string, parents: string[] = []): Section {
  const m = /^(#{1,6})\s+(.*)$/m.exec(markdown.split('\n')[0] ?? '');
  const heading = m ? m[2].trim() : '';
  const identifiers = [...markdown.matchAll(/`([^`\n]+)`/g)].map((x) => x[1]);
  return {
    anchor: heading
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, ''),
    heading,
    depth: m ? m[1].length : 0,
    headingPath: heading ? [...parents, heading] : parents,
    markdown,
    identifiers,
  };
}

export interface DocSpec {
  path: string;
  title: string;
  description?: string;
  kind?: DocKind;
  sections: string[];
  reference?: ReferenceEntry[];
}

export function doc(spec: DocSpec): Doc {
  const product = spec.path.split('/')[0];
  const sections = spec.sections.map((md) => section(md, [spec.title]));
  return {
    path: spec.path,
    title: spec.title,
    description: spec.description ?? '',
    breadcrumb: [product],
    url: `https://workos.com/docs/${spec.path}`,
    product,
    kind: spec.kind ?? 'guide',
    markdown: spec.sections.join('\n\n'),
    sections,
    reference: spec.reference ?? [],
    source: 'fixture',
  };
}

export function corpus(docs: Doc[], checksum = 'fixture-checksum'): Corpus {
  return {
    manifest: {
      formatVersion: 1,
      builtAt: '2026-01-01T00:00:00.000Z',
      sources: [],
      counts: {
        docs: docs.length,
        sections: docs.reduce((n, d) => n + d.sections.length, 0),
        referenceEntries: 0,
        examples: 0,
        changelogEntries: 0,
        unresolvedReferences: 0,
      },
      checksum,
    },
    docs,
    nav: [],
    examples: [],
    changelogs: [],
  };
}

export function refEntry(
  partial: Partial<ReferenceEntry> & Pick<ReferenceEntry, 'id' | 'language' | 'title'>,
): ReferenceEntry {
  return { parameters: [], properties: [], returns: [], markdown: '', ...partial };
}

/** A small WorkOS-like corpus covering the cases the unit tests need. */
export function fixtureCorpus(): Corpus {
  return corpus([
    doc({
      path: 'integrations/entra-id-saml',
      title: 'Microsoft Entra ID SAML',
      description: 'Learn how to configure a connection to Microsoft Entra ID via SAML.',
      kind: 'integration',
      sections: [
        'Microsoft Entra ID (formerly Azure Active Directory) is a cloud identity provider.',
        '## Create an enterprise application\n\nIn the Entra admin center, create a new enterprise application and choose SAML.',
        '## Upload metadata\n\nCopy the App Federation Metadata URL into the WorkOS Dashboard.',
      ],
    }),
    doc({
      path: 'integrations/entra-id-scim',
      title: 'Microsoft Entra ID SCIM',
      description: 'Provision users from Microsoft Entra ID with SCIM.',
      kind: 'integration',
      sections: ['Set up a SCIM directory with Microsoft Entra ID to provision users and groups.'],
    }),
    doc({
      path: 'integrations/okta-saml',
      title: 'Okta SAML',
      description: 'Configure an Okta SAML connection.',
      kind: 'integration',
      sections: ['Create a SAML 2.0 app in Okta and copy the IdP metadata into WorkOS.'],
    }),
    doc({
      path: 'magic-link',
      title: 'Magic Link',
      description: 'Passwordless authentication with a one-time link sent by email.',
      sections: [
        'Magic Link lets users sign in with a link sent to their email address.',
        '## Create a passwordless session\n\nCall `createSession` with the email address, then `sendSession` to email the link.',
      ],
    }),
    doc({
      path: 'authkit/magic-auth',
      title: 'Magic Auth',
      description: 'Passwordless sign-in with a six-digit code.',
      sections: ['Magic Auth sends a one-time code to the user.'],
    }),
    doc({
      path: 'events/data-syncing/webhooks',
      title: 'Webhooks',
      description: 'Receive events from WorkOS over HTTP.',
      sections: [
        'Webhooks deliver events to your endpoint.',
        '## Validate webhook signatures\n\nVerify the `WorkOS-Signature` header with `constructEvent` before trusting the payload. Unverified payloads may be forged.',
      ],
    }),
    doc({
      path: 'reference/authkit/authentication/code',
      title: 'Authenticate with code',
      description: 'Authenticates a user using an authorization code.',
      kind: 'reference',
      sections: ['Exchange the code from the redirect for a user and tokens.'],
      reference: [
        refEntry({
          id: 'authenticate_with_code',
          language: 'curl',
          title: 'POST /user_management/authenticate',
          httpMethod: 'POST',
          endpoint: '/user_management/authenticate',
        }),
        refEntry({
          id: 'authenticate_with_code',
          language: 'js',
          title: 'userManagement.authenticateWithCode()',
          parameters: [
            { name: 'clientId', description: '' },
            { name: 'codeVerifier', description: '' },
          ],
        }),
        refEntry({
          id: 'authenticate_with_code',
          language: 'python',
          title: 'user_management.authenticate_with_code()',
        }),
      ],
    }),
    doc({
      path: 'reference/sso/get-authorization-url',
      title: 'Get Authorization URL',
      description: 'Generates an OAuth 2.0 authorization URL to start SSO.',
      kind: 'reference',
      sections: ['Build the URL that sends the user to their identity provider.'],
      reference: [
        refEntry({ id: 'get_authorization_url', language: 'js', title: 'sso.getAuthorizationUrl()' }),
        refEntry({ id: 'get_authorization_url', language: 'python', title: 'sso.get_authorization_url()' }),
        refEntry({
          id: 'get_authorization_url',
          language: 'dotnet',
          title: 'ssoService.GetAuthorizationURL()',
        }),
        refEntry({
          id: 'get_authorization_url',
          language: 'curl',
          title: 'GET /sso/authorize',
          httpMethod: 'GET',
          endpoint: '/sso/authorize',
        }),
      ],
    }),
    doc({
      path: 'reference/sso/get-authorization-url/error-codes',
      title: 'Error codes',
      kind: 'reference',
      sections: [
        '### Error codes\n\n| Error code | Description |\n| --- | --- |\n| `profile_not_allowed_outside_organization` | A profile was received with an email outside the organization domain. |\n| `connection_invalid` | There is no connection for the provided ID. |',
      ],
    }),
    doc({
      path: 'directory-sync/understanding-events',
      title: 'Understanding events',
      description: 'Directory Sync events and their lifecycle.',
      sections: [
        '## Group membership\n\nWhen a user joins a group WorkOS sends `dsync.group.user_added`; on removal `dsync.group.user_removed`.',
      ],
    }),
    doc({
      path: 'sso',
      title: 'Single Sign-On',
      description: 'Enterprise SSO with SAML and OpenID Connect.',
      sections: ['Single Sign-On lets your customers sign in with their identity provider.'],
    }),
    doc({
      path: 'email',
      title: 'Email delivery',
      description: 'Emails WorkOS sends.',
      sections: [
        'WorkOS sends many emails. Among other things, an email can carry a sign-in link for SSO users, a password reset, or an invitation. Configure the sender domain in the dashboard.',
      ],
    }),
    doc({
      path: 'migrate/other',
      title: 'Migrate from another provider',
      description: 'Import users with the WorkOS API.',
      kind: 'migration',
      sections: [
        '## Import users\n\nCall `workos.userManagement.createUser` for each user:\n\n```js\nawait workos.userManagement.createUser({ email });\nawait workos.userManagement.createUser({ email, firstName });\n```',
      ],
    }),
    doc({
      path: 'reference/authkit/user/create',
      title: 'Create a user',
      description: 'Create a new user in the current environment.',
      kind: 'reference',
      sections: ['Creates a user.'],
      reference: [
        refEntry({ id: 'create_user', language: 'js', title: 'userManagement.createUser()' }),
        refEntry({ id: 'create_user', language: 'ruby', title: 'UserManagement.create_user()' }),
        refEntry({
          id: 'create_user',
          language: 'curl',
          title: 'POST /user_management/users',
          httpMethod: 'POST',
          endpoint: '/user_management/users',
        }),
      ],
    }),
    doc({
      path: 'reference/organization',
      title: 'Organization',
      description: 'An organization is a collection of users.',
      kind: 'reference',
      sections: ['The organization object. Organizations group users, domains and connections.'],
    }),
    doc({
      path: 'reference/organization/get',
      title: 'Get an Organization',
      description: 'Get the details of an existing organization.',
      kind: 'reference',
      sections: ['Returns the organization with the given id. Every organization has an id and a name.'],
      reference: [
        refEntry({ id: 'get_organization', language: 'js', title: 'organizations.getOrganization()' }),
        refEntry({
          id: 'get_organization',
          language: 'curl',
          title: 'GET /organizations/:id',
          httpMethod: 'GET',
          endpoint: '/organizations/:id',
        }),
      ],
    }),
    doc({
      path: 'vault',
      title: 'Vault',
      description: 'Encrypted storage for your customers data.',
      sections: ['Vault stores secrets with per-organization keys.'],
    }),
    doc({
      path: 'reference/vault/key/encrypt-data',
      title: 'Encrypt data',
      kind: 'reference',
      sections: ['Encrypts data with a Vault data key. Vault returns the ciphertext.'],
      reference: [refEntry({ id: 'encrypt', language: 'js', title: 'vault.encrypt()' })],
    }),
    doc({
      path: 'authkit/invitations',
      title: 'Invitations',
      description: 'Invite users to your application.',
      sections: ['Send an invitation by email; the user accepts it to join the organization.'],
    }),
    doc({
      path: 'authkit/impersonation',
      title: 'Impersonation',
      description: 'Sign in as one of your users to help them.',
      sections: ['Impersonation lets an admin act as a user; the session carries an impersonator field.'],
    }),
    doc({
      path: 'mfa',
      title: 'Multi-Factor Authentication',
      description: 'Add a second factor with TOTP or SMS.',
      sections: [
        'Enroll an authentication factor with a TOTP authenticator app, then challenge it at sign-in.',
      ],
    }),
    doc({
      path: 'sso/_navigation',
      title: 'Navigation',
      sections: ['Single Sign-On Magic Link Webhooks'],
    }),
  ]);
}

/** The corpus's search index as a server gets it: written into a bundle file and loaded back. */
export function storedIndex(c: Corpus): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'wdm-index-'));
  try {
    const file = join(dir, 'corpus.json');
    const { checksum: _checksum, ...manifest } = c.manifest;
    saveBundle(
      file,
      { ...manifest, formatVersion: BUNDLE_FORMAT_VERSION },
      {
        docs: c.docs,
        nav: c.nav,
        examples: c.examples,
        changelogs: c.changelogs,
        searchIndex: buildSearchIndex(c),
      },
    );
    return loadBundle(file).searchIndex;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
