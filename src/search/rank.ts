import type { SearchResult as MiniResult } from 'minisearch';
import { containsRun } from './phrase.js';
import type { AnalyzedQuery, Concept } from './query.js';

/**
 * Tuning constants, set on test/eval/queries.json (see scripts/bench-quality.ts). Field boosts
 * follow the order: title and heading > identifiers and path > description > body.
 */
export const FIELD_BOOSTS = {
  title: 5,
  heading: 3,
  identifiers: 2,
  endpoints: 3,
  path: 2,
  description: 1.5,
  body: 1,
} as const;

/** BM25+ parameters: b a little below the usual 0.75 because long reference sections are not less relevant. */
export const BM25 = { k: 1.2, b: 0.6, d: 0.5 };

/** Share of the score a unit keeps when it matches none of the concepts fully (scattered matches). */
const COVERAGE_FLOOR = 0.15;
/** Extra factor when every concept is found in the doc title: the doc is *about* the query. */
const TITLE_ALL_BONUS = 0.6;
/** Extra factor when the query's words occur as a contiguous phrase in the title or heading. */
const PHRASE_BONUS = 0.3;

/** How fully a concept is satisfied by a set of matched terms: best alternative's matched share x quality. */
export function conceptSatisfaction(concept: Concept, matched: ReadonlySet<string>): number {
  let best = 0;
  for (const alt of concept.alternatives) {
    let hit = 0;
    for (const t of alt.terms) if (matched.has(t)) hit++;
    const s = (hit / alt.terms.length) * alt.quality;
    if (s > best) best = s;
  }
  return best;
}

export function coverage(concepts: readonly Concept[], matched: ReadonlySet<string>): number {
  if (concepts.length === 0) return 0;
  let sum = 0;
  for (const c of concepts) sum += conceptSatisfaction(c, matched);
  return sum / concepts.length;
}

/** Query terms a result matched in a given field (exact matches only; fuzzy ones are derived terms). */
function termsInField(result: MiniResult, field: string): Set<string> {
  const out = new Set<string>();
  for (const [term, fields] of Object.entries(result.match)) if (fields.includes(field)) out.add(term);
  return out;
}

export interface UnitScore {
  id: number;
  score: number;
  /** Index terms the unit matched (for snippet highlighting). */
  matched: string[];
}

/**
 * First pass over every MiniSearch hit, kept cheap: MiniSearch multiplies by the count of matched
 * query terms, which over-rewards units hitting many synonym and identifier-part expansions; we undo
 * that and weigh by concept coverage instead, so a unit matching every concept ranks above a unit
 * matching one concept many ways.
 */
export function coverageScore(result: MiniResult, query: AnalyzedQuery): UnitScore {
  const base = result.score / Math.max(1, result.queryTerms.length);
  const cov = coverage(query.concepts, new Set(result.queryTerms));
  return { id: result.id as number, score: base * (COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * cov * cov), matched: result.terms };
}

/**
 * Second pass, for the head of the list only: a unit whose doc title carries every concept is
 * about the query; a title or heading holding the query words as a phrase beats scattered words.
 */
export function headBonus(
  unit: UnitScore,
  result: MiniResult,
  query: AnalyzedQuery,
  keys: () => { title: string[]; heading: string[] },
): number {
  let factor = 1;
  if (query.concepts.length > 0 && coverage(query.concepts, termsInField(result, 'title')) >= 0.85) factor *= 1 + TITLE_ALL_BONUS;
  if (query.phrase.length >= 2) {
    const k = keys();
    if (containsRun(k.title, query.phrase) || containsRun(k.heading, query.phrase)) factor *= 1 + PHRASE_BONUS;
  }
  return unit.score * factor;
}
