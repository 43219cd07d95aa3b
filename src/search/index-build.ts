import { createHash } from 'node:crypto';
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import {
  type CompactTermIndex,
  compactTermIndex,
  loadCompactMiniSearch,
  validTermIndex,
} from './compact-index.js';
import type { Corpus } from '../corpus/types.js';
import { expandToken, processTerm, tokenize } from './tokenize.js';
import { type UnitFields, unitFields, unitFingerprint, unitRefs } from './units.js';
import { type StoredPassageTable, buildPassageTable } from './passage-table.js';

/**
 * Bumped whenever tokenization, fields, unit numbering or the stored layout change: an old index would
 * answer wrongly. 4: terms stored as a compact index (compact-index.ts) beside MiniSearch's other state.
 */
export const SEARCH_INDEX_FORMAT = 4;

export const FIELDS = [
  'title',
  'heading',
  'path',
  'api',
  'identifiers',
  'endpoints',
  'description',
  'body',
] as const;

/**
 * Text that exercises every analyzer rule. Its analysis is hashed into the index, so an index built
 * by code that tokenizes differently is rebuilt rather than silently mismatched, even if nobody
 * remembered to bump SEARCH_INDEX_FORMAT.
 */
const ANALYZER_PROBE =
  'How do I verify Webhooks? getAuthorizationURL get_authorization_url user_management/authenticate ' +
  'dsync.group.user_added /users/:id {user_id} OAuth SAMLResponse café 認証 e.g. v2.1.0 the and a get started';

export function analyzerFingerprint(): string {
  const probe = tokenize(ANALYZER_PROBE).map((t) => (processTerm(t) ?? []).join(','));
  return createHash('sha256')
    .update(JSON.stringify([SEARCH_INDEX_FORMAT, FIELDS, probe]))
    .digest('hex')
    .slice(0, 16);
}

declare const __WDM_ANALYZER_FINGERPRINT__: string | undefined;

/**
 * The fingerprint of the analyzer this code runs. The bundles carry it as a constant, computed from the
 * very sources they were built from (scripts/bundle.ts): tokenizing the probe at every start cost ~11 ms
 * of CPU before the index could load. Running from source or tsc's output, it is computed.
 */
export function currentAnalyzerFingerprint(): string {
  return typeof __WDM_ANALYZER_FINGERPRINT__ === 'string'
    ? __WDM_ANALYZER_FINGERPRINT__
    : analyzerFingerprint();
}

/** The serialised form stored in the corpus bundle as `searchIndex`. */
export interface SerializedSearchIndex {
  format: number;
  /** See analyzerFingerprint. */
  analyzer: string;
  /** Fingerprint of the unit numbering it was built for (see unitFingerprint). */
  units: string;
  /** Number of units, for a quick look at the bundle. */
  unitCount: number;
  /** MiniSearch's own serialisation without its term index (`index: []`). */
  index: AsPlainObject;
  /** The term index, loaded lazily (typed arrays: the bundle stores them as raw bytes). */
  terms: CompactTermIndex;
  /** Every unit's passages (passage-table.ts); absent in bundles built before it existed. */
  passages?: StoredPassageTable;
}

export function miniSearchOptions(): Options<UnitFields> {
  return {
    idField: 'id',
    fields: [...FIELDS],
    storeFields: [],
    // endpoint keys are whole terms; everything else goes through the developer-text analyzer
    tokenize: (text, field) => (field === 'endpoints' ? text.split('\n').filter(Boolean) : tokenize(text)),
    // API names count as whole names only: `vault.encrypt()` defines `vault/encrypt`, it is not a
    // page about the word "vault"
    processTerm: (term, field) =>
      field === 'endpoints' ? term : field === 'api' ? expandToken(term).joined : processTerm(term),
  };
}

export function buildMiniSearch(corpus: Corpus): MiniSearch<UnitFields> {
  const ms = new MiniSearch<UnitFields>(miniSearchOptions());
  const refs = unitRefs(corpus);
  ms.addAll(refs.map((ref, id) => unitFields(corpus, ref, id)));
  return ms;
}

/** Builds the index for a corpus in a JSON-serialisable form (stored by the bundle as `searchIndex`). */
export function buildSearchIndex(corpus: Corpus): SerializedSearchIndex {
  const ms = buildMiniSearch(corpus);
  const { rest, terms } = compactTermIndex(ms.toJSON(), miniSearchOptions() as Options<never>);
  return {
    format: SEARCH_INDEX_FORMAT,
    analyzer: analyzerFingerprint(),
    units: unitFingerprint(corpus),
    unitCount: ms.documentCount,
    index: rest,
    terms,
    passages: buildPassageTable(corpus, unitRefs(corpus)),
  };
}

/**
 * Loads a prebuilt index if it matches this corpus and this code's format; otherwise returns
 * undefined and says why, so the caller can rebuild (correct, just slower at start-up).
 */
export function loadMiniSearch(
  corpus: Corpus,
  serialized: unknown,
): { index: MiniSearch<UnitFields> } | { reason: string } {
  if (serialized === undefined || serialized === null) return { reason: 'no prebuilt index' };
  const s = serialized as Partial<SerializedSearchIndex>;
  if (typeof s !== 'object' || typeof s.index !== 'object' || s.index === null) {
    return { reason: 'prebuilt index has an unknown shape' };
  }
  if (s.format !== SEARCH_INDEX_FORMAT) {
    return { reason: `prebuilt index format ${String(s.format)} != ${SEARCH_INDEX_FORMAT}` };
  }
  if (s.analyzer !== currentAnalyzerFingerprint()) {
    return { reason: 'prebuilt index was built with a different text analyzer' };
  }
  if (s.units !== unitFingerprint(corpus)) {
    return { reason: 'prebuilt index was built from a different corpus' };
  }
  if (!validTermIndex(s.terms)) return { reason: 'prebuilt index has no usable term index' };
  try {
    return { index: loadCompactMiniSearch<UnitFields>(s.index, s.terms, miniSearchOptions()) };
  } catch (err) {
    return { reason: `prebuilt index failed to load: ${err instanceof Error ? err.message : String(err)}` };
  }
}
