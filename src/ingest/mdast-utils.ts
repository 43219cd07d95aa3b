import type { Nodes, Parent, PhrasingContent, RootContent, Text } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** Plain text of a node (like mdast-util-to-string, kept local to avoid an undeclared dependency). */
export function toText(node: Nodes | Nodes[]): string {
  if (Array.isArray(node)) return node.map(toText).join('');
  if ('value' in node && typeof node.value === 'string') {
    return node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression' || node.type === 'mdxjsEsm'
      ? ''
      : node.value;
  }
  if ('children' in node) return (node.children as Nodes[]).map(toText).join('');
  return '';
}

/** A literal string attribute of a JSX element; expression attributes and flags are not strings. */
export function attr(node: JsxElement, name: string): string | undefined {
  for (const a of node.attributes) {
    if (a.type === 'mdxJsxAttribute' && a.name === name && typeof a.value === 'string') return a.value;
  }
  return undefined;
}

/** The raw source of an expression attribute (`data={widgets.x.props}` -> `widgets.x.props`). */
export function attrExpression(node: JsxElement, name: string): string | undefined {
  for (const a of node.attributes) {
    if (a.type === 'mdxJsxAttribute' && a.name === name && a.value && typeof a.value === 'object')
      return a.value.value;
  }
  return undefined;
}

export function hasFlag(node: JsxElement, name: string): boolean {
  return node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === name);
}

export const text = (value: string): Text => ({ type: 'text', value });

export function paragraph(children: PhrasingContent[]): RootContent {
  return { type: 'paragraph', children };
}

// `html` is left out: MDX has none, so the only html nodes are rendered API reference blocks (flow content).
const PHRASING = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'link',
  'linkReference',
  'image',
  'imageReference',
  'break',
  'footnoteReference',
  'mdxJsxTextElement',
  'mdxTextExpression',
]);

export function isPhrasing(node: RootContent): node is PhrasingContent {
  return PHRASING.has(node.type);
}

/** Wraps runs of phrasing nodes in paragraphs so the result can sit where flow content is expected. */
export function asFlow(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let run: PhrasingContent[] = [];
  const flush = (): void => {
    if (run.some((n) => n.type !== 'text' || n.value.trim() !== '')) out.push(paragraph(run));
    run = [];
  };
  for (const n of nodes) {
    if (isPhrasing(n)) run.push(n);
    else {
      flush();
      out.push(n);
    }
  }
  flush();
  return out;
}

/** Flattens flow nodes to phrasing (paragraph contents joined by spaces) for inline positions. */
export function asPhrasing(nodes: RootContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of nodes) {
    if (isPhrasing(n)) out.push(n);
    else if (n.type === 'paragraph' || n.type === 'heading') {
      if (out.length) out.push(text(' '));
      out.push(...n.children);
    } else {
      const t = toText(n).trim();
      if (t) out.push(text((out.length ? ' ' : '') + t));
    }
  }
  return out;
}

export function isParent(node: Nodes): node is Parent & Nodes {
  return 'children' in node && Array.isArray((node as Parent).children);
}
