import type { PhrasingContent, RootContent } from 'mdast';
import { asPhrasing, attr, hasFlag, text, type JsxElement } from '../mdast-utils.js';
import type { ComponentTransform } from './context.js';

const isNamed = (n: RootContent | JsxElement, name: string): n is JsxElement =>
  (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name === name;

/**
 * `<Event.Root><Event.Details name="x"><CodeBlock …/></Event.Details><Event.Description>…` ->
 * "**`x`** — description" followed by the example pointer.
 */
/** A direct child, or one wrapped in a paragraph (`<Event.Description>text</Event.Description>` on one line is inline). */
function findPart(node: JsxElement, name: string): { part?: JsxElement; holder?: RootContent } {
  for (const child of node.children as RootContent[]) {
    if (isNamed(child, name)) return { part: child, holder: child };
    if (child.type === 'paragraph') {
      const inner = child.children.find((c) => isNamed(c as RootContent, name)) as JsxElement | undefined;
      if (inner) return { part: inner, holder: child };
    }
  }
  return {};
}

export const eventRoot: ComponentTransform = (node, ctx) => {
  const { part: details, holder: detailsHolder } = findPart(node, 'Event.Details');
  const { part: description, holder: descriptionHolder } = findPart(node, 'Event.Description');
  const name = details ? attr(details, 'name') : undefined;
  const head: PhrasingContent[] = [];
  if (name) head.push({ type: 'strong', children: [{ type: 'inlineCode', value: name }] });
  if (details && hasFlag(details, 'comingSoon')) head.push(text(' (coming soon)'));
  const desc = description ? asPhrasing(ctx.renderChildren(description)) : [];
  if (desc.length) head.push(text(head.length ? ' — ' : ''), ...desc);
  const out: RootContent[] = head.length ? [{ type: 'paragraph', children: head }] : [];
  if (details) out.push(...ctx.renderChildren(details));
  const rest = (node.children as RootContent[]).filter((c) => c !== detailsHolder && c !== descriptionHolder);
  if (rest.length) out.push(...ctx.renderChildren({ ...node, children: rest } as JsxElement));
  return out;
};

/** `<Event.Details>` outside a root: the event name, then its content. */
export const eventDetails: ComponentTransform = (node, ctx) => {
  const name = attr(node, 'name');
  const out: RootContent[] = [];
  if (name)
    out.push({
      type: 'paragraph',
      children: [{ type: 'strong', children: [{ type: 'inlineCode', value: name }] }],
    });
  return [...out, ...ctx.renderChildren(node)];
};
