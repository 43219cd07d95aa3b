import { containsRun } from './phrase.js';
import type { PriorConfig } from './priors.js';
import type { AnalyzedQuery, Concept } from './query.js';
import type { ScanHits } from './scan.js';

/**
 * Every ranking knob in one place, set on test/eval/queries.json with coarse steps (see
 * scripts/tune-ranking.ts); defaults below. Field boosts follow the order: title and heading >
 * identifiers, endpoints and path > description > body.
 */
export interface RankingConfig {
  fieldBoosts: Record<string, number>;
  /** BM25+ parameters. */
  bm25: { k: number; b: number; d: number };
  /** Share of the score a unit keeps when it matches none of the concepts (scattered matches). */
  coverageFloor: number;
  /** Power applied to coverage: higher punishes partial matches harder. */
  coveragePower: number;
  /** Extra factor when every concept is found in the doc title: the doc is *about* the query. */
  titleAllBonus: number;
  /** Extra factor when the query's words occur as a contiguous phrase in the title or heading. */
  phraseBonus: number;
  /** Extra factor when every word of the doc title is matched: the page is named after the query. */
  titleExactBonus: number;
  /** A doc's score is its best section plus these shares of its next best ones. */
  extraSectionWeights: number[];
  /** MiniSearch weights of fuzzy and prefix matches relative to exact ones. */
  fuzzyWeight: number;
  prefixWeight: number;
  /** Score multipliers per doc kind (missing kinds count 1). */
  kindPrior: Record<string, number>;
  /** Doc-level priors from the query's cues (language, SDK named, ...); see priors.ts. */
  priors: PriorConfig;
  /** Share of a section's choice that comes from its best passage rather than its index score. */
  passageWeight: number;
  /** Factor on FAQ, troubleshooting and limitations sections when the question is a symptom. */
  explainingSectionBoost: number;
  /**
   * What a section none of whose passages states a rule or exception (answer-type.ts) keeps of its
   * passage score when a symptom or behaviour question chooses a doc's section: "the link doesn't
   * work anymore" is answered by "links expire after 30 days", not by the steps of sending one.
   */
  behaviourlessShare: number;
  /** Factor on setup boilerplate sections (install the SDK, set secrets, ...). */
  boilerplatePrior: number;
  /** Characters of a result's snippet. */
  snippetLength: number;
  /** The top result's snippet runs on into the next passage when its own leaves this much room. */
  snippetRunOnRoom: number;
}

export const DEFAULT_RANKING: RankingConfig = {
  fieldBoosts: {
    title: 5,
    heading: 3,
    // a method name is the title of its reference entry, and the field holds whole names only
    api: 5,
    identifiers: 2,
    endpoints: 3,
    path: 2,
    description: 1.5,
    body: 1,
  },
  // b a little below the usual 0.75: long reference sections are not less relevant for being long
  bm25: { k: 1.2, b: 0.6, d: 0.5 },
  coverageFloor: 0.15,
  coveragePower: 2,
  titleAllBonus: 0.6,
  phraseBonus: 0.3,
  titleExactBonus: 0.5,
  extraSectionWeights: [0.15, 0.05],
  fuzzyWeight: 0.5,
  prefixWeight: 0.35,
  // Changelog entries are short, keyword-dense news items: without a discount their titles outrank
  // the docs they announce. They still win when the query is about the change itself.
  kindPrior: { changelog: 0.6 },
  priors: {
    sdkPrior: 0.7,
    namedSdkBoost: 1.3,
    languageBoost: 1.3,
    otherLanguagePrior: 0.9,
    methodBoost: 0.6,
    methodBoostNoLanguage: 0,
    apiPrior: 0.6,
    apiOtherLanguagePrior: 0.2,
    plainReferencePrior: 0.9,
    explainReferencePrior: 0.6,
    objectPagePrior: 0.8,
    listPageBoost: 1.3,
  },
  passageWeight: 0.5,
  explainingSectionBoost: 2.5,
  behaviourlessShare: 0.5,
  boilerplatePrior: 0.5,
  snippetLength: 220,
  snippetRunOnRoom: 60,
};

/**
 * Title coverage that counts as "the title says it all": every concept, where an identifier's words
 * (PART_QUALITY 0.8) count, so `organization_selection_required` is at home in a page titled
 * "Organization selection required error".
 */
const TITLE_COVERAGE = 0.8;

/** Matched query terms with how well they matched: 1 exact, less for a fuzzy or prefix match. */
export type MatchedTerms = ReadonlyMap<string, number>;

/** A typo-tolerant match is weaker evidence than the word itself ("unprocessable" vs "processing"). */
const APPROXIMATE_MATCH = 0.5;

/** How fully a concept is satisfied by a set of matched terms: best alternative's matched share x quality. */
export function conceptSatisfaction(concept: Concept, matched: MatchedTerms): number {
  let best = 0;
  for (const alt of concept.alternatives) {
    let hit = 0;
    for (const t of alt.terms) hit += matched.get(t) ?? 0;
    const s = (hit / alt.terms.length) * alt.quality;
    if (s > best) best = s;
  }
  return best;
}

