import type { ChangelogEntry } from '../corpus/types.js';
import { compareVersions, isVersion } from '../corpus/versions.js';
import type { AnswerContext } from './answer-context.js';
import { apiChanges, projectVersionOf, sdkPackageNamed, type ApiChanges } from './api-changes.js';
import { InvalidArgumentError, UnknownPackageError } from './errors.js';
import { explainEmptySince } from './changelog-since.js';
import { resolveLegacyPackage } from './legacy-packages.js';
import type { Runtime } from './runtime.js';
import { cleanQuery } from './query-limits.js';

export const DEFAULT_PACKAGE = 'workos-platform';
/** An entry body longer than this is cut (the entry URL has the rest). */
const MAX_ENTRY_CHARS = 2500;
const MAX_TOTAL_CHARS = 18000;

/** Resolved by the changelogs operation's input schema (operations/changelogs.ts): limit defaulted and in range. */
export interface ChangelogOptions {
  package?: string;
  /** ISO date (`2025-01-31`) or, for SDK packages, a version (`7.0.0`). */
  since?: string;
  /** For SDK packages: the version the API changes run to (default: the one this server carries). */
  until?: string;
  query?: string;
  limit: number;
}

export interface ChangelogAnswer {
  package: string;
  packages: string[];
  since?: string;
  query?: string;
  entries: (ChangelogEntry & { truncated: boolean })[];
  /** Matching entries before the limit. */
  total: number;
  notes: string[];
  /** For a JS SDK between two versions: the API changes, from the type declarations of both. */
  api?: ApiChanges;
}

export function changelogPackages(runtime: Runtime): string[] {
  return [...new Set(runtime.corpus.changelogs.map((e) => e.package))].sort();
}

/** Exact name, or a unique package whose name ends with it (`node` -> `@workos-inc/node`). */
function resolvePackage(asked: string, available: string[]): string {
  const wanted = asked.trim().toLowerCase();
  if (available.includes(wanted)) return wanted;
  const matches = available.filter(
    (p) => p.toLowerCase().endsWith(`/${wanted}`) || p.toLowerCase() === `@workos-inc/${wanted}`,
  );
  if (matches.length === 1) return matches[0];
  if (['platform', 'workos', 'api', 'dashboard'].includes(wanted) && available.includes(DEFAULT_PACKAGE))
    return DEFAULT_PACKAGE;
  throw new UnknownPackageError(asked.slice(0, 60), available);
}

const ISO_DATE = /^\d{4}-\d{2}(-\d{2})?$/;

function sinceFilter(since: string): (e: ChangelogEntry) => boolean {
  if (ISO_DATE.test(since)) {
    const date = since.length === 7 ? `${since}-01` : since;
    if (Number.isNaN(Date.parse(date)))
      throw new InvalidArgumentError('since', `since "${since}" is not a valid date.`);
    return (e) => e.date !== undefined && e.date >= date;
  }
  if (isVersion(since)) return (e) => isVersion(e.version) && compareVersions(e.version, since) >= 0;
  const parsed = Date.parse(since);
  if (Number.isNaN(parsed)) {
    throw new InvalidArgumentError(
      'since',
      `since "${since.slice(0, 40)}" is neither a date (YYYY-MM-DD) nor a version (1.2.3).`,
    );
  }
  const date = new Date(parsed).toISOString().slice(0, 10);
  return (e) => e.date !== undefined && e.date >= date;
}

