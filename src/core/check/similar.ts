import { editDistance } from '../edit-distance.js';

/** Names longer than this are compared by prefix only (keeps the cost flat). */
const MAX_LEN = 64;

/**
 * The closest candidate to a misspelt or renamed name: same letters in another case first
 * (`redirectURL` -> `redirectUri` is one edit once case is folded), then the smallest edit distance
 * within a third of the name's length, then containment (`portal` -> `adminPortal`).
 */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = name.toLowerCase();
  const exactFold = candidates.find((c) => c.toLowerCase() === lower);
  if (exactFold) return exactFold;
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase(), MAX_LEN);
    if (!best || d < best.d) best = { c, d };
  }
  if (best && best.d <= Math.max(2, Math.floor(name.length / 3))) return best.c;
  const containing = candidates.filter(
    (c) => c.toLowerCase().includes(lower) || lower.includes(c.toLowerCase()),
  );
  return containing.sort((a, b) => a.length - b.length)[0];
}
