import type { AnswerType } from './answer-type.js';
import { endpointsInQuery } from './endpoints.js';
import { NAME, phraseKeys } from './phrase.js';
import { type SynonymRule, defaultSynonymRules, findSynonyms } from './synonyms.js';
import { CAMEL_PART, expandToken, tokenize } from './tokenize.js';

/** Queries are cut here: enough for any real question, bounded cost for pasted logs. */
export const MAX_QUERY_CHARS = 1000;
export const MAX_QUERY_TOKENS = 64;

/**
 * One thing the user asked about: a word, an identifier, or a synonym phrase. It is satisfied by
 * any one of its alternatives; an alternative is a set of terms that should all match.
 */
export interface Alternative {
  terms: string[];
  /** How fully this alternative stands for the concept (1 = the user's exact words). */
  quality: number;
}

export interface Concept {
  text: string;
  alternatives: Alternative[];
  /** Informativeness (IDF of its rarest user term) for coverage; 1 until withConceptWeights runs. */
  weight?: number;
}

export interface AnalyzedQuery {
  /** The query as searched (control characters removed, truncated). */
  text: string;
  concepts: Concept[];
  /** Every search term with its weight (1 for the user's words, less for synonyms and identifier parts). */
  termWeights: Map<string, number>;
  /** Terms that came from the user's last token (prefix matching applies to them). */
  lastTerms: Set<string>;
  /** Stemmed content words of the query in order, for phrase bonuses. */
  phrase: string[];
  /** The kind of answer the wording expects (see answer-type.ts). */
  answerType?: AnswerType;
  /** Synonyms searched in section bodies too: the docs' own spelling of a user's word (corrections.ts). */
  bodySynonyms?: ReadonlySet<string>;
}

/** Weight of terms added by the synonym table relative to the user's own words. */
const SYNONYM_WEIGHT = 0.6;
/** Words inside an identifier count less than the identifier itself, which is the exact match. */
const PART_WEIGHT = 0.5;
/** Matching an identifier's words but not the identifier is weaker evidence than matching it exactly. */
const PART_QUALITY = 0.8;
const SYNONYM_QUALITY = 0.9;
/** A synonym phrase reduced to one content word by its stop words (see analyzeQuery). */
const LONE_WORD_QUALITY = 0.7;
const SEGMENT_QUALITY = 0.85;
const SEGMENT_WEIGHT = 0.8;
const SUFFIX_QUALITY = 0.95;
const SUFFIX_WEIGHT = 0.9;

/** An endpoint written with its method is the most specific thing a query can say. */
const ENDPOINT_WEIGHT = 2;
const ENDPOINT_WORDS_QUALITY = 0.7;

/** Identifier-shaped tokens: snake_case, camelCase, paths and dotted names with more than one dot. */
export function isIdentifier(token: string): boolean {
  return /[_/]/.test(token) || /\p{Ll}\p{Lu}/u.test(token) || (token.match(/\./g)?.length ?? 0) >= 2;
}

let defaultRules: SynonymRule[] | undefined;
const NONE: ReadonlySet<number> = new Set();

/** Removes control characters and bounds length; never throws. */
export function normalizeQuery(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : String(raw);
  return text
    .slice(0, MAX_QUERY_CHARS * 2)
    .replace(/\p{Cc}+/gu, ' ')
    .slice(0, MAX_QUERY_CHARS)
    .trim();
}

export function addTerm(weights: Map<string, number>, term: string, weight: number): void {
  const prev = weights.get(term) ?? 0;
  if (weight > prev) weights.set(term, weight);
}

/**
 * What is left of a negative contraction once the apostrophe splits it ("doesn't" -> "doesn"): a
 * stop word, not a rare word to look for. The negation itself is read from the raw text
 * (question-type.ts).
 */
const CONTRACTION_STEMS = new Set(
  'doesn don didn isn aren wasn weren won wouldn shouldn couldn hasn haven hadn mustn needn ain'.split(' '),
);

/**
 * Alternatives a token contributes, strongest first: the whole identifier, its trailing segment
 * runs (`usermanagement/createus` inside `WorkOS::UserManagement.create_user`), each compound
 * segment, and its words taken together. The last alternative is always the plain words (or the
 * only form there is).
 */
function tokenAlternatives(token: string): Alternative[] {
  if (CONTRACTION_STEMS.has(token.toLowerCase())) return [];
  const { whole, suffixes, segments, words } = expandToken(token);
  const alts: Alternative[] = [];
  if (whole) alts.push({ terms: [whole], quality: 1 });
  for (const s of suffixes) alts.push({ terms: [s], quality: SUFFIX_QUALITY });
  for (const s of segments) alts.push({ terms: [s], quality: SEGMENT_QUALITY });
  if (words.length > 0 && !(alts.length > 0 && isFragment(token, words)))
    alts.push({ terms: words, quality: alts.length > 0 ? PART_QUALITY : 1 });
  return alts;
}

