import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../fixtures/built.js';
import { npmProject, projectDir } from '../lifecycle/project/helpers.js';

const exec = promisify(execFile);
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function cli(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await exec(process.execPath, [ensureBuilt(), 'project', ...args], {
      cwd,
      timeout: 30_000,
    });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

describe('workos-docs-mcp project [dir]', () => {
  it('reads the current folder by default, and a named one', async () => {
    const dir = await projectDir({
      ...npmProject('@workos-inc/node', '8.13.0'),
      'requirements.txt': 'workos==4.21.0\n',
    });
    dirs.push(dir);
    const here = await cli(dir);
    expect(here.code).toBe(0);
    expect(here.stdout).toContain('Roots (from the working directory):');
    expect(here.stdout).toContain(
      '- @workos-inc/node 8.13.0 (JavaScript; from package-lock.json; asks ^8.13.0)',
    );
    expect(here.stdout).toContain('- workos 4.21.0 (Python; from requirements.txt)');
    const named = await cli('/', dir, '--json');
    const data = JSON.parse(named.stdout) as {
      origin: string;
      packages: { name: string; version: string }[];
    };
    expect(data.origin).toBe('argument');
    expect(data.packages.map((p) => `${p.name}@${p.version}`)).toEqual([
      '@workos-inc/node@8.13.0',
      'workos@4.21.0',
    ]);
  });

  it('a folder that does not exist fails with a reason, not a stack', async () => {
    const r = await cli('/', '/no/such/folder/anywhere');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('/no/such/folder/anywhere — skipped: does not exist');
    expect(r.stdout).not.toMatch(/at \S+ \(/);
  });
});
