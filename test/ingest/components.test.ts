import { describe, expect, it } from 'vitest';
import { renderMdxDocument } from '../../src/ingest/single.js';
import { leaks, renderFixture } from './helpers.js';

describe('CodeBlock / CodeBlockTab', () => {
  const { doc, examples } = renderFixture('code-block.mdx', {
    file: 'widgets/code.mdx',
    snippets: { 'present-snippet': { code: 'puts "hello"', language: 'ruby' } },
  });

  it('names each tab and the online page when the snippet source is absent', () => {
    expect(doc.markdown).toContain(
      '_Examples: Next.js (js, create-widget-next); Express (js, create-widget-express) — see <https://workos.com/docs/widgets/code#create-a-widget>_',
    );
  });

  it('does not repeat the title of a block with its own file', () => {
    expect(doc.markdown).toContain(
      '_Example: Widget event (event-widget-created) — see <https://workos.com/docs/widgets/code#create-a-widget>_',
    );
  });

  it('keeps fenced code written inside the component', () => {
    expect(doc.markdown).toMatch(/```ts title="widget.ts"\nconst widget = await workos.widgets.createWidget/);
  });

  it('inlines a snippet that exists in the source as a fenced block', () => {
    expect(doc.markdown).toContain('```ruby title="server.rb"\nputs "hello"\n```');
    expect(examples.filter((e) => e.kind === 'code').map((e) => e.title)).toEqual(['widget.ts', 'server.rb']);
  });

  it('links a tab whose file is a URL', () => {
    expect(doc.markdown).toContain(
      '_Examples: Request (list-icons-request); Response (<https://cdn.workos.com/provider-icons.json>) — see <https://workos.com/docs/widgets/code#hosted-example>_',
    );
  });

  it('leaves no JSX', () => {
    expect(leaks(doc.markdown)).toEqual([]);
  });
});

describe('Event.Root / Details / Description', () => {
  const { doc } = renderFixture('event.mdx', { file: 'events/index.mdx' });

  it('renders the event name as bold code followed by its description', () => {
    expect(doc.markdown).toContain('**`widget.created`** — Triggered when a widget is created.');
    expect(doc.markdown).toContain(
      '**`widget.deleted`** (coming soon) — Triggered when a widget is **deleted**.',
    );
  });

  it('points at the example payload under the annotated anchor', () => {
    expect(doc.markdown).toContain(
      '_Example: Widget created event (event-widget-created) — see <https://workos.com/docs/events#widget-events>_',
    );
    expect(leaks(doc.markdown)).toEqual([]);
  });
});

describe('ExampleApps', () => {
  const { doc, examples } = renderFixture('example-apps.mdx', { file: 'sso/example-apps.mdx' });

  it('renders a list of example app links', () => {
    expect(doc.markdown).toContain(
      '- [Node.js SSO app](https://github.com/workos/node-example-applications/tree/main/node-sso-example)',
    );
    expect(doc.markdown).toContain(
      '- [Python Flask SSO app](https://github.com/workos/python-flask-example-applications/tree/main/python-flask-sso-example)',
    );
  });

  it('collects each app as an example with its language', () => {
    const apps = examples.filter((e) => e.kind === 'app');
    expect(apps.map((a) => [a.title, a.kind === 'app' ? a.language : ''])).toEqual([
      ['Node.js SSO app', 'javascript'],
      ['Python Flask SSO app', 'python'],
    ]);
    expect(apps[0].docPath).toBe('sso/example-apps');
  });
});

describe('Callout / DeprecationCallout', () => {
  const { doc } = renderFixture('callout.mdx');

  it('renders callouts as labelled blockquotes with absolute links', () => {
    expect(doc.markdown).toContain(
      "> **Warning:** Removing a suppression can harm your\n> domain's sender reputation.",
    );
    expect(doc.markdown).toContain(
      '> **Note:** See [the guide](https://workos.com/docs/authkit/email) first.',
    );
  });

  it('gives a self-closing deprecation notice its meaning', () => {
    expect(doc.markdown).toMatch(
      /> \*\*Deprecated:\*\* Magic Link is deprecated.*\[Magic Auth\]\(https:\/\/workos\.com\/docs\/authkit\/magic-auth\)/,
    );
  });
});

describe('inline and layout components', () => {
  const { doc } = renderFixture('inline.mdx', { file: 'widgets/user-management.mdx' });

  it('drops the glossary letter marker and spinner, keeps badge text bold', () => {
    expect(doc.markdown).not.toMatch(/^A$/m);
    expect(doc.markdown).toContain('A session is marked as **In progress** while pending.');
  });

  it('turns lower-case HTML into Markdown and keeps {" "} spacing', () => {
    expect(doc.markdown).toContain('Use `Rack::Csrf` and **never** the\n`csrf_tag` helper alone.');
  });

  it('points a PropsTable at the page section that shows it', () => {
    expect(doc.markdown).toContain(
      '_Props table for the userManagement widget — see <https://workos.com/docs/widgets/user-management#access-token>_',
    );
  });

  it('passes LanguageSelector and unknown components through as their children', () => {
    expect(doc.markdown).toContain('Install the SDK using the command below.');
    expect(doc.markdown).toContain('Fallback **text** survives.');
  });

  it('names visual-only diagrams, drops style blocks', () => {
    expect(doc.markdown).toContain(
      '_Directory Sync Diagram: User Created — see <https://workos.com/docs/widgets/user-management#access-token>_',
    );
    expect(doc.markdown).toContain(
      '_Interactive demo: MFA Enrollment TOTP — see <https://workos.com/docs/widgets/user-management#access-token>_',
    );
    expect(doc.markdown).not.toContain('color: red');
  });

  it('makes site-relative links and images absolute', () => {
    expect(doc.markdown).toContain(
      '[domain verification](https://workos.com/docs/authkit/domain-verification)',
    );
    expect(doc.markdown).toContain('[the root](https://workos.com/docs)');
    expect(doc.markdown).toContain('![shot](https://workos.com/docs/images/a.png)');
    expect(doc.markdown).toContain(
      'Jump to [the token](https://workos.com/docs/widgets/user-management#access-token) or the [portal](https://workos.com/docs/admin-portal).',
    );
    expect(leaks(doc.markdown)).toEqual([]);
    expect(doc.markdown).not.toContain('&#x');
  });
});

describe('ESM and expressions', () => {
  const { doc } = renderFixture('esm.mdx');

  it('removes import/export and non-literal expressions, keeps literal strings and code fences', () => {
    expect(doc.markdown).not.toContain('../components/thing');
    expect(doc.markdown).not.toContain('hidden: true');
    expect(doc.markdown).toContain('Value:  and literal text.');
    expect(doc.markdown).not.toContain('comment');
    expect(doc.markdown).not.toContain('visibility');
    expect(doc.markdown).toContain("```jsx\nimport React from 'react';");
    expect(leaks(doc.markdown)).toEqual([]);
  });
});

describe('variant tab lists', () => {
  const { doc, examples } = renderFixture('variants.mdx', { file: 'authkit/index.mdx' });

  it('flattens `$ frontend="…"` lists into labelled blocks with suffixed headings', () => {
    expect(doc.markdown).toContain('**Frontend: nextjs**\n\nInstall the Next.js SDK.');
    expect(doc.markdown).toContain('**Backend: ruby**\n\nFirst, install the gem.');
    expect(doc.sections.map((s) => s.heading)).toEqual([
      'Install',
      'Ending the session (ruby)',
      'Import users',
      'Proxy',
      'Whole proxy (nextjs, Complete)',
    ]);
    expect(doc.markdown).not.toContain('$ frontend');
  });

  it('flattens `| Title` tab lists the same way', () => {
    expect(doc.markdown).toContain(
      '**Without passwords**\n\nCreate users.\n\n**With passwords**\n\nCreate users with hashes.',
    );
    expect(doc.markdown).not.toContain('|');
  });

  it('flattens tab lists nested inside tabs', () => {
    expect(doc.markdown).toContain(
      '**Frontend: nextjs**\n\nChoose a proxy style.\n\n**Complete**\n\n### Whole proxy (nextjs, Complete)',
    );
    expect(doc.markdown).toContain('**Composable**\n\nUse `authkit`.');
  });

  it('tags code examples of a variant with its framework', () => {
    expect(examples[0]).toMatchObject({ kind: 'code', framework: 'nextjs', title: 'Install Next.js SDK' });
  });
});

describe('plain Markdown files', () => {
  it('drops HTML comments and keeps inline HTML of .md files', () => {
    const { doc } = renderMdxDocument(
      '<!-- TODO: rewrite -->\n\n# Plain page\n\nText with <kbd>Ctrl</kbd>.\n',
      { file: 'guide/plain.md' },
    );
    expect(doc.markdown).toBe('# Plain page\n\nText with <kbd>Ctrl</kbd>.');
  });
});
