/**
 * MiniSearch's term index in a form made for loading: the radix tree of terms as small nested JSON
 * arrays, the postings as one flat Uint32Array that the bundle stores as raw bytes and hands back as a
 * view of the file (no parsing, no copy).
 *
 * MiniSearch.loadJS turns every posting into Map entries up front (~146k entries: most of the start-up
 * CPU and of the index's heap) and re-inserts every term into its radix tree. Here the tree is laid out
 * node for node as it was, in flat arrays (flat-radix.ts: same edges in the same order, so prefix and
 * fuzzy lookups enumerate terms exactly as SearchableMap does), its leaves hold term numbers, and a term's Map<field, Map<unit, freq>> is
 * a small view over the postings (FieldPostings), made when a query first touches the term. Ranking
 * cannot move: same data, same order.
 *
 * Postings layout for term t: postings[offsets[t] .. offsets[t + 1]) =
 *   fieldCount, then per field: fieldId, n, unit_1 .. unit_n, freq_1 .. freq_n   (in MiniSearch's order)
 */
import type MiniSearch from 'minisearch';
import type { AsPlainObject, Options } from 'minisearch';
import MiniSearchClass from 'minisearch';
import { FlatRadixTree, type TreeNode } from './flat-radix.js';

export type TermData = Map<number, Map<number, number>>;

export type { TreeNode };

export interface CompactTermIndex {
  tree: TreeNode;
  /** offsets[t] .. offsets[t + 1] is term t's slice of `postings`. */
  offsets: Uint32Array;
  postings: Uint32Array;
}

const LEAF = '';

interface MiniSearchInternals {
  _index: { _tree: Map<string, unknown>; [Symbol.iterator](): Iterator<[string, TermData]> } | LazyTermMap;
}

/**
 * Splits an index into everything but the terms (small JSON for MiniSearch.loadJS) and the compact
 * term index. The tree is taken from a loadJS round trip: that is the index every server has answered
 * from so far, and its term order is what ranking ties depend on.
 */
export function compactTermIndex(
  plain: AsPlainObject,
  options: Options<never>,
): { rest: AsPlainObject; terms: CompactTermIndex } {
  const loaded = MiniSearchClass.loadJS(plain, options) as unknown as MiniSearchInternals;
  const index = loaded._index as Exclude<MiniSearchInternals['_index'], LazyTermMap>;
  const numbers = new Map<string, number>();
  const offsets: number[] = [];
  const out: number[] = [];
  for (const [term, data] of index as Iterable<[string, TermData]>) {
    numbers.set(term, offsets.length);
    offsets.push(out.length);
    out.push(data.size);
    for (const [fieldId, freqs] of data) {
      out.push(fieldId, freqs.size);
      for (const unit of freqs.keys()) out.push(unit);
      for (const freq of freqs.values()) out.push(freq);
    }
  }
  offsets.push(out.length);
  const encode = (node: Map<string, unknown>, prefix: string): TreeNode => {
    const arr: TreeNode = [];
    for (const [label, child] of node) {
      arr.push(
        label,
        label === LEAF ? numbers.get(prefix)! : encode(child as Map<string, unknown>, prefix + label),
      );
    }
    return arr;
  };
  return {
    rest: { ...plain, index: [] },
    terms: {
      tree: encode(index._tree, ''),
      offsets: Uint32Array.from(offsets),
      postings: Uint32Array.from(out),
    },
  };
}

/** Decoded terms kept per process: a query touches tens of terms, a long session a few thousand. */
const DECODED_CACHE = 4096;

/**
 * Stands in for MiniSearch's private `_index` (a SearchableMap of term -> TermData) with the methods
 * MiniSearch's search path and our Vocabulary call. The index is read-only: adding documents to a
 * loaded index is not supported (nothing does).
 */
export class LazyTermMap {
  private readonly cache = new Map<number, TermData>();
  private readonly tree: FlatRadixTree;
  // Not the whole CompactTermIndex: its JSON tree (1 MB of nested arrays) is garbage once laid out.
  private readonly offsets: Uint32Array;
  private readonly postings: Uint32Array;

