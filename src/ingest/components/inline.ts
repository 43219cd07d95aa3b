import { asPhrasing, attr, attrExpression, text } from '../mdast-utils.js';
import type { ComponentTransform } from './context.js';

/** `<Badge>Success</Badge>` -> **Success** (a status label in running text). */
export const badge: ComponentTransform = (node, ctx) => {
  const children = asPhrasing(ctx.renderChildren(node));
  return children.length ? [{ type: 'strong', children }] : [];
};

/** Decoration with no meaning in text (spinners, icons, glossary letter dividers, style blocks). */
export const drop: ComponentTransform = () => [];

/** Children only: layout wrappers (`LanguageSelector`, `div`, `span`, `p`) and unknown components. */
export const passThrough: ComponentTransform = (node, ctx) => ctx.renderChildren(node);

/** `<String>x</String>` and similar value wrappers -> their text. */
export const stringValue: ComponentTransform = (node, ctx) => {
  const children = ctx.renderChildren(node);
  const value = attr(node, 'value') ?? attr(node, 'children');
  return children.length ? children : value ? [text(value)] : [];
};

/** Lower-case HTML written inside MDX. */
export const htmlCode: ComponentTransform = (node, ctx) => [
  {
    type: 'inlineCode',
    value: asPhrasing(ctx.renderChildren(node))
      .map((n) => ('value' in n ? n.value : ''))
      .join(''),
  },
];
export const htmlStrong: ComponentTransform = (node, ctx) => [
  { type: 'strong', children: asPhrasing(ctx.renderChildren(node)) },
];
export const htmlEmphasis: ComponentTransform = (node, ctx) => [
  { type: 'emphasis', children: asPhrasing(ctx.renderChildren(node)) },
];
export const htmlBreak: ComponentTransform = () => [{ type: 'break' }];
export const htmlLink: ComponentTransform = (node, ctx) => {
  const url = attr(node, 'href');
  const children = asPhrasing(ctx.renderChildren(node));
  return url ? [{ type: 'link', url, children: children.length ? children : [text(url)] }] : children;
};
export const htmlImage: ComponentTransform = (node) => {
  const url = attr(node, 'src');
  return url ? [{ type: 'image', url, alt: attr(node, 'alt') ?? '' }] : [];
};

/** `<PropsTable data={widgets.userManagement.props} />`: the props data lives in site code, so point at the page. */
export const propsTable: ComponentTransform = (node, ctx) => {
  const source = attrExpression(node, 'data') ?? '';
  const widget = /widgets\.(\w+)\.props/.exec(source)?.[1];
  const name = widget ? `the ${widget} widget` : 'this component';
  const anchor = ctx.currentAnchor();
  const where = anchor ? `${ctx.docUrl}#${anchor}` : ctx.docUrl;
  return [
    {
      type: 'paragraph',
      children: [
        {
          type: 'emphasis',
          children: [
            text(`Props table for ${name} — see `),
            { type: 'link', url: where, children: [text(where)] },
          ],
        },
      ],
    },
  ];
};
