import { LOCKFILE_MAX_BYTES } from './root-reader.js';
import { RANK, type Observation, type ScanContext } from './scan-context.js';

const GEM = 'workos';

/**
 * Gemfile.lock is a fixed line format written by Bundler: a section header at column 0
 * (`GEM`, `PATH`, `GIT`, `DEPENDENCIES`, …), `specs:` below source sections, resolved gems at
 * exactly four spaces (`    workos (5.2.1)`, platform gems `(5.2.1-x86_64-linux)`), their own
 * dependencies at six. The DEPENDENCIES section gives the Gemfile's range (`  workos (~> 5.0)`).
 */
export function parseGemfileLock(text: string): { version?: string; range?: string; found: boolean } {
  let section = '';
  let version: string | undefined;
  let range: string | undefined;
  let found = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\S/.test(line)) {
      section = line.trim();
      continue;
    }
    const spec = /^ {4}([A-Za-z0-9_.-]+) \(([^)]+)\)\s*$/.exec(line);
    if (spec && ['GEM', 'PATH', 'GIT'].includes(section) && spec[1] === GEM) {
      version = spec[2].replace(/-[a-z][\w-]*$/i, '');
      found = true;
    }
    const dep = /^ {2}([A-Za-z0-9_.-]+)!?(?: \(([^)]+)\))?\s*$/.exec(line);
    if (dep && section === 'DEPENDENCIES' && dep[1] === GEM) {
      range = dep[2];
      found = true;
    }
  }
  return { version, range, found };
}

export async function readRuby(ctx: ScanContext): Promise<Observation[]> {
  const text = await ctx.text('Gemfile.lock', LOCKFILE_MAX_BYTES);
  if (text === undefined) return [];
  if (!/^(GEM|PATH|GIT|DEPENDENCIES)\s*$/m.test(text)) {
    ctx.note('Gemfile.lock', 'skipped: malformed (no GEM or DEPENDENCIES section)');
    return [];
  }
  const lock = parseGemfileLock(text);
  if (!lock.found) return [];
  return [
    {
      name: GEM,
      ...(lock.version ? { version: lock.version } : {}),
      ...(lock.range ? { range: lock.range } : {}),
      source: 'Gemfile.lock',
      rank: lock.version ? RANK.lockfile : RANK.manifest,
    },
  ];
}
