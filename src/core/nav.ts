import type { NavArea, NavNode } from '../corpus/types.js';

export interface NavLink {
  title: string;
  path: string;
}

/** Where a doc sits in the site navigation: the answer's trailing "you are here" block. */
export interface NavContext {
  area?: NavLink;
  parent?: NavLink;
  siblings: NavLink[];
  children: NavLink[];
}

/**
 * An area's own page is no node of the navigation tree: it lists at most this many of the pages below
 * the area (the table of contents has them all), to keep answers compact.
 */
const MAX_AREA_PAGES = 12;

function links(nodes: NavNode[]): NavLink[] {
  return nodes.flatMap((n) => (n.path !== undefined ? [{ title: n.title, path: n.path }] : []));
}

/** Pages under a node, descending into path-less group nodes. */
function pagesBelow(node: { children: NavNode[] }): NavLink[] {
  return node.children.flatMap((c) =>
    c.path !== undefined ? [{ title: c.title, path: c.path }] : pagesBelow(c),
  );
}

interface Found {
  node: NavNode;
  ancestors: NavNode[];
  area: NavArea;
}

function findNode(nav: NavArea[], path: string): Found | undefined {
  for (const area of nav) {
    const stack: { node: NavNode; ancestors: NavNode[] }[] = area.children.map((node) => ({
      node,
      ancestors: [],
    }));
    while (stack.length > 0) {
      const { node, ancestors } = stack.shift()!;
      if (node.path === path) return { node, ancestors, area };
      for (const child of node.children) stack.push({ node: child, ancestors: [...ancestors, node] });
    }
  }
  return undefined;
}

/** Navigation around `path`; empty lists when the doc is not in the navigation. */
export function navContext(nav: NavArea[], path: string): NavContext {
  const areaOfRoot = nav.find((a) => a.product === path);
  const found = findNode(nav, path);
  if (!found) {
    if (areaOfRoot) return { siblings: [], children: pagesBelow(areaOfRoot).slice(0, MAX_AREA_PAGES) };
    return { siblings: [], children: [] };
  }
  const { node, ancestors, area } = found;
  const areaLink = { title: area.title, path: area.product };
  const parentNode = [...ancestors].reverse().find((a) => a.path !== undefined);
  const container = ancestors.length > 0 ? ancestors[ancestors.length - 1].children : area.children;
  const siblings = links(container).filter((l) => l.path !== path && l.path !== area.product);
  return {
    area: areaLink.path === path ? undefined : areaLink,
    parent: parentNode?.path !== undefined ? { title: parentNode.title, path: parentNode.path } : undefined,
    siblings,
    children: pagesBelow(node),
  };
}
