import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { FlatRadixTree, type TreeNode } from '../../src/search/flat-radix.js';

/** A small deterministic PRNG, so a failure names a seed that reproduces it. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ALPHABET = 'aeiorstnlcu_.-/';

function word(r: () => number, max = 9): string {
  const n = 1 + Math.floor(r() * max);
  let w = '';
  for (let i = 0; i < n; i++) w += ALPHABET[Math.floor(r() * ALPHABET.length)];
  return w;
}

/** The tree as the bundle stores it (compact-index.ts compactTermIndex's encoding of SearchableMap's Maps). */
function encode(node: Map<string, unknown>): TreeNode {
  const out: TreeNode = [];
  for (const [label, child] of node)
    out.push(label, label === '' ? (child as number) : encode(child as Map<string, unknown>));
  return out;
}

function pair(
  seed: number,
  size: number,
): { map: SearchableMap<number>; flat: FlatRadixTree; words: string[] } {
  const r = rng(seed);
  const map = new SearchableMap<number>();
  const words: string[] = [];
  // Insertion order is random (as in an index built document by document); some words share prefixes.
  for (let i = 0; i < size; i++) {
    const base = words.length > 0 && r() < 0.5 ? words[Math.floor(r() * words.length)] : '';
    const w = (r() < 0.5 ? base.slice(0, Math.floor(r() * base.length)) : base) + word(r);
    if (!map.has(w)) {
      map.set(w, words.length);
      words.push(w);
    }
  }
  const tree = (map as unknown as { _tree: Map<string, unknown> })._tree;
  return { map, flat: new FlatRadixTree(encode(tree)), words };
}

describe('FlatRadixTree answers exactly as SearchableMap', () => {
  for (const seed of [1, 7, 42, 2026]) {
    it(`on a random tree (seed ${seed}): get, has, atPrefix and fuzzyGet, same order`, () => {
      const { map, flat, words } = pair(seed, 600);
      const r = rng(seed + 1);
      expect([...flat]).toEqual([...map]);
      const probes = [...words.slice(0, 200), ...Array.from({ length: 200 }, () => word(r, 7)), ''];
      for (const w of probes) {
        expect(flat.get(w)).toBe(map.get(w));
        expect(flat.has(w)).toBe(map.has(w));
        for (const cut of [0, 1, 2, Math.floor(w.length / 2), w.length]) {
          const prefix = w.slice(0, cut);
          expect([...flat.atPrefix(prefix)]).toEqual([...map.atPrefix(prefix)]);
        }
        if (w.length > 0)
          for (const d of [1, 2]) expect([...flat.fuzzyGet(w, d)]).toEqual([...map.fuzzyGet(w, d)]);
      }
    });
  }

  it('an empty tree has no terms', () => {
    const flat = new FlatRadixTree([]);
    expect([...flat]).toEqual([]);
    expect(flat.get('a')).toBeUndefined();
    expect([...flat.atPrefix('a')]).toEqual([]);
    expect(flat.fuzzyGet('a', 1).size).toBe(0);
  });
});
