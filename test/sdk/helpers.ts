import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { create } from 'tar';
import { sha512Integrity } from '../../src/ingest/sdk/integrity.js';
import type { SourceManifest } from '../../src/ingest/sdk/manifest.js';

export async function tempDir(prefix = 'wdm-sdk-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A gzipped npm-style tarball (`package/<file>`) built with tar, as `npm pack` would produce. */
export async function makeTarball(files: Record<string, string>): Promise<Buffer> {
  const dir = await tempDir('wdm-tar-');
  try {
    for (const [name, content] of Object.entries(files)) {
      const file = join(dir, 'package', name);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
    }
    const out = join(dir, 'out.tgz');
    await create({ gzip: true, cwd: dir, file: out, portable: true }, ['package']);
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface FakePackage {
  name: string;
  version: string;
  tarball: Buffer;
  /** What the registry claims; defaults to the tarball's real integrity. */
  integrity?: string;
}

/**
 * A loopback npm registry: packuments at `/<name>` (scoped names `%2f`-encoded as npm does)
 * and tarballs at `/tarballs/<file>`. `setServed` swaps the bytes served for a tarball (corruption).
 */
export async function startFakeRegistry(packages: FakePackage[]): Promise<{
  url: string;
  close: () => Promise<void>;
  requests: string[];
  setServed: (name: string, bytes: Buffer) => void;
  /** Makes `pkg` the latest version of its name (bytes served as given, integrity as claimed). */
  publish: (pkg: FakePackage, served?: Buffer) => void;
  tarballUrl: (name: string, version: string) => string;
}> {
  const served = new Map<string, Buffer>();
  const requests: string[] = [];
  const fileOf = (name: string, version: string): string =>
    `${name.replace('@', '').replace('/', '-')}-${version}.tgz`;
  for (const p of packages) served.set(fileOf(p.name, p.version), p.tarball);
  let url = '';
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(req.url ?? '/');
    requests.push(path);
    if (path.startsWith('/tarballs/')) {
      const bytes = served.get(path.slice('/tarballs/'.length));
      if (!bytes) return void res.writeHead(404).end();
      return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
    }
    const pkg = packages.find((p) => `/${p.name}` === path);
    if (!pkg)
      return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
    const dist = {
      integrity: pkg.integrity ?? sha512Integrity(pkg.tarball),
      tarball: `${url}/tarballs/${fileOf(pkg.name, pkg.version)}`,
    };
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        name: pkg.name,
        'dist-tags': { latest: pkg.version },
        versions: { [pkg.version]: { version: pkg.version, dist } },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    setServed: (name, bytes) => {
      const p = packages.find((x) => x.name === name);
      if (p) served.set(fileOf(p.name, p.version), bytes);
    },
    publish: (pkg, bytes) => {
      const i = packages.findIndex((x) => x.name === pkg.name);
      if (i >= 0) packages.splice(i, 1, pkg);
      else packages.push(pkg);
      served.set(fileOf(pkg.name, pkg.version), bytes ?? pkg.tarball);
    },
    tarballUrl: (name, version) => `${url}/tarballs/${fileOf(name, version)}`,
  };
}

/** The docs bundle package and an SDK package, as the update tests publish them on the fake registry. */
export const FAKE_DOCS = '@workos/mcp-docs-server';
export const FAKE_SDK = '@example/authkit';

export function docsBundle(version: string, title: string): Promise<Buffer> {
  return makeTarball({
    'package.json': JSON.stringify({ name: FAKE_DOCS, version }),
    '.docs/organized/docs/sso/index.mdx': `---\ntitle: ${title}\ndescription: Single Sign-On with WorkOS.\n---\n\n## Choose your approach\n\nUse the \`getAuthorizationUrl\` method.\n`,
    '.docs/organized/changelogs/workos-platform.json': JSON.stringify([
      {
        package: 'workos-platform',
        version: 'FGA',
        date: '2026-02-17',
        changes: ['FGA is here.'],
        url: 'https://workos.com/changelog/fga',
      },
    ]),
    'dist/index.js': 'process.exit(1)',
  });
}

export function sdkTarball(version: string): Promise<Buffer> {
  return makeTarball({
    'package.json': JSON.stringify({ name: FAKE_SDK, version }),
    'README.md': `# AuthKit\n\n## Middleware\n\n\`\`\`ts\nexport default authkitMiddleware();\n\`\`\`\n`,
    'CHANGELOG.md': `# Changelog\n\n## ${version}\n\n### Minor Changes\n\n- New things.\n\n## 1.0.0\n\n### Major Changes\n\n- First.\n`,
  });
}

/** The SDK manifest an update starts from: pinned at an older version, which update replaces with the newest. */
export function fakeUpdateManifest(): SourceManifest {
  return {
    packages: [
      {
        name: FAKE_SDK,
        version: '1.0.0',
        integrity: sha512Integrity(Buffer.from('old')),
        tarball: 'http://127.0.0.1:1/old.tgz',
        framework: 'nextjs',
      },
    ],
  };
}

/** A loopback registry with a newer docs bundle (0.3.0) and SDK (1.1.0): what an update finds. */
export async function startUpdateRegistry(): Promise<Awaited<ReturnType<typeof startFakeRegistry>>> {
  return startFakeRegistry([
    { name: FAKE_DOCS, version: '0.3.0', tarball: await docsBundle('0.3.0', 'Single Sign-On') },
    { name: FAKE_SDK, version: '1.1.0', tarball: await sdkTarball('1.1.0') },
  ]);
}
