import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../src/corpus/map-limit.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('mapLimit (the one worker pool)', () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n, i) => {
      running += 1;
      most = Math.max(most, running);
      for (let k = 0; k < n; k++) await tick();
      running -= 1;
      return `${i}:${n}`;
    });
    expect(out).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3']);
    expect(most).toBe(2);
  });

  it('rejects with the first error and starts no new call after it', async () => {
    const started: number[] = [];
    const run = mapLimit([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      await tick();
      if (n === 2) throw new Error('registry down');
      return n;
    });
    await expect(run).rejects.toThrow('registry down');
    await tick();
    expect(started.length).toBeLessThan(6);
  });

  it('answers an empty list at once', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
  });
});
