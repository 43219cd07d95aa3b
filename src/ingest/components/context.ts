import type { RootContent } from 'mdast';
import type { JsxElement } from '../mdast-utils.js';

/** A snippet file found in the source folder (CodeBlock `file="…"` sources, when present). */
export interface Snippet {
  code: string;
  language: string;
}

/** What a component transform may ask of the document being rendered. */
export interface RenderContext {
  docPath: string;
  docUrl: string;
  /** Anchor of the heading the component sits under ('' before the first heading). */
  currentAnchor(): string;
  snippet(file: string): Snippet | undefined;
  /** Rendered API reference for a `referenceId`, once per doc (undefined when unknown or already placed). */
  reference(id: string): RootContent[] | undefined;
  /** The element's children, already rendered. */
  renderChildren(node: JsxElement): RootContent[];
}

/** One MDX component -> Markdown nodes. Flow results are wrapped into paragraphs by the caller when needed. */
export type ComponentTransform = (node: JsxElement, ctx: RenderContext) => RootContent[];