function newestFirst(a: ChangelogEntry, b: ChangelogEntry): number {
  if (a.date && b.date && a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (isVersion(a.version) && isVersion(b.version)) return compareVersions(b.version, a.version);
  return 0;
}

export function changelogs(runtime: Runtime, options: ChangelogOptions): ChangelogAnswer {
  const packages = changelogPackages(runtime);
  const notes: string[] = [];
  const { limit } = options;
  const since = options.since?.trim() || undefined;
  const query = cleanQuery(options.query, notes);
  let pkg = DEFAULT_PACKAGE;
  if (options.package?.trim()) {
    try {
      pkg = resolvePackage(options.package, packages);
    } catch (err) {
      // Names the old server documented (`@workos/node`, `@workos/python`, …) are answered, not rejected.
      const legacy = resolveLegacyPackage(options.package, packages, runtime.corpus.manifest.sources);
      if (!legacy) throw err;
      if (legacy.kind === 'unavailable')
        return { package: legacy.name, packages, since, query, entries: [], total: 0, notes: legacy.notes };
      pkg = legacy.pkg;
      notes.push(legacy.note);
    }
  }

  const all = runtime.corpus.changelogs.filter((e) => e.package === pkg);
  let entries = since ? all.filter(sinceFilter(since)) : all;
  const sinceOnly = entries;
  if (query) {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    entries = entries.filter((e) => {
      const text = `${e.version} ${e.title} ${e.text}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
  }
  entries = [...entries].sort(newestFirst);

  const shown: ChangelogAnswer['entries'] = [];
  let used = 0;
  for (const e of entries.slice(0, limit)) {
    const truncated = e.text.length > MAX_ENTRY_CHARS;
    const text = truncated ? `${e.text.slice(0, MAX_ENTRY_CHARS).trimEnd()} …` : e.text;
    if (shown.length > 0 && used + text.length > MAX_TOTAL_CHARS) {
      notes.push(
        `Stopped at ${shown.length} entries to keep the answer short; use \`since\` or \`query\` to narrow.`,
      );
      break;
    }
    used += text.length;
    shown.push({ ...e, text, truncated });
  }
  if (entries.length === 0)
    notes.push(
      (since && explainEmptySince(pkg, all, since, sinceOnly)) ||
        'No entries match; try without `since` or `query`.',
    );
  return { package: pkg, packages, since, query, entries: shown, total: entries.length, notes };
}

/**
 * The changelog operation: a package's entries, and for a JS SDK between two versions the API
 * changes computed from the declarations of both (the migration answer even when the package ships
 * no CHANGELOG). Without `since`, a project on an older version gets the changes since its version.
 */
export function changelogsWithApi(
  runtime: Runtime,
  options: ChangelogOptions,
  context: AnswerContext,
): ChangelogAnswer | Promise<ChangelogAnswer> {
  const pkg = sdkPackageNamed(runtime, options.package);
  if (!pkg) return changelogs(runtime, options);
  const asked = options.since?.trim();
  const mine = asked ? undefined : projectVersionOf(runtime, context, pkg);
  const since = asked ?? mine;
  const versionRange = (since !== undefined && isVersion(since)) || Boolean(options.until?.trim());
  // Validated here too: a package without entries would otherwise never look at it.
  if (since !== undefined && !versionRange) sinceFilter(since);
  const base = entriesOrNone(
    runtime,
    { ...options, package: pkg, since: versionRange ? undefined : since },
    pkg,
  );
  if (!versionRange) {
    if (base.entries.length === 0)
      base.notes.push(
        `${pkg} ships no CHANGELOG here; pass \`since\` (a version like 8.13.0) for its API changes up to ${runtime.corpus.sdk?.surfaces.find((s) => s.package === pkg)?.version ?? 'the newest'}, computed from its type declarations.`,
      );
    return base;
  }
  const from = since ?? runtime.corpus.sdk?.surfaces.find((s) => s.package === pkg)?.version ?? '';
  // Only this part waits (another version's surface may need reading or a download).
  return withApiChanges(runtime, context, base, { pkg, from, until: options.until, mine });
}

async function withApiChanges(
  runtime: Runtime,
  context: AnswerContext,
  base: ChangelogAnswer,
  ask: { pkg: string; from: string; until?: string; mine?: string },
): Promise<ChangelogAnswer> {
  const { pkg, from, mine } = ask;
  const api = await apiChanges(runtime, context, pkg, from, ask.until);
  if (mine) api.notes.unshift(`Since ${mine}, the version your project has.`);
  const entries = base.entries.filter(
    (e) =>
      !isVersion(e.version) ||
      (compareVersions(e.version, api.from) > 0 && compareVersions(e.version, api.to) <= 0),
  );
  const notes = base.notes.filter((n) => !n.startsWith('No entries match'));
  return { ...base, since: api.from, entries, total: entries.length, notes, api };
}

/** The package's entries, or none (a JS SDK without a CHANGELOG is not an unknown package here). */
function entriesOrNone(runtime: Runtime, options: ChangelogOptions, pkg: string): ChangelogAnswer {
  try {
    return changelogs(runtime, options);
  } catch (err) {
    if (!(err instanceof UnknownPackageError)) throw err;
    return { package: pkg, packages: changelogPackages(runtime), entries: [], total: 0, notes: [] };
  }
}
