import type { Nodes, Root, RootContent } from 'mdast';

/**
 * The docs site styles images with a bracketed attribute list written right after them:
 * `![Diagram](…png)[border=false]`. Markdown has no such syntax, so it reached readers as the
 * literal text `\[border=false]` (9 pages, e.g. `sso`). Only `[name=value, …]` lists that touch an
 * image are removed; any other bracketed text stays.
 */
const ATTRIBUTES = /^\[\s*[\w-]+\s*=\s*[^\]\n]*\]/;

export function dropImageAttributes(tree: Root): void {
  const walk = (node: Nodes): void => {
    if (!('children' in node)) return;
    const children = node.children as RootContent[];
    children.forEach((child, i) => {
      const next = children[i + 1];
      if (child.type === 'image' && next?.type === 'text' && ATTRIBUTES.test(next.value)) {
        next.value = next.value.replace(ATTRIBUTES, '');
      }
      walk(child);
    });
    (node as { children: RootContent[] }).children = children.filter(
      (c) => c.type !== 'text' || c.value !== '',
    );
  };
  walk(tree);
}
