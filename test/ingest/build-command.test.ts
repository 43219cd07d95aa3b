import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { loadBundle } from '../../src/corpus/bundle.js';
import { SITE } from './helpers.js';

const out = mkdtempSync(join(tmpdir(), 'build-cmd-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function capture(stream: NodeJS.WriteStream): string[] {
  const lines: string[] = [];
  vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

describe('workos-docs-mcp build', () => {
  it('builds from --source into --out, progress on stderr and the summary on stdout', async () => {
    const stdout = capture(process.stdout);
    const stderr = capture(process.stderr);
    await buildProgram().parseAsync([
      'node',
      'workos-docs-mcp',
      'build',
      '--no-sdks',
      '--source',
      SITE,
      '--out',
      out,
    ]);
    const summary = stdout.join('');
    expect(summary).toContain(`Built ${join(out, 'corpus.json')}`);
    expect(summary).toMatch(/docs:\s+7\n/);
    expect(summary).toMatch(/unresolved refs:\s+0\n/);
    expect(summary).toMatch(/bundle size:\s+\d+ KB/);
    expect(summary).toContain(
      '- broken/bad-mdx.mdx:5: invalid MDX: Expected a closing tag for `<Callout>`\n',
    );
    expect(stderr.join('')).toContain('build: rendering 6 documents');
    expect(loadBundle(join(out, 'corpus.json')).corpus.docs).toHaveLength(7);
  });

  it('takes --base-url for the canonical URLs of another docs site, and rejects a non-URL', async () => {
    capture(process.stdout);
    capture(process.stderr);
    const other = join(out, 'other');
    const buildWithBaseUrl = (baseUrl: string) =>
      buildProgram().parseAsync([
        'node',
        'x',
        'build',
        '--no-sdks',
        '--source',
        SITE,
        '--out',
        other,
        '--base-url',
        baseUrl,
      ]);
    await buildWithBaseUrl('https://docs.example.com/guide/');
    const doc = loadBundle(join(other, 'corpus.json')).corpus.docs.find((d) => d.path === 'widgets');
    expect(doc?.url).toBe('https://docs.example.com/guide/widgets');
    expect(doc?.markdown).toContain(
      '[creating a widget](https://docs.example.com/guide/reference/widget/create)',
    );
    await expect(buildWithBaseUrl('file:///etc')).rejects.toThrow(
      '--base-url must be an http(s) URL, got "file:///etc"',
    );
  });
});
