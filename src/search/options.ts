import { DOC_KINDS, REFERENCE_LANGUAGES, type DocKind, type ReferenceLanguage } from '../corpus/types.js';
import type { SearchOptions } from './types.js';

/**
 * Results when a caller names no limit. The search operation's input schema defaults to this same
 * constant (core/operations/search.ts); its upper bound lives there, not here.
 */
export const DEFAULT_LIMIT = 8;

const KINDS: readonly DocKind[] = DOC_KINDS;

export interface ResolvedOptions {
  limit: number;
  product?: string;
  kind?: DocKind;
  /** A kind filter that names no kind; the search answers empty with a suggestion instead of throwing. */
  badKind?: string;
  language?: ReferenceLanguage;
}

/**
 * Engine-side sanity for direct callers: "5" becomes 5, 0 or negative becomes 1, NaN the default.
 * The operation's input schema has already resolved what models and CLI flags send.
 */
export function resolveOptions(options: SearchOptions | undefined): ResolvedOptions {
  const o = (options ?? {}) as Record<string, unknown>;
  const n =
    typeof o.limit === 'string' ? Number.parseInt(o.limit, 10) : typeof o.limit === 'number' ? o.limit : NaN;
  const limit = Number.isFinite(n) ? Math.max(1, Math.floor(n)) : DEFAULT_LIMIT;
  const product =
    typeof o.product === 'string' && o.product.trim() ? o.product.trim().toLowerCase() : undefined;
  const kindText = typeof o.kind === 'string' && o.kind.trim() ? o.kind.trim().toLowerCase() : undefined;
  const kind =
    kindText && (KINDS as readonly string[]).includes(kindText) ? (kindText as DocKind) : undefined;
  const lang = typeof o.language === 'string' ? o.language.trim().toLowerCase() : undefined;
  const language =
    lang && (REFERENCE_LANGUAGES as readonly string[]).includes(lang)
      ? (lang as ReferenceLanguage)
      : undefined;
  return { limit, product, kind, badKind: kindText && !kind ? kindText : undefined, language };
}

export function knownKinds(): readonly DocKind[] {
  return KINDS;
}
