import type { BlockContent, DefinitionContent, RootContent } from 'mdast';
import { asFlow, attr, text } from '../mdast-utils.js';
import type { ComponentTransform } from './context.js';

const LABELS: Record<string, string> = {
  warning: 'Warning',
  danger: 'Warning',
  error: 'Warning',
  info: 'Note',
  note: 'Note',
  tip: 'Tip',
  success: 'Tip',
};

function blockquote(label: string | undefined, body: RootContent[]): RootContent[] {
  const flow = asFlow(body) as (BlockContent | DefinitionContent)[];
  if (label) {
    const first = flow[0];
    const strong = { type: 'strong' as const, children: [text(`${label}:`)] };
    if (first?.type === 'paragraph') first.children.unshift(strong, text(' '));
    else flow.unshift({ type: 'paragraph', children: [strong] });
  }
  return flow.length ? [{ type: 'blockquote', children: flow }] : [];
}

/** `<Callout type="warning">…` -> "> **Warning:** …". */
export const callout: ComponentTransform = (node, ctx) => {
  const type = attr(node, 'type') ?? 'info';
  return blockquote(LABELS[type] ?? 'Note', ctx.renderChildren(node));
};

/** Deprecation notices whose text lives in the site's React code; the bundle only names the product. */
const DEPRECATIONS: Record<string, RootContent[]> = {
  MagicLink: [
    text(
      'Magic Link is deprecated: email clients and security software that visit links can invalidate them. Use ',
    ),
    { type: 'link', url: 'https://workos.com/docs/authkit/magic-auth', children: [text('Magic Auth')] },
    text(' instead.'),
  ],
};

/** `<DeprecationCallout>` / `<DeprecationCallout.X />` -> "> **Deprecated:** …". */
export const deprecationCallout: ComponentTransform = (node, ctx) => {
  const variant = node.name?.split('.')[1] ?? '';
  const children = ctx.renderChildren(node);
  const body = children.length
    ? children
    : (DEPRECATIONS[variant] ?? [text(`${variant || 'This feature'} is deprecated.`)]);
  return blockquote('Deprecated', body);
};
