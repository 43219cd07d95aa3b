/**
 * The index scan of a query: what `MiniSearch.search` computes for the one query shape the searcher
 * sends (an OR of a string of terms over all fields and a string of weak terms over some fields,
 * with boosts, BM25+, term boosts, a document filter, per-term fuzzy and prefix), computed over flat
 * arrays instead of a Map and a result object per term per unit.
 *
 * MiniSearch spends most of a search building and merging those objects (a Map per term, an object
 * with a terms array and a match object per matching unit per term, then a merge per term); over
 * ~850 matching units per question that was about a third of search time and most of its garbage.
 * Here a unit's running score lives in a Float64Array, the query terms a unit matched are bits, and
 * the per-unit `terms`/`match` objects are rebuilt from a flat log only for the hits that need them
 * (ScanHits.result: the re-ranked head and the chosen sections), not for the ~850-2,600 others. The arithmetic is MiniSearch 7.2's, in the same order (each term's contributions summed
 * first, then added to the unit's total; strong terms, then weak), and results come out in the same
 * order with the same `terms`, `queryTerms` and `match`: test/search/scan.test.ts compares both on
 * every query shape, and ranking cannot move.
 */
import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import { FieldPostings } from './compact-index.js';
import { descending } from './order.js';

/** One part of the query: terms (already analyzed) searched in some fields. */
export interface ScanPart {
  terms: readonly string[];
  /** Fields to search; all the index's fields when absent. */
  fields?: readonly string[];
}

export interface ScanOptions {
  boost: Readonly<Record<string, number>>;
  bm25: { k: number; b: number; d: number };
  weights: { fuzzy: number; prefix: number };
  boostTerm: (term: string) => number;
  /** 0 leaves a unit out, as MiniSearch's boostDocument does. */
  boostDocument?: (id: number) => number;
  fuzzy: (term: string) => number | false;
  prefix: (term: string) => boolean;
}

/** Postings of one term in one field, as MiniSearch's Map<unit, freq> or our flat view of it. */
interface FieldTermFreqs {
  readonly size: number;
  keys(): Iterable<number>;
  get(unit: number): number | undefined;
}
type TermData = Map<number, FieldTermFreqs>;

interface TermIndex {
  get(term: string): TermData | undefined;
  atPrefix(prefix: string): Iterable<[string, TermData]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]>;
}

/** The MiniSearch state a scan reads (private fields: see seams note in the header). */
interface Internals {
  _index: TermIndex;
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _options: { fields: string[]; searchOptions?: { maxFuzzy?: number } };
}

/** MiniSearch's default cap on a fuzzy match's edit distance. */
const DEFAULT_MAX_FUZZY = 6;

/**
 * A scan's log: one entry per (unit, derived term, addTerm call), with the fields it matched in as
 * bits, chained per unit in the order they were written. It is what MiniSearch's per-unit `terms`
 * and `match` objects would hold, kept flat; ScanHits.result() rebuilds those objects for the few
 * hits that need them (the head of the ranking, the chosen sections) instead of for every hit.
 */
class ScanLog {
  unit = new Int32Array(1024);
  derived = new Int32Array(1024);
  source = new Int32Array(1024);
  part = new Int32Array(1024);
  fields = new Int32Array(1024);
  next = new Int32Array(1024);
  length = 0;

  push(unit: number, derived: number, source: number, part: number): number {
    if (this.length === this.unit.length) this.grow();
    const e = this.length++;
    this.unit[e] = unit;
    this.derived[e] = derived;
    this.source[e] = source;
    this.part[e] = part;
    this.fields[e] = 0;
    this.next[e] = -1;
    return e;
  }

  private grow(): void {
    const size = this.unit.length * 2;
    const widen = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.unit = widen(this.unit);
    this.derived = widen(this.derived);
    this.source = widen(this.source);
    this.part = widen(this.part);
    this.fields = widen(this.fields);
    this.next = widen(this.next);
  }
}

/**
 * The hits of one scan, numbered in the order units were first hit: hit h is unit `id(h)` with
 * MiniSearch's `score(h)`; `order()` ranks them as MiniSearch does. Which query terms a hit matched
 * are bit sets over the query's source terms (termNumber): `hasQueryTerm` is
 * `result.queryTerms.includes(t)`, `hasExactTerm` is `t in result.match` (the index term t itself
 * matched, not only a fuzzy or prefix relative of it).
 */
