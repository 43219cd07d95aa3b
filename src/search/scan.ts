/**
 * The index scan of a query: what `MiniSearch.search` computes for the one query shape the searcher
 * sends (an OR of a string of terms over all fields and a string of weak terms over some fields,
 * with boosts, BM25+, term boosts, a document filter, per-term fuzzy and prefix), computed over flat
 * arrays instead of a Map and a result object per term per unit.
 *
 * MiniSearch spends most of a search building and merging those objects (a Map per term, an object
 * with a terms array and a match object per matching unit per term, then a merge per term); over
 * ~850 matching units per question that was about a third of search time and most of its garbage.
 * Here a unit's running score lives in a Float64Array and a result object is made once per matching
 * unit. The arithmetic is MiniSearch 7.2's, in the same order (each term's contributions summed
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

/** Per-unit state of one scan part (a Map entry of MiniSearch's combined results). */
interface Entry {
  score: number;
  terms: string[];
  match: Record<string, string[]>;
}

/** A part's entries by unit, and the units in the order MiniSearch's Map would list them. */
interface PartResults {
  byUnit: (Entry | undefined)[];
  order: number[];
}

/**
 * A MiniSearch whose index is scanned here. Built once per searcher: field lengths are copied into
 * one flat array and the per-unit buffers are reused from query to query.
 */
export class IndexScan {
  private readonly ms: Internals;
  private readonly fieldCount: number;
  private readonly slots: number;
  /** fieldLength[shortId * fieldCount + fieldId] */
  private readonly fieldLength: Float64Array;
  private readonly externalId: unknown[];
  /** A unit's sum for the term being scanned. */
  private readonly termScore: Float64Array;
  /** Which term last touched a unit, and which derived term last wrote its match entry. */
  private readonly termMark: Int32Array;
  private readonly derivedMark: Int32Array;
  private mark = 0;

  constructor(index: MiniSearch<never> | MiniSearch<unknown>) {
    const ms = index as unknown as Internals;
    this.ms = ms;
    this.fieldCount = Object.keys(ms._fieldIds).length;
    let max = -1;
    for (const shortId of ms._documentIds.keys()) if (shortId > max) max = shortId;
    this.slots = max + 1;
    this.fieldLength = new Float64Array(this.slots * this.fieldCount);
    for (const [shortId, lengths] of ms._fieldLength)
      for (let f = 0; f < lengths.length; f++) this.fieldLength[shortId * this.fieldCount + f] = lengths[f];
    this.externalId = new Array<unknown>(this.slots);
    for (const [shortId, id] of ms._documentIds) this.externalId[shortId] = id;
    this.termScore = new Float64Array(this.slots);
    this.termMark = new Int32Array(this.slots);
    this.derivedMark = new Int32Array(this.slots);
  }

  /** The parts OR-ed together, as `ms.search({queries, combineWith: 'OR'}, options)` would answer. */
  search(parts: readonly ScanPart[], options: ScanOptions): SearchResult[] {
    let combined: PartResults | undefined;
    for (const part of parts) {
      const b = this.scanPart(part, options);
      if (!combined) {
        combined = b;
        continue;
      }
      for (const unit of b.order) {
        const from = b.byUnit[unit]!;
        const into = combined.byUnit[unit];
        if (!into) {
          combined.byUnit[unit] = from;
          combined.order.push(unit);
        } else {
          into.score = into.score + from.score;
          into.match = Object.assign(into.match, from.match);
          for (const t of from.terms) if (!into.terms.includes(t)) into.terms.push(t);
        }
      }
    }
    const results: SearchResult[] = [];
    if (!combined) return results;
    for (const unit of combined.order) {
      const { score, terms, match } = combined.byUnit[unit]!;
      results.push({
        id: this.externalId[unit],
        score: score * (terms.length || 1),
        terms: Object.keys(match),
        queryTerms: terms,
        match,
      });
    }
    return results.sort((a, b) => descending(a.score, b.score));
  }

  /** One part: each term's exact, prefix and fuzzy matches, summed per term, then into the part. */
  private scanPart(part: ScanPart, options: ScanOptions): PartResults {
    const ms = this.ms;
    const fields = part.fields ?? ms._options.fields;
    const field: FieldScan = {
      names: fields,
      ids: fields.map((f) => ms._fieldIds[f]),
      boosts: fields.map((f) => (Object.hasOwn(options.boost, f) ? options.boost[f] : 0) || 1),
    };
    const maxFuzzy = ms._options.searchOptions?.maxFuzzy ?? DEFAULT_MAX_FUZZY;
    const out: PartResults = { byUnit: new Array<Entry | undefined>(this.slots), order: [] };
    for (const term of part.terms) {
      if (!term) continue;
      const ctx: TermContext = {
        source: term,
        boost: options.boostTerm(term),
        mark: ++this.mark,
        touched: [],
        out,
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
      // the term's own sum goes into the unit's total in one addition, as MiniSearch's merge does
      for (const unit of ctx.touched) {
        const e = out.byUnit[unit]!;
        e.score = e.score + this.termScore[unit];
        this.termScore[unit] = 0;
      }
    }
    return out;
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
    const { byUnit, order } = ctx.out;
    for (let f = 0; f < field.ids.length; f++) {
      const fieldId = field.ids[f];
      const freqs = data.get(fieldId);
      if (!freqs) continue;
      const matching = freqs.size;
      const avg = this.ms._avgFieldLength[fieldId];
      const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
      const name = field.names[f];
      const fieldBoost = field.boosts[f];
      // our compact index is read where it lies; an index built in memory is MiniSearch's Maps
      const flat = freqs instanceof FieldPostings ? freqs : undefined;
      const units = flat ? flat.postings.subarray(flat.start, flat.start + matching) : [...freqs.keys()];
      for (let i = 0; i < units.length; i++) {
        const unit = units[i];
        if (unit >= this.slots || this.externalId[unit] === undefined) continue;
        const docBoost = options.boostDocument ? options.boostDocument(this.externalId[unit] as number) : 1;
        if (!docBoost) continue;
        const tf = flat ? flat.postings[flat.start + matching + i] : freqs.get(unit)!;
        const length = this.fieldLength[unit * this.fieldCount + fieldId];
        const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / avg)));
        // MiniSearch's order of multiplication: another order could break a tie by a rounding
        const weighted = weight * ctx.boost * fieldBoost * docBoost * raw;
        let e = byUnit[unit];
        if (!e) {
          e = { score: 0, terms: [ctx.source], match: {} };
          byUnit[unit] = e;
          order.push(unit);
        } else if (this.termMark[unit] !== ctx.mark && !e.terms.includes(ctx.source))
          e.terms.push(ctx.source);
        if (this.termMark[unit] !== ctx.mark) {
          this.termMark[unit] = ctx.mark;
          ctx.touched.push(unit);
        }
        this.termScore[unit] += weighted;
        if (this.derivedMark[unit] === derivedMark) e.match[derived].push(name);
        else {
          this.derivedMark[unit] = derivedMark;
          e.match[derived] = [name];
        }
      }
    }
  }
}

interface FieldScan {
  names: readonly string[];
  ids: readonly number[];
  boosts: readonly number[];
}

interface TermContext {
  source: string;
  boost: number;
  /** Marks the units this term has touched (termMark). */
  mark: number;
  touched: number[];
  out: PartResults;
}
