import type { Root, RootContent } from 'mdast';
import type { ReferenceEntry } from '../corpus/types.js';
import { toText } from './mdast-utils.js';

// Title, description and breadcrumb of a doc: what a search result or a table of contents shows.

const DESCRIPTION_MAX = 240;

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

const SDK_NAMES: Record<string, string> = {
  node: 'Node.js',
  dotnet: '.NET',
  php: 'PHP',
  go: 'Go',
  java: 'Java',
  laravel: 'Laravel',
  elixir: 'Elixir',
  python: 'Python',
  ruby: 'Ruby',
};

/** `reference/sso/connection` -> `Connection` for pages with no title anywhere; `sdks/node` -> `Node.js SDK`. */
function titleFromPath(path: string): string {
  const last = path.split('/').at(-1) || 'Overview';
  if (path.startsWith('sdks/'))
    return `${SDK_NAMES[last] ?? last.replace(/^\w/, (c) => c.toUpperCase())} SDK`;
  return last.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

/**
 * The page title: frontmatter, else its first heading, else the navigation's title, else the path.
 * SDK stub pages open with a generic `## Installation`, which would title all of them alike.
 */
export function titleOf(
  path: string,
  frontmatter: Record<string, unknown>,
  firstHeading: RootContent | undefined,
  navTitles: Map<string, string>,
): string {
  const fromHeading = firstHeading && !path.startsWith('sdks/') ? toText(firstHeading).trim() : undefined;
  return str(frontmatter.title) ?? (fromHeading || undefined) ?? navTitles.get(path) ?? titleFromPath(path);
}

/** The first paragraph, cut at a sentence end near the limit: a search-result sized summary. */
export function summaryOf(tree: Root, reference: ReferenceEntry[]): string {
  // Prose only: a paragraph that is just an emphasised pointer ("_Example: … — see …_") or an image says nothing.
  const first = tree.children.find(
    (n) =>
      n.type === 'paragraph' &&
      !(n.children.length === 1 && (n.children[0].type === 'emphasis' || n.children[0].type === 'image')) &&
      toText(n).trim().length > 20,
  );
  if (!first) {
    // A reference page with no prose is summed up by what it documents.
    const primary = reference.find((r) => r.language === 'curl') ?? reference[0];
    return primary ? (primary.endpoint ? `${primary.httpMethod} ${primary.endpoint}` : primary.title) : '';
  }
  const value = toText(first).replace(/\s+/g, ' ').trim();
  if (value.length <= DESCRIPTION_MAX) return value;
  const cut = value.slice(0, DESCRIPTION_MAX);
  const stop = cut.lastIndexOf('. ');
  return stop > 80 ? cut.slice(0, stop + 1) : `${cut.replace(/\s+\S*$/, '')}…`;
}

/** From the navigation when the page is in it, else the frontmatter's `breadcrumb`, else the path's parents. */
export function breadcrumbOf(
  path: string,
  frontmatter: Record<string, unknown>,
  breadcrumbs: Map<string, string[]>,
  navTitles: Map<string, string>,
): string[] {
  const fromNav = breadcrumbs.get(path);
  if (fromNav) return fromNav;
  const fm = frontmatter.breadcrumb as { title?: unknown } | undefined;
  const fmTitle = fm && typeof fm === 'object' ? str(fm.title) : undefined;
  if (fmTitle) return [fmTitle];
  const segments = path.split('/').slice(0, -1);
  return segments.map((s, i) => navTitles.get(segments.slice(0, i + 1).join('/')) ?? titleFromPath(s));
}
