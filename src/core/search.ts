import { DOC_KINDS, type DocKind } from '../corpus/types.js';
import { limitQuery } from './query-limits.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../search/options.js';
import type { SearchResponse, SearchResult } from '../search/types.js';
import { clampInt } from './budget.js';
import { InvalidArgumentError } from './errors.js';
import type { Runtime } from './runtime.js';

/** Defaults live in the search layer; re-exported under the names the tools and CLI use. */
export const DEFAULT_SEARCH_LIMIT = DEFAULT_LIMIT;
export const MAX_SEARCH_LIMIT = MAX_LIMIT;
/** Longer queries are cut: nobody types more, and tokenising megabytes would stall the server. */
export { MAX_QUERY_LENGTH } from './query-limits.js';

export { DOC_KINDS };

export interface SearchOptions {
  query: string;
  limit?: number;
  product?: string;
  kind?: string;
}

export interface SearchAnswer extends SearchResponse {
  limit: number;
  notes: string[];
}

export function products(runtime: Runtime): string[] {
  return [...new Set(runtime.corpus.docs.map((d) => d.product))].sort();
}

/** Results past this rank get a short snippet and no extra sections, so even limit=50 stays compact. */
const FULL_RESULTS = 10;
const SHORT_SNIPPET = 120;

function compactTail(result: SearchResult, rank: number): SearchResult {
  if (rank < FULL_RESULTS) return result;
  const snippet =
    result.snippet.length > SHORT_SNIPPET
      ? `${result.snippet.slice(0, SHORT_SNIPPET).trimEnd()}…`
      : result.snippet;
  return { ...result, snippet, more: [] };
}

export function searchDocs(runtime: Runtime, options: SearchOptions): SearchAnswer {
  const notes: string[] = [];
  let query = options.query.replace(/\0/g, ' ').trim();
  if (query === '')
    throw new InvalidArgumentError(
      'query',
      'query is empty; say what you are looking for, e.g. "SSO with Okta SAML".',
    );
  const limited = limitQuery(query);
  query = limited.query;
  if (limited.note) notes.push(limited.note);
  const limit = clampInt(options.limit, 1, MAX_SEARCH_LIMIT, DEFAULT_SEARCH_LIMIT);
  let kind: DocKind | undefined;
  if (options.kind) {
    kind = options.kind.trim().toLowerCase() as DocKind;
    if (!DOC_KINDS.includes(kind)) {
      throw new InvalidArgumentError(
        'kind',
        `Unknown kind "${options.kind.slice(0, 40)}". Kinds: ${DOC_KINDS.join(', ')}.`,
      );
    }
  }
  let product: string | undefined;
  if (options.product) {
    product = options.product
      .trim()
      .toLowerCase()
      .replace(/^\/+|\/+$/g, '')
      .replace(/[\s_]+/g, '-');
    const known = products(runtime);
    if (!known.includes(product)) {
      throw new InvalidArgumentError(
        'product',
        `Unknown product "${options.product.slice(0, 40)}". Products: ${known.join(', ')}.`,
      );
    }
  }
  const response = runtime.searcher.search(query, { limit, product, kind });
  return { ...response, results: response.results.map(compactTail), limit, notes };
}
