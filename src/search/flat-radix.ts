/**
 * MiniSearch's radix tree of terms (its SearchableMap) over flat arrays, for a tree that is only read.
 *
 * Rebuilt as a SearchableMap, the corpus's 11k terms were ~25k JavaScript Maps: 2.75 MiB of the
 * server's live heap, and the Maps built at every start were young objects that survived scavenges
 * (copied, then promoted) while the corpus loaded. Here each node is a run of edges in two arrays, in
 * the order the tree's Maps held them, and every lookup walks them exactly as SearchableMap walks its
 * Maps: exact lookups, prefix enumeration (SearchableMap's TreeIterator visits a node's keys last
 * inserted first) and fuzzy matching (the same Levenshtein rows, keys first inserted first). Scores are
 * summed in enumeration order, so the same order is what keeps every answer the same
 * (test/search/flat-radix.test.ts compares both on random trees).
 */

/** A radix tree node as the bundle stores it: edge label, then a child node, or a term number under the label ''. */
export type TreeNode = (string | number | TreeNode)[];

const LEAF = '';

export class FlatRadixTree {
  /** Edge labels, a node's edges side by side in insertion order ('' marks the node's own term). */
  private readonly labels: string[];
  /** Child node of an edge, or the term number of a '' edge. */
  private readonly edges: Int32Array;
  /**
   * First edge of each node (node 0 is the root), plus one past the last edge: nodes are laid out in
   * id order, so node n's edges are first[n] .. first[n + 1].
   */
  private readonly first: Int32Array;

  constructor(root: TreeNode) {
    // Sized first, so loading allocates the arrays it keeps and little else (this runs at every start).
    let nodes = 0;
    let edgeCount = 0;
    const sizing: TreeNode[] = [root];
    while (sizing.length > 0) {
      const node = sizing.pop()!;
      nodes++;
      for (let i = 0; i + 1 < node.length; i += 2) {
        edgeCount++;
        if (node[i] !== LEAF) sizing.push(node[i + 1] as TreeNode);
      }
    }
    this.labels = new Array<string>(edgeCount);
    this.edges = new Int32Array(edgeCount);
    this.first = new Int32Array(nodes + 1);
    // Breadth first: a node's id is its place in the queue, its edges are laid out when it is reached.
    const queue: TreeNode[] = [root];
    let e = 0;
    for (let id = 0; id < queue.length; id++) {
      const node = queue[id];
      this.first[id] = e;
      for (let i = 0; i + 1 < node.length; i += 2, e++) {
        const label = node[i] as string;
        this.labels[e] = label;
        if (label === LEAF) this.edges[e] = node[i + 1] as number;
        else {
          this.edges[e] = queue.length;
          queue.push(node[i + 1] as TreeNode);
        }
      }
    }
    this.first[queue.length] = e;
  }

  get(key: string): number | undefined {
    const node = this.lookup(key);
    return node < 0 ? undefined : this.leafOf(node);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Terms starting with `prefix` and their numbers, in SearchableMap's `atPrefix(prefix)` order. */
  *atPrefix(prefix: string): IterableIterator<[string, number]> {
    const { node, pos } = this.follow(prefix);
    if (pos === prefix.length) {
      yield* this.walk(node, prefix);
      return;
    }
    // The prefix ends inside an edge: that edge's subtree, seen from the prefix.
    const rest = prefix.slice(pos);
    const end = this.first[node + 1];
    for (let e = this.first[node]; e < end; e++) {
      const label = this.labels[e];
      if (label !== LEAF && label.startsWith(rest)) {
        yield* this.walk(this.edges[e], prefix + label.slice(rest.length));
        return;
      }
    }
  }

  /** Every term, in SearchableMap's iteration order. */
  [Symbol.iterator](): IterableIterator<[string, number]> {
    return this.walk(0, '');
  }

  /**
   * Terms within `maxDistance` edits of `query` with their numbers and distances, in SearchableMap's
   * fuzzyGet order. fuzzyGet and recurse are MiniSearch 7.2's fuzzySearch (MIT, Luca Ongaro; itself
   * after http://stevehanov.ca/blog/?id=114) row for row, over the flat edges instead of Maps.
   */
  fuzzyGet(query: string, maxDistance: number): Map<string, [number, number]> {
    const results = new Map<string, [number, number]>();
    const n = query.length + 1;
    const m = n + maxDistance;
    const matrix = new Uint8Array(m * n).fill(maxDistance + 1);
    for (let j = 0; j < n; ++j) matrix[j] = j;
    for (let i = 1; i < m; ++i) matrix[i * n] = i;
    this.recurse(0, query, maxDistance, results, matrix, 1, n, '');
    return results;
  }

  private lookup(key: string): number {
    const { node, pos } = this.follow(key);
    return pos === key.length ? node : -1;
  }

  /**
   * SearchableMap's lookup and trackDown: from the root, follow whole edges while they fit `key`;
   * the node reached and how much of `key` its path spells.
   */
  private follow(key: string): { node: number; pos: number } {
    let node = 0;
    let pos = 0;
    next: while (pos < key.length) {
      const end = this.first[node + 1];
      for (let e = this.first[node]; e < end; e++) {
        const label = this.labels[e];
        if (label !== LEAF && key.startsWith(label, pos)) {
          node = this.edges[e];
          pos += label.length;
          continue next;
        }
      }
      break;
    }
    return { node, pos };
  }

  private leafOf(node: number): number | undefined {
    const end = this.first[node + 1];
    for (let e = this.first[node]; e < end; e++) if (this.labels[e] === LEAF) return this.edges[e];
    return undefined;
  }

  /** SearchableMap's TreeIterator: depth first, a node's keys last inserted first. */
  private *walk(node: number, path: string): IterableIterator<[string, number]> {
    for (let e = this.first[node + 1] - 1; e >= this.first[node]; e--) {
      const label = this.labels[e];
      if (label === LEAF) yield [path, this.edges[e]];
      else yield* this.walk(this.edges[e], path + label);
    }
  }

  private recurse(
    node: number,
    query: string,
    maxDistance: number,
    results: Map<string, [number, number]>,
    matrix: Uint8Array,
    m: number,
    n: number,
    prefix: string,
  ): void {
    const offset = m * n;
    const end = this.first[node + 1];
    edges: for (let e = this.first[node]; e < end; e++) {
      const key = this.labels[e];
      if (key === LEAF) {
        const distance = matrix[offset - 1];
        if (distance <= maxDistance) results.set(prefix, [this.edges[e], distance]);
        continue;
      }
      let i = m;
      for (let pos = 0; pos < key.length; ++pos, ++i) {
        const char = key[pos];
        const thisRowOffset = n * i;
        const prevRowOffset = thisRowOffset - n;
        let minDistance = matrix[thisRowOffset];
        const jmin = Math.max(0, i - maxDistance - 1);
        const jmax = Math.min(n - 1, i + maxDistance);
        for (let j = jmin; j < jmax; ++j) {
          const different = char !== query[j];
          const rpl = matrix[prevRowOffset + j] + +different;
          const del = matrix[prevRowOffset + j + 1] + 1;
          const ins = matrix[thisRowOffset + j] + 1;
          const dist = (matrix[thisRowOffset + j + 1] = Math.min(rpl, del, ins));
          if (dist < minDistance) minDistance = dist;
        }
        if (minDistance > maxDistance) continue edges;
      }
      this.recurse(this.edges[e], query, maxDistance, results, matrix, i, n, prefix + key);
    }
  }
}
