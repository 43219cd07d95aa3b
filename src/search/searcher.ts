import type MiniSearch from 'minisearch';
import type { Corpus } from '../corpus/types.js';
import { buildMiniSearch, loadMiniSearch } from './index-build.js';
import { type ResolvedOptions, resolveOptions } from './options.js';
import { phraseKeys } from './phrase.js';
import {
  withConceptWeights,
  withCorpusSpellings,
  withCorrections,
  withIdentifierDominance,
} from './corrections.js';
import { type AnalyzedQuery, analyzeQuery, demoteFraming, mostInformative, normalizeQuery } from './query.js';
import {
  DEFAULT_RANKING,
  type HeadKeys,
  type RankingConfig,
  type UnitScore,
  coverageScore,
  coveragePlan,
  headBonus,
} from './rank.js';
import { expandToken, tokenize } from './tokenize.js';
import { detectLanguage } from './language.js';
import { languageOfSyntax } from './methods.js';
import { withAnswerType } from './answer-type.js';
import { DocPriors } from './priors.js';
import { ResultBuilder } from './results.js';
import { PassageTable, loadPassageTable } from './passage-table.js';
import { type PassageStore, SplitPassageStore } from './passage-store.js';
import { IndexScan, type ScanOptions, type ScanPart } from './scan.js';
import type { SearchOptions, SearchResponse, Searcher, SearcherStats } from './types.js';
import { type UnitFields, type UnitRef, unitRefs } from './units.js';
import { Vocabulary } from './vocabulary.js';
import { descending } from './order.js';

/** The engine's own name for what every Searcher now is (kept for the benchmark and tests). */
export type CorpusSearcher = Searcher;

/** Concepts searched for at most: a pasted paragraph is cut to its most informative words. */
const MAX_CONCEPTS = 10;

/** Units re-scored with title and phrase checks: the head of the list is all that can reach the results. */
const RERANK_DEPTH = 100;
const WEAK_TERM_FIELDS = ['title', 'heading', 'path', 'api', 'identifiers', 'endpoints', 'description'];

/**
 * Creates a searcher, loading `serialized` (from the bundle's `searchIndex`) when it fits the corpus.
 * `ranking` overrides are for tuning experiments; the defaults are what ships.
 */
export function createSearcher(
  corpus: Corpus,
  serialized?: unknown,
  ranking: Partial<RankingConfig> = {},
): CorpusSearcher {
  const started = performance.now();
  const loaded = loadMiniSearch(corpus, serialized);
  const index = 'index' in loaded ? loaded.index : buildMiniSearch(corpus);
  const refs = unitRefs(corpus);
  // The stored passages belong to the stored index: a rebuilt index cuts them at run time too.
  const table =
    'index' in loaded
      ? loadPassageTable((serialized as { passages?: unknown }).passages, refs.length)
      : { reason: 'the search index was rebuilt' };
  const stats: SearcherStats = {
    units: index.documentCount,
    source: 'index' in loaded ? 'prebuilt' : 'built',
    reason: 'reason' in loaded ? loaded.reason : undefined,
    passages: table instanceof PassageTable ? 'prebuilt' : table.reason,
    loadMs: 0,
  };
  const store = table instanceof PassageTable ? table : new SplitPassageStore(corpus, refs);
  const searcher = new IndexSearcher(corpus, index, refs, stats, store, {
    ...DEFAULT_RANKING,
    ...ranking,
  });
  stats.loadMs = performance.now() - started;
  return searcher;
}

class IndexSearcher implements CorpusSearcher {
  private readonly headingKeyCache = new Map<number, HeadKeys>();
  private readonly titleKeyCache = new Map<number, Pick<HeadKeys, 'title' | 'titleWords'>>();
  private readonly vocabulary: Vocabulary;
  readonly products: readonly string[];
  private readonly results: ResultBuilder;
  private readonly priors: DocPriors;
  private readonly scan: IndexScan;

  constructor(
    private readonly corpus: Corpus,
    private readonly index: MiniSearch<UnitFields>,
    private readonly refs: UnitRef[],
    readonly stats: SearcherStats,
    store: PassageStore,
    private readonly cfg: RankingConfig,
  ) {
    this.vocabulary = new Vocabulary(index, stats.units, WEAK_TERM_FIELDS);
    this.scan = new IndexScan(index);
    this.priors = new DocPriors(corpus);
    this.results = new ResultBuilder(corpus, refs, cfg, this.priors, store);
    this.products = [...new Set(corpus.docs.map((d) => d.product))].sort();
  }

  search(query: string, options?: SearchOptions): SearchResponse {
    return this.run(query, resolveOptions(options));
  }

