/** Edit distance, bounded: names longer than this are compared by prefix only (keeps the cost flat). */
const MAX_LEN = 64;

export function editDistance(a: string, b: string): number {
  const x = a.slice(0, MAX_LEN);
  const y = b.slice(0, MAX_LEN);
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

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
    const d = editDistance(lower, c.toLowerCase());
    if (!best || d < best.d) best = { c, d };
  }
  if (best && best.d <= Math.max(2, Math.floor(name.length / 3))) return best.c;
  const containing = candidates.filter(
    (c) => c.toLowerCase().includes(lower) || lower.includes(c.toLowerCase()),
  );
  return containing.sort((a, b) => a.length - b.length)[0];
}
