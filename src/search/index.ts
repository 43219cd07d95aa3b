/** Public surface of the search layer: build an index at corpus build time, load and query it at run time. */
export { buildSearchIndex, SEARCH_INDEX_FORMAT, type SerializedSearchIndex } from './index-build.js';
export { createSearcher, type CorpusSearcher, type SearcherStats } from './searcher.js';
export { DEFAULT_LIMIT, MAX_LIMIT } from './options.js';
export type { SearchOptions, SearchResponse, SearchResult, SectionHit, Searcher } from './types.js';
