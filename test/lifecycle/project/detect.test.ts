import { execFileSync } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_ROOTS, rootFromUri, scanRoots, type ProjectScan } from '../../../src/lifecycle/project/index.js';
import { LOCKFILE_MAX_BYTES, MANIFEST_MAX_BYTES } from '../../../src/lifecycle/project/root-reader.js';
import { npmProject, projectDir } from './helpers.js';

const cleanup: string[] = [];
afterAll(async () => {
  for (const d of cleanup) await rm(d, { recursive: true, force: true });
});

async function scan(files: Record<string, string | Buffer>): Promise<ProjectScan & { dir: string }> {
  const dir = await projectDir(files);
  cleanup.push(dir);
  return { dir, ...(await scanRoots([{ given: dir, path: dir }], 'argument')) };
}

function versions(s: ProjectScan): Record<string, string | undefined> {
  return Object.fromEntries(s.packages.map((p) => [p.name, p.version ?? `range ${p.range}`]));
}

describe('JavaScript manifests', () => {
  it('package-lock.json pins the exact version over the package.json range', async () => {
    const s = await scan(npmProject('@workos-inc/node', '8.13.0'));
    expect(s.packages).toEqual([
      expect.objectContaining({
        name: '@workos-inc/node',
        ecosystem: 'npm',
        language: 'js',
        version: '8.13.0',
        range: '^8.13.0',
        source: 'package-lock.json',
      }),
    ]);
    expect(s.packages[0].disagreements).toBeUndefined();
    expect(s.roots[0]).toMatchObject({ status: 'read', files: ['package.json', 'package-lock.json'] });
    expect(s.notes).toEqual([]);
  });

  it('package.json alone gives the range, and only WorkOS scopes are reported', async () => {
    const s = await scan({
      'package.json': JSON.stringify({
        dependencies: { '@workos-inc/node': '^12.0.0', react: '^18.0.0', '@workos/authkit-session': '0.7.1' },
        devDependencies: { '@workos-inc/widgets': 'latest' },
      }),
    });
    expect(versions(s)).toEqual({
      '@workos-inc/node': 'range ^12.0.0',
      '@workos/authkit-session': '0.7.1',
      '@workos-inc/widgets': 'range latest',
    });
  });

  it('the installed node_modules package wins over the lockfile, and the stale lockfile is listed', async () => {
    const s = await scan({
      ...npmProject('@workos-inc/node', '8.13.0'),
      'node_modules/@workos-inc/node/package.json': JSON.stringify({
        name: '@workos-inc/node',
        version: '8.12.1',
      }),
    });
    expect(s.packages[0]).toMatchObject({
      version: '8.12.1',
      source: 'node_modules/@workos-inc/node/package.json',
      // The lockfile says otherwise, and so does the manifest's range: the install is stale.
      disagreements: [
        { source: 'package.json', range: '^8.13.0' },
        { source: 'package-lock.json', version: '8.13.0' },
      ],
    });
  });

  it('lockfile v1 (dependencies) and npm-shrinkwrap.json are read', async () => {
    const s = await scan({
      'npm-shrinkwrap.json': JSON.stringify({
        lockfileVersion: 1,
        dependencies: { '@workos-inc/node': { version: '7.5.0' }, lodash: { version: '4.17.21' } },
      }),
    });
    expect(versions(s)).toEqual({ '@workos-inc/node': '7.5.0' });
    expect(s.packages[0].source).toBe('npm-shrinkwrap.json');
  });

  it('transitive copies below the top level are not the project version', async () => {
    const s = await scan({
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: {
          'node_modules/@workos-inc/authkit-nextjs': { version: '2.0.0' },
          'node_modules/@workos-inc/authkit-nextjs/node_modules/@workos-inc/node': { version: '7.0.0' },
        },
      }),
    });
    expect(versions(s)).toEqual({ '@workos-inc/authkit-nextjs': '2.0.0' });
  });

  it('pnpm-lock.yaml v9 importers, with a peer suffix on the version', async () => {
    const s = await scan({
      'package.json': JSON.stringify({ dependencies: { '@workos-inc/authkit-nextjs': '^2.1.0' } }),
      'pnpm-lock.yaml': [
        "lockfileVersion: '9.0'",
        'importers:',
        '  .:',
        '    dependencies:',
        "      '@workos-inc/authkit-nextjs':",
        '        specifier: ^2.1.0',
        '        version: 2.1.3(next@15.0.0)(react@19.0.0)',
        'packages: {}',
      ].join('\n'),
    });
    expect(versions(s)).toEqual({ '@workos-inc/authkit-nextjs': '2.1.3' });
    expect(s.packages[0].source).toBe('pnpm-lock.yaml');
  });

  it('pnpm-lock.yaml v5 (top-level dependencies)', async () => {
    const s = await scan({
      'pnpm-lock.yaml':
        "lockfileVersion: 5.4\nspecifiers:\n  '@workos-inc/node': ^8.0.0\ndependencies:\n  '@workos-inc/node': 8.13.0\n",
    });
    expect(versions(s)).toEqual({ '@workos-inc/node': '8.13.0' });
  });

  it('yarn.lock classic: the entry matching the package.json range wins', async () => {
    const s = await scan({
      'package.json': JSON.stringify({ dependencies: { '@workos-inc/node': '^8.10.0' } }),
      'yarn.lock': [
        '# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.',
        '# yarn lockfile v1',
        '',
        '',
        '"@workos-inc/node@^7.0.0":',
        '  version "7.9.0"',
        '',
        '"@workos-inc/node@^8.0.0", "@workos-inc/node@^8.10.0":',
        '  version "8.13.0"',
        '  resolved "https://registry.yarnpkg.com/@workos-inc/node/-/node-8.13.0.tgz"',
        '',
      ].join('\n'),
    });
    expect(versions(s)).toEqual({ '@workos-inc/node': '8.13.0' });
    expect(s.packages[0].source).toBe('yarn.lock');
  });

  it('yarn.lock Berry (YAML with npm: descriptors)', async () => {
    const s = await scan({
      'yarn.lock': [
        '__metadata:',
        '  version: 8',
        '  cacheKey: 10c0',
        '',
        '"@workos-inc/node@npm:^12.0.0":',
        '  version: 12.3.0',
        '  resolution: "@workos-inc/node@npm:12.3.0"',
        '',
      ].join('\n'),
    });
    expect(versions(s)).toEqual({ '@workos-inc/node': '12.3.0' });
  });

  it('yarn.lock with several versions and no way to choose says so instead of guessing', async () => {
    const s = await scan({
      'yarn.lock':
        '# yarn lockfile v1\n\n"@workos-inc/node@^7.0.0":\n  version "7.9.0"\n\n"@workos-inc/node@^8.0.0":\n  version "8.13.0"\n',
    });
    expect(s.packages).toEqual([]);
    expect(s.notes[0].reason).toMatch(/several versions \(7\.9\.0, 8\.13\.0\)/);
  });

  it('yarn.lock without its header is not silently read as something else', async () => {
    const s = await scan({ 'yarn.lock': '"@workos-inc/node@^8.0.0":\n  version "8.13.0"\n' });
    expect(s.packages).toEqual([]);
    expect(s.notes[0].reason).toMatch(/header missing/);
  });

  it('a node_modules package.json that names another package is not trusted', async () => {
    const s = await scan({
      ...npmProject('@workos-inc/node', '8.13.0'),
      'node_modules/@workos-inc/node/package.json': JSON.stringify({ name: 'evil', version: '99.0.0' }),
    });
    expect(s.packages[0]).toMatchObject({ version: '8.13.0', source: 'package-lock.json' });
    expect(s.notes).toEqual([
      expect.objectContaining({ file: 'node_modules/@workos-inc/node/package.json' }),
    ]);
  });

  it('a dependency name that tries to climb out is never joined into a path', async () => {
    const s = await scan({
      'package.json': JSON.stringify({
        dependencies: { '@workos-inc/../../../etc': '1.0.0', '@workos/..': '1' },
      }),
    });
    expect(s.packages).toEqual([]);
    expect(s.roots[0].files).toEqual(['package.json']);
  });
});

