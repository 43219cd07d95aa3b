/**
 * What a question is after, read from its wording rather than its topic words.
 *
 * A symptom ("the invite email never arrives", "users still show as active", "the same event hit my
 * handler twice") or a question about behaviour ("what happens if", "why does", "is ordering
 * guaranteed") is answered by the section that explains the behaviour: an FAQ entry, a
 * troubleshooting or limitations section, a policy. Those rarely share the symptom's words, while
 * the setup steps and endpoint pages of the same topic share all of them. Knowing the question's type
 * lets the ranking prefer the explaining sections and leave the API pages to questions that ask for
 * an API.
 */

/** Something not working, or working unexpectedly. */
const SYMPTOM =
  /\b(?:never|no longer|anymore|not|cannot|can't|won't|doesn't|don't|didn't|isn't|aren't|wasn't|haven't|stopp?(?:ed|s)?|still|keeps?|kept|twice|again|fail(?:s|ed|ing|ure)?|broken|blocked|missing|empty|blank|vanish\w*|disappear\w*|lost|wrong|unexpected\w*|instead of|kicked|expired?|reject\w*|denied|bounc\w*|throws?|crash\w*)\b|n't\b/i;

/** Asks how the product behaves, not how to call it. */
const BEHAVIOUR =
  /^\s*(?:why\b|what happens\b|what if\b|is (?:it|this|that) (?:expected|normal|possible)\b|will\b|does (?:workos|it)\b|can (?:i|we|you|users?)\b)|\b(?:guaranteed|by default|expected behaviou?r|(?:not )?allowed|permitted|supported)\b/i;

/** Words that ask for the API itself: then reference pages are the answer whatever the wording. */
const API_WORDS =
  /\b(?:api|endpoints?|methods?|sdks?|functions?|calls?|parameters?|params?|request|response|payload|returns?|curl)\b/i;
/** An HTTP verb or path, or an identifier (`sendInvitation`, `organization_id`, `dsync.user.created`). */
const API_SPELLING =
  /\b(?:GET|POST|PUT|PATCH|DELETE)\b|\s\/\w|\b[a-z][a-z0-9]*(?:[A-Z]|_[a-z]|\.[a-z]+\.)\w*/;

/** Asks for an operation to call, not for an object's shape ("which endpoint", "what SDK method"). */
const OPERATION_WORDS = /\b(?:endpoints?|methods?|functions?|calls?)\b/i;

/**
 * "which orgs does a user belong to", "what directories does it have", "who are the members": asks
 * for the things themselves, i.e. a list. The word after which/what/who is the thing asked for; a
 * verb there ("what does", "what happens") asks something else.
 */
const LIST_QUESTION =
  /^\s*(?:[\w.#]+:\s*)?(?:who\s+are\b|(?:which|what)\s+(?:\w+\s+)?(\w+[^s\W]s)\s+(?:do|does|did|has|have|are|were|can)\b)/i;
/**
 * Singular words ending in s (status, basis), and the parts of one object ("what fields does a
 * directory user have" asks for the object's page, not for a list of directory users).
 */
const NOT_A_THING =
  /(?:us|is)$|^(?:fields|properties|attributes|parameters|params|claims|values|types|scopes|options|headers|events)$/i;

export interface QuestionType {
  /** Describes a symptom or asks about behaviour. */
  explain: boolean;
  /** Names the API (endpoint, method, SDK, an identifier). */
  api: boolean;
  /** Asks for an endpoint or method by that word. */
  operation: boolean;
  /** Asks which things there are (see LIST_QUESTION). */
  list: boolean;
}

export function questionType(text: string): QuestionType {
  return {
    explain: SYMPTOM.test(text) || BEHAVIOUR.test(text),
    api: API_WORDS.test(text) || API_SPELLING.test(text),
    operation: OPERATION_WORDS.test(text),
    list: asksList(text),
  };
}

function asksList(text: string): boolean {
  const m = LIST_QUESTION.exec(text);
  return m !== null && (m[1] === undefined || !NOT_A_THING.test(m[1]));
}

/**
 * Headings of sections that explain behaviour: an FAQ entry (the heading is a question) or a
 * troubleshooting, limitations or known-issues section.
 */
const EXPLAINING_HEADING =
  /\?\s*$|\b(?:troubleshoot\w*|faqs?|frequently asked|common (?:issues|problems|errors)|known issues|limitations?|restrictions?|reserved|caveats|gotchas)\b/i;

export function isExplainingHeading(heading: string): boolean {
  return EXPLAINING_HEADING.test(heading.trim());
}
