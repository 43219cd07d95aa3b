import { describe, expect, it } from 'vitest';
import { bearerChecker, checkHost, checkOrigin } from '../../src/transports/http/security.js';
import { resolveHttpOptions } from '../../src/transports/http/options.js';

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

describe('checkHost', () => {
  it('accepts loopback names on any port and refuses others', () => {
    expect(checkHost('127.0.0.1:3000', LOOPBACK)).toBeUndefined();
    expect(checkHost('localhost', LOOPBACK)).toBeUndefined();
    expect(checkHost('[::1]:8080', LOOPBACK)).toBeUndefined();
    expect(checkHost('evil.example.com:3000', LOOPBACK)?.status).toBe(403);
    expect(checkHost('127.0.0.1.evil.com', LOOPBACK)?.status).toBe(403);
    expect(checkHost(undefined, LOOPBACK)?.status).toBe(403);
    expect(checkHost('a@127.0.0.1', LOOPBACK)?.status).toBe(403);
  });

  it('pins the port when the allow-list entry has one', () => {
    expect(checkHost('docs.example.com:443', ['docs.example.com:443'])).toBeUndefined();
    expect(checkHost('docs.example.com:8443', ['docs.example.com:443'])?.status).toBe(403);
    expect(checkHost('DOCS.example.com', ['docs.example.com'])).toBeUndefined();
  });

  it("accepts anything with '*'", () => {
    expect(checkHost('whatever.test', ['*'])).toBeUndefined();
  });
});

describe('checkOrigin', () => {
  it('lets requests without Origin through (non-browser clients)', () => {
    expect(checkOrigin(undefined, undefined, LOOPBACK)).toBeUndefined();
  });
  it('by default accepts origins whose host passes the Host allow-list', () => {
    expect(checkOrigin('http://localhost:5173', undefined, LOOPBACK)).toBeUndefined();
    expect(checkOrigin('http://evil.example.com', undefined, LOOPBACK)?.status).toBe(403);
    expect(checkOrigin('null', undefined, LOOPBACK)?.status).toBe(403);
    expect(checkOrigin('file://localhost', undefined, LOOPBACK)?.status).toBe(403);
  });
  it('uses an explicit origin list exactly', () => {
    const list = ['https://app.example.com'];
    expect(checkOrigin('https://app.example.com', list, LOOPBACK)).toBeUndefined();
    expect(checkOrigin('http://app.example.com', list, LOOPBACK)?.status).toBe(403);
    expect(checkOrigin('http://localhost:3000', list, LOOPBACK)?.status).toBe(403);
  });
});

describe('bearerChecker', () => {
  const check = bearerChecker('s3cret-token-0123456789');
  it('accepts the right token only', () => {
    expect(check('Bearer s3cret-token-0123456789')).toBeUndefined();
    expect(check('bearer s3cret-token-0123456789')).toBeUndefined();
    expect(check('Bearer s3cret-token-012345678')?.status).toBe(401);
    expect(check('Bearer s3cret-token-01234567890')?.status).toBe(401);
    expect(check('Basic czNjcmV0')?.status).toBe(401);
  });
  it('challenges with WWW-Authenticate and says which problem it is', () => {
    expect(check(undefined)?.headers?.['WWW-Authenticate']).toBe('Bearer realm="workos-docs-mcp"');
    expect(check('Bearer nope')?.headers?.['WWW-Authenticate']).toContain('error="invalid_token"');
  });
  it('lets everything through when no token is configured', () => {
    expect(bearerChecker(undefined)(undefined)).toBeUndefined();
  });
});

describe('resolveHttpOptions', () => {
  it('defaults to loopback with the loopback allow-list', () => {
    const o = resolveHttpOptions({});
    expect(o.host).toBe('127.0.0.1');
    expect(o.port).toBe(3000);
    expect(o.allowedHosts).toEqual(LOOPBACK);
    expect(o.maxBodyBytes).toBe(1024 * 1024);
    expect(o.corsOrigins).toEqual([]);
  });
  it('refuses a public bind without an explicit Host allow-list', () => {
    expect(() => resolveHttpOptions({ host: '0.0.0.0' })).toThrow(/--allowed-hosts/);
    expect(resolveHttpOptions({ host: '0.0.0.0', allowedHosts: ['docs.example.com'] }).allowedHosts).toEqual([
      'docs.example.com',
    ]);
  });
  it('refuses bad numbers and short tokens with the flag name', () => {
    expect(() => resolveHttpOptions({ port: 70000 })).toThrow(/--port/);
    expect(() => resolveHttpOptions({ maxBodyBytes: 0 })).toThrow(/--max-body/);
    expect(() => resolveHttpOptions({ token: 'short' })).toThrow(/--token/);
  });
});