describe('other ecosystems', () => {
  it('Python: requirements*.txt pins, pyproject ranges, poetry.lock and uv.lock', async () => {
    const pinned = await scan({
      'requirements.txt':
        '# app\nflask==3.0.0\nWorkOS[async]==4.21.0 ; python_version > "3.8" \\\n    --hash=sha256:abc\n',
      'requirements-dev.txt': '-r requirements.txt\npytest\n',
    });
    expect(pinned.packages).toEqual([
      expect.objectContaining({
        name: 'workos',
        ecosystem: 'pypi',
        language: 'python',
        version: '4.21.0',
        source: 'requirements.txt',
      }),
    ]);
    const poetry = await scan({
      'pyproject.toml':
        '[tool.poetry.dependencies]\npython = "^3.11"\nworkos = { version = "^4.0", extras = ["x"] }\n',
      'poetry.lock':
        '[[package]]\nname = "workos"\nversion = "4.19.1"\n\n[[package]]\nname = "requests"\nversion = "2.0.0"\n',
    });
    expect(poetry.packages[0]).toMatchObject({ version: '4.19.1', range: '^4.0', source: 'poetry.lock' });
    const uv = await scan({
      'pyproject.toml': '[project]\nname = "app"\ndependencies = ["workos>=4,<5", "httpx"]\n',
      'uv.lock':
        'version = 1\n\n[[package]]\nname = "workos"\nversion = "4.22.0"\nsource = { registry = "https://pypi.org/simple" }\n',
    });
    expect(uv.packages[0]).toMatchObject({ version: '4.22.0', range: '>=4,<5', source: 'uv.lock' });
  });

  it('Ruby: Gemfile.lock specs and DEPENDENCIES', async () => {
    const s = await scan({
      'Gemfile.lock': [
        'GEM',
        '  remote: https://rubygems.org/',
        '  specs:',
        '    encryptor (3.0.0)',
        '    workos (5.2.1)',
        '      encryptor (~> 3.0)',
        '',
        'PLATFORMS',
        '  ruby',
        '',
        'DEPENDENCIES',
        '  workos (~> 5.0)',
        '',
        'BUNDLED WITH',
        '   2.5.3',
      ].join('\n'),
    });
    expect(s.packages).toEqual([
      expect.objectContaining({
        name: 'workos',
        ecosystem: 'rubygems',
        version: '5.2.1',
        range: '~> 5.0',
        source: 'Gemfile.lock',
      }),
    ]);
  });

  it('Go: go.mod require lines and blocks, major-version module paths, replace noted', async () => {
    const s = await scan({
      'go.mod': [
        'module example.com/app',
        '',
        'go 1.22',
        '',
        'require (',
        '\tgithub.com/gorilla/mux v1.8.1',
        '\tgithub.com/workos/workos-go/v4 v4.21.0 // indirect',
        ')',
        '',
        'replace github.com/workos/workos-go/v4 => ../workos-go',
      ].join('\n'),
    });
    expect(s.packages).toEqual([
      expect.objectContaining({
        name: 'github.com/workos/workos-go/v4',
        ecosystem: 'go',
        version: 'v4.21.0',
        source: 'go.mod',
      }),
    ]);
    expect(s.notes[0].reason).toMatch(/replaces the WorkOS module/);
  });

  it('PHP: composer.lock over composer.json', async () => {
    const s = await scan({
      'composer.json': JSON.stringify({ require: { php: '^8.1', 'workos/workos-php': '^4.0' } }),
      'composer.lock': JSON.stringify({
        packages: [{ name: 'workos/workos-php', version: 'v4.12.0' }],
        'packages-dev': [],
      }),
    });
    expect(s.packages[0]).toMatchObject({
      name: 'workos/workos-php',
      ecosystem: 'packagist',
      version: '4.12.0',
      range: '^4.0',
      source: 'composer.lock',
    });
  });

  it('.NET: csproj PackageReference (attribute or element), packages.lock.json resolved', async () => {
    const csproj = (v: string): string =>
      `<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Newtonsoft.Json" Version="13.0.1" /><PackageReference Include="workos.NET"><Version>${v}</Version></PackageReference></ItemGroup></Project>`;
    const s = await scan({ 'App.csproj': csproj('2.3.0') });
    expect(s.packages[0]).toMatchObject({
      name: 'WorkOS.net',
      ecosystem: 'nuget',
      language: 'dotnet',
      version: '2.3.0',
      source: 'App.csproj',
    });
    const locked = await scan({
      'App.csproj': csproj('2.*'),
      'packages.lock.json': JSON.stringify({
        version: 1,
        dependencies: {
          'net8.0': { 'WorkOS.net': { type: 'Direct', requested: '[2.0.0, )', resolved: '2.4.1' } },
        },
      }),
    });
    expect(locked.packages[0]).toMatchObject({
      version: '2.4.1',
      range: '2.*',
      source: 'packages.lock.json',
    });
  });

  it('Java: pom.xml with a ${property} version, build.gradle(.kts) notations, the version catalog', async () => {
    const pom = await scan({
      'pom.xml': `<?xml version="1.0"?><project xmlns="http://maven.apache.org/POM/4.0.0"><properties><workos.version>4.1.0</workos.version></properties><dependencies><dependency><groupId>com.workos</groupId><artifactId>workos</artifactId><version>\${workos.version}</version></dependency></dependencies></project>`,
    });
    expect(pom.packages[0]).toMatchObject({
      name: 'com.workos:workos',
      ecosystem: 'maven',
      language: 'java',
      version: '4.1.0',
      source: 'pom.xml',
    });
    const kts = await scan({
      'build.gradle.kts': 'dependencies {\n  implementation("com.workos:workos:3.2.0")\n}\n',
    });
    expect(kts.packages[0]).toMatchObject({ version: '3.2.0', source: 'build.gradle.kts' });
    const groovy = await scan({
      'build.gradle': "dependencies { implementation group: 'com.workos', name: 'workos', version: '4.+' }",
    });
    expect(groovy.packages[0]).toMatchObject({ range: '4.+', source: 'build.gradle' });
    const catalog = await scan({
      'gradle/libs.versions.toml':
        '[versions]\nworkos = "4.3.0"\n[libraries]\nworkos = { module = "com.workos:workos", version.ref = "workos" }\n',
    });
    expect(catalog.packages[0]).toMatchObject({ version: '4.3.0', source: 'gradle/libs.versions.toml' });
  });

  it('a polyglot root reports every SDK, each with its own language', async () => {
    const s = await scan({
      ...npmProject('@workos-inc/node', '12.3.0'),
      'requirements.txt': 'workos==4.21.0\n',
      'go.mod': 'module x\nrequire github.com/workos/workos-go/v4 v4.21.0\n',
    });
    expect(s.packages.map((p) => [p.language, p.name, p.version])).toEqual([
      ['js', '@workos-inc/node', '12.3.0'],
      ['python', 'workos', '4.21.0'],
      ['go', 'github.com/workos/workos-go/v4', 'v4.21.0'],
    ]);
  });
});

