import { stem, tokenize } from './tokenize.js';

/** A word that starts with a capital and holds only letters and digits: a name (AuthKit, OAuth), not code. */
export const NAME = /^\p{Lu}[\p{L}\p{N}]*$/u;
const WORD = /\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{N}+|[^\p{Lu}\p{Ll}\p{N}\s_\-./:{}]+/gu;

/**
 * Word keys for phrase comparison: every word of every token (identifier parts split, stop words
 * kept), lower-cased and stemmed. "Single Sign-On", "single sign on" and "single_sign_on" give the
 * same keys, which is what synonym detection and phrase bonuses need.
 */
export function phraseKeys(text: string): string[] {
  const keys: string[] = [];
  for (const token of tokenize(text)) {
    // a name is one word however it is cased inside: "WorkOS", "AuthKit" and "OAuth" would split like
    // camelCase ("work os") and miss the "workos" of a lower-case query, a heading or a synonym phrase
    const word = NAME.test(token) ? token.toLowerCase() : token;
    for (const m of word.matchAll(WORD)) keys.push(stem(m[0].toLowerCase()));
  }
  return keys;
}

/** True when `needle` occurs as a contiguous run inside `haystack`. */
export function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
