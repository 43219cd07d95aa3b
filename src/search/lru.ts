/**
 * A Map that keeps its `max` most recently used entries. The searcher's per-section caches (split
 * passages with their term sets, heading keys) are what a long session's memory grew by: every
 * section any question touched stayed for the life of the process (about 9 MiB after 1,000 calls).
 * Questions come back to the same few hundred sections, so a bounded cache keeps the speed and
 * bounds the memory.
 */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly max: number) {}

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      // most recent last: Map iterates in insertion order, so the first key is the oldest
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
  }

  clear(): void {
    this.map.clear();
  }
}
