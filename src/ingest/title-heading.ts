import type { Heading, Root } from 'mdast';
import { toText } from './mdast-utils.js';

const same = (a: string, b: string): boolean =>
  a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * An answer has one H1: the page title. Some pages open with their own `# Introduction`
 * (`vault`, `domain-verification`), which made two H1s under the title. When the body has an H1
 * other than a leading repeat of the title, every heading after that repeat moves one level down,
 * keeping the page's own hierarchy (H6 stays H6).
 */
export function demoteBodyH1s(tree: Root, title: string): void {
  const headings = tree.children.filter((n): n is Heading => n.type === 'heading');
  const leadingTitle = headings[0]?.depth === 1 && same(toText(headings[0]), title) ? headings[0] : undefined;
  const body = headings.filter((h) => h !== leadingTitle);
  if (!body.some((h) => h.depth === 1)) return;
  for (const h of body) h.depth = Math.min(6, h.depth + 1) as Heading['depth'];
}
