import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../fixtures/built.js';

const run = promisify(execFile);
const INSPECTOR = join(ROOT, 'node_modules/.bin/mcp-inspector-cli');

/**
 * Drives the built server with the official MCP Inspector CLI. It resolves a package.json relative to
 * its working directory's parent, so it runs from test/ (parent: the project root).
 */
async function inspect(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(INSPECTOR, ['--cli', process.execPath, ensureBuilt(), ...args], {
    cwd: join(ROOT, 'test'),
    timeout: 60_000,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

function toolText(result: Record<string, unknown>): string {
  return (result.content as { type: string; text: string }[]).map((c) => c.text).join('\n');
}

/** The names the Inspector lists for `tools/list` or `prompts/list`. */
async function listedNames(list: 'tools' | 'prompts'): Promise<string[]> {
  const result = await inspect('--method', `${list}/list`);
  return (result[list] as { name: string }[]).map((t) => t.name);
}

describe('MCP Inspector CLI against the built server', () => {
  beforeAll(() => {
    ensureBuilt();
  });

  it('tools/list', async () => {
    expect(await listedNames('tools')).toEqual([
      'workos_search',
      'workos_docs',
      'workos_examples',
      'workos_changelogs',
      'workos_check',
    ]);
  });

  it.each([
    ['workos_search', ['query=Azure AD SAML', 'limit=3'], /integrations\/entra-id-saml/],
    [
      'workos_docs',
      ['path=reference/organization/create', 'language=python'],
      /organizations\.create_organization\(\)/,
    ],
    ['workos_examples', [], /WorkOS code examples by product/],
    ['workos_changelogs', ['limit=2'], /Changelog: workos-platform/],
  ])('tools/call %s', async (tool, args, expected) => {
    const result = await inspect(
      '--method',
      'tools/call',
      '--tool-name',
      tool,
      ...args.flatMap((a) => ['--tool-arg', a]),
    );
    expect(result.isError ?? false).toBe(false);
    expect(toolText(result)).toMatch(expected);
    expect(result.structuredContent).toBeTypeOf('object');
  });

  it('resources/list', async () => {
    const result = await inspect('--method', 'resources/list');
    const uris = (result.resources as { uri: string }[]).map((r) => r.uri);
    expect(uris).toContain('workos-docs://toc');
    expect(uris).toContain('workos-docs://docs/sso/jit-provisioning');
  });

  it('prompts/list', async () => {
    expect(await listedNames('prompts')).toEqual([
      'add-workos-feature',
      'setup-sso',
      'migrate-auth-provider',
    ]);
  });
});
