/** The bench's call mix: deterministic, so runs compare. */

export type Call = { tool: string; arguments: Record<string, unknown> };

const QUERIES = [
  'sso',
  'SAML connection setup',
  'directory sync webhooks',
  'create organization',
  'audit logs export',
  'user management magic auth',
  'redirect uri',
  'list users pagination',
  'admin portal link',
  'MFA totp enroll',
  'organization domains verification',
  'roles and permissions',
  'session cookie nextjs',
  'event types dsync',
  'okta scim',
  'rate limits',
  'api keys',
  'authkit hosted ui',
  'refresh token',
  'webhook signature',
];
const LANGUAGES = ['node', 'python', 'ruby', 'go', 'java', undefined];

/** A deterministic mix: 40% search, 30% docs, 15% examples, 15% changelogs. */
export function buildCalls(count: number, docPaths: string[]): Call[] {
  const calls: Call[] = [];
  for (let i = 0; i < count; i += 1) {
    const r = i % 20;
    const q = QUERIES[i % QUERIES.length];
    if (r < 8) calls.push({ tool: 'workos_search', arguments: { query: q } });
    else if (r < 14)
      calls.push({ tool: 'workos_docs', arguments: { path: docPaths[(i * 7) % docPaths.length] } });
    else if (r < 17) {
      const language = LANGUAGES[i % LANGUAGES.length];
      calls.push({ tool: 'workos_examples', arguments: language ? { query: q, language } : { query: q } });
    } else calls.push({ tool: 'workos_changelogs', arguments: i % 2 === 0 ? {} : { query: 'sso' } });
  }
  return calls;
}
