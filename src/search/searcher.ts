import type MiniSearch from 'minisearch';
import type { Query } from 'minisearch';
import type { Corpus } from '../corpus/types.js';
import { buildMiniSearch, loadMiniSearch } from './index-build.js';
import { type ResolvedOptions, knownKinds, resolveOptions } from './options.js';
import { phraseKeys } from './phrase.js';
import { markdownToPlainText } from './plain-text.js';
import { type AnalyzedQuery, analyzeQuery, normalizeQuery, withConceptWeights, withPrefixCorrections } from './query.js';
import { DEFAULT_RANKING, type RankingConfig, type UnitScore, coverageScore, headBonus } from './rank.js';
import { analyzeForSnippet, makeSnippet } from './snippet.js';
import type { SearchOptions, SearchResponse, SearchResult, Searcher, SectionHit } from './types.js';
import { type UnitFields, type UnitRef, unitRefs } from './units.js';

/** How the index came to be, for start-up logs and the benchmark. */
export interface SearcherStats {
  units: number;
  /** 'prebuilt' when the bundle's index was loaded, 'built' when it had to be rebuilt. */
  source: 'prebuilt' | 'built';
  /** Why a prebuilt index was not used (absent, other format, other corpus). */
  reason?: string;
  loadMs: number;
}

export interface CorpusSearcher extends Searcher {
  readonly stats: SearcherStats;
}

/** Units re-scored with title and phrase checks: the head of the list is all that can reach the results. */
const RERANK_DEPTH = 100;
const MORE_SECTIONS = 2;
/** An extra section is listed only if it scores at least this share of the doc's best section. */
const MORE_SECTION_MIN_SHARE = 0.2;
/** Share of sections above which a weak term is too common to search for. */
const COMMON_TERM_SHARE = 0.12;
const WEAK_TERM_FIELDS = ['title', 'heading', 'path', 'identifiers', 'endpoints', 'description'];

/**
 * Creates a searcher, loading `serialized` (from the bundle's `searchIndex`) when it fits the corpus.
 * `ranking` overrides are for tuning experiments; the defaults are what ships.
 */
export function createSearcher(corpus: Corpus, serialized?: unknown, ranking: Partial<RankingConfig> = {}): CorpusSearcher {
  const started = performance.now();
  const loaded = loadMiniSearch(corpus, serialized);
  const index = 'index' in loaded ? loaded.index : buildMiniSearch(corpus);
  const stats: SearcherStats = {
    units: index.documentCount,
    source: 'index' in loaded ? 'prebuilt' : 'built',
    reason: 'reason' in loaded ? loaded.reason : undefined,
    loadMs: 0,
  };
  const searcher = new IndexSearcher(corpus, index, unitRefs(corpus), stats, { ...DEFAULT_RANKING, ...ranking });
  stats.loadMs = performance.now() - started;
  return searcher;
}

interface DocGroup {
  doc: number;
  score: number;
  /** Best section first, at most 1 + MORE_SECTIONS. */
  units: UnitScore[];
}

interface Vocabulary {
  has(term: string): boolean;
  get(term: string): Map<number, Map<number, number>> | undefined;
}

class IndexSearcher implements CorpusSearcher {
  /** Per-section text and tokens for snippets, filled lazily (only sections that get returned). */
  private readonly snippetSource = new Map<number, { text: string; tokens: ReturnType<typeof analyzeForSnippet> }>();
  private readonly headingKeyCache = new Map<number, { title: string[]; heading: string[] }>();
  private readonly vocabulary: Vocabulary;
  private readonly products: string[];

  constructor(
    private readonly corpus: Corpus,
    private readonly index: MiniSearch<UnitFields>,
    private readonly refs: UnitRef[],
    readonly stats: SearcherStats,
    private readonly cfg: RankingConfig,
  ) {
    // MiniSearch keeps its term dictionary private; reading it lets fuzzy matching run only for
    // words the corpus does not contain (typos), which keeps it both precise and fast.
    const dict = (index as unknown as { _index?: Vocabulary })._index;
    this.vocabulary = dict && typeof dict.has === 'function' ? dict : { has: () => false, get: () => undefined };
    this.products = [...new Set(corpus.docs.map((d) => d.product))].sort();
  }

