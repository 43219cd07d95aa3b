import type { AnalyzedQuery } from './query.js';

/**
 * What kind of answer a question expects, read from its wording: "how long is a magic link valid"
 * wants a duration ("valid for 15 minutes"), "how many keys can a context have" a count ("a maximum
 * of 10 items"). The words that say so ("long", "many") are framing, not topic: left in, they match
 * "how long a session is valid" and "many different data keys". So they are taken out of the
 * searched words and the answer type becomes a cue for choosing the passage that answers.
 */
export type AnswerType = 'duration' | 'count';

const DURATION_QUESTION =
  /\bhow (?:long|early|soon|often|frequently|quickly|fast)\b|\b(?:expire[sd]?|expiry|expiration|ttl|lifetime|time-?out|valid for|lasts?)\b/i;
const COUNT_QUESTION = /\bhow (?:many|much)\b|\b(?:maximum|minimum|max|min|at most|up to)\b/i;
/**
 * A symptom of time passing: something worked, then stopped after a while ("the link doesn't work
 * anymore", "the code is rejected when they wait a while", "the export link fails when I open it
 * later"). What explains it is a time limit the docs state ("expires after 30 days", "valid for 10
 * minutes"), so such a question wants a duration as much as "how long is it valid" does.
 */
const LAPSED =
  /\b(?:anymore|no longer works?|stopped working|(?:after|for) a while|a while (?:later|ago)|wait(?:s|ed|ing)? a while|(?:hours|days|weeks|minutes|some time) later|(?:open|opens|opened|use|uses|used|click|clicks|clicked|try|tries|tried|come|comes|came|go|goes|went) (?:\w+ )?(?:back )?later|next (?:day|morning|week))\b/i;
/** The word after "how" that frames the question ("how long", "how many"). */
const FRAMING = /\bhow (long|early|soon|often|frequently|quickly|fast|many|much)\b/i;

export function answerTypeOf(text: string): AnswerType | undefined {
  if (DURATION_QUESTION.test(text) || LAPSED.test(text)) return 'duration';
  if (COUNT_QUESTION.test(text)) return 'count';
  return undefined;
}

/** Passage shapes, as bits: what kind of answer a passage can give. */
export const HAS_NUMBER = 1;
export const HAS_DURATION = 2;
/** States how the product behaves: a rule, an exception, something it does on its own (see BEHAVIOUR). */
export const STATES_BEHAVIOUR = 4;

/**
 * What the answer to a symptom says: the rule or exception behind it ("links expire after 30 days",
 * "MFA does not apply to SSO users", "users are not automatically deleted", "the allow list
 * takes preference"), rather than the steps of the feature the symptom names.
 */
const BEHAVIOUR =
  /\b(?:not|never|only|cannot|can't|won't|doesn't|don't|isn't|aren't|automatically|expires?|expired|revoked?|disabled?|excluded|intentionally|instead|unless|until|no longer|prevents?|bypass(?:es)?|suppress\w*|takes? (?:precedence|preference))\b|n't\b/i;

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty|ninety|hundred|thousand|an?';
/**
 * A number in digits outside identifiers (`10`, `6,000`, `1.5`; not `v2` or `conn_01E4`). Number
 * words are left out: "one or more" is everywhere and answers no count.
 */
const NUMBER = /(?<![\w.])\d[\d,]*(?:\.\d+)?(?!\w)/;
const DURATION = new RegExp(
  `(?:(?<![\\w.])\\d[\\d,]*(?:\\.\\d+)?|\\b(?:${NUMBER_WORDS}))[\\s-]*(?:ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\\b`,
  'i',
);

/** The shape bits of a passage's text (query-independent; cached with the passage). */
export function passageShape(text: string): number {
  let shape = 0;
  if (NUMBER.test(text)) shape |= HAS_NUMBER;
  if (DURATION.test(text)) shape |= HAS_DURATION | HAS_NUMBER;
  if (BEHAVIOUR.test(text)) shape |= STATES_BEHAVIOUR;
  return shape;
}

/** Whether a passage of this shape can hold the expected answer. */
export function fitsAnswer(shape: number, type: AnswerType): boolean {
  return (shape & (type === 'duration' ? HAS_DURATION : HAS_NUMBER)) !== 0;
}

/**
 * The query with its answer type and without the framing word of "how long/many/...", provided
 * something else is left to search for.
 */
export function withAnswerType(q: AnalyzedQuery, text: string): AnalyzedQuery {
  const answerType = answerTypeOf(text);
  if (!answerType) return q;
  const framing = FRAMING.exec(text)?.[1].toLowerCase();
  const drop = q.concepts.filter((c) => c.text.toLowerCase() === framing);
  if (drop.length === 0 || drop.length === q.concepts.length) return { ...q, answerType };
  const concepts = q.concepts.filter((c) => !drop.includes(c));
  const terms = new Set(concepts.flatMap((c) => c.alternatives.flatMap((a) => a.terms)));
  return {
    ...q,
    answerType,
    concepts,
    termWeights: new Map([...q.termWeights].filter(([t]) => terms.has(t))),
    lastTerms: new Set([...q.lastTerms].filter((t) => terms.has(t))),
    phrase: q.phrase.filter((t) => terms.has(t)),
  };
}