export class ScanHits {
  /** Source terms in the order they were scanned; a term's number is its bit. */
  private readonly termIndex: ReadonlyMap<string, number>;
  private readonly words: number;
  readonly length: number;
  private readonly units: Int32Array;
  private readonly scores: Float64Array;
  private readonly termCounts: Int32Array;
  private readonly termBits: Uint32Array;
  private readonly exactBits: Uint32Array;
  private readonly firstEntry: Int32Array;
  private readonly log: ScanLog;
  private readonly derivedTerms: readonly string[];
  private readonly sources: readonly string[];
  private readonly partFields: readonly (readonly string[])[];

  /** Takes over a finished scan's state (its hits' scores already final). */
  constructor(
    state: ScanState,
    private readonly externalId: readonly unknown[],
  ) {
    const { hits } = state;
    this.termIndex = state.termIndex;
    this.words = state.words;
    this.length = hits.length;
    this.units = hits.units;
    this.scores = hits.scores;
    this.termCounts = hits.termCounts;
    this.termBits = hits.termBits;
    this.exactBits = hits.exactBits;
    this.firstEntry = hits.firstEntry;
    this.log = state.log;
    this.derivedTerms = state.derivedTerms;
    this.sources = [...state.termIndex.keys()];
    this.partFields = state.partFields;
  }

  /** Hit numbers best first, ties in hit order: MiniSearch's order of results. */
  order(): number[] {
    const order: number[] = [];
    for (let h = 0; h < this.length; h++) order.push(h);
    const scores = this.scores;
    return order.sort((a, b) => descending(scores[a], scores[b]));
  }

  id(h: number): number {
    return this.externalId[this.units[h]] as number;
  }

  score(h: number): number {
    return this.scores[h];
  }

  /** How many of the query's source terms the hit matched (`result.queryTerms.length`). */
  queryTermCount(h: number): number {
    return this.termCounts[h];
  }

  /** The bit number of a source term, -1 for a term the scan did not search. */
  termNumber(term: string): number {
    return this.termIndex.get(term) ?? -1;
  }

  hasQueryTerm(h: number, term: number): boolean {
    return term >= 0 && (this.termBits[h * this.words + (term >>> 5)] & (1 << (term & 31))) !== 0;
  }

  hasExactTerm(h: number, term: number): boolean {
    return term >= 0 && (this.exactBits[h * this.words + (term >>> 5)] & (1 << (term & 31))) !== 0;
  }

  /**
   * The index terms whose `match` list for hit h names `field` (each with 1), as reading
   * `result.match` would give them: the last write of a derived term decides, as in result().
   */
  termsInField(h: number, field: string): Map<string, number> {
    const log = this.log;
    const bitOf = this.partFields.map((names) => {
      const f = names.indexOf(field);
      return f < 0 ? 0 : 1 << f;
    });
    const last = new Map<number, boolean>();
    for (let e = this.firstEntry[h]; e >= 0; e = log.next[e])
      last.set(log.derived[e], (log.fields[e] & bitOf[log.part[e]]) !== 0);
    const out = new Map<string, number>();
    for (const [derived, has] of last) if (has) out.set(this.derivedTerms[derived], 1);
    return out;
  }

  /**
   * `result(h).terms` without building the result: the index terms the hit matched, in the order
   * Object.keys gives a match object's keys (array-index keys ascending first, then first writes).
   */
  terms(h: number): string[] {
    const log = this.log;
    const seen = new Set<number>();
    const indices: string[] = [];
    const names: string[] = [];
    for (let e = this.firstEntry[h]; e >= 0; e = log.next[e]) {
      const derived = log.derived[e];
      if (seen.has(derived)) continue;
      seen.add(derived);
      const name = this.derivedTerms[derived];
      (isArrayIndex(name) ? indices : names).push(name);
    }
    if (indices.length === 0) return names;
    return [...indices.sort((a, b) => Number(a) - Number(b)), ...names];
  }

  /** Hit h exactly as MiniSearch.search returns it (same keys, same order of terms and match lists). */
  result(h: number): SearchResult {
    const log = this.log;
    const queryTerms: string[] = [];
    const seen = new Set<number>();
    const match: Record<string, string[]> = {};
    for (let e = this.firstEntry[h]; e >= 0; e = log.next[e]) {
      const source = log.source[e];
      if (!seen.has(source)) {
        seen.add(source);
        queryTerms.push(this.sources[source]);
      }
      const names = this.partFields[log.part[e]];
      const bits = log.fields[e];
      const list: string[] = [];
      for (let f = 0; f < names.length; f++) if (bits & (1 << f)) list.push(names[f]);
      // a later write of the same derived term replaces the list and keeps the key's place, as in
      // MiniSearch (a fresh list per addTerm call, Object.assign when parts merge)
      match[this.derivedTerms[log.derived[e]]] = list;
    }
    return {
      id: this.externalId[this.units[h]],
      score: this.scores[h],
      terms: Object.keys(match),
      queryTerms,
      match,
    };
  }

