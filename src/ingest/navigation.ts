import type { NavArea, NavNode } from '../corpus/types.js';
import { navLinkToPath } from './doc-paths.js';

interface RawLink {
  title?: unknown;
  url?: unknown;
  links?: unknown;
}

function toNodes(links: unknown): NavNode[] {
  if (!Array.isArray(links)) return [];
  return links
    .filter((l): l is RawLink => !!l && typeof l === 'object')
    .map((l) => {
      const node: NavNode = { title: typeof l.title === 'string' ? l.title : '', children: toNodes(l.links) };
      if (typeof l.url === 'string') {
        const path = navLinkToPath(l.url);
        if (path !== undefined) node.path = path;
        else node.url = l.url;
      }
      return node;
    });
}

/** A `_navigation.mdx` frontmatter (`title`, `links:` tree) -> one product area. */
export function navAreaFrom(product: string, frontmatter: Record<string, unknown>): NavArea {
  const title = typeof frontmatter.title === 'string' ? frontmatter.title : product;
  return { product, title, children: toNodes(frontmatter.links) };
}

/**
 * Breadcrumbs from the navigation: for each doc path, the titles from the area down to the page's parent.
 * A page listed twice keeps its first position.
 */
export function breadcrumbIndex(areas: NavArea[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const walk = (nodes: NavNode[], trail: string[]): void => {
    for (const node of nodes) {
      if (node.path !== undefined && !index.has(node.path)) index.set(node.path, trail);
      walk(node.children, node.title ? [...trail, node.title] : trail);
    }
  };
  for (const area of areas) walk(area.children, [area.title]);
  return index;
}

/** Navigation titles per doc path (used when a page has no title of its own). */
export function navTitles(areas: NavArea[]): Map<string, string> {
  const titles = new Map<string, string>();
  const walk = (nodes: NavNode[]): void => {
    for (const node of nodes) {
      if (node.path !== undefined && node.title && !titles.has(node.path)) titles.set(node.path, node.title);
      walk(node.children);
    }
  };
  for (const area of areas) walk(area.children);
  return titles;
}
