/**
 * Public surface of the search layer: build an index at corpus build time, load and query it at run time.
 *
 * Pipeline (one module per step):
 *   units.ts       Corpus -> one search unit per doc section (title, heading path, path, API names,
 *                  identifiers, endpoint keys, description, body text)
 *   tokenize.ts    developer-text analyzer: identifiers kept whole and split (camel/snake/kebab/dotted/
 *                  slash), case-folded, Porter-stemmed, stop words dropped
 *   index-build.ts MiniSearch (BM25+) over the units; serialised with a format version, an analyzer
 *                  fingerprint and a unit fingerprint so a stale index is rebuilt, never misread
 *   query.ts       query -> concepts (words, identifiers, synonym phrases, endpoints) with weighted terms
 *   corrections.ts spelling corrections and IDF concept weights (needs the index vocabulary)
 *   rank.ts        re-scoring: concept coverage, title/phrase bonuses, all tuning knobs in DEFAULT_RANKING
 *   question-type.ts  symptom/behaviour questions and whether one names the API: priors.ts discounts
 *                  endpoint pages and results.ts prefers FAQ/troubleshooting sections on it
 *   results.ts     sections grouped by doc, snippets (snippet.ts) with matched words in **bold**
 *   searcher.ts    ties it together; answers results or, when nothing matched, suggestions; trusts
 *                  options the operation checked, and lets an engine bug throw to the caller's boundary
 */
export { buildSearchIndex, SEARCH_INDEX_FORMAT, type SerializedSearchIndex } from './index-build.js';
export { createSearcher, type CorpusSearcher } from './searcher.js';
export { DEFAULT_RANKING, type RankingConfig } from './rank.js';
export { DEFAULT_LIMIT } from './options.js';
export type {
  SearchOptions,
  SearchResponse,
  SearchResult,
  SectionHit,
  Searcher,
  SearcherStats,
} from './types.js';
