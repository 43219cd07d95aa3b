import { describe, expect, it } from 'vitest';
import {
  absoluteDocLink,
  docPathFromFile,
  isDocumentFile,
  kindOf,
  navLinkToPath,
  productOf,
} from '../../src/ingest/doc-paths.js';

describe('doc paths', () => {
  it.each([
    ['sso/index.mdx', 'sso'],
    ['sso/jit-provisioning.mdx', 'sso/jit-provisioning'],
    ['reference/organization/create.mdx', 'reference/organization/create'],
    ['index.mdx', ''],
    ['glossary.md', 'glossary'],
  ])('%s -> %s', (file, path) => expect(docPathFromFile(file)).toBe(path));

  it('skips navigation, partials and demo pages', () => {
    expect(isDocumentFile('sso/_navigation.mdx')).toBe(false);
    expect(isDocumentFile('sso/_sequence-diagrams/x.md')).toBe(false);
    expect(isDocumentFile('demo/sign-in.mdx')).toBe(false);
    expect(isDocumentFile('sso/ux/sign-in.mdx')).toBe(true);
  });

  it.each([
    ['reference/sso/profile', 'reference'],
    ['integrations/okta-saml', 'integration'],
    ['glossary', 'glossary'],
    ['migrate/auth0', 'migration'],
    ['changelog/fga', 'changelog'],
    ['sdks/authkit-nextjs', 'sdk'],
    ['sso/jit-provisioning', 'guide'],
  ])('kind of %s is %s', (path, kind) => expect(kindOf(path)).toBe(kind));

  it('takes the product from the first segment', () => {
    expect(productOf('reference/organization/create')).toBe('reference');
    expect(productOf('email')).toBe('email');
  });
});

describe('absoluteDocLink', () => {
  it.each([
    ['/authkit/domain-verification', 'https://workos.com/docs/authkit/domain-verification'],
    ['/authkit/domain-verification#x', 'https://workos.com/docs/authkit/domain-verification#x'],
    ['/sso/', 'https://workos.com/docs/sso'],
    ['/reference/organization/index', 'https://workos.com/docs/reference/organization'],
    ['/', 'https://workos.com/docs'],
    ['/docs/images/a.png', 'https://workos.com/docs/images/a.png'],
    ['#metadata', 'https://workos.com/docs/events#metadata'],
    ['./api-keys', 'https://workos.com/docs/api-keys'],
    ['admin-portal', 'https://workos.com/docs/admin-portal'],
    ['https://github.com/workos', 'https://github.com/workos'],
    ['mailto:support@workos.com', 'mailto:support@workos.com'],
    ['//cdn.example.com/x', '//cdn.example.com/x'],
  ])('%s -> %s', (url, expected) => expect(absoluteDocLink(url, undefined, 'events')).toBe(expected));

  it('resolves ./ and ../ against the current page', () => {
    expect(absoluteDocLink('../sso', undefined, 'authkit/sso/setup')).toBe(
      'https://workos.com/docs/authkit/sso',
    );
  });
});

describe('navLinkToPath', () => {
  it('normalises docs links and rejects external ones', () => {
    expect(navLinkToPath('/sso/test-sso')).toBe('sso/test-sso');
    expect(navLinkToPath('/reference/')).toBe('reference');
    expect(navLinkToPath('/sso/index')).toBe('sso');
    expect(navLinkToPath('https://workos.com/blog')).toBeUndefined();
  });
});
