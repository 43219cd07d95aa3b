/**
 * What one query may cost, bounded where operations take it in (issue 16: a batch of 500-character
 * queries froze an HTTP worker for 20-30 s). Search cost grows with the number of terms, and an
 * identifier such as `create_user_create_user_…` is many terms in one word, so the cap counts the
 * pieces the tokenizer will split on (spaces and identifier punctuation), not characters alone.
 * Real questions, even pasted error messages, need far fewer; what is cut is said in a note.
 */

import { STOP_WORDS } from '../search/tokenize.js';

/** Characters kept from a query. */
export const MAX_QUERY_LENGTH = 500;
/**
 * Words (pieces between spaces, `_`, `-`, `.`, `/`, `:`) kept from a query. Stop words ("the", "of",
 * "when") are not counted: search drops them, so they cost nothing, and counting them cut a
 * 24-word question before its last, telling words ("... when the rest of the page is translated").
 */
export const MAX_QUERY_WORDS = 20;

const PIECE = /[^\s_\-./:]+/g;

export interface LimitedQuery {
  query: string;
  /** The note to show when something was cut, else undefined. */
  note?: string;
}

/**
 * Cuts a query to MAX_QUERY_LENGTH characters and MAX_QUERY_WORDS words (stop words not counted),
 * keeping whole words.
 */
export function limitQuery(raw: string): LimitedQuery {
  let query = raw;
  let note: string | undefined;
  if (query.length > MAX_QUERY_LENGTH) {
    query = query.slice(0, MAX_QUERY_LENGTH);
    note = `Query cut to its first ${MAX_QUERY_LENGTH} characters.`;
  }
  PIECE.lastIndex = 0;
  let count = 0;
  let match: RegExpExecArray | null;
  while ((match = PIECE.exec(query)) !== null) {
    if (STOP_WORDS.has(match[0].toLowerCase())) continue;
    count += 1;
    if (count === MAX_QUERY_WORDS) {
      const end = match.index + match[0].length;
      if (/[^\s_\-./:]/.test(query.slice(end))) {
        query = query.slice(0, end);
        note = `Query cut to its first ${MAX_QUERY_WORDS} words.`;
      }
      break;
    }
  }
  return { query: query.trim(), note };
}

/**
 * A caller's query as every operation takes it: NUL bytes out, trimmed, limited (with a note in
 * `notes` saying what was cut). Empty means "no query" (undefined).
 */
export function cleanQuery(raw: string | undefined, notes: string[]): string | undefined {
  const query = raw?.replace(/\0/g, ' ').trim();
  if (!query) return undefined;
  const limited = limitQuery(query);
  if (limited.note) notes.push(limited.note);
  return limited.query || undefined;
}