  /** Every hit as MiniSearch.search would return it, in its order. */
  results(): SearchResult[] {
    return this.order().map((h) => this.result(h));
  }
}

/** A key a JavaScript object lists first, in numeric order: a canonical integer below 2^32 - 1. */
function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
}

/**
 * A MiniSearch whose index is scanned here. Built once per searcher: field lengths are copied into
 * one flat array and the per-unit buffers are reused from query to query.
 */
export class IndexScan {
  private readonly ms: Internals;
  private readonly fieldCount: number;
  private readonly slots: number;
  /**
   * fieldLength[fieldId * slots + shortId]: field by field, so a term's postings (ascending units)
   * read it in address order; lengths are token counts, exact in 32 bits.
   */
  private readonly fieldLength: Uint32Array;
  /** 1 for a short id the index holds (MiniSearch skips the postings of removed units). */
  private readonly present: Uint8Array;
  private readonly externalId: unknown[];
  /** A unit's sum for the term being scanned, and for the part being scanned. */
  private readonly termScore: Float64Array;
  private readonly partScore: Float64Array;
  /** Which term last touched a unit, and which part. */
  private readonly termMark: Int32Array;
  private readonly partMark: Int32Array;
  /** The last log entry of a unit, and the addTerm call (derivedMark) that wrote it. */
  private readonly lastEntry: Int32Array;
  private readonly derivedMark: Int32Array;
  /** A unit's hit number in the current scan, valid when hitMark holds the scan's mark. */
  private readonly hitOf: Int32Array;
  private readonly hitMark: Int32Array;
  private mark = 0;

  constructor(index: MiniSearch<never> | MiniSearch<unknown>) {
    const ms = index as unknown as Internals;
    this.ms = ms;
    this.fieldCount = Object.keys(ms._fieldIds).length;
    let max = -1;
    for (const shortId of ms._documentIds.keys()) if (shortId > max) max = shortId;
    this.slots = max + 1;
    this.fieldLength = new Uint32Array(this.slots * this.fieldCount);
    for (const [shortId, lengths] of ms._fieldLength)
      for (let f = 0; f < lengths.length; f++) this.fieldLength[f * this.slots + shortId] = lengths[f];
    this.externalId = new Array<unknown>(this.slots);
    this.present = new Uint8Array(this.slots);
    for (const [shortId, id] of ms._documentIds) {
      this.externalId[shortId] = id;
      if (id !== undefined) this.present[shortId] = 1;
    }
    this.termScore = new Float64Array(this.slots);
    this.partScore = new Float64Array(this.slots);
    this.termMark = new Int32Array(this.slots);
    this.partMark = new Int32Array(this.slots);
    this.lastEntry = new Int32Array(this.slots);
    this.derivedMark = new Int32Array(this.slots);
    this.hitOf = new Int32Array(this.slots);
    this.hitMark = new Int32Array(this.slots);
  }

  /** The parts OR-ed together, as `ms.search({queries, combineWith: 'OR'}, options)` would answer. */
  search(parts: readonly ScanPart[], options: ScanOptions): SearchResult[] {
    return this.scan(parts, options).results();
  }

  /** search() without a result object per hit: see ScanHits. */
  scan(parts: readonly ScanPart[], options: ScanOptions): ScanHits {
    const termIndex = new Map<string, number>();
    for (const part of parts)
      for (const t of part.terms) if (t && !termIndex.has(t)) termIndex.set(t, termIndex.size);
    const words = Math.max(1, Math.ceil(termIndex.size / 32));
    const state: ScanState = {
      scanMark: ++this.mark,
      hits: new HitBuffer(words),
      log: new ScanLog(),
      derivedTerms: [],
      derivedNumber: new Map(),
      termIndex,
      words,
      partFields: [],
    };
    for (let p = 0; p < parts.length; p++) this.scanPart(parts[p], p, options, state);
    const { hits } = state;
    const n = hits.length;
    for (let h = 0; h < n; h++) hits.scores[h] = hits.scores[h] * (hits.termCounts[h] || 1);
    return new ScanHits(state, this.externalId);
  }

