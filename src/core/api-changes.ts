import semver from 'semver';
import type { SdkSurface } from '../corpus/sdk-surface.js';
import type { AnswerContext } from './answer-context.js';
import { InvalidArgumentError } from './errors.js';
import type { Runtime } from './runtime.js';
import { surfaceAt } from './sdk-choice.js';
import { diffSurfaces, type SurfaceDiff } from './surface-diff/index.js';

/** The API difference between two versions of one JS SDK, computed from their type declarations. */
export interface ApiChanges {
  package: string;
  from: string;
  to: string;
  diff: SurfaceDiff;
  /** How each version was obtained, when that cost something (a download). */
  notes: string[];
}

/**
 * The JS SDK package a changelog request names, when the corpus carries its surface: the full
 * name, or its last part (`node` -> `@workos-inc/node`, `authkit-nextjs`).
 */
export function sdkPackageNamed(runtime: Runtime, asked: string | undefined): string | undefined {
  const wanted = asked?.trim().toLowerCase();
  if (!wanted) return undefined;
  const surfaces = runtime.corpus.sdk?.surfaces ?? [];
  const exact = surfaces.find((s) => s.package === wanted);
  if (exact) return exact.package;
  const bySlug = surfaces.filter((s) => s.slug === wanted || s.package.endsWith(`/${wanted}`));
  return bySlug.length === 1 ? bySlug[0].package : undefined;
}

/** The version the project has of a package, when it is older than the corpus's (what "since" usually means). */
export function projectVersionOf(runtime: Runtime, context: AnswerContext, pkg: string): string | undefined {
  const pinned = runtime.corpus.sdk?.surfaces.find((s) => s.package === pkg)?.version;
  const mine = context.project.find((p) => p.name === pkg && p.version)?.version;
  return mine && pinned && semver.valid(mine) && semver.lt(mine, pinned) ? mine : undefined;
}

/**
 * What changed in `pkg` from `since` to `until` (default: the version the corpus carries). Each
 * version's surface comes from the corpus, the user cache or npm; one that cannot be had is an
 * error that says why, never a diff against some other version.
 */
export async function apiChanges(
  runtime: Runtime,
  context: AnswerContext,
  pkg: string,
  since: string,
  until?: string,
): Promise<ApiChanges> {
  const pinned = runtime.corpus.sdk?.surfaces.find((s) => s.package === pkg);
  const from = exact('since', since);
  const to = until?.trim() ? exact('until', until) : pinned?.version;
  if (!to) throw new InvalidArgumentError('until', `Pass \`until\`: this corpus carries no ${pkg} version.`);
  const notes: string[] = [];
  if (!until?.trim()) notes.push(`Up to ${to}, the version this server carries; pass \`until\` for another.`);
  const [a, b] = await Promise.all([get(from, 'since'), get(to, 'until')]);
  return { package: pkg, from, to, diff: diffSurfaces(a, b), notes };

  async function get(version: string, field: string): Promise<SdkSurface> {
    const found = await surfaceAt(runtime, context, pkg, version);
    if (!found.ok)
      throw new InvalidArgumentError(field, `No API surface for ${pkg} ${version}: ${found.reason}.`);
    if (found.origin === 'fetched' && found.ms !== undefined)
      notes.push(
        `${pkg} ${version} was downloaded from npm and read in ${(found.ms / 1000).toFixed(1)} s (cached for next time).`,
      );
    return found.surface;
  }
}

function exact(field: string, text: string): string {
  const v = text.trim().replace(/^v/, '');
  if (!semver.valid(v))
    throw new InvalidArgumentError(
      field,
      `${field} "${text.slice(0, 40)}" is not an exact version (like 8.13.0).`,
    );
  return v;
}
