import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { slug } from 'github-slugger';
import type { BuildProblem, ChangelogEntry, Doc } from '../corpus/types.js';

interface RawChangelog {
  package?: unknown;
  version?: unknown;
  title?: unknown;
  date?: unknown;
  changes?: unknown;
  summary?: unknown;
  url?: unknown;
  type?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function isoDate(value: unknown): string | undefined {
  const s = str(value);
  if (!s) return undefined;
  const direct = /^\d{4}-\d{2}-\d{2}/.exec(s)?.[0];
  if (direct) return direct;
  const parsed = new Date(s);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString().slice(0, 10);
}

/** One JSON changelog file (`[{package, version, date, changes[], url}]`) -> entries; bad items are reported. */
export function parseChangelogJson(file: string, json: unknown, problems: BuildProblem[]): ChangelogEntry[] {
  if (!Array.isArray(json)) {
    problems.push({ file, reason: 'changelog JSON is not an array of entries' });
    return [];
  }
  const out: ChangelogEntry[] = [];
  json.forEach((raw: RawChangelog, i) => {
    const title = str(raw?.title) ?? str(raw?.version);
    if (!title) {
      problems.push({ file, reason: `entry ${i} has no title or version` });
      return;
    }
    const changes = Array.isArray(raw.changes)
      ? raw.changes.filter((c): c is string => typeof c === 'string')
      : [];
    const text = changes.length
      ? changes.map((c) => (changes.length > 1 ? `- ${c}` : c)).join('\n')
      : (str(raw.summary) ?? '');
    const entry: ChangelogEntry = {
      package: str(raw.package) ?? 'workos-platform',
      version: str(raw.version) ?? title,
      title,
      text,
    };
    const date = isoDate(raw.date);
    if (date) entry.date = date;
    const url = str(raw.url);
    if (url) entry.url = url;
    const type = str(raw.type);
    if (type) entry.changeType = type;
    out.push(entry);
  });
  return out;
}

/** Changelog JSON files next to a docs folder: `<dir>/changelogs/*.json` or `<dir>/../changelogs/*.json`. */
export function loadChangelogs(docsRoot: string, problems: BuildProblem[]): ChangelogEntry[] {
  const dirs = [join(docsRoot, 'changelogs'), join(docsRoot, '..', 'changelogs')].filter((d) =>
    existsSync(d),
  );
  const out: ChangelogEntry[] = [];
  for (const dir of dirs.slice(0, 1)) {
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const file = join(dir, name);
      try {
        out.push(
          ...parseChangelogJson(`changelogs/${name}`, JSON.parse(readFileSync(file, 'utf8')), problems),
        );
      } catch (err) {
        problems.push({ file: `changelogs/${name}`, reason: `invalid JSON: ${(err as Error).message}` });
      }
    }
  }
  return out;
}

/** `https://workos.com/changelog/fine-grained-authorization` -> `changelog/fine-grained-authorization`. */
function changelogPath(entry: ChangelogEntry, used: Set<string>): string {
  const fromUrl = entry.url ? /\/changelog\/([^/?#]+)/.exec(entry.url)?.[1] : undefined;
  const slug =
    fromUrl ??
    entry.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  let path = `changelog/${slug}`;
  for (let i = 2; used.has(path); i++) path = `changelog/${slug}-${i}`;
  used.add(path);
  return path;
}

/** Platform announcements are also docs (kind `changelog`) so search finds "what's new" questions. */
export function changelogDocs(entries: ChangelogEntry[], source: string): Doc[] {
  const used = new Set<string>();
  return entries
    .filter((e) => e.package === 'workos-platform')
    .map((e) => {
      const path = changelogPath(e, used);
      // The title is the page's one H1 (answers drop a leading repeat of it); the date is a line of its own.
      const when = [e.date && `Published ${e.date}`, e.url && `Announcement: ${e.url}`]
        .filter(Boolean)
        .join(' · ');
      const body = [e.text, when].filter((part) => part.trim() !== '').join('\n\n');
      const markdown = `# ${e.title}\n\n${body}`;
      return {
        path,
        title: e.title,
        description: e.text.split('\n')[0].slice(0, 240),
        breadcrumb: ['Changelog'],
        url: e.url ?? `https://workos.com/${path}`,
        product: 'changelog',
        kind: 'changelog' as const,
        markdown,
        sections: [
          {
            anchor: slug(e.title),
            heading: e.title,
            depth: 1,
            headingPath: [e.title],
            markdown,
            identifiers: [],
          },
        ],
        reference: [],
        source,
      };
    });
}
