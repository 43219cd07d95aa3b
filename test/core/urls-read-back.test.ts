import { beforeAll, describe, expect, it } from 'vitest';
import type { Doc, Section } from '../../src/corpus/types.js';
import type { Runtime } from '../../src/core/index.js';
import { docAtSitePath, sectionAtSitePath, siteSlug } from '../../src/core/section-paths.js';
import { DocsError, describeError } from '../../src/core/errors.js';
import { MCP_FACE } from '../../src/server/face.js';
import { urlKey } from '../../src/core/doc-urls.js';
import { read, readDoc } from '../fixtures/operations.js';
import { realRuntime } from '../fixtures/real-runtime.js';

// Issue 15 item 4: every URL we print reads back. A doc's own URL with its section anchors (SDK
// READMEs print their repository, https://github.com/workos/authkit-nextjs#…), and every link in
// the text of every doc: the docs link to each other by the site's section paths
// (workos.com/docs/authkit/sessions/configuring-sessions/sign-out-redirect), with the site's slugs
// (dsync-activated for `dsync.activated`), and by paths the site has since renamed.
let runtime: Runtime;
beforeAll(async () => {
  runtime = await realRuntime();
});

/**
 * Links in the source docs to pages the docs bundle does not have (nor the site, as far as the
 * bundle tells): each must answer "No doc" with the page that covers it among the suggestions.
 */
const DEAD_IN_SOURCE: Record<string, string> = {
  'https://workos.com/docs/authkit/roles': 'authkit/roles-and-permissions',
  'https://workos.com/docs/authkit/nextjs#configure-initiate-login-uri': 'sdks/authkit-nextjs',
  'https://workos.com/docs/reference/pipes/connected-account/finish-connection':
    'reference/pipes/connected-account/',
  'https://github.com/workos/authkit-sveltekit#setup': 'installation',
};

/** Links (not images) in a doc's text: Markdown links and bare URLs. */
function links(markdown: string): string[] {
  const out: string[] = [];
  for (const m of markdown.matchAll(/(!?)\[[^\]]*\]\(([^)\s]+)\)|<?(https?:\/\/[^\s)>\]"'`]+)/g)) {
    if (m[1] !== '!') out.push(m[2] ?? m[3]);
  }
  return out;
}

