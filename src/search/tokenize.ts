import { stemmer } from 'stemmer';

/**
 * Tokenization for developer text. One raw token is a run of letters/digits that may be joined by
 * identifier punctuation (`_ - . / :` and `{}` for path parameters), so `dsync.group.user_added`,
 * `/user_management/authenticate` and `getAuthorizationUrl` each arrive as one token. `expandToken`
 * then turns a token into index terms: a separator-free "joined" form of the whole identifier (so
 * `get_authorization_url`, `getAuthorizationUrl` and `GetAuthorizationURL` share one exact term), the
 * joined form of each segment, and the stemmed words inside it.
 */

const RAW_TOKEN =
  /(?:[\p{L}\p{N}_]|\{(?=[\p{L}\p{N}_]))[\p{L}\p{M}\p{N}_\-./:{}]*[\p{L}\p{M}\p{N}_}]|[\p{L}\p{N}]/gu;
const SEGMENT_SEPARATOR = /[./]+|::/;
const WORD_SEPARATOR = /[_\-{}]+/;
/** Longest trailing run of segments indexed on its own (`a.b.c.d` gives `c/d` and `b/c/d`). */
const MAX_SUFFIX_SEGMENTS = 3;
/** camelCase / PascalCase / ACRONYMWord / digits boundaries. */
export const CAMEL_PART = /\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{N}+|[^\p{Lu}\p{Ll}\p{N}]+/gu;

/**
 * Words that carry no meaning in a docs query ("how do I ..."). Kept short on purpose: words like
 * "not", "all", "before", "after", "user", "new" carry meaning in developer questions.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by can could do does did for from had has have how i if in into is it its ' +
    'me my of on or our should so than that the their them then there these they this those to too us was we ' +
    'were what when where which while who whom why will with would you your yours want need use using way ' +
    'please about also just'
  ).split(' '),
);
// "get" stays a word: "get organization" asks for the Get operation, and its low IDF keeps it from
// mattering in prose ("how do I get started").

export interface RawToken {
  text: string;
  start: number;
  end: number;
}

/**
 * PHP's `$portal->generateLink()` joins like a dot; same-length replacement keeps offsets valid for
 * snippet highlighting.
 */
function normalizeArrows(text: string): string {
  return text.includes('->') ? text.replace(/->/g, '..') : text;
}

