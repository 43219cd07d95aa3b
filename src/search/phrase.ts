import { stem, tokenize } from './tokenize.js';

const BRAND = /workos/gi;
const WORD = /\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{N}+|[^\p{Lu}\p{Ll}\p{N}\s_\-./:{}]+/gu;

/**
 * Word keys for phrase comparison: every word of every token (identifier parts split, stop words
 * kept), lower-cased and stemmed. "Single Sign-On", "single sign on" and "single_sign_on" give the
 * same keys, which is what synonym detection and phrase bonuses need.
 */
export function phraseKeys(text: string): string[] {
  const keys: string[] = [];
  // the product's own name is one word however it is cased: "WorkOS" would split like camelCase into
  // "work os" and miss the "workos" a lower-case query, a heading or a synonym phrase gives
  for (const token of tokenize(text.replace(BRAND, 'workos'))) {
    for (const m of token.matchAll(WORD)) keys.push(stem(m[0].toLowerCase()));
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
