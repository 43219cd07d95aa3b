/**
 * HTTP endpoints as exact keys. `GET /organizations` and `/organizations` must find the endpoint's
 * reference page, not every page that says "organization", so endpoints get their own field whose
 * terms are whole keys: `ep:/organizations` and `ep:get /organizations`. Path parameters are
 * wildcards (`:id`, `{id}` and `<id>` all become `*`) so the docs' and the user's spellings agree.
 */

const METHODS = 'GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS';
const ENDPOINT_IN_TEXT = new RegExp(
  `(?:\\b(${METHODS})\\s+)?(?:https?://[^\\s/]+)?(/[A-Za-z0-9_\\-./:{}<>]+)`,
  'gi',
);

export const ENDPOINT_PREFIX = 'ep:';

export function normalizeEndpointPath(path: string): string {
  const segments = path
    .split('?')[0]
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => (/^:|^\{.*\}$|^<.*>$/.test(s) ? '*' : s.toLowerCase()));
  return `/${segments.join('/')}`;
}

/** Index/query keys for one endpoint. */
export function endpointKeys(path: string, method?: string): string[] {
  const p = normalizeEndpointPath(path);
  if (p === '/') return [];
  const keys = [`${ENDPOINT_PREFIX}${p}`];
  if (method) keys.push(`${ENDPOINT_PREFIX}${method.toLowerCase()} ${p}`);
  return keys;
}

export interface EndpointMention {
  text: string;
  keys: string[];
}

/** Endpoints written in a query: `POST /user_management/authenticate`, `/sso/token`, a full API URL. */
export function endpointsInQuery(query: string): EndpointMention[] {
  const out: EndpointMention[] = [];
  for (const m of query.matchAll(ENDPOINT_IN_TEXT)) {
    const path = m[2].replace(/[.,;:]+$/, '');
    // a lone "/word" without a method is still an endpoint, but "and/or" never reaches here (needs a leading slash)
    const keys = endpointKeys(path, m[1]);
    if (keys.length > 0) out.push({ text: m[0].trim(), keys: keys.reverse() });
  }
  return out;
}
