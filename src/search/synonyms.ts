import { phraseKeys } from './phrase.js';
import { STOP_WORDS, stem } from './tokenize.js';

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
  // a browser app without a framework is what the AuthKit JavaScript library is for
  'vanilla js | vanilla javascript | plain javascript | plain js | without a framework | no framework => authkit javascript library',
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
  // Developers' words for concepts the docs name otherwise, area by area; each right side is the docs'
  // own title, heading or parameter name (one-way, so the docs' term does not drag in the plain words)
  // SSO
  'app tile | idp dashboard | identity provider dashboard | from okta dashboard => idp-initiated sso',
  'slo | single log out | single sign out | federated logout => single logout',
  'login csrf | consent screen => sign-in consent',
  'certificate rotation | rotate certificate | rotate the certificate | expiring certificate | expired certificate | cert expired | certificate expired => renewing certificates | certificate expiration',
  'test idp | mock idp | fake idp | sandbox idp => test identity provider',
  'go live | go-live | going to production | production readiness | go to production => launch checklist',
  'whitelist | allow list | allowlisting | whitelisting => allowlist',
  'ip whitelist | firewall rules => ip allowlist',
  'claim mapping | map claims | attribute mapping | map attributes | extra attributes | custom fields | extra fields => custom attributes | metadata',
  'email domain does not match | other email domains => allowing any domain | allow profiles outside organization',
  // Directory Sync
  'suspended users | suspended user | disabled users | disabled user | inactive user => inactive users',
  'resync | re-sync | backfill | out of sync | catch up | catch back up => data reconciliation | reconciliation',
  'group mapping | map groups | group to role | groups to roles => group role assignment | role assignment',
  // AuthKit
  'login page | sign-in page | sign in page | login screen | sign-in screen | hosted login | prebuilt login => hosted ui',
  'i18n | l10n | internationalization | internationalisation => localization',
  'dark mode | light mode => light and dark theme',
  'account linking | link accounts | merge accounts | duplicate accounts | duplicate users | same email => identity linking',
  'disable signup | disable sign up | disable sign-up | disable public signup | no public signup | invite only | invite-only => invite-only signup | disabling signup',
  'auto join | auto-join | autojoin | automatically join => jit provisioning | automated memberships',
  'custom claim | custom claims | extra claims | add claims | token claims => jwt templates',
  'custom user data | extra user data | additional user data | store data on a user | additional information about users => metadata',
  'my own id | our own id | our id | my id | internal id | database id | our user id => external id | external identifier',
  'force sso | enforce sso | enforcing sso | require sso | requiring sso | mandatory sso | sso only | sso-only => requiring sso by default | domain policy | sso required',
  'disposable email | disposable emails | burner email | throwaway email | temporary email => disposable email domains',
  'credential stuffing | password spraying | too many failed logins | failed login attempts => brute force',
  'new device | unknown device => unrecognized device',
  'different country | geo velocity | geovelocity => impossible travel',
  'fake accounts | fake signups | duplicate signups => repeat sign up',
  'dormant account | dormant accounts | inactive account | inactive accounts => stale accounts',
  'block an ip | block ip | block an email | allow an ip | bypass radar => custom restrictions',
  'switch org | switch orgs | switch organization | switch organizations | switch tenant | change active organization | org switcher | tenant switcher | account switcher => switching organizations | organization switcher',
  'session timeout | session expiry | session expiration | session lifetime | session duration | session length | idle timeout => inactivity timeout | maximum session length | configuring sessions',
  'logout redirect | after logout | post-logout redirect | redirect after logout | redirect after sign out => sign-out redirect',
  'log out everywhere | sign out everywhere | force logout | kill session | terminate session => revoke session',
  'extra scopes | additional scopes | more scopes | request scopes => custom oauth scopes',
  'external contractors | contractors | freelancers | consultants | non-employees => sso with contractors | guest',
  'remove from org | remove from organization | remove a member | remove member | kick out => delete an organization membership | deactivate an organization membership',
  'smtp | own email provider | our email provider | email service provider => custom email providers',
  'send our own emails | send my own emails | disable workos emails | turn off emails | turn off default emails => disabling default emails | send your own email',
  'spam folder | junk folder | marked as spam | goes to spam | bounced | bounce | bounces | not delivered => suppressions | email delivery',
  // being an OAuth provider, not using one: "which OAuth providers a user linked" means Google, GitHub
  'act as an oauth provider | be an oauth provider | become an oauth provider | our own oauth provider | as an oauth provider | oauth server | authorization server | identity provider for other apps | sign in with my app | third-party apps => connect | oauth applications',
  'seat count | seats | per seat | per-seat | seat-based => seat sync',
  'import users | import existing users | bulk import | user import | password hashes | hashed passwords => migrating to authkit | migrations',
  'multi-tenant | multitenant | multi tenant | single-tenant | b2b vs b2c => modeling your app | single-tenant and multi-tenant models',
  'password rules | password complexity | password policy | password requirements | password length | password strength => password strength policy',
  // AuthKit: developers' words, second pass
  'logged out after | kicked out after | signed out after | keeps logging out | keep getting logged out | have to sign in again | have to log in again => maximum session length | configuring sessions',
  'access token lifetime | access token expiry | access token expiration | access token expires => access token duration | configuring sessions',
  'session expires | session expired | sessions expire | session ends | session last | session lasts | sessions last | log in every day | sign in every day => maximum session length | configuring sessions',
  'new access token | renew the access token | access token expired | expired access token => refresh token',
  'store the access token | store access token | store the tokens | store tokens => integrating sessions | secure cookie',
  'which languages | what languages | supported languages | languages supported => localization',
  'upload favicon | upload a favicon | upload logo | upload a logo | upload our logo => assets',
  'first name optional | last name optional | name optional | require first name | require last name => page settings',
  'marketing panel | side panel | second column | two columns | two-column | marketing content => split layouts | page layout',
  'style a specific page | specific page css | css for one page | target a specific page => customize a specific page',
  'magic auth code valid | magic code valid | magic auth code expire | magic code expire => one-time-use codes expire | enabling magic auth',
  'require mfa | require 2fa | enforce mfa | enforce 2fa | mandatory mfa | require authenticator app | require two-factor | require multi-factor => enabling mfa | multi-factor authentication',
  'automatically added | added automatically | auto add | auto-add | auto-added => jit provisioning | automated memberships',
  'turn off automatic membership | disable automatic membership | disable jit | turn off jit | disable auto join | turn off auto join => disabling jit provisioning',
  'restrict sign in methods | restrict login methods | limit login methods | limit sign in methods | allowed login methods | only allow google | only allow password => organization authentication policies | organization policy',
  'password login disappeared | password option disappeared | password option missing | password login missing | password field missing | only login option | only sign in option => requiring sso by default',
  "cannot impersonate | can't impersonate | impersonation disabled | enable impersonation | turn on impersonation => enabling impersonation",
  'impersonation logged | impersonation audit | audit impersonation | track impersonation | who impersonated => auditing impersonation usage',
  'profile picture | profile photo | avatar => provider-driven user profile updates | profile picture',
  'office ip | office ip range | corporate ip range | our ip range | office network | corporate network => custom restrictions',
  'access token too large | access token too big | token too large | token too big | cookie too large | cookie too big => size limits | jwt templates',
  'override the sub claim | override sub | change the sub claim | reserved claim | reserved claims => reserved keys restriction',
  'sync users into organizations | provision users into organizations | scim with authkit | directory sync with authkit => directory provisioning',
  'how many client secrets | number of client secrets | multiple client secrets | two client secrets => credentials',
  // OAuth's "public client" (a browser or mobile app that cannot keep a secret) is the docs' "public applications"
  'public client | public clients | public oauth client => public applications',
  // Auth0 calls its code hooks actions, rules and hooks
  'custom code before | run code before | run custom code | pre-signup hook | pre signup hook | pre-registration hook | signup hook | login hook | auth hook | auth hooks | blocking webhook => actions',
  'terminal app | cli app | cli tool | cli application | command-line app | command line app | command-line tool | command line tool | log in from the terminal | login from terminal => cli auth',
  'same user twice | created twice | two separate users | two separate accounts | two users with the same email => identity linking',
  'suspend a user | suspend user | suspend users => deactivate an organization membership | deactivation',
  'organization for every new user | organization for each new user | organization for every signup | organization for each signup | org per user | organization per user | personal organization | personal workspace => creating organizations for new users',
  'who owns the data | owns the data | data belongs to | data stays with => organization access',
  'haveibeenpwned | have i been pwned | hibp => breached passwords | password strength policy',
  'cors error | cors errors | blocked by cors | cors policy | cross-origin error => configure cors',
  'client registers itself | clients register themselves | client registration => client id metadata document | cimd',
  // Organizations, roles and permissions, FGA
  'custom roles per customer | per-customer roles | per-tenant roles | customer-defined roles | tenant-specific roles => organization roles',
  'global role | global roles | app-wide role | environment-wide role | environment wide role => environment role',
  'resource-level permissions | per-resource roles | object-level permissions | document-level access | row-level access | resource level access => fine-grained authorization | role assignment',
  'permission check | permissions check | authorization check | check access => access checks | check authorization',
  'who has access | who can access | which users can access | users with access => list users for a resource | resource discovery | list memberships for a resource',
  'inherit permissions | permissions inheritance | parent and child | nested folders => hierarchical permission inheritance | permission inheritance',
  // Audit Logs
  'how long are logs kept | data retention | log retention | keep logs => retention',
  'csv export | export to csv | download logs | download audit logs => exporting events | export',
  'event schema | validate metadata | metadata validation => metadata schema',
  'change event format | change an event | new event version | version events => editing events | event version',
  // events still checked against a schema that was changed: the docs' event versions
  'old schema | old shape | previous schema | changed the schema | changed the metadata schema | schema change => editing events | event version',
  // Events and webhooks
  'webhook signature | signing secret | verify webhook | validate webhook | webhook secret | hmac => validate the requests | workos-signature',
  'webhook retry | webhook retries | redeliver | redelivery | failed deliveries | failed webhooks | missed webhooks | missed events => recover from failed events | retry',
  'out of order | out-of-order | event ordering | wrong order => out-of-sequence events',
  'duplicate webhook | duplicate webhooks | received twice | same event twice => ignore duplicate events | idempotent',
  'poll for events | pull events => events api',
  // SSO, Directory Sync, events, Admin Portal, domains, email: developers' words, second pass
  'okta tile | idp tile | app launcher | tile in idp | tile in okta | click the tile | clicking the tile | unsolicited saml response | unsolicited response => idp-initiated sso',
  'relay state => relaystate | configure idp-initiated sso',
  'different email domain | email domain mismatch | mismatched email domain | wrong email domain | non-matching email domain => email validation | profile_not_allowed_outside_organization',
  'log out of okta | log out of the idp | logout from the idp | sign out of the idp | logged out of the idp => single logout | rp-initiated logout | idp-initiated logout',
  'sso login attempt | sso login attempts | sso attempt | sso attempts | sso login history | sso logs => sso sessions | sso session lifecycle',
  'sso login stuck | stuck at the idp | abandoned login => in progress | timed out',
  'first sso login | first sso sign in | auto create accounts | auto-create accounts | auto-create users | create users automatically | create account on first login => jit provisioning | new account creation',
  'sso confirmation screen | interstitial page | interstitial screen => sign-in consent',
  'certificate expiring | cert expiring | certificate expires | certificate about to expire | rotated its certificate | rotated its signing cert | new signing certificate => renewing certificates | certificate expiration',
  'works in staging | works in sandbox | fails in production | broken in production => launch checklist | go-live checklist',
  'callback url mismatch | redirect uri mismatch | redirect url mismatch | mismatched redirect uri => redirect uris | redirect uri',
  'workos ip addresses | workos ips | workos ip ranges | allow redirects from workos => ip allowlist | create an ip allowlist',
  // Directory Sync
  'new hire | new hires | new employee joins => dsync.user.created | provisioning',
  'configure scim themselves | set up scim themselves | set up directory sync themselves | configure directory sync themselves => admin portal | setup link',
  'deactivated in okta | deactivated in the directory | deactivated in entra | deactivated in azure | disappeared from workos | users disappear => inactive users | handle inactive users',
  'directory deleted | directory disconnected | disconnected their directory | directory removed => dsync.deleted',
  'nightly job | nightly sync | periodic sync | scheduled sync | sync job => periodic reconciliation | data reconciliation',
  // Events and webhooks
  'sent again and again | keeps getting resent | keep retrying | keeps retrying => recover from failed events | retry',
  'endpoint was down | endpoint is down | endpoint went down | webhook endpoint down => recover from failed events',
  'only some event types | specific event types | certain event types | filter event types => select event types | register your endpoint',
  'too many webhooks | flood of webhooks | webhooks overwhelming | spike of webhooks | webhook spike => respond to events immediately | api vs. webhooks',
  'webhook timing out | webhook timeout | webhook times out | slow webhook handler => respond to events immediately',
  'webhooks on localhost | webhooks locally | webhooks to localhost | local webhook | local webhooks => ngrok | test your endpoint',
  'hide webhook url | secret webhook url | guess webhook url | unguessable url | random webhook url => obfuscate your endpoint url',
  'webhooks or polling | polling or webhooks | polling instead of webhooks | webhooks vs polling | polling vs webhooks => api vs. webhooks | events api',
  'lost my cursor | lose the cursor | lost cursor | lost the cursor | worker crashed | stopped processing | resume processing | pick up where left off => if your app stops processing events | range_start',
  // Admin Portal and domains
  'setup link expired | setup link expires | setup link expiry | admin portal invite | invite admin => setup link from workos dashboard | generate a setup link',
  'finish sso setup | finished sso setup | finished setting up sso | after finishing setup => return_url | configure admin portal redirect links',
  'domain failed to verify | txt record not found | txt record not detected | txt record never detected => initiate verification for existing domain',
  'verify domain without dns | verify without dns | manually verify domain | skip dns verification => manual | verification_strategy | manually added',
  // Vault
  'optimistic concurrency | optimistic locking | compare and swap | compare-and-swap | concurrent update | concurrent updates | concurrent writes | lost update | stale write | only if unchanged | if nobody changed => version_check | version check',
  'envelope encryption | data encryption key | dek => data key | data keys',
  'kms | aws kms | hsm | own encryption keys | own keys => byok | bring your own key | enterprise key management',
  // Widgets
  'embeddable components | embeddable ui | drop-in components | prebuilt components | react components | ui components => widgets',
  'account settings page | profile page | edit profile => user profile widget',
  'active sessions | signed-in devices | logged in devices => user sessions widget',
  'security settings | change password page => user security widget',
  'team members page | members page | manage team members | team management => user management widget',
  'widget token | token for widgets => authorization tokens | widget token',
  // Custom domains, API keys, deployment
  'own domain for login | branded login | login on our domain | auth subdomain => authkit domain | custom domain',
  'sender domain | from address | sender address => email domain',
  'customer api keys | api keys for customers | personal access token | personal access tokens | organization api keys => api keys | organization api key',
  'on-premise | on-prem | on premise | self-hosted | air-gapped | air gapped | behind a firewall => on-prem deployment',
  'test environment | sandbox environment | dev environment => staging environment',
  // production and staging are the names of a WorkOS team's environments
  'production | staging => environment',
  'rollout | gradual rollout | beta access | beta users | target users => feature flags | targeting',
  // Errors, limits, lists
  'unauthorized | unauthenticated | invalid api key | wrong api key => 401 | api authentication',
  'forbidden | insufficient permissions | not permitted => 403',
  'unprocessable | unprocessable entity | validation error | validation failed => 422',
  'server error | internal server error | service unavailable => 5xx',
  'requests per second | requests per minute | request quota | api quota | api limits | request limit => rate limits',
  'next page | page size | more than 100 | page through | all pages => pagination',
  // Memberships and users
  'soft delete | soft-delete | suspend membership | suspend a member | temporarily remove => deactivate an organization membership | deactivation',
  'hard delete | hard-delete | permanently remove | permanently delete => delete an organization membership | deletion',
  'restore membership | restore a member | undo deactivation | bring back a member => reactivate an organization membership',
  'confirm email | confirm their email | unverified email | email not verified => email verification',
  'leaked password | leaked passwords | pwned passwords | compromised password | compromised passwords => breached passwords | password strength policy',
  'refresh token rotation | token rotation | rotate refresh token => refresh token',
  'captcha | recaptcha | hcaptcha => bot detection',
  'login code | sign-in code | signin code | code by email => magic auth',
  'email template | email templates | customize emails | customize the email => custom emails',
  'auth guard | route guard | require login | require authentication | protect a page | protect pages | protect routes | protect a route => protected routes',
  'currently logged in user | who is logged in | who is signed in => access authentication data',
  'cookie secret | session secret | cookie password | cookie encryption key => session password',
  'mobile app | native app | ios app | android app => native mobile application',
  'dynamic client registration | dcr => client id metadata document | cimd',
  // Directory Sync and events
  'leaves the company | left the company | employee leaves | employee left | leaves the organization => deprovisioning | offboarding',
  'added to group | added to a group => dsync.group.user_added',
  'removed from group | removed from a group => dsync.group.user_removed',
  'scim token | scim bearer token => bearer token',
  'test webhook | test webhooks | webhook test | trigger a test event => send test event | test your endpoint',
  'idempotency key | idempotency keys => idempotency | idempotent',
  // SSO setup words
  'assertion consumer service | assertion consumer service url => acs url',
  'metadata xml | metadata file | federation metadata | saml metadata => idp metadata',
  // Roles
  'role precedence | role hierarchy | which role wins | conflicting roles => priority order | role source priority',
  'more than one role | several roles | two roles => multiple roles',
  // a value that comes back after being changed is one source overriding another
  'flips back | flipped back | changes back | changed back | reverts | reverted | gets overwritten | got overwritten | keeps getting replaced | gets replaced | keeps getting reset => override | take precedence | priority',
  // giving one person a role is assigning it
  'make someone an | make someone a | make them an | make them a | make a user an | make a user a | give someone the | give them the | give a user the => assign | role assignment',
  // how much of something is allowed
  'cap | caps | ceiling | upper bound => limit | maximum',
  // Vault
  'secrets manager | secret manager | store secrets | store credentials | sensitive data | encrypt at rest => vault',
  'key per tenant | per-tenant key | per-tenant keys | keys per customer | tenant isolation => key context',
  'secret history | previous value | previous values | old versions => object versions | list object versions',
  // Admin Portal, Audit Logs, domains, attributes, Pipes, Connect
  'configure sso themselves | set up sso themselves | customer self-service | self-service portal | let the it admin => admin portal | setup link',
  'who did what | activity history | user activity history => audit logs',
  'record an action | log an action | track actions | track user actions => emit events | create event',
  'company domain | corporate domain | work email domain => organization domain | verified domains',
  'job title | department | manager email | employee number | cost center => predefined attributes | custom attributes',
  'kill switch => feature flags',
  'own oauth app | own oauth application | our own oauth app | my own oauth app | own client id | own oauth credentials => shared credentials | custom credentials',
  'third-party api tokens | third party tokens | access their github | access their slack | connect their github | connect their slack => pipes | connected accounts',
  'rotate client secret | client secret rotation => client secrets',
  'opaque token | opaque tokens => token introspection',
  // FGA, RBAC, Audit Logs, Vault, Widgets, Pipes, reference: developers' words, second pass
  // FGA resource types and resources
  'how deep | nesting depth | nesting levels | levels deep | tree depth => maximum depth | hierarchy rules',
  'add parent type | new parent type | add parent types => adding parent types',
  'two parents | multiple parents | belong to two | more than one parent => single parent | hierarchy rules',
  'move a resource | move a project | move a workspace | reparent | re-parent => changing parent relationships | keeping resources in sync',
  'has children | with children | delete children | delete everything under => cascade_delete | child resources',
  'how many resources | number of resources | resource limit | max resources | maximum resources => soft limit | what to model as resources',
  'unique across organizations | unique per organization | same external id => external ids | unique within a resource type',
  'own project id | own resource id | own workspace id => resource_external_id | external ids',
  'millions of files | millions of documents | millions of rows | millions of records | millions of messages | per-file permissions | per-document permissions | file-level permissions | file level access => high-cardinality entities',
  // FGA roles, assignments, checks; permissions only add up, there is no deny
  'deny permission | deny rule | deny rules | explicit deny | negative permission | negative permissions | deny override => permissions are additive | how access is evaluated',
  'except one | except this one | all except => permission assignment | coming soon',
  'team of users | group of users | assign a team | assign a group => user groups and teams',
  'access go away | access goes away | lose access | loses access | lost access | still have access | keep access => cascading events | access is revoked',
  'revoke access | remove access | take away access | revoke user access | revoke their access | remove user access => remove an assignment | access is revoked',
  'without api call | no api call | skip api call => fast path with jwt claims | jwt (fast)',
  'eventually consistent | eventual consistency | propagation delay => strong consistency',
  'latency | p95 | p99 | fast enough | how fast => performance | sub-50ms',
  // resource-scoped roles are left out of the access token, and a changed role reaches it on refresh
  "not in token | missing from token | not in jwt | missing from jwt | not in access token | missing from access token | aren't in token | isn't in token | not included in token => why only organization-level roles | session refresh",
  'old permissions | stale permissions | outdated permissions | stale token => when roles change | session refresh',
  'membership id from jwt | membership id in jwt | membership id in token | membership id from token | user id instead => fga and organization memberships | organization membership id',
  'include inherited | inherited users | inherited access => indirect assignments | assignment=indirect',
  'who can view | who can edit | who can see => list users for a resource | resource discovery',
  'hide edit button | hide the button | hide buttons | show or hide | hide ui elements => showing or hiding ui',
  'filter a list | filter list | filter results by permission => filtering lists',
  'resources a user can | projects a user can | what can this user access => list resources for a user',
  'without authkit | own auth | own authentication | existing auth system | bring our own auth => standalone integration',
  'no access by default | start with no access | deny by default => default organization role | no permissions',
  'without a role | no role assigned | without any role => at least one role | default role',
  // RBAC
  'rename role | change role slug | rename role slug => immutable',
  'role still shows | role still showing | role still there | role still assigned => deletion is asynchronous',
  'naming convention | naming conventions | how to name => naming scheme | pattern',
  'allowed characters | which characters | valid characters | special characters => delimiters',
  'role overridden | role overwritten | roles overridden | overridden by idp | overwritten by idp | idp overrides | idp overwrites => take precedence | role source priority',
  'logs in again | log in again | signs in again | sign in again => re-authenticates | next sign-in',
  'in two groups | in multiple groups | in several groups | member of two groups => priority order | conflicting roles',
  'multiple roles to single role | back to single role | disable multiple roles | turn off multiple roles => priority order | single role configuration',
  'group no mapping | group without mapping | no role mapping | unmapped group | unmapped groups | group not mapped => default role assignments | explicit role mapping',
  'role of directory user | directory user role | directory user roles | role on directory user => role slugs | integrating with directory sync',
  // Audit Logs
  'firewall blocking | blocked by firewall | source ip addresses => ip allowlist',
  'stream stopped | log stream stopped | stopped streaming | stream not delivering | stream paused => stream states | state transitions',
  'logs to my own | logs to our own | logs to any | logs to custom => generic https',
  'keep audit logs | store audit logs | audit logs stored | audit logs kept | audit log retention => retention | retention_period_in_days',
  'audit log event types | audit event types | audit log actions => list actions',
  'after editing schema | after changing schema | after updating schema => emitting event with version',
  // Vault
  'change key context | update key context | modify key context => update the value of the object | key context',
  'two writers | concurrent writers => version check | consistency lock',
  'undo delete object | restore deleted object | recover deleted object | restore deleted secret | recover deleted secret | undelete => marked for deletion',
  'create keys before | create keys first | keys in advance => created just-in-time | key matching',
  'no key configured | no cmk | without cmk | no customer key => automatic fallback',
  'enable byok | turn on byok | set up byok | configure byok => byok configuration | configuration',
  'gcp kms | google cloud kms | azure key vault => compatible key management systems | prerequisites',
  'without decrypting | details without decrypting => retrieve metadata',
  // Widgets, Pipes, Feature Flags
  'cross-origin | cross origin => cors',
  'sign out other devices | log out other devices => user sessions widget',
  'embed sso setup | sso setup in my app | sso setup inside my app => sso connection widget',
  'mfa from settings page | mfa in settings page | mfa settings page => user security widget',
  'in french | in german | in spanish | in japanese | other languages | different language | multiple languages => localization',
  'reconnect their account | reconnect account | re-connect => reauthorize',
  'flag toggled | flag is toggled | flag changes => flag lifecycle events | rule updates and targeting changes',
  'flag for everyone | flag for all users | flag for all organizations | flag for all customers => rule setting',
  // API keys, MCP, reference
  'api key scopes | scope an api key | scopes for api keys | api key permissions => configuring available permissions | organization api key permissions',
  'check an api key | verify an api key | verify api key | authenticate an api key => validate api key | validating api keys',
  'api key revoked | api key created => api_key.revoked | api_key.created | auditing api key usage',
  'claude | claude desktop | claude code | chatgpt | llm client | llm clients | ai assistant | ai assistants => mcp | model context protocol',
  'protect mcp server | secure mcp server => token verification',
  'lost my api key | lost api key | see api key again | view api key again | api key shown once | key shown once => viewed once | in production',
  'api key in browser | api key in frontend | api key client-side | expose api key | exposed api key | leaked api key | api key leaked => secure your api keys | client-side code',
  'oldest first | newest first | sort order | ascending order | descending order => pagination | order',
  'next batch | next set of results | more results | load more | results per page => pagination | limit',
  // The operations of the API reference under the words developers use for them ("remove an org" is
  // "Delete an organization")
  'delete | remove',
  'update | modify | edit',
  // "change the role a member has" is the Update call; one-way, since "changes" also describes symptoms
  'change | changing => update',
  'fetch | retrieve | look up => get',
  // signing a given user in is what the reference calls authenticating them
  'sign them in | signs them in | sign someone in | signs someone in | sign a user in | sign the user in | log them in | logs them in | log someone in | logging someone in | log a user in | log the user in => authenticate | sign in',
  'add => create',
  // "Update an object value": writing a new value over the old one
  'overwrite | overwrites | overwriting => update | set',
  // what a server does to a request it will not take: people say "refuses", the docs "reject"
  'refuse | refuses | refused | refusing => reject | rejects | rejected',
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

