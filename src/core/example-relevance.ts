import type { CodeExample } from '../corpus/types.js';
import type { SearchResult } from '../search/types.js';

/**
 * Which code examples answer a question, best first. A code block counts only when its own section
 * matches the question — the search engine ranks that section close to the best match — or when the
 * block's title or section heading names every word of the question, or its section matches at all
 * and the block itself (title, heading, code) holds every word. Matching somewhere else in
 * the same doc is not enough: that is how "create audit log event" used to answer with a TanStack
 * sign-in route and "webhook" with an IP allowlist. Fewer, relevant blocks beat five loose ones.
 */

/** A section scoring below this share of the best section's score is a loose match, not an answer. */
export const MIN_RELATIVE_SECTION_SCORE = 0.5;
/** Share of the question's words a block must hold itself when its section is only a weak match. */
export const MIN_WORD_COVERAGE = 1;
/** Weight of how much of a block's title is the question, against section score and word share (each up to 1). */
const FOCUS_WEIGHT = 0.25;

/** Words that say nothing about which code is wanted. */
const STOP_WORDS = new Set(
  'a an and are by can code do does example examples for from get how i in into is it me my of on or show the to using use what when with'.split(
    ' ',
  ),
);

export function contentWords(query: string): string[] {
  return [
    ...new Set(
      query
        .toLowerCase()
        .split(/[^a-z0-9_.]+/)
        .filter((t) => t.length > 1 && !STOP_WORDS.has(t)),
    ),
  ];
}

/**
 * A word is present when the text holds its stem: `create` matches "creating", `webhook` "webhooks".
 * A crude suffix cut on purpose — it runs over every candidate block per question.
 */
function hasWord(text: string, word: string): boolean {
  const stem = word.replace(/(?:ing|ed|es|e|s)$/, '');
  return text.includes(stem.length >= 4 ? stem : word);
}

export function wordsIn(text: string, words: string[]): number {
  const lower = text.toLowerCase();
  return words.filter((w) => hasWord(lower, w)).length;
}

/** Section key -> its search score relative to the best section of the answer (0..1]. */
export function sectionScores(hits: SearchResult[]): Map<string, number> {
  const scores = new Map<string, number>();
  const top = Math.max(0, ...hits.flatMap((h) => [h.score, ...h.more.map((m) => m.score)]));
  if (top <= 0) return scores;
  const put = (path: string, anchor: string, score: number): void => {
    const key = `${path}#${anchor}`;
    scores.set(key, Math.max(scores.get(key) ?? 0, score / top));
  };
  for (const h of hits) {
    put(h.path, h.anchor, h.score);
    for (const m of h.more) put(h.path, m.anchor, m.score);
  }
  return scores;
}

export interface RankedExample {
  example: CodeExample;
  /** Relative section score plus a bonus per question word in the block's title, heading and code. */
  score: number;
}

/** The examples among `candidates` that answer `query`, best first. */
export function relevantExamples(
  candidates: CodeExample[],
  hits: SearchResult[],
  query: string,
): RankedExample[] {
  const words = contentWords(query);
  const sections = sectionScores(hits);
  const ranked: RankedExample[] = [];
  for (const example of candidates) {
    const section = sections.get(`${example.docPath}#${example.sectionAnchor}`) ?? 0;
    const named = wordsIn(`${example.title} ${example.sectionHeading}`, words);
    const inCode = wordsIn(example.code.slice(0, 2000), words);
    const namesAll = words.length > 0 && named === words.length;
    const covered = wordsIn(
      `${example.title} ${example.sectionHeading} ${example.code.slice(0, 2000)}`,
      words,
    );
    const coverage = words.length === 0 ? 0 : covered / words.length;
    const holdsQuestion = section > 0 && coverage >= MIN_WORD_COVERAGE;
    if (section < MIN_RELATIVE_SECTION_SCORE && !namesAll && !holdsQuestion) continue;
    // Ties between blocks of equally matching sections go to the block that says more of the question.
    const share = words.length === 0 ? 0 : (2 * named + inCode) / (3 * words.length);
    // "Creating Organizations" answers "create organization" more squarely than "Creating organization memberships".
    const focus = named / Math.max(1, contentWords(example.title).length);
    const floor = namesAll || holdsQuestion ? MIN_RELATIVE_SECTION_SCORE : 0;
    ranked.push({ example, score: Math.max(section, floor) + share + FOCUS_WEIGHT * focus });
  }
  return ranked.sort((a, b) => b.score - a.score);
}
