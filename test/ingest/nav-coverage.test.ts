import { describe, expect, it } from 'vitest';
import type { Doc, NavArea, NavNode } from '../../src/corpus/types.js';
import { completeNavigation } from '../../src/ingest/nav-coverage.js';

function doc(path: string, title: string, breadcrumb: string[] = []): Doc {
  return {
    path,
    title,
    description: '',
    breadcrumb,
    url: `https://workos.com/docs/${path}`,
    product: path.split('/')[0],
    kind: 'guide',
    markdown: '',
    sections: [],
    reference: [],
    source: 'test',
  };
}

const paths = (nodes: NavNode[]): string[] =>
  nodes.flatMap((n) => [...(n.path ? [n.path] : []), ...paths(n.children)]);

describe('completeNavigation', () => {
  const nav: NavArea[] = [
    {
      product: 'sso',
      title: 'Single Sign-On',
      children: [
        { title: 'Overview', path: 'sso', children: [] },
        { title: 'Guide', path: 'sso/guide', children: [] },
        { title: 'Errors', path: 'sso/guide/old-place/errors', children: [] },
      ],
    },
    { product: 'integrations', title: 'Integrations', children: [] },
  ];
  const docs = [
    doc('sso', 'SSO'),
    doc('sso/guide', 'Guide'),
    doc('sso/guide/errors', 'Errors'),
    doc('sso/guide/deep', 'Deep page'),
    doc('sso/single-logout', 'Single Logout'),
    doc('integrations/okta-saml', 'Okta SAML'),
    doc('integrations/entra-id-saml', 'Entra ID SAML'),
    doc('integrations/saml', 'SAML'),
    doc('integrations/okta-scim', 'Okta SCIM'),
    doc('integrations/bubble', 'Bubble Plugin'),
    doc('glossary', 'Glossary', ['Home']),
    doc('sdks/python', 'Python SDK', ['Sdks']),
    doc('sdks/authkit-nextjs', 'AuthKit Next.js', ['SDKs']),
    doc('sdks/authkit-react', 'AuthKit React', ['SDKs']),
    doc('sdks/authkit-js', 'AuthKit JavaScript', ['SDKs']),
  ];
  const out = completeNavigation(nav, docs);
  const area = (p: string) => out.find((a) => a.product === p)!;

  it('puts every doc in the navigation, and every navigation path is a doc', () => {
    const listed = new Set(out.flatMap((a) => paths(a.children)));
    expect(docs.filter((d) => !listed.has(d.path)).map((d) => d.path)).toEqual([]);
    expect([...listed].filter((p) => !docs.some((d) => d.path === p))).toEqual([]);
  });

  it('keeps the navigation order first and never changes its input', () => {
    expect(
      area('sso')
        .children.slice(0, 3)
        .map((n) => n.path),
    ).toEqual(['sso', 'sso/guide', 'sso/guide/errors']);
    expect(nav[1].children).toEqual([]);
    expect(nav[0].children[2].path).toBe('sso/guide/old-place/errors');
  });

  it('points a dead link at the unlisted doc it meant', () => {
    expect(area('sso').children[2]).toMatchObject({ title: 'Errors', path: 'sso/guide/errors' });
  });

  it('puts a page under the listed page its path extends, else under "More pages"', () => {
    expect(area('sso').children[1].children.map((n) => n.path)).toEqual(['sso/guide/deep']);
    expect(area('sso').children.at(-1)).toMatchObject({
      title: 'More pages',
      children: [{ path: 'sso/single-logout', title: 'Single Logout' }],
    });
  });

  it('groups pages that share a name part, titled as the pages spell it', () => {
    expect(area('integrations').children).toEqual([
      {
        title: 'SAML',
        children: [
          { title: 'Entra ID SAML', path: 'integrations/entra-id-saml', children: [] },
          { title: 'Okta SAML', path: 'integrations/okta-saml', children: [] },
          { title: 'SAML', path: 'integrations/saml', children: [] },
        ],
      },
      {
        title: 'Other pages',
        children: [
          { title: 'Bubble Plugin', path: 'integrations/bubble', children: [] },
          { title: 'Okta SCIM', path: 'integrations/okta-scim', children: [] },
        ],
      },
    ]);
    expect(area('sdks').children.map((n) => n.title)).toEqual(['AuthKit', 'Other pages']);
  });

  it('gives every product an area titled by its own page or its pages’ breadcrumb', () => {
    expect(out.map((a) => a.product)).toEqual(['sso', 'integrations', 'glossary', 'sdks']);
    expect(area('glossary')).toEqual({
      product: 'glossary',
      title: 'Glossary',
      children: [{ title: 'Glossary', path: 'glossary', children: [] }],
    });
    expect(area('sdks').title).toBe('SDKs');
  });
});
