/**
 * The one completion matcher (doc paths, prompt arguments): values starting with what was typed
 * first, then values containing it, each group in the given order. Every match is returned: the SDK
 * sends the first 100 and derives `total` and `hasMore` from this list, so cutting it here would
 * report a false total. Case-insensitive; leading slashes of the typed text are ignored.
 */
export function completionMatches(values: readonly string[], typed: string | undefined): string[] {
  const t = (typed ?? '').toLowerCase().replace(/^\/+/, '');
  const prefix = values.filter((v) => v.toLowerCase().startsWith(t));
  if (t === '') return prefix;
  const inside = values.filter((v) => !v.toLowerCase().startsWith(t) && v.toLowerCase().includes(t));
  return [...prefix, ...inside];
}
