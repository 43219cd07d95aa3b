import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, npmPackFetcher } from '../../src/ingest/sdk/fetchers.js';
import { sha512Integrity } from '../../src/ingest/sdk/integrity.js';
import { npmViewRegistry, RegistryError } from '../../src/ingest/sdk/registry.js';
import { makeTarball, tempDir } from './helpers.js';

// A stand-in for the npm command: `pack` copies a fixture tarball into --pack-destination and prints
// npm's JSON; `view` prints the flattened fields npm prints; unknown packages fail like npm does.
const FAKE_NPM = `#!/usr/bin/env node
const fs = require('node:fs');
const path = require('node:path');
const [cmd, spec, ...rest] = process.argv.slice(2);
const fixture = process.env.FAKE_NPM_TARBALL;
if (!spec.startsWith('@example/ok@')) {
  process.stderr.write('npm error code E404\\nnpm error 404 Not Found - GET https://registry.example/' + spec + '\\n');
  process.exit(1);
}
if (cmd === 'pack') {
  const dest = rest[rest.indexOf('--pack-destination') + 1];
  fs.copyFileSync(fixture, path.join(dest, 'example-ok-1.0.0.tgz'));
  process.stdout.write(JSON.stringify([{ id: spec, filename: 'example-ok-1.0.0.tgz' }]));
} else if (cmd === 'view') {
  process.stdout.write(JSON.stringify({ version: '1.0.0', 'dist.integrity': process.env.FAKE_NPM_INTEGRITY, 'dist.tarball': 'https://registry.example/ok.tgz' }));
}
`;

let dir: string;
let npm: string;
let tarball: Buffer;

beforeAll(async () => {
  dir = await tempDir('wdm-npm-');
  npm = join(dir, 'npm');
  await writeFile(npm, FAKE_NPM);
  await chmod(npm, 0o755);
  tarball = await makeTarball({ 'README.md': '# ok' });
  await writeFile(join(dir, 'ok.tgz'), tarball);
  process.env.FAKE_NPM_TARBALL = join(dir, 'ok.tgz');
  process.env.FAKE_NPM_INTEGRITY = sha512Integrity(tarball);
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('npm-backed clients', () => {
  it('npm pack: returns the tarball bytes and leaves no temp folder behind', async () => {
    const bytes = await npmPackFetcher(npm)({ name: '@example/ok', version: '1.0.0' });
    expect(bytes.equals(await readFile(join(dir, 'ok.tgz')))).toBe(true);
  });

  it('npm pack: a failure carries npm’s own error line', async () => {
    const err = await npmPackFetcher(npm)({ name: '@example/missing', version: '1.0.0' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FetchError);
    expect((err as Error).message).toBe(
      'npm pack @example/missing@1.0.0 failed: 404 Not Found - GET https://registry.example/@example/missing@1.0.0',
    );
  });

  it('npm view: reads version, integrity and tarball', async () => {
    expect(await npmViewRegistry(npm)('@example/ok')).toEqual({
      name: '@example/ok',
      version: '1.0.0',
      integrity: sha512Integrity(tarball),
      tarball: 'https://registry.example/ok.tgz',
    });
    await expect(npmViewRegistry(npm)('@example/missing')).rejects.toThrow(RegistryError);
  });
});
