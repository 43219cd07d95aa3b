import type { CodeExample, ReferenceEntry } from '../corpus/types.js';
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
/** Weight of the question's word order in a block's title: "list resources a user can access" is not "list users with access to a resource". */
const ORDER_WEIGHT = 0.25;
/** A block on a page about the question counts as a section this close to the page's best. */
const PAGE_SHARE = 0.9;
/** Standing of a block found only because its code holds every word of the question: below any section match. */
const CODE_ONLY_SCORE = 0.2;

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

/** What the ranking may look up beyond the search hits: a doc's API reference entries. */
export interface RelevanceContext {
  reference?: (docPath: string) => readonly ReferenceEntry[] | undefined;
  /**
   * Whether a block may count for its code alone (default true). Off for the HTTP fallback: a curl
   * request stands in for the asked SDK only when it is the same operation, not when it shares words.
   */
  codeOnly?: boolean;
}

/** Doc path -> its best section's score relative to the answer's best (0..1], and its title. */
function docScores(hits: SearchResult[]): Map<string, { score: number; title: string }> {
  const top = Math.max(0, ...hits.flatMap((h) => [h.score, ...h.more.map((m) => m.score)]));
  const docs = new Map<string, { score: number; title: string }>();
  if (top <= 0) return docs;
  for (const h of hits) {
    const score = Math.max(h.score, ...h.more.map((m) => m.score)) / top;
    if (!docs.has(h.path)) docs.set(h.path, { score, title: h.title });
  }
  return docs;
}

/** A word's stem, as hasWord cuts it. */
const stem = (word: string): string => {
  const cut = word.replace(/(?:ing|ed|es|e|s)$/, '');
  return cut.length >= 4 ? cut : word;
};

/** Share of the question's word pairs (in order) that the title has too. */
function orderShare(words: string[], title: string): number {
  if (words.length < 2) return 0;
  const have = contentWords(title).map(stem);
  const pairs = new Set(have.slice(1).map((w, i) => `${have[i]} ${w}`));
  let matched = 0;
  for (let i = 1; i < words.length; i++) if (pairs.has(`${stem(words[i - 1])} ${stem(words[i])}`)) matched++;
  return matched / (words.length - 1);
}

/**
 * Blocks that are configuration, not an answer: environment-variable lists and IP allowlists sit in
 * almost every guide and share its words ("webhook" used to answer with WorkOS's IP addresses).
 * They count only when the question asks for them.
 */
const ENV_LINE = /^\s*(?:export\s+)?[A-Z][A-Z0-9_]*\s*=/;
const IP_LINE = /^\s*\d{1,3}(?:\.\d{1,3}){3}\s*$/;
const ASKS_CONFIG =
  /\b(?:env|environment|variables?|secrets?|config\w*|api[ _-]?key|client[ _-]?id|\.env)\b/i;
const ASKS_IPS = /\b(?:ip|ips|allowlist|whitelist|address(?:es)?|firewall)\b/i;