  search(query: string, options?: SearchOptions): SearchResponse {
    try {
      return this.run(query, resolveOptions(options));
    } catch (err) {
      // Search must answer, not crash the caller; this path means a bug, so say so plainly.
      return {
        query: normalizeQuery(query),
        results: [],
        total: 0,
        suggestions: [`Search failed internally (${err instanceof Error ? err.message : String(err)}); try rephrasing.`],
      };
    }
  }

  private run(raw: string, opts: ResolvedOptions): SearchResponse {
    const known = (t: string): boolean => this.vocabulary.has(t);
    const q = withConceptWeights(withPrefixCorrections(analyzeQuery(raw), known), (t) => this.docFrequency(t), this.stats.units);
    const empty = (suggestions: string[]): SearchResponse => ({ query: q.text, results: [], total: 0, suggestions });
    if (opts.badKind) return empty([`Unknown kind "${opts.badKind}". Use one of: ${knownKinds().join(', ')}.`]);
    if (opts.product && !this.products.includes(opts.product)) {
      return empty([`Unknown product area "${opts.product}". Known areas: ${this.products.join(', ')}.`]);
    }
    if (q.concepts.length === 0) {
      return empty([
        'Search with a few words or an identifier, e.g. "SSO with Okta", "getAuthorizationUrl", "POST /organizations", "dsync.user.created".',
        `Product areas: ${this.products.join(', ')}.`,
      ]);
    }
    const ranked = this.rank(q, opts);
    const docs = this.groupByDoc(ranked);
    const results = docs.slice(0, opts.limit).map((d) => this.toResult(d));
    return {
      query: q.text,
      results,
      total: docs.length,
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
    const weights = q.termWeights;
    const allowed = this.allowed(opts);
    // Terms are analyzed already (endpoint keys contain spaces, hence the newline separator).
    // Weaker terms (synonyms, identifier parts) skip the body: there they mostly add cost and noise,
    // while a synonym in a title or heading is the evidence that matters.
    const strong: string[] = [];
    const weak: string[] = [];
    for (const [t, w] of weights) {
      if (w >= 1) strong.push(t);
      else if (!this.isCommon(t)) weak.push(t);
    }
    const queries: Query[] = [];
    if (strong.length > 0) queries.push(strong.join('\n'));
    if (weak.length > 0) queries.push({ queries: [weak.join('\n')], fields: WEAK_TERM_FIELDS });
    const hits = this.index.search({ queries, combineWith: 'OR' }, {
      tokenize: (s) => s.split('\n'),
      processTerm: (t) => t,
      combineWith: 'OR',
      boost: this.cfg.fieldBoosts,
      bm25: this.cfg.bm25,
      weights: { fuzzy: this.cfg.fuzzyWeight, prefix: this.cfg.prefixWeight },
      boostTerm: (t) => weights.get(t) ?? 1,
      boostDocument: allowed ? (id) => (allowed(id as number) ? 1 : 0) : undefined,
      fuzzy: (t) => this.fuzziness(t, weights.get(t) ?? 0),
      prefix: (t) => this.prefixable(t, q),
    });
    const first = hits.map((h, i) => ({ unit: coverageScore(h, q, this.cfg), i }));
    first.sort((a, b) => b.unit.score - a.unit.score);
    for (const entry of first.slice(0, RERANK_DEPTH)) {
      const id = entry.unit.id;
      entry.unit.score = headBonus(entry.unit, hits[entry.i], q, () => this.headingKeys(id), this.cfg);
    }
    return first.map((e) => e.unit).sort((a, b) => b.score - a.score);
  }

  /**
   * A weak term (synonym or identifier part) found in a large share of sections says little and
   * costs much ("id" from "entra id", "user" from "user_id"); such terms are left out of the search.
   */
  private isCommon(term: string): boolean {
    return this.docFrequency(term) > COMMON_TERM_SHARE * this.stats.units;
  }

  /** Sections containing a term in any one field (the largest field's count: cheap and close enough). */
  private docFrequency(term: string): number {
    const fields = this.vocabulary.get(term);
    let df = 0;
    if (fields) for (const postings of fields.values()) df = Math.max(df, postings.size);
    return df;
  }

  /**
   * Prefix matching serves a half-typed last word ("getAuthoriz"); a last word the corpus knows is
   * complete, and expanding it would only add noise and cost.
   */
  private prefixable(term: string, q: AnalyzedQuery): boolean {
    return q.lastTerms.has(term) && term.length >= 3 && (q.termWeights.get(term) ?? 0) >= 1 && !this.vocabulary.has(term);
  }

  /** Typos only: a word the corpus knows is not fuzzed (that would match "user" to "used"). */
  private fuzziness(term: string, weight: number): number | false {
    if (weight < 1 || term.includes('/') || this.vocabulary.has(term)) return false;
    if (term.length >= 8) return 2;
    return term.length >= 4 ? 1 : false;
  }

  private headingKeys(id: number): { title: string[]; heading: string[] } {
    let keys = this.headingKeyCache.get(id);
    if (!keys) {
      const { doc, section } = this.refs[id];
      const d = this.corpus.docs[doc];
      keys = { title: phraseKeys(d.title), heading: phraseKeys(d.sections[section].headingPath.join(' ')) };
      this.headingKeyCache.set(id, keys);
    }
    return keys;
  }

  /** Units arrive best first, so each doc's first unit is its best section. */
  private groupByDoc(units: UnitScore[]): DocGroup[] {
    const byDoc = new Map<number, DocGroup>();
    for (const u of units) {
      const d = this.refs[u.id].doc;
      const g = byDoc.get(d);
      if (!g) byDoc.set(d, { doc: d, score: u.score, units: [u] });
      else if (g.units.length <= MORE_SECTIONS) {
        g.score += (this.cfg.extraSectionWeights[g.units.length - 1] ?? 0) * u.score;
        g.units.push(u);
      }
    }
    const docs = [...byDoc.values()];
    for (const g of docs) g.score *= this.cfg.kindPrior[this.corpus.docs[g.doc].kind] ?? 1;
    return docs.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  private snippetFor(id: number, matched: ReadonlySet<string>): string {
    let src = this.snippetSource.get(id);
    if (!src) {
      const { doc, section } = this.refs[id];
      const d = this.corpus.docs[doc];
      const text = markdownToPlainText(d.sections[section].markdown.replace(/^\s*#{1,6}[^\n]*\n?/, '')) || d.description;
      src = { text, tokens: analyzeForSnippet(text) };
      this.snippetSource.set(id, src);
    }
    return makeSnippet(src.text, matched, src.tokens);
  }

  private hit(u: UnitScore): SectionHit {
    const { doc, section } = this.refs[u.id];
    const d = this.corpus.docs[doc];
    const s = d.sections[section];
    return {
      anchor: s.anchor,
      section: s.heading || d.title,
      snippet: this.snippetFor(u.id, new Set(u.matched)),
      score: round(u.score),
    };
  }

  private toResult(d: DocGroup): SearchResult {
    const doc = this.corpus.docs[d.doc];
    const [best, ...rest] = d.units;
    const top = this.hit(best);
    return {
      path: doc.path,
      anchor: top.anchor,
      title: doc.title,
      section: top.section,
      url: top.anchor ? `${doc.url}#${top.anchor}` : doc.url,
      kind: doc.kind,
      product: doc.product,
      snippet: top.snippet,
      score: round(d.score),
      // only sections that matter next to the best one; a passing mention is not worth the reader's time
      more: rest.filter((u) => u.score >= MORE_SECTION_MIN_SHARE * best.score).map((u) => this.hit(u)),
    };
  }

  private noResultSuggestions(q: AnalyzedQuery, opts: ResolvedOptions): string[] {
    const out: string[] = [];
    if (opts.product || opts.kind) {
      const unfiltered = this.rank(q, { limit: 3 });
      if (unfiltered.length > 0) {
        const where = [opts.product && `product "${opts.product}"`, opts.kind && `kind "${opts.kind}"`].filter(Boolean).join(' and ');
        out.push(`Nothing matched within ${where}; without that filter there are matches, e.g. "${this.corpus.docs[this.refs[unfiltered[0].id].doc].path}".`);
      }
    }
    const unknown = q.concepts.filter((c) => !c.alternatives.some((a) => a.terms.every((t) => this.vocabulary.has(t))));
    if (unknown.length > 0) out.push(`No docs mention: ${unknown.map((c) => `"${c.text}"`).join(', ')}. Check the spelling or use fewer words.`);
    out.push(`Product areas: ${this.products.join(', ')}.`);
    return out;
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