describe('every doc URL we print reads back', () => {
  it('each doc’s own URL, and with each section anchor, reads that doc and section', () => {
    const bad: string[] = [];
    for (const doc of runtime.corpus.docs) {
      for (const s of [undefined, ...doc.sections.filter((x) => x.anchor)]) {
        const url = s ? `${doc.url}#${s.anchor}` : doc.url;
        try {
          const page = readDoc(runtime, { path: url });
          if (page.path !== doc.path || (s && page.section?.anchor !== s.anchor)) bad.push(url);
        } catch {
          bad.push(url);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(readDoc(runtime, { path: 'https://github.com/workos/authkit-nextjs/tree/main' }).path).toBe(
      'sdks/authkit-nextjs',
    );
  });

  it('every link to a doc in the text of every doc reads a doc or an area, and its section', async () => {
    const docKeys = new Set(runtime.corpus.docs.map((d) => urlKey(d.url)));
    const seen = new Map<string, string>();
    for (const doc of runtime.corpus.docs)
      for (const section of doc.sections)
        for (const url of links(section.markdown)) {
          const workosDocs = /^https?:\/\/(?:www\.)?workos\.com\/docs(?:[/#]|$)/i.test(url);
          const files = /\/docs\/(?:assets|images)\//.test(url);
          const ownUrl = /^https?:/.test(url) && docKeys.has(urlKey(url.split('#')[0]));
          if (url.startsWith('#')) seen.set(`${doc.path}${url}`, doc.path);
          else if ((workosDocs && !files) || ownUrl) seen.set(url, doc.path);
        }
    // Several hundred links: the test reads them all, not a sample.
    expect(seen.size).toBeGreaterThan(800);
    const bad: string[] = [];
    const dead: Record<string, string> = {};
    for (const [url, from] of seen) {
      try {
        const answer = await read(runtime, { path: url });
        if (answer.kind === 'doc' && url.includes('#') && !answer.page.section)
          bad.push(`${url} (in ${from}): no section`);
      } catch (err) {
        const message = err instanceof DocsError ? describeError(err, MCP_FACE) : String(err);
        if (url in DEAD_IN_SOURCE) dead[url] = message;
        else bad.push(`${url} (in ${from}): ${message.split('\n')[0]}`);
      }
    }
    expect(bad).toEqual([]);
    // The dead links are still in the source (else drop them here), and each error points the way.
    expect(Object.keys(dead).sort()).toEqual(Object.keys(DEAD_IN_SOURCE).sort());
    for (const [url, hint] of Object.entries(DEAD_IN_SOURCE)) expect(dead[url]).toContain(hint);
  });

  it('reads the section a site path names, as the site slugs it', async () => {
    const cases: [string, string, string][] = [
      [
        'https://workos.com/docs/authkit/sessions/configuring-sessions/sign-out-redirect',
        'authkit/sessions',
        'sign-out-redirect',
      ],
      // Not de-duplicated in a path; our anchor for the second "Custom attributes" is `-1`.
      [
        'https://workos.com/docs/directory-sync/attributes/custom-attributes/custom-attributes',
        'directory-sync/attributes',
        'custom-attributes-1',
      ],
      [
        'https://workos.com/docs/directory-sync/understanding-events/directory-events/dsync-activated',
        'directory-sync/understanding-events',
        'dsyncactivated',
      ],
      ['https://workos.com/docs/glossary/oauth-2-0', 'glossary', 'oauth-20'],
      // Renamed: user-management became AuthKit; a deeper heading since renamed reads its parent.
      [
        'https://workos.com/docs/user-management/sessions/configuring-sessions/logout-redirect',
        'authkit/sessions',
        'configuring-sessions',
      ],
      [
        'https://workos.com/docs/reference/organization-domain',
        'reference/domain-verification',
        'organization-domain',
      ],
      ['https://workos.com/docs/rbac/assignments/idp-role-assignment', 'rbac/idp-role-assignment', ''],
      ['sdks/authkit-nextjs#middleware-auth', 'sdks/authkit-nextjs', 'proxy--middleware-auth'],
      [
        'directory-sync/understanding-events#dsync-activated',
        'directory-sync/understanding-events',
        'dsyncactivated',
      ],
    ];
    for (const [url, path, anchor] of cases) {
      const answer = await read(runtime, { path: url });
      expect(answer.kind, url).toBe('doc');
      if (answer.kind !== 'doc') continue;
      expect(`${answer.page.path}#${answer.page.section?.anchor ?? ''}`, url).toBe(`${path}#${anchor}`);
    }
  });
});

describe('site paths (our own fixture)', () => {
  const section = (depth: number, heading: string, anchor: string): Section => ({
    anchor,
    heading,
    depth,
    headingPath: [heading],
    markdown: `${'#'.repeat(depth)} ${heading}`,
    identifiers: [],
  });
  const doc = {
    path: 'guide',
    sections: [
      section(0, '', ''),
      section(2, 'Setup', 'setup'),
      section(3, 'Install (node, ruby)', 'install-node-ruby'),
      section(2, 'Usage', 'usage'),
      section(3, 'Install (node, ruby)', 'install-node-ruby-1'),
      section(3, 'user.created', 'usercreated'),
    ],
  } as unknown as Doc;

  it('follows the heading path, then a path that skips levels, then the deepest level it names', () => {
    expect(sectionAtSitePath(doc, ['usage', 'install'])).toBe('install-node-ruby-1');
    expect(sectionAtSitePath(doc, ['setup', 'install'])).toBe('install-node-ruby');
    expect(sectionAtSitePath(doc, ['user-created'])).toBe('usercreated');
    expect(sectionAtSitePath(doc, ['usage', 'gone'])).toBe('usage');
    expect(sectionAtSitePath(doc, ['gone'])).toBeUndefined();
    // Two sections end in "install": the last segment alone is ambiguous.
    expect(sectionAtSitePath(doc, ['install'])).toBe('install-node-ruby');
  });

  it('slugs like the docs site', () => {
    expect(siteSlug('dsync.activated')).toBe('dsync-activated');
    expect(siteSlug('OAuth 2.0')).toBe('oauth-2-0');
    expect(siteSlug('Proxy / Middleware')).toBe('proxy-middleware');
  });

  it('renames old site paths and keeps the caller’s fragment', () => {
    const docs = new Map([['guide', doc]]);
    expect(docAtSitePath(docs, 'guide/usage/user-created', undefined)?.anchor).toBe('usercreated');
    expect(docAtSitePath(docs, 'guide/usage', 'setup')?.anchor).toBe('setup');
    expect(docAtSitePath(docs, 'nothing/here', undefined)).toBeUndefined();
  });
});