export function isConfigurationBlock(code: string, query: string): boolean {
  const lines = code.split('\n').filter((l) => l.trim() !== '' && !/^\s*#/.test(l));
  if (lines.length === 0) return false;
  if (lines.every((l) => ENV_LINE.test(l))) return !ASKS_CONFIG.test(query);
  if (lines.every((l) => IP_LINE.test(l))) return !ASKS_IPS.test(query);
  return false;
}

/** `/organizations/:id/roles` or `{id}` -> a pattern for that path in a request, parameters as any segment. */
function endpointPattern(endpoint: string): RegExp | undefined {
  const path = endpoint.trim().split('?')[0];
  if (!path.startsWith('/') || path.length < 2) return undefined;
  const source = path
    .split('/')
    .map((seg) =>
      /^(?::\w+|\{[^}]+\})$/.test(seg) ? '[^/\\s"\'?]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`${source}(?=$|[\\s"'?\\\\])`, 'm');
}

/** The request method a curl command sends: `-X POST`, `--request PUT`, GET when none (or POST with -d). */
function curlMethod(code: string): string {
  const explicit = /(?:-X|--request)\s+['"]?([A-Za-z]+)/.exec(code)?.[1];
  if (explicit) return explicit.toUpperCase();
  return /\s(?:-d|--data(?:-raw|-binary)?|--json)\s/.test(code) ? 'POST' : 'GET';
}

/** `organizations.createOrganization()` -> `createOrganization`. */
function methodName(title: string): string | undefined {
  return /([A-Za-z_][A-Za-z0-9_]*)\s*\(\)?\s*$/.exec(title.replace(/\(.*\)\s*$/, '()'))?.[1];
}

/**
 * For API questions: blocks that make the very call the best reference pages document — the HTTP
 * request (path and method) or the SDK method. "Assign a role to an organization membership" is
 * answered by `curl …/organization_memberships/om_…/role_assignments -X POST`, whatever its heading.
 * Returns a function giving the standing (the reference page's relative score) of a block's code.
 */
function callMatcher(hits: SearchResult[], context: RelevanceContext): (code: string) => number {
  const docs = docScores(hits);
  const calls: { score: number; test: (code: string) => boolean }[] = [];
  for (const hit of hits) {
    if (hit.kind !== 'reference') continue;
    const score = docs.get(hit.path)?.score ?? 0;
    if (score < MIN_RELATIVE_SECTION_SCORE) continue;
    for (const entry of context.reference?.(hit.path) ?? []) {
      if (entry.endpoint) {
        const pattern = endpointPattern(entry.endpoint);
        const method = (entry.httpMethod ?? 'GET').toUpperCase();
        if (pattern) calls.push({ score, test: (code) => pattern.test(code) && curlMethod(code) === method });
      } else if (entry.language !== 'curl') {
        const name = methodName(entry.title);
        if (name && name.length >= 6) {
          const call = new RegExp(`\\.${name}\\s*\\(`);
          calls.push({ score, test: (code) => call.test(code) });
        }
      }
    }
  }
  return (code) => calls.reduce((best, c) => (c.score > best && c.test(code) ? c.score : best), 0);
}

/** The examples among `candidates` that answer `query`, best first. */
export function relevantExamples(
  candidates: CodeExample[],
  hits: SearchResult[],
  query: string,
  context: RelevanceContext = {},
): RankedExample[] {
  const words = contentWords(query);
  const sections = sectionScores(hits);
  const docs = docScores(hits);
  const calls = callMatcher(hits, context);
  const ranked: RankedExample[] = [];
  for (const example of candidates) {
    if (isConfigurationBlock(example.code, query)) continue;
    const code = example.code.slice(0, 2000);
    const named = wordsIn(`${example.title} ${example.sectionHeading}`, words);
    const inCode = wordsIn(code, words);
    const namesAll = words.length > 0 && named === words.length;
    const covered = wordsIn(`${example.title} ${example.sectionHeading} ${code}`, words);
    const coverage = words.length === 0 ? 0 : covered / words.length;
    // A page about the question (path and title name it, with the block's heading), where the block
    // itself holds at least one of its words: "vault bring your own key" -> the blocks of vault/byok.
    const doc = docs.get(example.docPath);
    const onPage =
      doc !== undefined &&
      doc.score >= MIN_RELATIVE_SECTION_SCORE &&
      covered > 0 &&
      wordsIn(`${example.docPath} ${doc.title} ${example.sectionHeading} ${example.title}`, words) ===
        words.length;
    const section = Math.max(
      sections.get(`${example.docPath}#${example.sectionAnchor}`) ?? 0,
      onPage ? doc.score * PAGE_SHARE : 0,
      calls(code),
    );
    const holdsQuestion = section > 0 && coverage >= MIN_WORD_COVERAGE;
    // Code that holds every word of the question is an answer of last resort: it shows when nothing
    // matches by section (a webhook handler under a "Directory Sync" heading), never above one.
    const codeOnly =
      context.codeOnly !== false && words.length > 0 && coverage >= MIN_WORD_COVERAGE && inCode > 0;
    if (section < MIN_RELATIVE_SECTION_SCORE && !namesAll && !holdsQuestion && !codeOnly) continue;
    // Ties between blocks of equally matching sections go to the block that says more of the question.
    const share = words.length === 0 ? 0 : (2 * named + inCode) / (3 * words.length);
    // "Creating Organizations" answers "create organization" more squarely than "Creating organization memberships".
    const focus = named / Math.max(1, contentWords(example.title).length);
    const order = orderShare(words, `${example.title}`);
    const floor =
      namesAll || holdsQuestion
        ? MIN_RELATIVE_SECTION_SCORE
        : section > 0
          ? 0
          : codeOnly
            ? CODE_ONLY_SCORE
            : 0;
    ranked.push({
      example,
      score: Math.max(section, floor) + share + FOCUS_WEIGHT * focus + ORDER_WEIGHT * order,
    });
  }
  return ranked.sort((a, b) => b.score - a.score);
}
