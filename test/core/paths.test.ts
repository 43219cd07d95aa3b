import { describe, expect, it } from 'vitest';
import { parseDocAddress } from '../../src/core/paths.js';
import { InvalidArgumentError } from '../../src/core/errors.js';

describe('parseDocAddress', () => {
  it.each([
    ['sso', 'sso'],
    ['/sso', 'sso'],
    ['sso/', 'sso'],
    ['sso/index', 'sso'],
    ['sso.mdx', 'sso'],
    ['sso/index.mdx', 'sso'],
    ['/docs/sso', 'sso'],
    ['https://workos.com/docs/sso', 'sso'],
    ['https://www.workos.com/docs/sso/jit-provisioning?ref=x', 'sso/jit-provisioning'],
    ['workos-docs://docs/sso/jit-provisioning', 'sso/jit-provisioning'],
    ['SSO/JIT-Provisioning', 'sso/jit-provisioning'],
    ['', ''],
    ['/', ''],
  ])('%s -> %s', (input, path) => {
    expect(parseDocAddress(input).path).toBe(path);
  });

  it('keeps the anchor', () => {
    expect(parseDocAddress('sso#how-single-sign-on-works')).toEqual({
      path: 'sso',
      anchor: 'how-single-sign-on-works',
    });
  });

  it.each(['../../package.json', 'sso/../../etc/passwd', '%2e%2e/%2e%2e/package.json', 'sso\0', './sso'])(
    'refuses %j',
    (input) => {
      expect(() => parseDocAddress(input)).toThrow(InvalidArgumentError);
    },
  );

  it('refuses huge input with a short message', () => {
    const err = (() => {
      try {
        parseDocAddress('a'.repeat(1_000_000));
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect(err!.message.length).toBeLessThan(200);
  });
});