  private analyze(text: string): AnalyzedQuery {
    const v = this.vocabulary;
    return withCorpusSpellings(
      withIdentifierDominance(
        withConceptWeights(
          withCorrections(analyzeQuery(text), v),
          (t) => v.docFrequency(t),
          this.stats.units,
        ),
        v,
        this.stats.units,
      ),
      v,
    );
  }

  private run(raw: string, opts: ResolvedOptions): SearchResponse {
    const text = normalizeQuery(raw);
    // the language a question names is a cue, not a topic: searched without it, ranked with it
    const named = detectLanguage(text);
    let q = this.analyze(named.language ? named.text : text);
    if (named.language && q.concepts.length === 0) q = this.analyze(text);
    q = { ...mostInformative(withAnswerType(demoteFraming(q), text), MAX_CONCEPTS), text };
    const language = opts.language ?? named.language ?? languageOfSyntax(text);
    const empty = (suggestions: string[]): SearchResponse => ({
      query: q.text,
      results: [],
      total: 0,
      suggestions,
    });
    if (q.concepts.length === 0) {
      return empty([
        'Search with a few words or an identifier, e.g. "SSO with Okta", "getAuthorizationUrl", "POST /organizations", "dsync.user.created".',
        `Product areas: ${this.products.join(', ')}.`,
      ]);
    }
    const ranked = this.rank(q, opts);
    const cues = this.priors.cues(text, language, new Set(q.termWeights.keys()));
    const allowed = this.allowed(opts);
    const docs = this.results.groupByDoc(ranked, cues, allowed);
    const results = docs
      .slice(0, opts.limit)
      .map((d, i) => this.results.toResult(d, { query: q, cues, wide: i === 0 }));
    return {
      query: q.text,
      results,
      total: docs.length,
      ...(language ? { language } : {}),
      suggestions: results.length > 0 ? [] : this.noResultSuggestions(q, opts),
    };
  }

  private allowed(opts: ResolvedOptions): ((id: number) => boolean) | undefined {
    if (!opts.product && !opts.kind) return undefined;
    return (id) => {
      const doc = this.corpus.docs[this.refs[id].doc];
      return (!opts.product || doc.product === opts.product) && (!opts.kind || doc.kind === opts.kind);
    };
  }

  private rank(q: AnalyzedQuery, opts: ResolvedOptions): UnitScore[] {
    const { parts, options } = this.scanSpec(q, opts);
    const hits = this.scan.scan(parts, options);
    const plan = coveragePlan(q.concepts, hits);
    const n = hits.length;
    const units: UnitScore[] = [];
    // the comparators read scores from flat arrays: an object's number field is a pointer to chase
    const score = new Float64Array(n);
    const scanScore = new Float64Array(n);
    for (let h = 0; h < n; h++) {
      const u = coverageScore(hits, h, plan, this.cfg);
      units.push(u);
      score[h] = u.score;
      scanScore[h] = hits.score(h);
    }
    // Best coverage score first, ties in the scan's order (its score, then hit order): one sort
    // where ranking the scan's results and then the unit scores took two, same order.
    const order = units.map((_, h) => h);
    order.sort((a, b) => descending(score[a], score[b]) || descending(scanScore[a], scanScore[b]) || a - b);
    for (let k = 0; k < order.length && k < RERANK_DEPTH; k++) {
      const h = order[k];
      const id = units[h].id;
      units[h].score = headBonus(
        units[h],
        hits.termsInField(h, 'title'),
        q,
        () => this.headingKeys(id),
        this.cfg,
      );
      score[h] = units[h].score;
    }
    // stable: equal scores stay in the order above
    return order.sort((a, b) => descending(score[a], score[b])).map((h) => units[h]);
  }

  /**
   * What the index is asked for a query. Terms are analyzed already. Weaker terms (synonyms,
   * identifier parts) skip the body: there they mostly add cost and noise, while a synonym in a title
   * or heading is the evidence that matters. So do the user's own words that fill most bodies
   * ("user", "organization") when the query has other words to go on: in a body they discriminate
   * nothing, and they are most of the work.
   */
  scanSpec(q: AnalyzedQuery, opts: ResolvedOptions): { parts: ScanPart[]; options: ScanOptions } {
    const weights = q.termWeights;
    const allowed = this.allowed(opts);
    const strong: string[] = [];
    const weak: string[] = [];
    const manyConcepts = q.concepts.length >= 3;
    for (const [t, w] of weights) {
      if (w >= 1 || q.bodySynonyms?.has(t))
        (manyConcepts && this.vocabulary.isEverywhere(t) ? weak : strong).push(t);
      else if (!this.vocabulary.isCommon(t)) weak.push(t);
    }
    const parts: ScanPart[] = [];
    if (strong.length > 0) parts.push({ terms: strong });
    if (weak.length > 0) parts.push({ terms: weak, fields: WEAK_TERM_FIELDS });
    return {
      parts,
      options: {
        boost: this.cfg.fieldBoosts,
        bm25: this.cfg.bm25,
        weights: { fuzzy: this.cfg.fuzzyWeight, prefix: this.cfg.prefixWeight },
        boostTerm: (t) => weights.get(t) ?? 1,
        boostDocument: allowed ? (id) => (allowed(id) ? 1 : 0) : undefined,
        fuzzy: (t) => this.vocabulary.fuzziness(t, weights.get(t) ?? 0),
        prefix: (t) => this.prefixable(t, q),
      },
    };
  }

