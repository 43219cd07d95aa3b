import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMdx, readFrontmatter } from '../../src/ingest/parse.js';
import { tidy } from '../../src/ingest/reference/resolve.js';
import { renderMdxDocument } from '../../src/ingest/single.js';
import { SITE } from './helpers.js';

const frontmatterOf = (file: string) => readFrontmatter(parseMdx(readFileSync(`${SITE}/${file}`, 'utf8')));
const related = [frontmatterOf('reference/index.mdx'), frontmatterOf('reference/widget/index.mdx')];
const render = () =>
  renderMdxDocument(readFileSync(`${SITE}/reference/widget/create.mdx`, 'utf8'), {
    file: 'reference/widget/create.mdx',
    related,
  });

describe('API reference rendering', () => {
  const { doc, unresolved } = render();
  const lang = (l: string) => doc.reference.find((r) => r.language === l)!;

  it('resolves every description and shorthand across files', () => {
    expect(unresolved).toEqual([]);
  });

  it('renders the HTTP endpoint with resolved shorthand parameters', () => {
    const curl = lang('curl');
    expect(curl).toMatchObject({
      id: 'create_widget',
      title: 'POST /widgets',
      httpMethod: 'POST',
      endpoint: '/widgets',
    });
    expect(curl.parameters.map((p) => p.name)).toEqual(['name', 'client_id', 'external_id']);
    // `(widget.name)` is the `name` property of the widget object defined in reference/widget/index.mdx.
    expect(curl.parameters[0]).toEqual({
      name: 'name',
      type: 'string',
      description: 'A descriptive name for the Widget.',
    });
    expect(curl.parameters[1].description).toBe(
      'Identifies the application. See [API Keys](https://workos.com/docs/reference/api-keys).',
    );
    expect(curl.parameters[2]).toMatchObject({ optional: true, description: 'The external ID.' });
    expect(curl.returns).toEqual([
      { name: 'widget', description: 'The [Widget](https://workos.com/docs/reference/widget) object.' },
    ]);
  });

  it('resolves case variants against the language’s own object and shared Go definitions', () => {
    expect(lang('js').parameters[0].children?.[0]).toMatchObject({
      name: 'name',
      type: 'string',
      description: 'A descriptive name for the Widget.',
    });
    expect(lang('go').parameters.map((p) => [p.name, p.type, p.description])).toEqual([
      ['ctx', 'context.Context', 'The Go context.'],
      ['Name', 'string', 'A descriptive name for the Widget.'],
    ]);
    expect(lang('go').returns[0]).toMatchObject({ name: 'err', type: 'error' });
  });

  it('gives each language its own standalone markdown', () => {
    expect(lang('python').markdown).toContain('**Method (Python):** `widgets.create_widget()`');
    expect(lang('python').markdown).toContain('- `name` (`string`) — A descriptive name for the Widget.');
    expect(lang('python').markdown).not.toContain('POST');
  });

  it('places the operation where the body points at it: endpoint, parameters, then one line per SDK', () => {
    const md = doc.markdown;
    expect(md.indexOf('Creates a new widget.')).toBeLessThan(md.indexOf('**Endpoint:** `POST /widgets`'));
    // The example pointer is its own paragraph after the rendering, not glued to its last list item.
    expect(md).toMatch(/- Go: `widgets\.CreateWidget\(\)` — parameters: `ctx`, `Name`\n\n_Examples: Request/);
    expect(md).toContain('- `client_id` — Identifies the application.');
    expect(md).toContain('- JavaScript: `widgets.createWidget()` — parameters: `name`, `externalId`');
    expect(md).toContain('- Go: `widgets.CreateWidget()` — parameters: `ctx`, `Name`');
    // SDK lines follow the docs' language order whatever the frontmatter order.
    expect(md.indexOf('- Python:')).toBeLessThan(md.indexOf('- Go:'));
    expect(md).toContain('- Python: `widgets.create_widget()` — parameters: `name`');
    expect(doc.sections[0].identifiers).toEqual(
      expect.arrayContaining(['POST /widgets', 'widgets.create_widget()', 'create_widget']),
    );
  });

  it('reports what it cannot resolve instead of inventing text', () => {
    const { unresolved: missing, doc: broken } = renderMdxDocument(
      [
        '---',
        'reference:',
        '  curl:',
        '    - key: x',
        '      id: x',
        '      type: GET',
        '      title: /x',
        '      parameters:',
        '        - (nowhere.name)',
        '        - key: y',
        '          description: (nowhere.y)',
        '---',
        '',
        '# X',
      ].join('\n'),
      { file: 'reference/x.mdx' },
    );
    expect(missing).toEqual(['reference/x.mdx: (nowhere.name)', 'reference/x.mdx: (nowhere.y)']);
    expect(broken.reference[0].parameters).toEqual([{ name: 'y', description: '' }]);
  });

  it('treats a description group without text of its own as an empty description, not a miss', () => {
    const obj = renderMdxDocument(readFileSync(`${SITE}/reference/widget/index.mdx`, 'utf8'), {
      file: 'reference/widget/index.mdx',
    });
    expect(obj.unresolved).toEqual([]);
    const color = obj.doc.reference[0].properties.find((p) => p.name === 'color')!;
    expect(color).toMatchObject({
      optional: true,
      description: '',
      children: [{ name: 'hex', description: 'The colour as a hex string.' }],
    });
    expect(obj.doc.markdown).toContain('**Object:** `widget`');
    expect(obj.doc.markdown).toContain('**SDK types:**\n\n- JavaScript: `interface Widget`');
  });
});