  /**
   * One part: each term's exact, prefix and fuzzy matches, summed per term, then into the part; the
   * part's sums then go into the hits' totals in one addition each, as MiniSearch's merge does.
   */
  private scanPart(part: ScanPart, partNumber: number, options: ScanOptions, state: ScanState): void {
    const ms = this.ms;
    const fields = part.fields ?? ms._options.fields;
    const field: FieldScan = {
      names: fields,
      ids: fields.map((f) => ms._fieldIds[f]),
      boosts: fields.map((f) => (Object.hasOwn(options.boost, f) ? options.boost[f] : 0) || 1),
    };
    state.partFields.push(fields);
    const maxFuzzy = ms._options.searchOptions?.maxFuzzy ?? DEFAULT_MAX_FUZZY;
    const partMark = ++this.mark;
    const partUnits: number[] = [];
    // one list of the units a term touched, emptied for each term
    const touched: number[] = [];
    for (const term of part.terms) {
      if (!term) continue;
      touched.length = 0;
      const ctx: TermContext = {
        source: state.termIndex.get(term)!,
        boost: options.boostTerm(term),
        mark: ++this.mark,
        partMark,
        partNumber,
        touched,
        partUnits,
        state,
      };
      const add = (derived: string, weight: number, data: TermData | undefined): void => {
        if (data) this.addTerm(ctx, derived, weight, data, field, options);
      };
      add(term, 1, ms._index.get(term));
      const fuzzy = options.fuzzy(term);
      let fuzzyMatches: Map<string, [TermData, number]> | undefined;
      if (fuzzy !== false) {
        const maxDistance = fuzzy < 1 ? Math.min(maxFuzzy, Math.round(term.length * fuzzy)) : fuzzy;
        if (maxDistance) fuzzyMatches = ms._index.fuzzyGet(term, maxDistance);
      }
      if (options.prefix(term)) {
        for (const [derived, data] of ms._index.atPrefix(term)) {
          const distance = derived.length - term.length;
          if (!distance) continue;
          // a prefix match is scored as one, never also as a fuzzy match
          fuzzyMatches?.delete(derived);
          add(derived, (options.weights.prefix * derived.length) / (derived.length + 0.3 * distance), data);
        }
      }
      if (fuzzyMatches) {
        for (const [derived, [data, distance]] of fuzzyMatches) {
          if (!distance) continue;
          add(derived, (options.weights.fuzzy * derived.length) / (derived.length + distance), data);
        }
      }
      // the term's own sum goes into the unit's part total in one addition, as MiniSearch's merge does
      for (const unit of ctx.touched) {
        this.partScore[unit] = this.partScore[unit] + this.termScore[unit];
        this.termScore[unit] = 0;
      }
    }
    const { hits } = state;
    for (const unit of partUnits) {
      const h = this.hitOf[unit];
      hits.scores[h] = hits.scores[h] + this.partScore[unit];
      this.partScore[unit] = 0;
    }
  }

