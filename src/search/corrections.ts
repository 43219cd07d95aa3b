import { type Alternative, type AnalyzedQuery, addTerm, isIdentifier } from './query.js';
import { stem } from './tokenize.js';

/**
 * Query refinements that need the index's vocabulary: spelling corrections and concept weights.
 * They run after analyzeQuery, which knows nothing about the corpus.
 */

/** How fully a spelling correction stands for the word the user typed (see withCorrections). */
const CORRECTION_QUALITY = 0.8;

/** One edit away from a lower-case ASCII word: deletions, swaps of neighbours, replacements, insertions. */
function oneEditAway(word: string): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const out: string[] = [];
  for (let i = 0; i <= word.length; i++) {
    const [a, b] = [word.slice(0, i), word.slice(i)];
    if (b) out.push(a + b.slice(1));
    if (b.length > 1) out.push(a + b[1] + b[0] + b.slice(2));
    for (const ch of letters) {
      if (b && ch !== b[0]) out.push(a + ch + b.slice(1));
      out.push(a + ch + b);
    }
  }
  return out;
}

export interface TermStats {
  has(term: string): boolean;
  docFrequency(term: string): number;
}

/**
 * Spelling correction for words the corpus lacks, where edit distance on stems does badly: the
 * stemmer mangles misspellings ("invitaton" stems to itself, 4 edits from the indexed "invit";
 * "mgaic" is 2 edits from "magic"). First, the surface word's one-edit variants are stemmed and
 * the most common known one wins (Norvig-style); failing that, the longest known prefix covering
 * most of the word ("impersonaton" -> "imperson"). Each correction is an extra, slightly weaker
 * alternative; fuzzy matching still runs for other typos.
 */
export function withCorrections(q: AnalyzedQuery, vocab: TermStats): AnalyzedQuery {
  const known = (t: string): boolean => vocab.has(t);
  const corrections = new Map<string, string>();
  for (const c of q.concepts) {
    const own = c.alternatives[0]?.terms;
    if (!/^[a-z]{4,20}$/i.test(c.text) || own?.length !== 1 || known(own[0])) continue;
    let best: string | undefined;
    let bestDf = 0;
    for (const variant of oneEditAway(c.text.toLowerCase())) {
      const t = stem(variant);
      const df = known(t) ? vocab.docFrequency(t) : 0;
      if (df > bestDf) [best, bestDf] = [t, df];
    }
    if (best) corrections.set(own[0], best);
  }
  for (const [term, weight] of q.termWeights) {
    if (corrections.has(term)) continue;
    if (weight < 1 || term.length < 6 || known(term) || !/^\p{L}+$/u.test(term)) continue;
    const min = Math.max(5, Math.ceil(term.length * 0.6));
    for (let len = term.length - 1; len >= min; len--) {
      const prefix = term.slice(0, len);
      if (known(prefix)) {
        corrections.set(term, prefix);
        break;
      }
    }
  }
  if (corrections.size === 0) return q;
  const termWeights = new Map(q.termWeights);
  // searched like the user's own words (it is what they meant); counted a little weaker in coverage
  for (const fixed of corrections.values()) addTerm(termWeights, fixed, 1);
  const concepts = q.concepts.map((c) => {
    const extra: Alternative[] = [];
    for (const alt of c.alternatives) {
      if (!alt.terms.some((t) => corrections.has(t))) continue;
      extra.push({
        terms: alt.terms.map((t) => corrections.get(t) ?? t),
        quality: alt.quality * CORRECTION_QUALITY,
      });
    }
    return extra.length > 0 ? { ...c, alternatives: [...c.alternatives, ...extra] } : c;
  });
  return { ...q, termWeights, concepts };
}

/** A natural word joined by hyphens, not an identifier or a package name with digits or capitals. */
const HYPHENATED_WORD = /^[a-z]+(?:-[a-z]+)+$/;
const PART_QUALITY_MIN = 0.8;

/**
 * Weighs each concept by how rare its words are in the corpus, so that matching "422" counts for
 * more than matching "returns" when a section cannot match everything. Words the corpus lacks get
 * the weight of a word seen once.
 */
export function withConceptWeights(
  q: AnalyzedQuery,
  docFrequency: (term: string) => number,
  units: number,
): AnalyzedQuery {
  const idf = (df: number): number => Math.log(1 + units / Math.max(1, df));
  const concepts = q.concepts.map((c) => {
    // a hyphenated word ("signed-in", "sign-up") means its words: its joined spelling is rare, they are not
    const hyphenated = HYPHENATED_WORD.test(c.text) && c.alternatives.length > 1;
    const own = hyphenated ? [] : c.alternatives.filter((a) => a.quality >= 1);
    const words = hyphenated
      ? c.alternatives.filter((a) => a.quality < 1 && a.quality >= PART_QUALITY_MIN).slice(0, 1)
      : [];
    const terms = (own.length > 0 ? own : words.length > 0 ? words : c.alternatives).flatMap((a) => a.terms);
    const weight = Math.max(...terms.map((t) => idf(docFrequency(t))));
    return { ...c, weight: Number.isFinite(weight) ? weight : 1 };
  });
  return { ...q, concepts };
}

