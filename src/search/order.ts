/**
 * The sign of `b - a`, for sorting best first. A comparator that returns the difference itself makes
 * V8 box each result that is not a small integer (one heap number per comparison, ~15% of what a
 * search allocated); a sort reads only the sign, so the order is the same. NaN gives 0, which is how
 * a sort reads a NaN result.
 */
export function descending(a: number, b: number): number {
  const d = b - a;
  return d > 0 ? 1 : d < 0 ? -1 : 0;
}
