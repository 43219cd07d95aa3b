import type { ChangelogEntry } from '../corpus/types.js';
import { compareVersions, isVersion } from '../corpus/versions.js';

/**
 * Why `since` left nothing, in words a person can act on. `changelog --since 1.2.3` on the platform
 * feed (dated, not versioned) and `--since 2026-01-01` on an SDK changelog without dates used to
 * answer "0 entries" and nothing else; so did a version newer than any entry.
 */
export function explainEmptySince(
  pkg: string,
  all: readonly ChangelogEntry[],
  since: string,
  sinceOnly: readonly ChangelogEntry[],
): string | undefined {
  if (all.length === 0) return undefined;
  if (sinceOnly.length > 0)
    return `${sinceOnly.length} ${plural(sinceOnly.length, 'entry', 'entries')} of \`${pkg}\` since ${since}, but none has every word of \`query\`.`;
  const dates = all
    .map((e) => e.date)
    .filter((d): d is string => d !== undefined)
    .sort();
  const versions = all
    .map((e) => e.version)
    .filter(isVersion)
    .sort(compareVersions);
  const dateRange = dates.length > 0 ? `${dates[0]} to ${dates[dates.length - 1]}` : undefined;
  const versionRange = versions.length > 0 ? `${versions[0]} to ${versions[versions.length - 1]}` : undefined;
  // Checked like the filter does: a date first (`2026-01-01` would also pass as a loose version).
  const asDate = ISO_DATE.test(since) || !isVersion(since);
  if (!asDate) {
    if (!versionRange)
      return `\`${pkg}\` entries are dated, not versioned: pass \`since\` as a date (YYYY-MM-DD); they run from ${dateRange ?? 'no known date'}.`;
    return `No \`${pkg}\` entry at or after version ${since}: the newest is ${versions[versions.length - 1]} (versions ${versionRange}).`;
  }
  if (!dateRange)
    return `\`${pkg}\` entries carry versions, not dates: pass \`since\` as a version (e.g. ${versions[Math.max(0, versions.length - 3)] ?? '1.0.0'}); they run from ${versionRange ?? 'no known version'}.`;
  return `No \`${pkg}\` entry on or after ${since}: the newest is from ${dates[dates.length - 1]} (entries ${dateRange}).`;
}

const ISO_DATE = /^\d{4}-\d{2}(-\d{2})?$/;

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);