declare const __WDM_SYNONYM_RULES__: SynonymRule[] | undefined;

/**
 * The shipped table's rules. The bundles carry them already parsed (scripts/bundle.ts), as they do
 * the analyzer's fingerprint: analysing every phrase of the table was a third of the CPU of a fresh
 * process's first search. Running from source or tsc's output, they are parsed on first use.
 */
export function defaultSynonymRules(): SynonymRule[] {
  return typeof __WDM_SYNONYM_RULES__ === 'object' && __WDM_SYNONYM_RULES__ !== null
    ? __WDM_SYNONYM_RULES__
    : synonymRules();
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
  /** Query words stepped over inside the phrase ("remove *the* member"). */
  gaps: number;
  /** Of those, the content words (see MAX_CONTENT_GAP): query keys that stay concepts of their own. */
  skipped: number[];
  expansions: string[];
}

/**
 * Stop words a phrase may step over between two of its words, at most this many in a row: "remove
 * the member", "switch their org" and "force SSO" are the same phrase.
 */
const MAX_GAP = 2;
/**
 * Content words a phrase of at least MIN_WORDS_FOR_CONTENT_GAP words may step over, in all: "catch
 * our *database* back up" is still catching back up and "only if nobody *else* changed it" still
 * only if nobody changed. A two-word phrase with a word inside is usually something else ("switch
 * *billing* org", "sign *certificate* up"), so it never steps over one.
 */
