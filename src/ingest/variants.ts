import type { List, Paragraph, Parent, Root, RootContent } from 'mdast';
import { toText } from './mdast-utils.js';

/**
 * The docs site turns lists whose items all start with a marker into switchable tabs:
 * `- $ frontend="nextjs, remix"` (tabs keyed by a site-wide selector) or `- | With passwords` (titled tabs).
 */
const MARKER = /^(?:\$\s+([\w-]+)\s*=\s*"([^"]*)"|\|\s+([^\n]+?))[ \t]*(?:\n|$)/;

interface Marker {
  /** Bold line that replaces the tab: `Frontend: nextjs`, `With passwords`. */
  label: string;
  /** Appended to the tab's headings so sections stay distinguishable: `nextjs`, `With passwords`. */
  suffix: string;
}

function marker(item: RootContent): Marker | undefined {
  if (item.type !== 'listItem') return undefined;
  const first = item.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const m = MARKER.exec(toText(first).trimStart());
  if (!m) return undefined;
  if (m[3]) return { label: m[3], suffix: m[3] };
  return { label: `${m[1][0].toUpperCase()}${m[1].slice(1)}: ${m[2]}`, suffix: m[2] };
}

function isVariantList(node: RootContent): node is List {
  return node.type === 'list' && node.children.length > 0 && node.children.every((item) => !!marker(item));
}

/**
 * Flattens tab lists into labelled blocks: "**Frontend: nextjs**" or "**With passwords**", then the tab's content, with its
 * headings suffixed by the variant so the sections stay distinguishable. Runs before anchors are assigned.
 */
export function flattenVariantLists(tree: Root): void {
  tree.children = flatten(tree.children, []) as Root['children'];
}

/** `suffixes`: the variants this content sits in, outermost first (`nextjs`, then `Complete`). */
function flatten(nodes: RootContent[], suffixes: string[]): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    if (!isVariantList(node)) {
      if (suffixes.length && node.type === 'heading')
        node.children.push({ type: 'text', value: ` (${suffixes.join(', ')})` });
      if (suffixes.length && node.type === 'code')
        node.data = { ...(node.data ?? {}), variant: suffixes.join(', ') } as typeof node.data;
      if ('children' in node)
        (node as Parent).children = flatten(node.children as RootContent[], suffixes) as Parent['children'];
      out.push(node);
      continue;
    }
    for (const item of node.children) {
      const { label, suffix } = marker(item)!;
      // The marker may share its paragraph with the tab's first sentence: keep that sentence.
      const first = item.children[0] as Paragraph;
      const lead = first.children[0];
      if (lead?.type === 'text') lead.value = lead.value.trimStart().replace(MARKER, '');
      const body = item.children.slice(toText(first).trim() !== '' ? 0 : 1) as RootContent[];
      out.push(
        { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: label }] }] },
        ...flatten(body, [...suffixes, suffix]),
      );
    }
  }
  return out;
}
