import { z } from 'zod';
import { DEFAULT_MAX_TOKENS, MAX_TOKENS_CEILING, MIN_MAX_TOKENS } from '../budget.js';

/** Fields more than one operation takes, defined once so their ranges and defaults cannot drift. */
export const maxTokensField = () =>
  z
    .number()
    .int()
    .min(MIN_MAX_TOKENS)
    .max(MAX_TOKENS_CEILING)
    .default(DEFAULT_MAX_TOKENS)
    .describe('Page size');

/** Past this a page number is a typo; clamping keeps it an answerable "page N does not exist". */
export const MAX_PAGE = 10_000;
export const pageField = () => z.number().int().min(1).max(MAX_PAGE).default(1);