/** Weighted share of the query's concepts a set of matched terms satisfies (0..1). */
export function coverage(concepts: readonly Concept[], matched: MatchedTerms): number {
  let sum = 0;
  let total = 0;
  for (const c of concepts) {
    const w = c.weight ?? 1;
    sum += w * conceptSatisfaction(c, matched);
    total += w;
  }
  return total > 0 ? sum / total : 0;
}

/**
 * A query's concepts with each alternative's terms as the scan's term numbers, worked out once per
 * query rather than once per hit.
 */
export interface CoveragePlan {
  concepts: readonly Concept[];
  /** Per concept, per alternative: the scan's number of each term (-1: not searched). */
  numbers: number[][][];
}

export function coveragePlan(concepts: readonly Concept[], hits: ScanHits): CoveragePlan {
  return {
    concepts,
    numbers: concepts.map((c) => c.alternatives.map((a) => a.terms.map((t) => hits.termNumber(t)))),
  };
}

/**
 * Weighted share of the query's concepts a hit satisfies, as coverage() would give it for the hit's
 * query terms (1 when the index holds the term itself, APPROXIMATE_MATCH for a fuzzy or prefix match),
 * without building a map of them. Same values summed in the same order, so the same number.
 */
function hitCoverage(plan: CoveragePlan, hits: ScanHits, i: number): number {
  const { concepts, numbers } = plan;
  let sum = 0;
  let total = 0;
  for (let c = 0; c < concepts.length; c++) {
    const concept = concepts[c];
    const w = concept.weight ?? 1;
    let best = 0;
    for (let a = 0; a < concept.alternatives.length; a++) {
      const alt = concept.alternatives[a];
      const terms = numbers[c][a];
      let hit = 0;
      for (let t = 0; t < terms.length; t++)
        if (hits.hasQueryTerm(i, terms[t])) hit += hits.hasExactTerm(i, terms[t]) ? 1 : APPROXIMATE_MATCH;
      const s = (hit / alt.terms.length) * alt.quality;
      if (s > best) best = s;
    }
    sum += w * best;
    total += w;
  }
  return total > 0 ? sum / total : 0;
}

/** Per-unit words for the head bonuses: title and heading phrase keys, and the title's index words. */
export interface HeadKeys {
  title: string[];
  heading: string[];
  titleWords: string[];
}

export interface UnitScore {
  id: number;
  score: number;
  /** Index terms the unit matched (for snippet highlighting). */
  readonly matched: string[];
}

/** A scan hit's unit score; its matched terms are rebuilt from the scan only if a result asks. */
class HitScore implements UnitScore {
  constructor(
    readonly id: number,
    public score: number,
    private readonly hits: ScanHits,
    private readonly hit: number,
  ) {}

  get matched(): string[] {
    return this.hits.terms(this.hit);
  }
}

/**
 * First pass over every MiniSearch hit, kept cheap: MiniSearch multiplies by the count of matched
 * query terms, which over-rewards units hitting many synonym and identifier-part expansions; we undo
 * that and weigh by concept coverage instead, so a unit matching every concept ranks above a unit
 * matching one concept many ways.
 */
export function coverageScore(
  hits: ScanHits,
  i: number,
  plan: CoveragePlan,
  cfg: RankingConfig = DEFAULT_RANKING,
): UnitScore {
  const base = hits.score(i) / Math.max(1, hits.queryTermCount(i));
  const cov = hitCoverage(plan, hits, i);
  const factor = cfg.coverageFloor + (1 - cfg.coverageFloor) * Math.pow(cov, cfg.coveragePower);
  return new HitScore(hits.id(i), base * factor, hits, i);
}

/**
 * Second pass, for the head of the list only: a unit whose doc title carries every concept is
 * about the query; a title or heading holding the query words as a phrase beats scattered words.
 */
export function headBonus(
  unit: UnitScore,
  inTitle: MatchedTerms,
  query: AnalyzedQuery,
  keys: () => HeadKeys,
  cfg: RankingConfig = DEFAULT_RANKING,
): number {
  let factor = 1;
  if (query.concepts.length > 0 && coverage(query.concepts, inTitle) >= TITLE_COVERAGE) {
    factor *= 1 + cfg.titleAllBonus;
    // and the title holds nothing else: the page is named after the query
    const titleWords = keys().titleWords;
    if (titleWords.length > 0 && titleWords.every((w) => inTitle.has(w))) factor *= 1 + cfg.titleExactBonus;
  }
  if (query.phrase.length >= 2) {
    const k = keys();
    if (containsRun(k.title, query.phrase) || containsRun(k.heading, query.phrase))
      factor *= 1 + cfg.phraseBonus;
  }
  return unit.score * factor;
}
