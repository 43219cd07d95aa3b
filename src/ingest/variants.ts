import type { List, Nodes, Paragraph, Root, RootContent } from 'mdast';
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
  const walk = (parent: Nodes): void => {
    if (!('children' in parent)) return;
    const children = parent.children as RootContent[];
    const out: RootContent[] = [];
    for (const child of children) {
      if (!isVariantList(child)) {
        walk(child);
        out.push(child);
        continue;
      }
      for (const item of child.children) {
        const { label: labelText, suffix } = marker(item)!;
        const label: Paragraph = {
          type: 'paragraph',
          children: [{ type: 'strong', children: [{ type: 'text', value: labelText }] }],
        };
        // The marker may share its paragraph with the tab's first sentence: keep that sentence.
        const first = item.children[0] as Paragraph;
        const lead = first.children[0];
        if (lead?.type === 'text') lead.value = lead.value.trimStart().replace(MARKER, '');
        const keepFirst = toText(first).trim() !== '';
        const body = item.children.slice(keepFirst ? 0 : 1) as RootContent[];
        for (const node of body) {
          walk(node);
          if (node.type === 'heading') node.children.push({ type: 'text', value: ` (${suffix})` });
          if (node.type === 'code') node.data = { ...(node.data ?? {}), variant: suffix } as typeof node.data;
        }
        out.push(label, ...body);
      }
    }
    (parent as { children: RootContent[] }).children = out;
  };
  walk(tree);
}
