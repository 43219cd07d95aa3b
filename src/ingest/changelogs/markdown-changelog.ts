import type { ChangelogEntry } from '../../corpus/types.js';
import { compareVersions, isVersion, normalizeVersion, semverBump } from '../../corpus/versions.js';

/**
 * Parses a package CHANGELOG.md into one entry per released version, newest first.
 *
 * Understands the two styles the WorkOS packages use:
 * - Changesets: `## 1.18.0` then `### Minor Changes` / `### Patch Changes`;
 * - Keep a Changelog: `## [1.2.0] - 2024-01-01` then `### Added` / `### Fixed`;
 * and the release-please variant `## [1.2.0](https://…/compare/…) (2024-01-01)`.
 * `Unreleased` sections are skipped: they describe no published version.
 */
export interface ChangelogSource {
  packageName: string;
  markdown: string;
  /** Link for every entry (e.g. the package's GitHub releases page). */
  url?: string;
}

interface VersionHeading {
  version: string;
  date?: string;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s*(`{3,}|~{3,})/;
const LINK_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s+\S+\s*$/;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;

/** Changesets bump names, most significant first: the entry's changeType is the biggest bump it contains. */
const BUMPS = ['major', 'minor', 'patch'] as const;

export function parseVersionHeading(text: string): VersionHeading | undefined {
  // `[1.2.0](https://...)` -> `1.2.0`, `[1.2.0]` -> `1.2.0`; then the first token is the version.
  const unlinked = text.replace(/\[([^\]]+)\](\([^)]*\))?/g, '$1').trim();
  const token = unlinked.split(/[\s(–—]+|\s-\s/)[0] ?? '';
  const candidate = token.replace(/^@[^@\s]+@/, '').replace(/^[^@\s]+@(?=v?\d)/, '');
  if (!isVersion(candidate)) return undefined;
  const date = ISO_DATE.exec(unlinked.slice(token.length));
  return { version: normalizeVersion(candidate), ...(date ? { date: date[0] } : {}) };
}

interface RawSection {
  heading: VersionHeading;
  lines: string[];
}

/** Splits on headings of the level the first version heading uses, ignoring code fences. */
function splitVersions(markdown: string): RawSection[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let level = 0;
  let inFence: string | undefined;
  const sections: RawSection[] = [];
  let current: RawSection | undefined;
  for (const line of lines) {
    const fence = FENCE.exec(line);
    if (inFence || fence) {
      // Headings inside code fences are code, not structure.
      if (!inFence && fence) inFence = fence[1][0];
      else if (fence && fence[1][0] === inFence) inFence = undefined;
      current?.lines.push(line);
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      const depth = h[1].length;
      const parsed = parseVersionHeading(h[2]);
      if (level === 0 && parsed) level = depth;
      if (depth === level) {
        current = parsed ? { heading: parsed, lines: [] } : undefined;
        if (current) sections.push(current);
        continue;
      }
      if (level !== 0 && depth < level) {
        current = undefined;
        continue;
      }
    }
    current?.lines.push(line);
  }
  return sections;
}

/** The kinds of change a version lists: Changesets bumps collapse to the biggest; other headings are listed. */
function changeTypeOf(body: string): string | undefined {
  const kinds: string[] = [];
  for (const line of body.split('\n')) {
    const h = HEADING.exec(line);
    if (!h) continue;
    const kind = h[2]
      .replace(/\s+changes?$/i, '')
      .trim()
      .toLowerCase();
    if (kind && !kinds.includes(kind)) kinds.push(kind);
  }
  const bump = BUMPS.find((b) => kinds.includes(b));
  if (bump) return bump;
  return kinds.length > 0 ? kinds.join(', ') : undefined;
}

export function parseMarkdownChangelog(source: ChangelogSource): ChangelogEntry[] {
  const entries: ChangelogEntry[] = [];
  const seen = new Set<string>();
  for (const section of splitVersions(source.markdown)) {
    const { version, date } = section.heading;
    // Keep a Changelog ends with `[1.2.0]: https://…/compare/…` definitions; they belong to no entry.
    const text = section.lines
      .filter((l) => !LINK_DEFINITION.test(l))
      .join('\n')
      .trim();
    // A version listed twice (merge accidents happen) keeps its first, newest-positioned entry.
    if (seen.has(version) || text === '') continue;
    seen.add(version);
    const changeType = changeTypeOf(text);
    entries.push({
      package: source.packageName,
      version,
      title: `${source.packageName} ${version}`,
      ...(date ? { date } : {}),
      ...(changeType ? { changeType } : {}),
      text,
      ...(source.url ? { url: source.url } : {}),
    });
  }
  entries.sort((a, b) => compareVersions(b.version, a.version));
  // Older Changesets entries often list changes without a `### Patch Changes` heading; the
  // version step from the previous release says the same thing.
  entries.forEach((e, i) => {
    const previous = entries[i + 1];
    if (!e.changeType && previous) {
      const bump = semverBump(previous.version, e.version);
      if (bump) e.changeType = bump;
    }
  });
  return entries;
}