describe('bad input is skipped with a note, never a crash or a read outside the root', () => {
  it('malformed manifests and lockfiles of every format', async () => {
    const s = await scan({
      'package.json': '{"dependencies": {"@workos-inc/node": ',
      'package-lock.json': '[1, 2, 3]',
      'pnpm-lock.yaml': 'importers: [unclosed\n  - : :',
      'yarn.lock': '\u0000\u0001\u0002 binary \uFFFD',
      'pyproject.toml': '[project\nname = ',
      'poetry.lock': 'package = "not tables"',
      'Gemfile.lock': 'this is not a lockfile',
      'go.mod': 'require github.com/workos/workos-go/v4 v4.0.0',
      'composer.lock': 'null',
      'App.csproj': '<Project><ItemGroup></Project>',
      'pom.xml': '<project><dependencies>',
      'build.gradle': '\u0000'.repeat(100),
    });
    expect(s.packages).toEqual([]);
    const byFile = Object.fromEntries(s.notes.map((n) => [n.file, n.reason]));
    expect(byFile['package.json']).toMatch(/^skipped: malformed \(/);
    expect(byFile['package-lock.json']).toMatch(/not the expected structure/);
    expect(byFile['pnpm-lock.yaml']).toMatch(/^skipped: malformed/);
    expect(byFile['pyproject.toml']).toMatch(/^skipped: malformed/);
    expect(byFile['poetry.lock']).toMatch(/no \[\[package\]\] tables/);
    expect(byFile['Gemfile.lock']).toMatch(/malformed/);
    expect(byFile['go.mod']).toMatch(/no `module` directive/);
    expect(byFile['composer.lock']).toMatch(/not the expected structure/);
    expect(byFile['App.csproj']).toMatch(/^skipped: malformed/);
    expect(byFile['pom.xml']).toMatch(/^skipped: malformed/);
    for (const n of s.notes) expect(n.reason).not.toContain('\n');
  });

  it('files past the size cap are not read', async () => {
    const s = await scan({
      'package.json': JSON.stringify({
        dependencies: { '@workos-inc/node': '^8.0.0' },
        pad: 'x'.repeat(MANIFEST_MAX_BYTES),
      }),
    });
    expect(s.packages).toEqual([]);
    expect(s.notes[0]).toMatchObject({ file: 'package.json' });
    expect(s.notes[0].reason).toMatch(/is 1\.0 MB, more than the 1\.0 MB read for this file/);
  });

  it('a lockfile bigger than its cap is skipped, the manifest still read', async () => {
    const dir = await projectDir({
      'package.json': JSON.stringify({ dependencies: { '@workos-inc/node': '^8.0.0' } }),
    });
    cleanup.push(dir);
    // A sparse file: huge to stat, costs nothing on disk, and must never be read.
    execFileSync('truncate', ['-s', String(LOCKFILE_MAX_BYTES + 1), join(dir, 'package-lock.json')]);
    const s = await scanRoots([{ given: dir, path: dir }], 'argument');
    expect(s.packages[0]).toMatchObject({ range: '^8.0.0', source: 'package.json' });
    expect(s.notes[0].reason).toMatch(/more than the 24 MB read/);
  });

  it('symlinks that resolve outside the root are refused; inside the root they are followed', async () => {
    const outside = await projectDir({
      'secret.json': JSON.stringify({ dependencies: { '@workos-inc/node': '1.0.0' } }),
    });
    cleanup.push(outside);
    const dir = await projectDir({
      'real-lock.json': JSON.stringify({
        lockfileVersion: 1,
        dependencies: { '@workos-inc/node': { version: '8.13.0' } },
      }),
    });
    cleanup.push(dir);
    await symlink(join(outside, 'secret.json'), join(dir, 'package.json'));
    await symlink(join(dir, 'real-lock.json'), join(dir, 'package-lock.json'));
    // pnpm-style: node_modules/@workos-inc/node is a symlink, here to a folder outside the root.
    await mkdir(join(dir, 'node_modules', '@workos-inc'), { recursive: true });
    await writeFile(
      join(outside, 'package.json'),
      JSON.stringify({ name: '@workos-inc/node', version: '9.9.9' }),
    );
    await symlink(outside, join(dir, 'node_modules', '@workos-inc', 'node'));
    const s = await scanRoots([{ given: dir, path: dir }], 'argument');
    expect(s.packages).toEqual([expect.objectContaining({ version: '8.13.0', source: 'package-lock.json' })]);
    const reasons = s.notes.map((n) => `${n.file}: ${n.reason}`);
    expect(reasons).toEqual([
      'package.json: skipped: is a symlink to a place outside the root',
      'node_modules/@workos-inc/node/package.json: skipped: is a symlink to a place outside the root',
    ]);
  });

  it('a symlink loop, a folder and a FIFO under a manifest name are skipped without hanging', async () => {
    const dir = await projectDir({});
    cleanup.push(dir);
    await symlink(join(dir, 'yarn.lock'), join(dir, 'yarn.lock.tmp'));
    await rm(join(dir, 'yarn.lock.tmp'));
    await symlink('package.json', join(dir, 'package.json')).catch(() => undefined);
    await mkdir(join(dir, 'go.mod'));
    execFileSync('mkfifo', [join(dir, 'package-lock.json')]);
    const s = await scanRoots([{ given: dir, path: dir }], 'argument');
    const reasons = Object.fromEntries(s.notes.map((n) => [n.file, n.reason]));
    expect(reasons['package.json']).toMatch(/symlink loop/);
    expect(reasons['package-lock.json']).toMatch(/not a regular file/);
    expect(reasons['go.mod']).toMatch(/not a regular file/);
    expect(s.packages).toEqual([]);
  });

  it('roots that are not file:// URIs, other hosts, garbage, missing folders and files', async () => {
    const file = join(await projectDir({ 'a.txt': 'x' }), 'a.txt');
    const inputs = [
      rootFromUri('https://example.com/project'),
      rootFromUri('file://otherhost/share/project'),
      rootFromUri('not a uri at all'),
      rootFromUri(pathToFileURL(join(tmpdir(), 'wdm-no-such-folder-3141')).href),
      rootFromUri(pathToFileURL(file).href),
      rootFromUri('file:///%00'),
    ];
    const s = await scanRoots(inputs, 'client-roots');
    expect(s.roots.map((r) => [r.status, r.reason])).toEqual([
      ['skipped', 'is a https: URI, not file://'],
      ['skipped', 'names another host (otherhost)'],
      ['skipped', 'is not a URI'],
      ['skipped', 'does not exist'],
      ['skipped', 'is not a folder'],
      ['skipped', expect.stringMatching(/./)],
    ]);
    expect(s.packages).toEqual([]);
  });

  it(`many roots: only the first ${MAX_ROOTS} are read, duplicates once`, async () => {
    const dir = await projectDir(npmProject('@workos-inc/node', '8.13.0'));
    cleanup.push(dir);
    const uri = pathToFileURL(dir).href;
    const inputs = Array.from({ length: 50 }, () => rootFromUri(uri));
    const s = await scanRoots(inputs, 'client-roots');
    expect(s.roots.filter((r) => r.status === 'read')).toHaveLength(1);
    expect(s.roots[1].reason).toBe('is the same folder as an earlier root');
    expect(s.roots[MAX_ROOTS].reason).toMatch(/only the first 8 roots/);
    expect(s.packages).toHaveLength(1);
  });

  it('two project roots keep their own versions, in the client order', async () => {
    const a = await projectDir(npmProject('@workos-inc/node', '8.13.0'));
    const b = await projectDir(npmProject('@workos-inc/node', '12.3.0'));
    cleanup.push(a, b);
    const s = await scanRoots(
      [rootFromUri(pathToFileURL(b).href), rootFromUri(pathToFileURL(a).href)],
      'client-roots',
    );
    expect(s.packages.map((p) => p.version)).toEqual(['12.3.0', '8.13.0']);
  });
});
