import type { PhrasingContent, RootContent } from 'mdast';
import { attr, text, type JsxElement } from '../mdast-utils.js';
import type { ComponentTransform, RenderContext } from './context.js';

interface Tab {
  title?: string;
  file?: string;
  language?: string;
}

/** The element's `<CodeBlockTab>`s, or else the block's own `file` as a single tab. */
function tabsOf(node: JsxElement): Tab[] {
  const own = attr(node, 'file');
  const tabs = node.children
    .filter(
      (c): c is JsxElement =>
        (c.type === 'mdxJsxFlowElement' || c.type === 'mdxJsxTextElement') && c.name === 'CodeBlockTab',
    )
    .map((t) => ({ title: attr(t, 'title'), file: attr(t, 'file'), language: attr(t, 'language') }));
  if (tabs.length) return tabs;
  return own ? [{ title: attr(node, 'title'), file: own, language: attr(node, 'language') }] : [];
}

const isUrl = (s: string | undefined): s is string => !!s && /^https?:\/\//.test(s);

/** `Next.js (js, actions-endpoint-next)`; a `file` that is a URL becomes a link (it is the example itself). */
function tabLabel(tab: Tab): PhrasingContent[] {
  const name = tab.title ?? (isUrl(tab.file) ? 'code' : tab.file) ?? 'code';
  const file = tab.file && tab.file !== name ? tab.file : undefined;
  const detail = [tab.language, isUrl(file) ? undefined : file].filter(Boolean).join(', ');
  const out: PhrasingContent[] = [text(detail ? `${name} (${detail}` : name)];
  if (isUrl(file)) out.push(text(detail ? ', ' : ' ('), { type: 'link', url: file, children: [text(file)] });
  if (detail || isUrl(file)) out.push(text(')'));
  return out;
}

/** The snippet sources are not part of the published bundle: name the example and where it lives online. */
function pointerLine(title: string | undefined, tabs: Tab[], ctx: RenderContext): RootContent {
  const anchor = ctx.currentAnchor();
  const where = anchor ? `${ctx.docUrl}#${anchor}` : ctx.docUrl;
  // A block with its own `file` has one tab named after the block: don't say the title twice.
  const ownFile = tabs.length === 1 && tabs[0].title === title;
  const head = title && !ownFile ? `Example “${title}”` : tabs.length > 1 ? 'Examples' : 'Example';
  const children: PhrasingContent[] = [text(tabs.length ? `${head}: ` : head)];
  tabs.forEach((tab, i) => children.push(...(i ? [text('; ')] : []), ...tabLabel(tab)));
  children.push(text(' — see '), { type: 'link', url: where, children: [text(where)] });
  return { type: 'paragraph', children: [{ type: 'emphasis', children }] };
}

function inlineSnippets(
  title: string | undefined,
  tabs: Tab[],
  ctx: RenderContext,
): RootContent[] | undefined {
  const found = tabs.map((t) => (t.file ? ctx.snippet(t.file) : undefined));
  if (!found.length || found.some((s) => !s)) return undefined;
  return found.map((s, i) => {
    const tab = tabs[i];
    const label = [...new Set([title, tab.title].filter(Boolean))].join(' — ');
    return {
      type: 'code',
      lang: (tab.language ?? s!.language) || null,
      meta: label ? `title="${label}"` : null,
      value: s!.code,
    };
  });
}

/** `<CodeBlock>` with `<CodeBlockTab>` children, a `file`, fenced children, and/or a `referenceId`. */
export const codeBlock: ComponentTransform = (node, ctx) => {
  const out: RootContent[] = [];
  const referenceId = attr(node, 'referenceId');
  if (referenceId) out.push(...(ctx.reference(referenceId) ?? []));
  const title = attr(node, 'title');
  const tabs = tabsOf(node);
  // Fenced code written directly inside the component is kept as is.
  const fenced = ctx.renderChildren(node).filter((c) => c.type === 'code');
  if (fenced.length) {
    for (const f of fenced) if (f.type === 'code' && title && !f.meta) f.meta = `title="${title}"`;
    out.push(...fenced);
  } else if (tabs.length || title) {
    out.push(...(inlineSnippets(title, tabs, ctx) ?? [pointerLine(title, tabs, ctx)]));
  }
  return out;
};

/** A lone `<CodeBlockTab>` outside a `<CodeBlock>`. */
export const codeBlockTab: ComponentTransform = (node, ctx) => {
  const tab = { title: attr(node, 'title'), file: attr(node, 'file'), language: attr(node, 'language') };
  return inlineSnippets(undefined, [tab], ctx) ?? [pointerLine(undefined, [tab], ctx)];
};