/**
 * Whether a token's one remaining word is a fragment of it rather than its meaning: "IdP" is "Id" and
 * "P", and once the single letter drops out, "id" (in every "organization ID") would stand for the
 * identity provider; "iOS" would be "os". A name whose parts are words ("AuthKit": auth, kit) keeps them.
 */
function isFragment(token: string, words: readonly string[]): boolean {
  if (words.length !== 1 || !/^[\p{L}\p{N}]+$/u.test(token)) return false;
  // the token is letters and digits only, so its camelCase parts are exactly tokenize's
  return (token.match(CAMEL_PART) ?? []).some((p) => p.length === 1 && /^[a-z]$/i.test(p));
}

function sameTerms(a: readonly Alternative[], b: readonly Alternative[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => x.quality === b[i].quality && x.terms.join(' ') === b[i].terms.join(' '));
}

/** Search weight of an alternative's terms, by how strongly it stands for what the user typed. */
function weightOf(quality: number): number {
  if (quality === 1) return 1;
  if (quality === SUFFIX_QUALITY) return SUFFIX_WEIGHT;
  if (quality === SEGMENT_QUALITY) return SEGMENT_WEIGHT;
  return PART_WEIGHT;
}

/** Splits, expands and enriches a query. Stop words drop out unless nothing else is left. */
export function analyzeQuery(
  raw: unknown,
  rules: readonly SynonymRule[] = (defaultRules ??= defaultSynonymRules()),
): AnalyzedQuery {
  const text = normalizeQuery(raw);
  const tokens = tokenize(text).slice(0, MAX_QUERY_TOKENS);
  const contentTokens = tokens.filter((t) => tokenAlternatives(t).length > 0);

  // Word keys per token, so synonym phrases found in key space map back to tokens. All tokens take
  // part: synonym phrases contain stop words and letters ("sign in", "G Suite").
  const keyOwner: number[] = [];
  const keys: string[] = [];
  tokens.forEach((t, i) => {
    // synonyms apply to words, not to parts of identifiers ("sso" in sso_required is not "single sign-on");
    // a capitalised name ("OAuth", "AuthKit") is a word, which phraseKeys keeps whole
    for (const k of isIdentifier(t) && !NAME.test(t) ? ['\u0000'] : phraseKeys(t)) {
      keys.push(k);
      keyOwner.push(i);
    }
  });
  const matches = findSynonyms(keys, rules);

  const termWeights = new Map<string, number>();
  const concepts: Concept[] = [];
  let next = 0;
  const pushTokens = (
    from: number,
    to: number,
    extra: string[],
    gaps = 0,
    skipped: ReadonlySet<number> = NONE,
  ): void => {
    const group = tokens.slice(from, to).filter((_, i) => !skipped.has(from + i));
    const own = group.map(tokenAlternatives).filter((alts) => alts.length > 0);
    if (own.length === 0) return; // stop words alone are not a concept
    const alternatives: Alternative[] =
      own.length === 1
        ? [...own[0]]
        : // a multi-token synonym phrase ("azure ad"): the user's words together are one alternative
          [{ terms: own.flatMap((alts) => alts[alts.length - 1].terms), quality: 1 }];
    // A phrase whose other words are stop words ("log in", "sign up") is not its one content word:
    // "log" alone is audit logs. Its joined spellings (login, signup) say it better.
    if (extra.length > 0 && own.length < to - from - gaps)
      for (const alt of alternatives) alt.quality = Math.min(alt.quality, LONE_WORD_QUALITY);
    for (const alts of own) {
      for (const alt of alts) for (const t of alt.terms) addTerm(termWeights, t, weightOf(alt.quality));
    }
    for (const phrase of extra) {
      const terms = tokenize(phrase).flatMap((t) => tokenAlternatives(t).at(-1)?.terms ?? []);
      if (terms.length === 0) continue;
      alternatives.push({ terms, quality: SYNONYM_QUALITY });
      for (const t of terms) addTerm(termWeights, t, SYNONYM_WEIGHT);
    }
    // a repeated word is one concept, not extra weight (and pasted text repeats a lot); so is the
    // same word inflected ("keys" and "key" in "how many keys can a key context have")
    const text = group.join(' ');
    const same = (c: Concept): boolean =>
      c.text.toLowerCase() === text.toLowerCase() || sameTerms(c.alternatives, alternatives);
    if (!concepts.some(same)) concepts.push({ text, alternatives });
  };
  for (const m of matches) {
    const from = keyOwner[m.start];
    const to = keyOwner[m.end - 1] + 1;
    if (from < next) continue;
    for (; next < from; next++) pushTokens(next, next + 1, []);
    // a content word the phrase stepped over stays a concept of its own ("catch our *database* back up")
    const skipped = new Set(m.skipped.map((k) => keyOwner[k]));
    for (let k = m.start; k < m.end; k++) if (!m.skipped.includes(k)) skipped.delete(keyOwner[k]);
    pushTokens(from, to, m.expansions, m.gaps, skipped);
    for (const t of [...skipped].sort((a, b) => a - b)) pushTokens(t, t + 1, []);
    next = to;
  }
  for (; next < tokens.length; next++) pushTokens(next, next + 1, []);

  for (const ep of endpointsInQuery(text)) {
    // the endpoint replaces the concept of its path token: matching the endpoint satisfies it fully
    const pathToken = tokenize(ep.text).at(-1);
    const concept = concepts.find((c) => c.text === pathToken);
    ep.keys.forEach((k, i) => addTerm(termWeights, k, i === 0 ? ENDPOINT_WEIGHT : 1));
    const alternatives = ep.keys.map((k, i) => ({ terms: [k], quality: i === 0 ? 1 : 0.95 }));
    if (concept) {
      // the user named the endpoint: the bare words of its path are weaker evidence than usual
      for (const alt of concept.alternatives) alt.quality *= ENDPOINT_WORDS_QUALITY;
      concept.alternatives.unshift(...alternatives);
    } else concepts.push({ text: ep.text, alternatives });
  }

  const last = contentTokens[contentTokens.length - 1];
  const lastTerms = new Set(last ? tokenAlternatives(last).flatMap((a) => a.terms) : []);
  const phrase = phraseKeys(contentTokens.join(' '));
  return { text, concepts, termWeights, lastTerms, phrase };
}

