import { DOC_KINDS, type DocKind } from '../corpus/types.js';
import type { SearchResponse, SearchResult } from '../search/types.js';
import { InvalidArgumentError } from './errors.js';
import { normalizeLanguage } from './language.js';
import { NO_CONTEXT, type AnswerContext } from './answer-context.js';
import { cleanQuery } from './query-limits.js';
import { projectSdk, versionNotes } from './sdk-choice.js';
import { resultsForVersions } from './search-versions.js';
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

export function searchDocs(
  runtime: Runtime,
  options: SearchRequest,
  context: AnswerContext = NO_CONTEXT,
): SearchAnswer {
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
    const known = runtime.products;
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
  // SDK hits and reference snippets speak for the project's SDK versions (the corpus's without one).
  const choice = projectSdk(runtime, context);
  const results = resultsForVersions(runtime, choice, response.results.map(compactTail), response.language);
  if (results.some((r) => r.kind === 'api' || r.kind === 'reference'))
    notes.push(...versionNotes(choice, context));
  return { ...response, results, limit, notes };
}
