import { cachedTerms as termsOf, rawTokens } from './tokenize.js';

export const SNIPPET_LENGTH = 200;
/** Snippets look at the start of long sections only: bounded cost per query, and the start is what a reader sees first. */
const SCAN_LIMIT = 2500;

interface TokenTerms {
  start: number;
  end: number;
  terms: string[];
}

/** Tokens of a text with their index terms; callers cache this per section (it is query-independent). */
export function analyzeForSnippet(text: string): TokenTerms[] {
  const scanned = text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;
  return rawTokens(scanned).map((t) => ({ start: t.start, end: t.end, terms: termsOf(t.text) }));
}

/**
 * About SNIPPET_LENGTH characters of `text` around the densest cluster of matched terms, with the
 * matched words wrapped in `**`. Falls back to the start of the text when nothing matches.
 */
export function makeSnippet(
  text: string,
  matched: ReadonlySet<string>,
  tokens: readonly TokenTerms[] = analyzeForSnippet(text),
  length = SNIPPET_LENGTH,
): string {
  const scanned = text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;
  const hits: TokenTerms[] = [];
  for (const tok of tokens) {
    if (!tok.terms.some((t) => matched.has(t))) continue;
    hits.push({ start: tok.start, end: tok.end, terms: tok.terms.filter((t) => matched.has(t)) });
  }
  let from = 0;
  if (hits.length > 0) {
    let best = -1;
    // The window of hits starting at hit i that fit in `length` characters, slid along the hits
    // with a count per term (hits are in text order, so its end only moves forward).
    const count = new Map<string, number>();
    let distinct = 0;
    let j = 0;
    for (let i = 0; i < hits.length; i++) {
      if (j < i) j = i;
      while (j < hits.length && hits[j].end - hits[i].start <= length) {
        for (const t of hits[j].terms) {
          const c = count.get(t) ?? 0;
          if (c === 0) distinct++;
          count.set(t, c + 1);
        }
        j++;
      }
      // distinct terms first, then total hits: "webhook signature" beats "webhook ... webhook"
      const score = distinct * 100 + (j - i);
      if (score > best) {
        best = score;
        from = hits[i].start;
      }
      if (j > i)
        for (const t of hits[i].terms) {
          const c = count.get(t)!;
          if (c === 1) distinct--;
          count.set(t, c - 1);
        }
    }
    // a little context before the first hit, starting at a word boundary
    from = Math.max(0, from - 40);
    if (from > 0) {
      const space = scanned.indexOf(' ', from);
      if (space !== -1 && space < from + 40) from = space + 1;
    }
  }
  let to = Math.min(scanned.length, from + length);
  if (to < scanned.length) {
    const space = scanned.lastIndexOf(' ', to);
    if (space > from + length / 2) to = space;
  }
  let out = '';
  let pos = from;
  for (const h of hits) {
    if (h.start < from || h.end > to) continue;
    out += scanned.slice(pos, h.start) + '**' + scanned.slice(h.start, h.end) + '**';
    pos = h.end;
  }
  out += scanned.slice(pos, to);
  out = out.trim();
  return (from > 0 ? '\u2026' : '') + out + (to < text.length ? '\u2026' : '');
}
