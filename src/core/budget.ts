/**
 * Token budgets for answers. Clients warn around 10k tokens per tool answer and cut at 25k,
 * so the default stays well below the first and the ceiling below the second.
 */
export const DEFAULT_MAX_TOKENS = 6000;
export const MIN_MAX_TOKENS = 500;
export const MAX_TOKENS_CEILING = 20000;

/** ~4 characters per token for English prose and code; good enough to size pages. */
export const CHARS_PER_TOKEN = 4;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}
