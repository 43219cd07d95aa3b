import type { DocKind, ReferenceLanguage } from '../corpus/types.js';

/** Options a caller may pass; defaults are resolved inside the search layer. */
export interface SearchOptions {
  /** Max documents returned (default: DEFAULT_LIMIT in options.ts). */
  limit?: number;
  /** Filter on Doc.product (first path segment). */
  product?: string;
  /** Filter on Doc.kind. */
  kind?: DocKind;
  /**
   * SDK language wanted: lifts reference pages with that language's method and shows the method in
   * the snippet. When absent, a language named in the query is used ("list users in Ruby").
   */
  language?: ReferenceLanguage;
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
  /** Headings from below the doc title down to the answering section (tells repeated headings apart). */
  headingPath: string[];
  url: string;
  kind: DocKind;
  product: string;
  snippet: string;
  score: number;
  /** Set when the doc has the asked SDK language's rendering: read it with this `language`. */
  language?: ReferenceLanguage;
  more: SectionHit[];
}

export interface SearchResponse {
  query: string;
  results: SearchResult[];
  /** Number of matching documents before the limit. */
  total: number;
  /** The SDK language the ranking used (passed, or named in the query). */
  language?: ReferenceLanguage;
  /** When nothing matched: things to try (corrected spellings, product areas, ...). */
  suggestions: string[];
}

/** How the index came to be, for start-up logs and the benchmark. */
export interface SearcherStats {
  units: number;
  /** 'prebuilt' when the bundle's index was loaded, 'built' when it had to be rebuilt. */
  source: 'prebuilt' | 'built';
  /** Why a prebuilt index was not used (absent, other format, other corpus). */
  reason?: string;
  /** 'prebuilt' when the stored passage table is used, else why passages are cut at run time. */
  passages?: string;
  loadMs: number;
}

/**
 * A loaded, ready-to-query search engine over one corpus. `search` trusts its options to have been
 * checked by the caller (the search operation's input: kind by the schema, product against
 * `products`); a bug in the engine throws, to the one error boundary of each face.
 */
export interface Searcher {
  search(query: string, options?: SearchOptions): SearchResponse;
  readonly stats: SearcherStats;
  /** The corpus's product areas (first path segments), sorted: computed once, shared by the runtime. */
  readonly products: readonly string[];
}