const MAX_CONTENT_GAP = 1;
const MIN_WORDS_FOR_CONTENT_GAP = 3;
let stopKeys: ReadonlySet<string> | undefined;
const isStopKey = (key: string): boolean =>
  (stopKeys ??= new Set([...STOP_WORDS].map((w) => stem(w)))).has(key);

/**
 * One past the last query key of the phrase `from` matched at `start`, or -1; the content words
 * stepped over go to `skipped`.
 */
function matchAt(
  queryKeys: readonly string[],
  start: number,
  from: readonly string[],
  skipped: number[],
): number {
  let k = start;
  let content = from.length >= MIN_WORDS_FOR_CONTENT_GAP ? MAX_CONTENT_GAP : 0;
  for (let j = 0; j < from.length; j++) {
    for (let gap = 0; j > 0 && gap < MAX_GAP && k < queryKeys.length && queryKeys[k] !== from[j]; gap++) {
      if (isStopKey(queryKeys[k])) k++;
      else if (content > 0) {
        content--;
        skipped.push(k++);
      } else break;
    }
    if (queryKeys[k] !== from[j]) return -1;
    k++;
  }
  return k;
}

const firstKeyIndex = new WeakMap<readonly SynonymRule[], Map<string, SynonymRule[]>>();

/** Rules by their first word, in table order: a query word is compared with the few rules it can start. */
function rulesByFirstKey(rules: readonly SynonymRule[]): Map<string, SynonymRule[]> {
  let index = firstKeyIndex.get(rules);
  if (!index) {
    index = new Map();
    for (const rule of rules) {
      const list = index.get(rule.from[0]);
      if (list) list.push(rule);
      else index.set(rule.from[0], [rule]);
    }
    firstKeyIndex.set(rules, index);
  }
  return index;
}

/**
 * Finds synonym phrases in a query's word keys. Longer phrases win over the shorter ones they
 * contain ("azure active directory" over "azure").
 */
export function findSynonyms(queryKeys: readonly string[], rules: readonly SynonymRule[]): SynonymMatch[] {
  const matches: SynonymMatch[] = [];
  const byStart = new Map<number, SynonymMatch>();
  const byFirst = rulesByFirstKey(rules);
  for (let i = 0; i < queryKeys.length; i++) {
    for (const rule of byFirst.get(queryKeys[i]) ?? []) {
      const n = rule.from.length;
      if (i + n > queryKeys.length) continue;
      const skipped: number[] = [];
      const end = matchAt(queryKeys, i, rule.from, skipped);
      if (end < 0) continue;
      const span = end - i;
      const existing = byStart.get(i);
      if (existing && existing.end - existing.start > span) continue;
      if (existing && existing.end - existing.start === span) {
        existing.expansions = [...new Set([...existing.expansions, ...rule.to])];
        continue;
      }
      const m = { start: i, end, gaps: span - n, skipped, expansions: [...rule.to] };
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
