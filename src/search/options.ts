import { DOC_KINDS, type DocKind } from '../corpus/types.js';
import type { SearchOptions } from './types.js';

export const DEFAULT_LIMIT = 8;
export const MAX_LIMIT = 50;

const KINDS: readonly DocKind[] = DOC_KINDS;

export interface ResolvedOptions {
  limit: number;
  product?: string;
  kind?: DocKind;
  /** A kind filter that names no kind; the search answers empty with a suggestion instead of throwing. */
  badKind?: string;
}

/**
 * Defaults and clamping in one place. Callers (models, CLI flags) send strings and odd numbers:
 * "5" becomes 5, 0 or negative becomes 1, 500 becomes 50, NaN becomes the default.
 */
export function resolveOptions(options: SearchOptions | undefined): ResolvedOptions {
  const o = (options ?? {}) as Record<string, unknown>;
  const n =
    typeof o.limit === 'string' ? Number.parseInt(o.limit, 10) : typeof o.limit === 'number' ? o.limit : NaN;
  const limit = Number.isFinite(n) ? Math.min(MAX_LIMIT, Math.max(1, Math.floor(n))) : DEFAULT_LIMIT;
  const product =
    typeof o.product === 'string' && o.product.trim() ? o.product.trim().toLowerCase() : undefined;
  const kindText = typeof o.kind === 'string' && o.kind.trim() ? o.kind.trim().toLowerCase() : undefined;
  const kind =
    kindText && (KINDS as readonly string[]).includes(kindText) ? (kindText as DocKind) : undefined;
  return { limit, product, kind, badKind: kindText && !kind ? kindText : undefined };
}

export function knownKinds(): readonly DocKind[] {
  return KINDS;
}
