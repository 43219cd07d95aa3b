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
  language?: ReferenceLanguage;
}

/**
 * Engine-side sanity for direct callers: "5" becomes 5, 0 or negative becomes 1, NaN the default; a
 * kind or language that names none filters on nothing. The operation's input has already checked and
 * resolved what models and CLI flags send (an unknown kind or product is refused there, once).
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
  return { limit, product, kind, language };
}
