/**
 * Re-pins sources.json to the newest published version of every SDK package it lists
 * (run: `npm run sources:refresh`, then rebuild and review the diff before committing).
 * Uses `npm view`, so the operator's registry configuration applies.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { validateManifest } from '../src/ingest/sdk/manifest.js';
import { npmViewRegistry } from '../src/ingest/sdk/registry.js';

const file = fileURLToPath(new URL('../sources.json', import.meta.url));
const raw = JSON.parse(await readFile(file, 'utf8')) as { packages: Record<string, unknown>[] } & Record<
  string,
  unknown
>;
const manifest = validateManifest(raw, file);
const registry = npmViewRegistry();
const packages = [];
for (const pkg of manifest.packages) {
  const latest = await registry(pkg.name);
  if (latest.version !== pkg.version)
    process.stderr.write(`${pkg.name}: ${pkg.version} -> ${latest.version}\n`);
  packages.push({ ...pkg, version: latest.version, integrity: latest.integrity, tarball: latest.tarball });
}
validateManifest({ packages });
const tmp = `${file}.tmp`;
await writeFile(tmp, `${JSON.stringify({ ...raw, packages }, null, 2)}\n`);
await rename(tmp, file);
process.stderr.write(`sources.json: ${packages.length} packages pinned\n`);
