import type { Nodes, Root, RootContent } from 'mdast';
import { transformFor, type RenderContext } from './components/index.js';
import { absoluteDocLink } from './doc-paths.js';
import { headingAnchor } from './headings.js';
import { asFlow, asPhrasing, text, type JsxElement } from './mdast-utils.js';

/** `{' '}` and `{"literal"}` are text; any other expression is site code and is dropped. */
function expressionText(source: string): string | undefined {
  const m = /^\s*(['"`])([\s\S]*)\1\s*$/.exec(source);
  return m && !m[2].includes('${') ? m[2] : undefined;
}

export interface RenderOptions {
  baseUrl: string;
  context: Omit<RenderContext, 'renderChildren' | 'currentAnchor'>;
}

/**
 * Replaces every MDX node of the tree by plain Markdown nodes, in place: components through their
 * transform, ESM and expressions removed, site-relative links made absolute.
 */
export function renderMdx(tree: Root, options: RenderOptions): void {
  let anchor = '';
  const ctx: RenderContext = {
    ...options.context,
    currentAnchor: () => anchor,
    renderChildren: (node: JsxElement) => renderNodes(node.children as RootContent[], true),
  };

  function renderNodes(nodes: RootContent[], flow: boolean): RootContent[] {
    const out: RootContent[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case 'mdxjsEsm':
        case 'mdxFlowExpression':
          break;
        case 'html':
          // Plain .md sources: HTML comments are authoring notes, not content.
          if (!/^\s*<!--[\s\S]*-->\s*$/.test(node.value)) out.push(node);
          break;
        case 'mdxTextExpression': {
          const value = expressionText(node.value);
          if (value) out.push(text(value));
          break;
        }
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement': {
          const result = transformFor(node.name)(node, ctx);
          out.push(...(node.type === 'mdxJsxFlowElement' && flow ? asFlow(result) : asPhrasing(result)));
          break;
        }
        default: {
          if (node.type === 'heading') anchor = headingAnchor(node) ?? anchor;
          if (node.type === 'link' || node.type === 'definition' || node.type === 'image')
            node.url = absoluteDocLink(node.url, options.baseUrl, options.context.docPath);
          // CDN resizing parameters (`?auto=format&fit=clip&q=50`) only add escaped `\&` noise to the Markdown.
          if (node.type === 'image' && /^https:\/\/images\.workoscdn\.com\//.test(node.url))
            node.url = node.url.replace(/\?.*$/, '');
          if ('children' in node) {
            const isFlowParent = ![
              'paragraph',
              'heading',
              'tableCell',
              'emphasis',
              'strong',
              'delete',
              'link',
              'linkReference',
            ].includes(node.type);
            (node as { children: RootContent[] }).children = renderNodes(
              node.children as RootContent[],
              isFlowParent,
            );
          }
          out.push(node);
        }
      }
    }
    return out;
  }

  tree.children = renderNodes(tree.children, true) as Root['children'];
}

/** True when no MDX-specific node is left (used by tests and as a build-time safety net). */
export function hasMdxNodes(node: Nodes): boolean {
  if (node.type.startsWith('mdx')) return true;
  return 'children' in node && (node.children as Nodes[]).some(hasMdxNodes);
}
