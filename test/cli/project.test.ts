import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../fixtures/built.js';
import { workosNodePackage } from '../fixtures/workos-node-declarations.js';
import { makeTarball, startFakeRegistry, tempDir } from '../sdk/helpers.js';
import { npmProject, projectDir } from '../lifecycle/project/helpers.js';

const exec = promisify(execFile);
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

let cacheDir: string;
let registry: Awaited<ReturnType<typeof startFakeRegistry>>;
beforeAll(async () => {
  cacheDir = await tempDir('wdm-cli-project-cache-');
  dirs.push(cacheDir);
  registry = await startFakeRegistry([
    { name: '@workos-inc/node', version: '8.13.0', tarball: await makeTarball(workosNodePackage('8.13.0')) },
  ]);
});
afterAll(() => registry.close());

/** Offline unless a test names a registry: nothing here may reach the real one. */
async function cli(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string }> {
  const env = {
    ...process.env,
    WORKOS_DOCS_MCP_CACHE: cacheDir,
    WORKOS_DOCS_MCP_OFFLINE: args.includes('--registry') ? '' : '1',
  };
  try {
    const { stdout } = await exec(process.execPath, [ensureBuilt(), 'project', ...args], {
      cwd,
      env,
      timeout: 60_000,
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

  it('the first run downloads the exact version once and says how long it took; the next reads the cache', async () => {
    const dir = await projectDir(npmProject('@workos-inc/node', '8.13.0'));
    dirs.push(dir);
    const first = await cli(dir, '--registry', registry.url);
    expect(first.stdout).toMatch(
      /- @workos-inc\/node 8\.13\.0: API surface downloaded from npm and read in \d+\.\d s \(cached for next time\); \d+ symbols\./,
    );
    registry.requests.length = 0;
    const second = await cli(dir, '--registry', registry.url, '--json');
    const data = JSON.parse(second.stdout) as { surfaces: { origin: string; version: string }[] };
    expect(data.surfaces).toEqual([expect.objectContaining({ version: '8.13.0', origin: 'cache' })]);
    expect(registry.requests).toEqual([]);
  });

  it('offline (flag) with nothing cached: says which version has no surface, downloads nothing', async () => {
    const dir = await projectDir(npmProject('@workos-inc/node', '8.12.0'));
    dirs.push(dir);
    registry.requests.length = 0;
    const r = await cli(dir, '--registry', registry.url, '--offline');
    expect(r.stdout).toMatch(
      /- @workos-inc\/node 8\.12\.0: no API surface \(fetching SDK versions is turned off .*\)\. Answers are not for 8\.12\.0/,
    );
    expect(registry.requests).toEqual([]);
  });

  it('a version the registry does not have is reported as such', async () => {
    const dir = await projectDir(npmProject('@workos-inc/node', '8.99.0'));
    dirs.push(dir);
    const r = await cli(dir, '--registry', registry.url);
    expect(r.stdout).toContain(
      '@workos-inc/node@8.99.0 does not exist on the npm registry (the newest 8.x is 8.13.0)',
    );
  });
});
