import type { Nodes, Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';

const OPTIONS = {
  extensions: [gfmToMarkdown()],
  bullet: '-' as const,
  emphasis: '_' as const,
  rule: '-' as const,
  fences: true,
  listItemIndent: 'one' as const,
};

/** Serialises rendered mdast to Markdown (GFM tables, strikethrough, task lists). */
export function serialise(node: Nodes | RootContent[]): string {
  const root: Root = Array.isArray(node)
    ? { type: 'root', children: node }
    : node.type === 'root'
      ? node
      : { type: 'root', children: [node as RootContent] };
  return toMarkdown(root, OPTIONS).trim();
}
