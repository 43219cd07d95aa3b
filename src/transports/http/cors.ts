/** CORS is off unless the operator lists origins: a docs server rarely needs browser callers. */
import type { ServerResponse } from 'node:http';

const ALLOW_HEADERS =
  'Content-Type, Accept, Authorization, Mcp-Protocol-Version, Mcp-Session-Id, Last-Event-ID';

export function corsAllows(origin: string | undefined, corsOrigins: readonly string[]): origin is string {
  if (origin === undefined || corsOrigins.length === 0) return false;
  return corsOrigins.includes('*') || corsOrigins.includes(origin.replace(/\/$/, ''));
}

/** Adds the response headers for an allowed cross-origin caller (actual request or preflight). */
export function applyCors(
  res: ServerResponse,
  origin: string,
  corsOrigins: readonly string[],
  preflight: boolean,
): void {
  res.setHeader('Access-Control-Allow-Origin', corsOrigins.includes('*') ? '*' : origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Expose-Headers', 'Mcp-Session-Id, Mcp-Protocol-Version, WWW-Authenticate');
  if (preflight) {
    res.setHeader('Access-Control-Allow-Methods', 'POST, GET, DELETE, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
  }
}