/** Weight of an identifier's exact term in the index scan, as for an endpoint (query.ts). */
const IDENTIFIER_TERM_WEIGHT = 2;
/** An identifier's concept weighs this many times the question's other concepts together. */
const IDENTIFIER_SHARE_OF_OTHERS = 2;
/** Quality left to an identifier's separate words once the corpus is known to hold it whole. */
const KNOWN_IDENTIFIER_PARTS_QUALITY = 0.3;
/** An identifier found in more sections than this share is vocabulary, not a name to look up... */
const MAX_IDENTIFIER_SHARE = 0.02;
/** ... though in a small corpus a handful of sections is still rare. */
const MIN_IDENTIFIER_SECTIONS = 5;

/**
 * An exact identifier in a natural question ("why do I get `invalid_grant` when refreshing") is what
 * the question is about: the page that holds the identifier itself must beat pages sharing the
 * question's other words, or the identifier's words taken apart ("invalid", "grant"). So when the
 * corpus holds the identifier whole, and rarely, its concept weighs twice as much as all the others
 * together and its separate words count for little. Run after withConceptWeights.
 */
export function withIdentifierDominance(q: AnalyzedQuery, vocab: TermStats, units: number): AnalyzedQuery {
  if (q.concepts.length < 2) return q;
  const rare = Math.max(MIN_IDENTIFIER_SECTIONS, MAX_IDENTIFIER_SHARE * units);
  const dominant = new Set<number>();
  q.concepts.forEach((c, i) => {
    const whole = c.alternatives[0];
    // code names only (`invalid_grant`, `getProfile`, `dsync.user.created`), not hyphenated words
    if (!isIdentifier(c.text) || !whole || whole.quality < 1 || whole.terms.length !== 1) return;
    if (c.alternatives.length < 2) return;
    const df = vocab.docFrequency(whole.terms[0]);
    if (df > 0 && df <= rare) dominant.add(i);
  });
  if (dominant.size === 0 || dominant.size === q.concepts.length) return q;
  const others = q.concepts.reduce((s, c, i) => (dominant.has(i) ? s : s + (c.weight ?? 1)), 0);
  const termWeights = new Map(q.termWeights);
  const concepts = q.concepts.map((c, i) => {
    if (!dominant.has(i)) return c;
    termWeights.set(c.alternatives[0].terms[0], IDENTIFIER_TERM_WEIGHT);
    const [whole, ...rest] = c.alternatives;
    return {
      ...c,
      weight: Math.max(c.weight ?? 1, IDENTIFIER_SHARE_OF_OTHERS * others),
      alternatives: [
        whole,
        ...rest.map((a) => ({ ...a, quality: Math.min(a.quality, KNOWN_IDENTIFIER_PARTS_QUALITY) })),
      ],
    };
  });
  return { ...q, termWeights, concepts };
}

/** A synonym is the docs' spelling of a word when bodies hold it this many times as often. */
const SPELLING_RATIO = 5;

/**
 * The docs' own spelling of a user's word. Synonyms are searched in titles and headings only (in a
 * body they mostly add noise), which is right for a synonym beside the docs' word, and wrong when the
 * user's word is a spelling the docs rarely use: "org" is "organization" in every body ("when an org
 * membership is removed" is written "when an organization membership is removed"). Such a synonym,
 * much more frequent in bodies than the word typed, is searched in bodies too.
 */
export function withCorpusSpellings(
  q: AnalyzedQuery,
  vocab: { bodyFrequency(term: string): number },
): AnalyzedQuery {
  const found = new Set<string>();
  for (const c of q.concepts) {
    const own = c.alternatives.filter((a) => a.quality >= 1);
    if (own.length !== 1 || own[0].terms.length !== 1) continue;
    const typed = Math.max(1, vocab.bodyFrequency(own[0].terms[0]));
    for (const alt of c.alternatives) {
      if (alt.quality >= 1 || alt.terms.length !== 1 || alt.quality < SYNONYM_SPELLING_QUALITY) continue;
      if (vocab.bodyFrequency(alt.terms[0]) >= SPELLING_RATIO * typed) found.add(alt.terms[0]);
    }
  }
  return found.size > 0 ? { ...q, bodySynonyms: found } : q;
}

/** Synonyms proper (quality 0.9), not identifier parts or lone words of a phrase. */
const SYNONYM_SPELLING_QUALITY = 0.9;
