import { describe, expect, it } from 'vitest';
import { Lru } from '../../src/search/lru.js';

describe('Lru', () => {
  it('keeps the most recently used entries, evicting the least recently used', () => {
    const lru = new Lru<number, string>(2);
    lru.set(1, 'a');
    lru.set(2, 'b');
    expect(lru.get(1)).toBe('a'); // 1 is now the most recent
    lru.set(3, 'c');
    expect(lru.get(2)).toBeUndefined();
    expect(lru.get(1)).toBe('a');
    expect(lru.get(3)).toBe('c');
    expect(lru.size).toBe(2);
  });

  it('replaces a key without growing', () => {
    const lru = new Lru<string, number>(2);
    lru.set('x', 1);
    lru.set('x', 2);
    lru.set('y', 3);
    expect(lru.size).toBe(2);
    expect(lru.get('x')).toBe(2);
  });
});