  /**
   * Prefix matching serves a half-typed last word ("getAuthoriz"); a last word the corpus knows is
   * complete, and expanding it would only add noise and cost.
   */
  private prefixable(term: string, q: AnalyzedQuery): boolean {
    return (
      q.lastTerms.has(term) &&
      term.length >= 3 &&
      (q.termWeights.get(term) ?? 0) >= 1 &&
      !this.vocabulary.has(term)
    );
  }

  private headingKeys(id: number): HeadKeys {
    let keys = this.headingKeyCache.get(id);
    if (!keys) {
      const { doc, section } = this.refs[id];
      const d = this.corpus.docs[doc];
      // a doc's title keys are worked out once for all its sections
      let title = this.titleKeyCache.get(doc);
      if (!title) {
        title = {
          title: phraseKeys(d.title),
          titleWords: [...new Set(tokenize(d.title).flatMap((t) => expandToken(t).words))],
        };
        this.titleKeyCache.set(doc, title);
      }
      keys = {
        title: title.title,
        heading: phraseKeys(d.sections[section].headingPath.join(' ')),
        titleWords: title.titleWords,
      };
      this.headingKeyCache.set(id, keys);
    }
    return keys;
  }

  private noResultSuggestions(q: AnalyzedQuery, opts: ResolvedOptions): string[] {
    const out: string[] = [];
    if (opts.product || opts.kind) {
      const unfiltered = this.rank(q, { limit: 3 });
      if (unfiltered.length > 0) {
        const where = [opts.product && `product "${opts.product}"`, opts.kind && `kind "${opts.kind}"`]
          .filter(Boolean)
          .join(' and ');
        out.push(
          `Nothing matched within ${where}; without that filter there are matches, e.g. "${this.corpus.docs[this.refs[unfiltered[0].id].doc].path}".`,
        );
      }
    }
    const unknown = q.concepts.filter(
      (c) => !c.alternatives.some((a) => a.terms.every((t) => this.vocabulary.has(t))),
    );
    // the docs are English: words in another script can only match by accident
    const foreign = unknown.filter((c) => !/[a-z0-9]/i.test(c.text) && /\p{L}/u.test(c.text));
    if (foreign.length > 0 && foreign.length === unknown.length)
      out.push(
        `No docs mention: ${unknown.map((c) => `"${c.text}"`).join(', ')}. The WorkOS docs are in English: search with English words or identifiers, e.g. "SSO with Okta", "getAuthorizationUrl".`,
      );
    else if (unknown.length > 0)
      out.push(
        `No docs mention: ${unknown.map((c) => `"${c.text}"`).join(', ')}. Check the spelling or use fewer words.`,
      );
    const close = this.closestTitles(q, opts);
    if (close.length > 0) out.push(`Closest titles: ${close.join('; ')}.`);
    out.push(`Product areas: ${this.products.join(', ')}.`);
    return out;
  }

  /**
   * A deliberately loose second try for an empty answer: every word fuzzy and prefix-matched against
   * titles and headings only, a few words at most so it stays cheap.
   */
  private closestTitles(q: AnalyzedQuery, opts: ResolvedOptions): string[] {
    const words = q.concepts
      .map((c) => c.alternatives[0].terms.join(' '))
      .filter((w) => w.length >= 3 && w.length <= 30)
      .slice(0, 8);
    if (words.length === 0) return [];
    const allowed = this.allowed(opts);
    const hits = this.index.search(words.join(' '), {
      fields: ['title', 'heading'],
      fuzzy: 0.34,
      maxFuzzy: 3,
      prefix: true,
      combineWith: 'OR',
      boostDocument: allowed ? (id) => (allowed(id as number) ? 1 : 0) : undefined,
    });
    const seen = new Set<number>();
    const out: string[] = [];
    for (const h of hits) {
      const d = this.refs[h.id as number].doc;
      if (seen.has(d)) continue;
      seen.add(d);
      out.push(`"${this.corpus.docs[d].title}" (${this.corpus.docs[d].path})`);
      if (out.length === 3) break;
    }
    return out;
  }
}
