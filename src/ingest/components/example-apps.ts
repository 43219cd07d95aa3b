import type { ListItem, RootContent } from 'mdast';
import { attr, text, type JsxElement } from '../mdast-utils.js';
import type { ComponentTransform } from './context.js';

/** Marks a list item as an example-app link so example extraction can find it after rendering. */
export interface ExampleAppData {
  title: string;
  url: string;
}

function card(node: JsxElement): ListItem | undefined {
  const url = attr(node, 'href');
  if (!url) return undefined;
  const title = attr(node, 'title') ?? url;
  return {
    type: 'listItem',
    spread: false,
    data: { exampleApp: { title, url } } as ListItem['data'],
    children: [{ type: 'paragraph', children: [{ type: 'link', url, children: [text(title)] }] }],
  };
}

const isCard = (n: RootContent): n is JsxElement =>
  (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name === 'ExampleApps.Card';

/** `<ExampleApps.Root>` of `<ExampleApps.Card href title/>` -> a bullet list of links. */
export const exampleAppsRoot: ComponentTransform = (node) => {
  const items = (node.children as RootContent[])
    .filter(isCard)
    .map(card)
    .filter((i): i is ListItem => !!i);
  return items.length ? [{ type: 'list', ordered: false, spread: false, children: items }] : [];
};

export const exampleAppsCard: ComponentTransform = (node) => {
  const item = card(node);
  return item ? [{ type: 'list', ordered: false, spread: false, children: [item] }] : [];
};
