import { describe, expect, it } from 'vitest';
import { changelogDocs } from '../../src/ingest/platform-changelog.js';
import { readmeToDoc } from '../../src/ingest/sdk/readme-doc.js';
import { renderMdxDocument } from '../../src/ingest/single.js';
import { markdownDefects } from '../fixtures/markdown-defects.js';

// Unit tests of the ingest transforms behind issue 15 item 3, on our own small inputs.
const render = (mdx: string, file?: string): string => renderMdxDocument(mdx, { file }).doc.markdown;

describe('clean Markdown transforms', () => {
  it('drops the site’s image attribute list after an image, and nothing else in brackets', () => {
    const md = render(
      '# Page\n\n![Flow](https://images.workoscdn.com/a.png?q=80)[border=false]\n\nKeep [this] and [a=b] text.\n',
    );
    expect(md).toContain('![Flow](https://images.workoscdn.com/a.png)');
    expect(md).not.toContain('border=false');
    expect(md).toContain('\\[this]');
    expect(md).toContain('\\[a=b]');
  });

  it('keeps a YAML block-scalar enum type on one line of inline code', () => {
    const mdx = [
      '---',
      'title: Enroll',
      'reference:',
      '  curl:',
      '    - id: enroll',
      '      title: /auth/factors/enroll',
      '      type: POST',
      '      parameters:',
      '        - key: type',
      '          type: |',
      '            "totp" | "sms"',
      '          description: The factor type.',
      '---',
      '',
      '# Enroll',
      '',
    ].join('\n');
    const md = render(mdx, 'reference/mfa/enroll.mdx');
    expect(md).toContain('- `type` (`"totp" | "sms"`) — The factor type.');
    expect(markdownDefects(md)).toEqual([]);
  });

  it('moves body headings one level down when the body has its own H1 besides the title', () => {
    const md = render('---\ntitle: Vault\n---\n\n# Introduction\n\nText.\n\n## Setup\n\nMore.\n');
    expect(md).toContain('## Introduction');
    expect(md).toContain('### Setup');
    expect(md).not.toMatch(/^# /m);
    // A leading H1 that repeats the title stays (answers drop it) and nothing moves.
    const titled = render('# Vault\n\nText.\n\n## Setup\n');
    expect(titled).toMatch(/^# Vault/);
    expect(titled).toContain('\n## Setup');
  });

  it('gives a platform changelog doc one H1 and its date on a line of its own', () => {
    const [doc] = changelogDocs(
      [
        {
          package: 'workos-platform',
          version: 'Pipes',
          title: 'Pipes',
          date: '2025-12-12',
          text: 'Pipes connects accounts.',
          url: 'https://workos.com/changelog/pipes',
        },
      ],
      'test',
    );
    expect(doc.markdown).toBe(
      '# Pipes\n\nPipes connects accounts.\n\nPublished 2025-12-12 · Announcement: https://workos.com/changelog/pipes',
    );
    expect(markdownDefects(doc.markdown)).toEqual([]);
  });

  it('reads a GitHub alert with a second quote marker on its line as one callout', () => {
    const { doc } = readmeToDoc({
      packageName: '@example/sdk',
      version: '1.0.0',
      docPath: 'sdks/example',
      readme: '# Example SDK\n\n> [!TIP] >`COOKIE_DOMAIN` shares sessions.\n\n> [!NOTE]\n> Plain note.\n',
      packageJson: {},
    });
    expect(doc.markdown).toContain('> **Tip:** `COOKIE_DOMAIN` shares sessions.');
    expect(doc.markdown).toContain('> **Note:**');
    expect(markdownDefects(doc.markdown)).toEqual([]);
  });
});
