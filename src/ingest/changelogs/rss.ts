import { readFile } from 'node:fs/promises';
import Parser from 'rss-parser';
import type { ChangelogEntry } from '../../corpus/types.js';

/** The package name the WorkOS platform changelog is filed under (same as the docs bundle's JSON). */
export const PLATFORM_PACKAGE = 'workos-platform';

const FETCH_TIMEOUT_MS = 15_000;

export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}

/** Parses RSS/Atom XML into platform changelog entries, newest first. */
export async function parseChangelogFeed(
  xml: string,
  packageName = PLATFORM_PACKAGE,
): Promise<ChangelogEntry[]> {
  let feed: Parser.Output<Record<string, unknown>>;
  try {
    feed = await new Parser().parseString(xml);
  } catch (err) {
    throw new FeedError(`not a valid RSS or Atom feed (${err instanceof Error ? err.message : String(err)})`);
  }
  const entries: ChangelogEntry[] = [];
  for (const item of feed.items) {
    const title = (item.title ?? '').trim();
    if (!title) continue;
    const iso = item.isoDate ?? (item.pubDate ? safeIso(item.pubDate) : undefined);
    const text = (item.contentSnippet ?? item.summary ?? '').trim();
    entries.push({
      package: packageName,
      version: title,
      title,
      ...(iso ? { date: iso.slice(0, 10) } : {}),
      text,
      ...(item.link ? { url: item.link } : {}),
    });
  }
  // Dated entries newest first; undated ones keep feed order at the end.
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (b.e.date ?? '').localeCompare(a.e.date ?? '') || a.i - b.i)
    .map(({ e }) => e);
}

function safeIso(date: string): string | undefined {
  const t = Date.parse(date);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/**
 * Reads a feed from an http(s) URL or a local file (an operator-given build option, so both are allowed).
 * `fetchImpl` is injectable for tests; the default is the global fetch.
 */
export async function loadChangelogFeed(
  location: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ entries: ChangelogEntry[]; xmlBytes: number }> {
  let xml: string;
  if (/^https?:\/\//i.test(location)) {
    let res: Response;
    try {
      res = await fetchImpl(location, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    } catch (err) {
      throw new FeedError(`could not fetch changelog feed ${location}: ${causeOf(err)}`);
    }
    if (!res.ok) throw new FeedError(`could not fetch changelog feed ${location}: HTTP ${res.status}`);
    xml = await res.text();
  } else {
    try {
      xml = await readFile(location, 'utf8');
    } catch (err) {
      throw new FeedError(`could not read changelog feed file ${location}: ${causeOf(err)}`);
    }
  }
  const entries = await parseChangelogFeed(xml);
  return { entries, xmlBytes: Buffer.byteLength(xml) };
}

function causeOf(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof Error) return cause.message;
    return err.message;
  }
  return String(err);
}
