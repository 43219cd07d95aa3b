import GithubSlugger from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { toText } from './mdast-utils.js';

/** `{{ "url": "api-key" }}` parses as an expression whose source is `{ "url": "api-key" }`. */
const ANNOTATION = /^\s*\{[\s\S]*\}\s*$/;
const URL_KEY = /["']?url["']?\s*:\s*["']([^"']+)["']/;

export function headingAnchor(heading: Heading): string | undefined {
  return (heading.data as { anchor?: string } | undefined)?.anchor;
}

/**
 * Gives every heading a stable anchor before rendering (components link to their section):
 * an explicit `{{ "url": "…" }}` annotation wins, else github-slugger over the heading text,
 * de-duplicated across the doc the way GitHub and the docs site do. Annotations are removed.
 */
export function assignHeadingAnchors(tree: Root): void {
  const slugger = new GithubSlugger();
  visit(tree, 'heading', (heading: Heading) => {
    let explicit: string | undefined;
    heading.children = heading.children.filter((child) => {
      if (child.type !== 'mdxTextExpression' || !ANNOTATION.test(child.value)) return true;
      explicit ??= URL_KEY.exec(child.value)?.[1];
      return false;
    });
    const last = heading.children.at(-1);
    if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
    const textValue = toText(heading).trim();
    const anchor = explicit ?? slugger.slug(textValue);
    if (explicit) slugger.slug(explicit);
    heading.data = { ...(heading.data ?? {}), anchor } as Heading['data'];
  });
}
