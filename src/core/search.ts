import { DOC_KINDS, type DocKind } from '../corpus/types.js';
import { sdkMismatchNotes } from './sdk-reference.js';
import type { SearchResponse, SearchResult } from '../search/types.js';
import { InvalidArgumentError } from './errors.js';
import { normalizeLanguage } from './language.js';
import { cleanQuery } from './query-limits.js';
import type { Runtime } from './runtime.js';

export { DOC_KINDS };

/** Resolved by the operation's input schema (operations/search.ts): limit defaulted and in range. */
export interface SearchRequest {
  query: string;
  limit: number;
  product?: string;
  kind?: DocKind;
  /** SDK language (aliases accepted: node, golang, c#, ...); also detected from the query. */
  language?: string;
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

/** A reference page whose js method is not in the SDK as written says so in its snippet too. */
function withSdkNote(runtime: Runtime, result: SearchResult): SearchResult {
  if (result.kind !== 'reference' || !runtime.corpus.sdk) return result;
  const notes = sdkMismatchNotes(runtime.corpus.sdk, result.path);
  return notes.length ? { ...result, snippet: `${notes.join(' ')} ${result.snippet}` } : result;
}

export function searchDocs(runtime: Runtime, options: SearchRequest): SearchAnswer {
  const notes: string[] = [];
  const query = cleanQuery(options.query, notes);
  if (query === undefined)
    throw new InvalidArgumentError(
      'query',
      'query is empty; say what you are looking for, e.g. "SSO with Okta SAML".',
    );
  const { limit, kind } = options;
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
  const language =
    options.language !== undefined && options.language.trim() !== ''
      ? normalizeLanguage(options.language)
      : undefined;
  const response = runtime.searcher.search(query, { limit, product, kind, language });
  return {
    ...response,
    results: response.results.map(compactTail).map((r) => withSdkNote(runtime, r)),
    limit,
    notes,
  };
}