describe('entries the body never points at', () => {
  const yaml = (keys: string[]) => [
    '---',
    'reference:',
    '  js:',
    ...keys.flatMap((k) => [
      `    - key: ${k}`,
      `      id: ${k}`,
      `      title: ${k}()`,
      '      parameters: []',
    ]),
  ];

  it('appends several under an "API reference" heading of their own', () => {
    const { doc } = renderMdxDocument(
      [...yaml(['handleAuth', 'signOut']), '---', '', '# Getting started', '', 'Welcome.'].join('\n'),
      {
        file: 'reference/index.mdx',
      },
    );
    expect(doc.sections.map((s) => [s.anchor, s.heading])).toEqual([
      ['getting-started', 'Getting started'],
      ['api-reference', 'API reference'],
    ]);
    expect(doc.sections[1].markdown).toContain('**Method (JavaScript):** `handleAuth()`');
    expect(doc.sections[1].markdown).toContain('**Method (JavaScript):** `signOut()`');
  });

  it('appends a single one to the last section', () => {
    const { doc } = renderMdxDocument([...yaml(['handleAuth']), '---', '', '# Getting started'].join('\n'), {
      file: 'reference/index.mdx',
    });
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0].markdown).toContain('`handleAuth()`');
  });
});

describe('tidy', () => {
  it('joins hard-wrapped lines but keeps paragraphs and list items', () => {
    expect(tidy('One line\nwrapped here.\n\nNext paragraph\n- item one\n- item two')).toBe(
      'One line wrapped here.\n\nNext paragraph\n- item one\n- item two',
    );
  });
});

describe('JSON payload reference entries', () => {
  const mdx = [
    '---',
    'descriptions:',
    '  auth_errors:',
    '    code: A string constant that distinguishes the error type.',
    'reference:',
    '  json:',
    '    - key: sso_required_error',
    '      id: sso_required_error',
    '      title: sso_required',
    '      properties:',
    '        - key: error',
    '          type: \'"sso_required"\'',
    '          description: (auth_errors.code)',
    '---',
    '',
    '## SSO required error',
    '',
    '<CodeBlock title="SSO required error" referenceId="sso_required_error" file="sso-required-error" />',
    '',
  ].join('\n');

  it('renders error bodies and token claims (the `json` key) as HTTP-level objects with resolved fields', () => {
    const { doc, unresolved } = renderMdxDocument(mdx, {
      file: 'reference/errors/sso-required.mdx',
      related: [],
    });
    expect(unresolved).toEqual([]);
    expect(doc.reference).toHaveLength(1);
    expect(doc.reference[0]).toMatchObject({ language: 'curl', title: 'sso_required' });
    expect(doc.markdown).toContain(
      '`error` (`"sso_required"`) — A string constant that distinguishes the error type.',
    );
  });
});
