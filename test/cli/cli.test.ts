import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../fixtures/built.js';

const exec = promisify(execFile);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [ensureBuilt(), ...args], {
      cwd: ROOT,
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('CLI (built binary, real corpus)', () => {
  it('search "Azure AD SAML" prints ranked results and how to read one', async () => {
    const { code, stdout } = await cli('search', 'Azure AD SAML');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Results for "Azure AD SAML"/);
    const ranked = [...stdout.matchAll(/^(\d+)\. [^\n]*?`([^`\n]+)`/gm)].map((m) => [
      Number(m[1]),
      m[2].split('#')[0],
    ]);
    expect(ranked.length).toBeGreaterThanOrEqual(3);
    expect(ranked.slice(0, 3).map(([, path]) => path)).toContain('integrations/entra-id-saml');
    expect(stdout).toMatch(/Read one: workos-docs-mcp read \S+/);
  });

  it('search --json --limit gives structured results', async () => {
    const { stdout } = await cli('search', 'directory sync', '--limit', '2', '--json');
    const data = JSON.parse(stdout) as { results: { path: string }[] };
    expect(data.results).toHaveLength(2);
  });

  it('read reference/organization/create --language python prints the Python method with parameters', async () => {
    const { code, stdout } = await cli('read', 'reference/organization/create', '--language', 'python');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Create an Organization/);
    expect(stdout).toContain('**Method (Python):** `organizations.create_organization()`');
    expect(stdout).toMatch(/- `name` \(`str`\)/);
    expect(stdout).not.toContain('**Method (Go):**');
  });

  it('read --section and read of a URL', async () => {
    const { stdout } = await cli(
      'read',
      'https://workos.com/docs/sso',
      '--section',
      'How Single Sign-On works',
    );
    expect(stdout).toContain('section `how-single-sign-on-works`');
    expect(stdout).not.toContain('## What you’ll build');
  });

  it('read of an unknown doc exits 1 with suggestions on stderr', async () => {
    const { code, stdout, stderr } = await cli('read', 'sso/jit-provision');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('No doc at "sso/jit-provision"');
    expect(stderr).toContain('`sso/jit-provisioning`');
  });

  it('rejects a non-numeric option with a clear message', async () => {
    const { code, stderr } = await cli('search', 'sso', '--limit', 'lots');
    expect(code).toBe(1);
    expect(stderr).toContain('expected a positive whole number, got "lots"');
  });

  it('examples, changelog and info', async () => {
    const examples = await cli('examples', 'create organization', '--language', 'python');
    expect(examples.stdout).toContain('organizations.create_organization()');
    const changelog = await cli('changelog', '--since', '2025-01-01', '--json');
    const entries = (JSON.parse(changelog.stdout) as { entries: { date: string }[] }).entries;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.date >= '2025-01-01')).toBe(true);
    const bad = await cli('changelog', '--package', 'left-pad');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Available packages:');
    const info = await cli('info');
    expect(info.stdout).toMatch(/^workos-docs-mcp \d+\.\d+\.\d+/);
    expect(info.stdout).toMatch(/Docs: \d+ in \d+ product areas/);
    expect(info.stdout).toContain('data/corpus.json');
  });

  it('unknown commands are refused', async () => {
    const { code, stderr } = await cli('frobnicate');
    expect(code).toBe(1);
    expect(stderr).toContain("unknown command 'frobnicate'");
  });
});