/** Raw tokens with their offsets (used by snippets to bold matched words). */
export function rawTokens(text: string): RawToken[] {
  const out: RawToken[] = [];
  for (const m of normalizeArrows(text).matchAll(RAW_TOKEN)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** MiniSearch `tokenize`: raw tokens only; term expansion happens in `expandToken`. */
export function tokenize(text: string): string[] {
  return normalizeArrows(text).match(RAW_TOKEN) ?? [];
}

const stemCache = new Map<string, string>();

/** Porter stem of a lower-case word, cached because the same words recur constantly. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^\p{N}+$/u.test(word) || word.length < 3 ? word : stemmer(word);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** Splits one separator-free chunk (`GetAuthorizationURL`) into lower-case words. */
function camelWords(chunk: string): string[] {
  const words: string[] = [];
  // fold accents first so "café" and "cafe" meet and marks do not split words
  const folded = chunk.normalize('NFKD').replace(/\p{M}+/gu, '');
  for (const m of folded.matchAll(CAMEL_PART)) {
    const w = m[0].toLowerCase();
    if (/[\p{L}\p{N}]/u.test(w)) words.push(w);
  }
  return words;
}

/** A path parameter (`:id`, `{user_id}`) is one wildcard segment so `/users/:id` and `/users/{id}` agree. */
function isPathParam(segment: string): boolean {
  return /^:.|^\{.*\}$/.test(segment);
}

export interface ExpandedToken {
  /** All joined (exact-match) forms: `whole`, then `suffixes`, then `segments`. */
  joined: string[];
  /** The whole identifier, separators dropped between words and kept as `/` between segments. */
  whole?: string;
  /**
   * Trailing runs of segments (`usermanagement/createus` inside `workos.userManagement.createUser`),
   * so a call written with a client prefix still meets the method as the reference names it.
   */
  suffixes: string[];
  /** Each multi-word segment on its own (`createus`). */
  segments: string[];
  /** Stemmed words inside the token, stop words removed. */
  words: string[];
}

/** Tokens that appear on every page of this corpus and so say nothing about any of them. */
const CORPUS_STOP_TOKENS: ReadonlySet<string> = new Set(['workos']);

/**
 * One plain ASCII word (`hello`, `Hello`, `API`, `2024`): most of what prose is made of. Such a token
 * is one segment, one chunk and one camel part, so it expands to its lower-case stem alone; the fast
 * path below gives exactly what the general one does (test/search/tokenize.test.ts compares them).
 */
const PLAIN_WORD = /^(?:[A-Z]?[a-z]+|[A-Z]+|[0-9]+)$/;

/** Splits one raw token into exact identifier terms and stemmed word terms. */
export function expandToken(token: string): ExpandedToken {
  const w = token.toLowerCase();
  if (!PLAIN_WORD.test(token) || CORPUS_STOP_TOKENS.has(w)) return expandIdentifier(token);
  const skip = STOP_WORDS.has(w) || (w.length < 2 && /^[a-z]$/.test(w));
  return { joined: [], whole: undefined, suffixes: [], segments: [], words: skip ? [] : [stem(w)] };
}

/** expandToken's general path, for any token (exported for the test comparing the two). */
export function expandIdentifier(token: string): ExpandedToken {
  if (CORPUS_STOP_TOKENS.has(token.toLowerCase()))
    return { joined: [], suffixes: [], segments: [], words: [] };
  // A lone ':' separates segments (`urn:x`) unless it starts a path parameter (`/users/:id`).
  const segments = token
    .split(SEGMENT_SEPARATOR)
    .flatMap((s) => (s.startsWith(':') ? [s] : s.split(':')))
    .filter((s) => s.length > 0 && s !== ':');
  const segmentForms: string[] = [];
  const words: string[] = [];
  const wholeParts: string[] = [];
  for (const segment of segments) {
    if (isPathParam(segment)) {
      wholeParts.push('*');
      continue;
    }
    const chunks = segment.split(WORD_SEPARATOR).filter((c) => c.length > 0);
    const segWords = chunks.flatMap(camelWords);
    if (segWords.length === 0) continue;
    wholeParts.push(segWords.join(''));
    if (segWords.length > 1) segmentForms.push(segWords.join(''));
    for (const w of segWords) words.push(w);
  }
  const compound = wholeParts.length > 1 || segmentForms.length > 0;
  const whole = compound ? wholeParts.join('/') : undefined;
  const suffixes: string[] = [];
  for (let len = 2; len < wholeParts.length && len <= MAX_SUFFIX_SEGMENTS; len++) {
    const suffix = wholeParts.slice(-len);
    if (suffix.some((p) => p !== '*')) suffixes.push(suffix.join('/'));
  }
  const stemmed: string[] = [];
  for (const w of words) {
    if (STOP_WORDS.has(w)) continue;
    // single ASCII letters are noise; a single CJK character is a word
    if (w.length < 2 && /^[a-z]$/.test(w)) continue;
    stemmed.push(stem(w));
  }
  // Joined forms are stemmed too, so `listOrganizations` and `list_organization` agree.
  const w = whole === undefined ? undefined : stem(whole);
  const sfx = unique(suffixes.map(stem)).filter((x) => x !== w);
  const seg = unique(segmentForms.map(stem)).filter((x) => x !== w && !sfx.includes(x));
  return {
    joined: unique([...(w ? [w] : []), ...sfx, ...seg]),
    whole: w,
    suffixes: sfx,
    segments: seg,
    words: unique(stemmed),
  };
}

/** MiniSearch `processTerm`: every index term a raw token contributes. */
export function processTerm(token: string): string[] | null {
  const { joined, words } = expandToken(token);
  const terms = unique([...joined, ...words]);
  return terms.length > 0 ? terms : null;
}

/** All index terms of a text, in order (duplicates kept). */
export function analyze(text: string): string[] {
  return tokenize(text).flatMap((t) => processTerm(t) ?? []);
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

const termCache = new Map<string, string[]>();

/** processTerm of one raw token, cached: snippets and passages look up the same tokens query after query. */
export function cachedTerms(token: string): string[] {
  let t = termCache.get(token);
  if (!t) {
    t = processTerm(token) ?? [];
    if (termCache.size > 100_000) termCache.clear();
    termCache.set(token, t);
  }
  return t;
}
