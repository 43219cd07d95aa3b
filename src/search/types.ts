import type { DocKind } from '../corpus/types.js';

/** Options a caller may pass; defaults are resolved inside the search layer. */
export interface SearchOptions {
  /** Max documents returned (default: DEFAULT_LIMIT in options.ts). */
  limit?: number;
  /** Filter on Doc.product (first path segment). */
  product?: string;
  /** Filter on Doc.kind. */
  kind?: DocKind;
}

export interface SectionHit {
  anchor: string;
  section: string;
  /** ~200 chars of clean text around the match, matched terms marked with **bold**. */
  snippet: string;
  score: number;
}

/** One document in the ranked list: its best section first, then up to 2 more matching sections. */
export interface SearchResult {
  path: string;
  anchor: string;
  title: string;
  section: string;
  url: string;
  kind: DocKind;
  product: string;
  snippet: string;
  score: number;
  more: SectionHit[];
}

export interface SearchResponse {
  query: string;
  results: SearchResult[];
  /** Number of matching documents before the limit. */
  total: number;
  /** When nothing matched: things to try (corrected spellings, product areas, ...). */
  suggestions: string[];
}

/** A loaded, ready-to-query search engine over one corpus. */
export interface Searcher {
  search(query: string, options?: SearchOptions): SearchResponse;
}