/**
 * Keeps the `max` most informative concepts of a long query (pasted code, a log line, a paragraph):
 * a question has a handful of things it is about, and every extra term widens the index scan. Terms
 * that belong to no kept concept are dropped with them.
 */
export function mostInformative(q: AnalyzedQuery, max: number): AnalyzedQuery {
  if (q.concepts.length <= max) return q;
  const kept = [...q.concepts].sort((a, b) => (b.weight ?? 1) - (a.weight ?? 1)).slice(0, max);
  const keep = new Set(kept);
  const concepts = q.concepts.filter((c) => keep.has(c));
  const terms = new Set(concepts.flatMap((c) => c.alternatives.flatMap((a) => a.terms)));
  const termWeights = new Map([...q.termWeights].filter(([t]) => terms.has(t)));
  return { ...q, concepts, termWeights, lastTerms: new Set([...q.lastTerms].filter((t) => terms.has(t))) };
}

/**
 * Words that frame a developer's question rather than name its topic: "the C# *call* to create an
 * organization", "the *method* that sends a password reset", "what *happens* when". In a body they
 * match every reference page or setup section alike, so once a question has two other concepts they
 * count for little (see demoteFraming). Some are sometimes the topic too ("exchange the AuthKit
 * *code*" is "Authenticate with code"), so they are not dropped: a title or heading holding one still
 * tells.
 */
const FRAMING_WORDS = new Set(
  (
    'call calls calling code snippet function functions func method methods happen happens happened ' +
    'again even though although really actually anymore somehow no ' +
    // Conversational words: the way people talk about a problem ("*someone* ... *still* there", "it
    // *never* arrives", "*every* sign-in *got* rejected"). Docs are written otherwise, so these are
    // rare in the corpus and their IDF would make them the question's weightiest concepts.
    'because during every still always sometimes ever got going goes went being ends ended'
  ).split(' '),
);
/** A framing concept's share of its coverage weight... */
const FRAMING_CONCEPT_WEIGHT = 0.15;
/** ... and its terms' search weight: a weak term, searched in titles and headings only. */
const FRAMING_TERM_WEIGHT = 0.5;

export function demoteFraming(q: AnalyzedQuery, minOthers = 2): AnalyzedQuery {
  const framing = (c: Concept): boolean => FRAMING_WORDS.has(c.text.toLowerCase());
  const others = q.concepts.filter((c) => !framing(c));
  if (others.length < minOthers || others.length === q.concepts.length) return q;
  const termWeights = new Map(q.termWeights);
  const concepts = q.concepts.map((c) => {
    if (!framing(c)) return c;
    for (const alt of c.alternatives)
      for (const t of alt.terms)
        termWeights.set(t, Math.min(termWeights.get(t) ?? FRAMING_TERM_WEIGHT, FRAMING_TERM_WEIGHT));
    return { ...c, weight: (c.weight ?? 1) * FRAMING_CONCEPT_WEIGHT };
  });
  return { ...q, concepts, termWeights };
}
