import type { Blockquote, Nodes, Parent, Root } from 'mdast';
import { toText } from '../mdast-utils.js';

/** Hosts whose images are status badges, never content. */
const BADGE_HOSTS =
  /(shields\.io|badge\.fury\.io|badgen\.net|travis-ci|circleci|codecov|github\.com\/[^)]*\/(actions|workflows)\/|npmjs\.(com|org)\/[^)]*badge|img\.shields)/i;

/**
 * Strips what a README shows a browser but means nothing to a reader of text: raw HTML
 * (video embeds, `<p align=center>` wrappers), images and badges, and paragraphs left empty.
 * GitHub alerts (`> [!WARNING]`) become a bold label so the warning survives as text.
 */
export function cleanReadme(tree: Root): void {
  prune(tree);
  for (const node of tree.children) if (node.type === 'blockquote') relabelAlert(node);
  dropEmptyHeadings(tree);
}

/** A heading whose only content was HTML (a video embed, a logo) is left with nothing under it. */
function dropEmptyHeadings(tree: Root): void {
  const kids = tree.children;
  tree.children = kids.filter((node, i) => {
    if (node.type !== 'heading') return true;
    const next = kids[i + 1];
    return next !== undefined && !(next.type === 'heading' && next.depth <= node.depth);
  });
}

function prune(parent: Parent): void {
  parent.children = parent.children.filter((child) => {
    const node = child as Nodes;
    if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') {
      return false;
    }
    if (node.type === 'link' && node.children.every((c) => c.type === 'image' || c.type === 'imageReference'))
      return false;
    if (node.type === 'link' && BADGE_HOSTS.test(node.url) && toText(node).trim() === '') return false;
    if ('children' in node) {
      prune(node as Parent);
      if ((node.type === 'paragraph' || node.type === 'link') && toText(node).trim() === '') return false;
    }
    return true;
  }) as Parent['children'];
}

// `> [!TIP] >text` (authkit-nextjs README) puts a second quote marker on the same line: it is not text.
const ALERT = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*(?:>\s*)?/i;

function relabelAlert(quote: Blockquote): void {
  const first = quote.children[0];
  if (first?.type !== 'paragraph') return;
  const lead = first.children[0];
  if (lead?.type !== 'text') return;
  const match = ALERT.exec(lead.value);
  if (!match) return;
  const label = match[1][0] + match[1].slice(1).toLowerCase();
  lead.value = lead.value.slice(match[0].length);
  first.children.unshift(
    { type: 'strong', children: [{ type: 'text', value: `${label}:` }] },
    { type: 'text', value: ' ' },
  );
}
