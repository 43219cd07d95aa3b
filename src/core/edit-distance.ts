/**
 * Levenshtein distance between two strings (one edit = insert, delete or substitute one character).
 * `maxLength` compares long strings by their prefix only, so a caller fed user input keeps the
 * quadratic cost flat.
 */
export function editDistance(a: string, b: string, maxLength = Infinity): number {
  const x = a.length > maxLength ? a.slice(0, maxLength) : a;
  const y = b.length > maxLength ? b.slice(0, maxLength) : b;
  if (x === y) return 0;
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
