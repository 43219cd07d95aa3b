import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A fresh folder holding `files` (relative name -> content), for one project fixture. */
export async function projectDir(
  files: Record<string, string | Buffer>,
  prefix = 'wdm-project-',
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await writeFiles(dir, files);
  return dir;
}

export async function writeFiles(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const file = join(dir, name);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

/** package.json + package-lock.json (v3) pinning one npm package, as `npm install` writes them. */
export function npmProject(name: string, version: string, range = `^${version}`): Record<string, string> {
  return {
    'package.json': JSON.stringify(
      { name: 'app', version: '1.0.0', dependencies: { [name]: range } },
      null,
      2,
    ),
    'package-lock.json': JSON.stringify(
      {
        name: 'app',
        version: '1.0.0',
        lockfileVersion: 3,
        requires: true,
        packages: {
          '': { name: 'app', version: '1.0.0', dependencies: { [name]: range } },
          [`node_modules/${name}`]: {
            version,
            resolved: `https://registry.npmjs.org/${name}/-/${name.split('/').at(-1)}-${version}.tgz`,
            integrity: 'sha512-AAAA',
          },
        },
      },
      null,
      2,
    ),
  };
}
