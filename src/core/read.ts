import { NO_CONTEXT, type AnswerContext } from './answer-context.js';
import { resolveDocAddress } from './doc-urls.js';
import { readDoc, type DocPage, type ReadDocOptions } from './read-doc.js';
import type { Runtime } from './runtime.js';
import { tableOfContents, type TocPage } from './toc.js';

export type ReadAnswer = { kind: 'doc'; page: DocPage } | { kind: 'toc'; toc: TocPage };

export interface ReadOptions extends Omit<ReadDocOptions, 'path'> {
  path?: string;
}

/**
 * What reading a path answers, for both faces: the docs root gives the table of contents, a product
 * area without a page of its own (`integrations`) gives that area's contents, anything else the doc.
 */
export function read(
  runtime: Runtime,
  options: ReadOptions,
  context: AnswerContext = NO_CONTEXT,
): ReadAnswer {
  const path = options.path === undefined ? '' : resolveDocAddress(runtime, options.path).path;
  const paging = { maxTokens: options.maxTokens, page: options.page };
  if (path === '') return { kind: 'toc', toc: tableOfContents(runtime, paging) };
  const area = areaWithoutPage(runtime, path);
  if (area) return { kind: 'toc', toc: tableOfContents(runtime, { ...paging, product: area }) };
  return { kind: 'doc', page: readDoc(runtime, { ...options, path: options.path ?? '' }, context) };
}

/** The product area a path names when no doc has that path (`integrations`, `sdks`), else undefined. */
export function areaWithoutPage(runtime: Runtime, path: string): string | undefined {
  if (runtime.docsByPath.has(path)) return undefined;
  return runtime.corpus.nav.find((a) => a.product === path)?.product;
}