  /** One derived term's postings in every searched field (MiniSearch's termResults). */
  private addTerm(
    ctx: TermContext,
    derived: string,
    weight: number,
    data: TermData,
    field: FieldScan,
    options: ScanOptions,
  ): void {
    const { k, b, d } = options.bm25;
    const n = this.ms._documentCount;
    const derivedMark = ++this.mark;
    const { state } = ctx;
    const { hits, log } = state;
    let derivedNumber = state.derivedNumber.get(derived);
    if (derivedNumber === undefined) {
      derivedNumber = state.derivedTerms.length;
      state.derivedTerms.push(derived);
      state.derivedNumber.set(derived, derivedNumber);
    }
    // a derived term that is itself a query term makes that term an exact match (`term in match`)
    const exact = state.termIndex.get(derived);
    for (let f = 0; f < field.ids.length; f++) {
      const fieldId = field.ids[f];
      const freqs = data.get(fieldId);
      if (!freqs) continue;
      const matching = freqs.size;
      const avg = this.ms._avgFieldLength[fieldId];
      const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
      const fieldBoost = field.boosts[f];
      const fieldBit = 1 << f;
      const lengthBase = fieldId * this.slots;
      // our compact index is read where it lies; an index built in memory is MiniSearch's Maps
      const flat = freqs instanceof FieldPostings ? freqs : undefined;
      const units = flat ? flat.postings.subarray(flat.start, flat.start + matching) : [...freqs.keys()];
      for (let i = 0; i < units.length; i++) {
        const unit = units[i];
        if (unit >= this.slots || this.present[unit] === 0) continue;
        const docBoost = options.boostDocument ? options.boostDocument(this.externalId[unit] as number) : 1;
        if (!docBoost) continue;
        const tf = flat ? flat.postings[flat.start + matching + i] : freqs.get(unit)!;
        const length = this.fieldLength[lengthBase + unit];
        const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / avg)));
        // MiniSearch's order of multiplication: another order could break a tie by a rounding
        const weighted = weight * ctx.boost * fieldBoost * docBoost * raw;
        let h: number;
        if (this.hitMark[unit] !== state.scanMark) {
          this.hitMark[unit] = state.scanMark;
          h = hits.add(unit);
          this.hitOf[unit] = h;
          this.lastEntry[unit] = -1;
        } else h = this.hitOf[unit];
        if (this.partMark[unit] !== ctx.partMark) {
          this.partMark[unit] = ctx.partMark;
          ctx.partUnits.push(unit);
        }
        if (this.termMark[unit] !== ctx.mark) {
          this.termMark[unit] = ctx.mark;
          ctx.touched.push(unit);
          hits.addTerm(h, ctx.source);
        }
        this.termScore[unit] += weighted;
        if (this.derivedMark[unit] !== derivedMark) {
          this.derivedMark[unit] = derivedMark;
          const e = log.push(unit, derivedNumber, ctx.source, ctx.partNumber);
          const last = this.lastEntry[unit];
          if (last < 0) hits.firstEntry[h] = e;
          else log.next[last] = e;
          this.lastEntry[unit] = e;
          if (exact !== undefined) hits.markExact(h, exact);
        }
        log.fields[this.lastEntry[unit]] |= fieldBit;
      }
    }
  }
}

/** Per-hit arrays of one scan, grown as units are hit. */
class HitBuffer {
  units = new Int32Array(256);
  scores = new Float64Array(256);
  termCounts = new Int32Array(256);
  firstEntry = new Int32Array(256);
  termBits: Uint32Array;
  exactBits: Uint32Array;
  length = 0;

  constructor(private readonly words: number) {
    this.termBits = new Uint32Array(256 * words);
    this.exactBits = new Uint32Array(256 * words);
  }

  add(unit: number): number {
    if (this.length === this.units.length) this.grow();
    const h = this.length++;
    this.units[h] = unit;
    this.firstEntry[h] = -1;
    return h;
  }

  addTerm(h: number, term: number): void {
    const w = h * this.words + (term >>> 5);
    const bit = 1 << (term & 31);
    if ((this.termBits[w] & bit) === 0) {
      this.termBits[w] |= bit;
      this.termCounts[h] += 1;
    }
  }

  markExact(h: number, term: number): void {
    this.exactBits[h * this.words + (term >>> 5)] |= 1 << (term & 31);
  }

  private grow(): void {
    const size = this.units.length * 2;
    const units = new Int32Array(size);
    units.set(this.units);
    const scores = new Float64Array(size);
    scores.set(this.scores);
    const termCounts = new Int32Array(size);
    termCounts.set(this.termCounts);
    const firstEntry = new Int32Array(size);
    firstEntry.set(this.firstEntry);
    const termBits = new Uint32Array(size * this.words);
    termBits.set(this.termBits);
    const exactBits = new Uint32Array(size * this.words);
    exactBits.set(this.exactBits);
    Object.assign(this, { units, scores, termCounts, firstEntry, termBits, exactBits });
  }
}

interface ScanState {
  scanMark: number;
  hits: HitBuffer;
  log: ScanLog;
  derivedTerms: string[];
  derivedNumber: Map<string, number>;
  termIndex: ReadonlyMap<string, number>;
  words: number;
  partFields: (readonly string[])[];
}

interface FieldScan {
  names: readonly string[];
  ids: readonly number[];
  boosts: readonly number[];
}

interface TermContext {
  /** The source term's number (its bit). */
  source: number;
  boost: number;
  /** Marks the units this term has touched (termMark). */
  mark: number;
  /** Marks the units this part has touched (partMark), listed in partUnits in MiniSearch's order. */
  partMark: number;
  partNumber: number;
  touched: number[];
  partUnits: number[];
  state: ScanState;
}
