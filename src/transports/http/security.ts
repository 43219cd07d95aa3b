/**
 * Request guards, as pure functions over header values so they are testable without a socket.
 * Each returns undefined when the request may proceed, or the refusal to send.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export interface Refusal {
  status: number;
  message: string;
  headers?: Record<string, string>;
}

/** `Host: evil.example.com:3000` -> { hostname: 'evil.example.com', port: '3000' }; undefined when unparsable. */
function parseHost(value: string): { hostname: string; port: string } | undefined {
  try {
    const url = new URL(`http://${value}`);
    // URL drops default ports; an explicit ":80" still means port 80 for matching.
    const explicitPort = /:(\d+)$/.exec(value)?.[1] ?? '';
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return undefined;
    return { hostname: url.hostname.toLowerCase(), port: url.port || explicitPort };
  } catch {
    return undefined;
  }
}

/** An allow-list entry without a port matches any port; with one, only that port. */
function hostAllowed(value: string, allowed: readonly string[]): boolean {
  if (allowed.includes('*')) return true;
  const parsed = parseHost(value);
  if (!parsed) return false;
  return allowed.some((entry) => {
    const want = parseHost(entry);
    if (!want) return false;
    return want.hostname === parsed.hostname && (want.port === '' || want.port === parsed.port);
  });
}

/** DNS-rebinding protection: a browser tricked into calling us still sends the attacker's name as Host. */
export function checkHost(host: string | undefined, allowedHosts: readonly string[]): Refusal | undefined {
  if (allowedHosts.includes('*')) return undefined;
  if (!host) return { status: 403, message: 'Forbidden: missing Host header' };
  if (!hostAllowed(host, allowedHosts)) {
    return {
      status: 403,
      message: `Forbidden: Host "${host.slice(0, 100)}" is not allowed (see --allowed-hosts)`,
    };
  }
  return undefined;
}

/**
 * Browsers send Origin on cross-site requests; other clients usually send none, which is fine.
 * With an explicit allow-list the whole origin must match; by default its host must pass the Host allow-list.
 */
export function checkOrigin(
  origin: string | undefined,
  allowedOrigins: readonly string[] | undefined,
  allowedHosts: readonly string[],
): Refusal | undefined {
  if (origin === undefined) return undefined;
  const refusal = {
    status: 403,
    message: `Forbidden: Origin "${origin.slice(0, 100)}" is not allowed (see --allowed-origins)`,
  };
  if (allowedOrigins) {
    if (allowedOrigins.includes('*') || allowedOrigins.includes(origin.toLowerCase().replace(/\/$/, '')))
      return undefined;
    return refusal;
  }
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return refusal;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refusal;
  return hostAllowed(url.host, allowedHosts) ? undefined : refusal;
}

/** Hashing both sides first makes the comparison constant-time even when the lengths differ. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** A checker bound to one token, so the expected digest is computed once. */
export function bearerChecker(
  token: string | undefined,
): (authorization: string | undefined) => Refusal | undefined {
  if (token === undefined) return () => undefined;
  const expected = digest(token);
  const challenge = 'Bearer realm="workos-docs-mcp"';
  return (authorization) => {
    const match = authorization === undefined ? null : /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
    if (!match) {
      return {
        status: 401,
        message: 'Unauthorized: send "Authorization: Bearer <token>"',
        headers: { 'WWW-Authenticate': challenge },
      };
    }
    if (!timingSafeEqual(digest(match[1]), expected)) {
      return {
        status: 401,
        message: 'Unauthorized: invalid token',
        headers: { 'WWW-Authenticate': `${challenge}, error="invalid_token"` },
      };
    }
    return undefined;
  };
}
