import { LOCKFILE_MAX_BYTES } from './root-reader.js';
import { asString, isRecord, RANK, type Observation, type ScanContext } from './scan-context.js';

/** `workos/workos-php` and its framework packages (`workos/workos-php-laravel`). */
const COMPOSER_NAME = /^workos\/[a-z0-9][a-z0-9._-]*$/;

/** PHP projects: composer.json ranges and composer.lock's resolved versions. */
export async function readPhp(ctx: ScanContext): Promise<Observation[]> {
  const out: Observation[] = [];
  const manifest = await ctx.json('composer.json');
  for (const field of ['require', 'require-dev']) {
    const deps = manifest?.[field];
    if (!isRecord(deps)) continue;
    for (const [name, spec] of Object.entries(deps)) {
      const range = asString(spec);
      if (COMPOSER_NAME.test(name) && range)
        out.push({ name, range, source: 'composer.json', rank: RANK.manifest });
    }
  }
  const lock = await ctx.json('composer.lock', LOCKFILE_MAX_BYTES);
  if (lock) {
    for (const field of ['packages', 'packages-dev']) {
      const list = lock[field];
      if (!Array.isArray(list)) continue;
      for (const p of list) {
        const name = isRecord(p) ? asString(p.name) : undefined;
        const version = isRecord(p) ? asString(p.version) : undefined;
        if (name && version && COMPOSER_NAME.test(name))
          out.push({
            name,
            version: version.replace(/^v(?=\d)/, ''),
            source: 'composer.lock',
            rank: RANK.lockfile,
          });
      }
    }
  }
  return out;
}