  constructor(index: CompactTermIndex) {
    this.tree = new FlatRadixTree(index.tree);
    this.offsets = index.offsets;
    this.postings = index.postings;
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  has(term: string): boolean {
    return this.tree.has(term);
  }

  get(term: string): TermData | undefined {
    const t = this.tree.get(term);
    return t === undefined ? undefined : this.decode(t);
  }

  *atPrefix(prefix: string): IterableIterator<[string, TermData]> {
    for (const [term, t] of this.tree.atPrefix(prefix)) yield [term, this.decode(t)];
  }

  fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]> {
    const out = new Map<string, [TermData, number]>();
    for (const [key, [t, distance]] of this.tree.fuzzyGet(term, maxDistance))
      out.set(key, [this.decode(t), distance]);
    return out;
  }

  *[Symbol.iterator](): IterableIterator<[string, TermData]> {
    for (const [term, t] of this.tree) yield [term, this.decode(t)];
  }

  private decode(t: number): TermData {
    const hit = this.cache.get(t);
    if (hit) return hit;
    const data = termView(this.postings, this.offsets[t]);
    // Oldest first out: Map keys iterate in insertion order.
    if (this.cache.size >= DECODED_CACHE) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(t, data);
    return data;
  }
}

/**
 * One field's postings of one term, read where they lie in the postings array: what MiniSearch's
 * scoring reads of a Map<unit, freq> (size, keys in order, get), without building one. Decoding
 * every touched term into Maps was most of a cold query's time and a steady share of the heap.
 */
export class FieldPostings {
  /** Where the next get() most likely looks: scoring walks keys() and gets each key in turn. */
  private next = 0;

  constructor(
    /** Read where they lie by the index scan (scan.ts): units at start.., frequencies at start + size.. */
    readonly postings: Uint32Array,
    readonly start: number,
    readonly size: number,
  ) {}

  keys(): IterableIterator<number> {
    return this.postings.subarray(this.start, this.start + this.size).values();
  }

  values(): IterableIterator<number> {
    return this.postings.subarray(this.start + this.size, this.start + 2 * this.size).values();
  }

  *entries(): IterableIterator<[number, number]> {
    for (let k = 0; k < this.size; k++) yield [this.postings[this.start + k], this.freqAt(k)];
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }

  has(unit: number): boolean {
    return this.find(unit) >= 0;
  }

  get(unit: number): number | undefined {
    const k = this.find(unit);
    return k < 0 ? undefined : this.freqAt(k);
  }

  private freqAt(k: number): number {
    return this.postings[this.start + this.size + k];
  }

  private find(unit: number): number {
    const { postings, start, size } = this;
    // from where the last lookup ended, wrapping round: O(1) for scoring's in-order walk
    for (let i = 0, k = this.next; i < size; i++, k = k + 1 === size ? 0 : k + 1) {
      if (postings[start + k] === unit) {
        this.next = k + 1 === size ? 0 : k + 1;
        return k;
      }
    }
    return -1;
  }
}

/** A term's Map<field, postings>, over the postings array (layout in the header comment). */
function termView(postings: Uint32Array, offset: number): TermData {
  const fields = new Map<number, FieldPostings>();
  let i = offset;
  for (let count = postings[i++]; count > 0; count--) {
    const fieldId = postings[i++];
    const n = postings[i++];
    fields.set(fieldId, new FieldPostings(postings, i, n));
    i += 2 * n;
  }
  return fields as unknown as TermData;
}

/** A MiniSearch over `rest` (see compactTermIndex) whose term index is the lazy one. */
export function loadCompactMiniSearch<T>(
  rest: AsPlainObject,
  terms: CompactTermIndex,
  options: Options<T>,
): MiniSearch<T> {
  const ms = MiniSearchClass.loadJS<T>(rest, options);
  (ms as unknown as MiniSearchInternals)._index = new LazyTermMap(terms);
  return ms;
}

/** Checks the shape of a compact index read from a file before anything indexes into it. */
export function validTermIndex(x: unknown): x is CompactTermIndex {
  const c = x as Partial<CompactTermIndex> | null;
  if (
    !c ||
    !Array.isArray(c.tree) ||
    !(c.offsets instanceof Uint32Array) ||
    !(c.postings instanceof Uint32Array)
  )
    return false;
  const { offsets, postings } = c as CompactTermIndex;
  if (offsets.length === 0 || offsets[offsets.length - 1] !== postings.length) return false;
  for (let t = 0; t + 1 < offsets.length; t++) if (offsets[t] > offsets[t + 1]) return false;
  return true;
}
