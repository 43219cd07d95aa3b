import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createHeapBudget, GROWTH_BYTES, SERVER_GROWTH_BYTES } from '../../src/transports/heap-budget.js';

/** A full collection now, so the start line is live data only (the unit project shares one process). */
function collectNow(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

const turn = () => new Promise((r) => setImmediate(r));

describe('heap budget', () => {
  it('collects once the heap has grown by the budget since the last collection, not before', async () => {
    collectNow();
    const budget = createHeapBudget();
    budget.answered(); // the start line
    await turn();
    const before = budget.collections;
    expect(before).toBe(0);
    // a little garbage: no collection
    let keep: number[][] = Array.from({ length: 100 }, () => new Array(100).fill(1));
    budget.answered();
    await turn();
    expect(budget.collections).toBe(before);
    // more than the budget, still reachable while answered() looks
    keep = Array.from({ length: Math.ceil((GROWTH_BYTES * 1.5) / 8 / 1000) }, () =>
      new Array(1000).fill(1.5),
    );
    budget.answered();
    budget.answered(); // one collection per crossing, however often it is told
    expect(keep.length).toBeGreaterThan(0);
    keep = [];
    await turn();
    expect(budget.collections).toBe(before + 1);
    // the collection freed it: the next answer needs no other
    budget.answered();
    await turn();
    expect(budget.collections).toBe(before + 1);
  });

  it('collects after the first answer once the corpus has loaded, then counts from there', async () => {
    collectNow();
    const budget = createHeapBudget();
    budget.answered(); // an answer while the corpus loads: no collection
    await turn();
    expect(budget.collections).toBe(0);
    budget.loaded();
    expect(budget.collections).toBe(0); // not before the answer is out
    budget.answered();
    await turn();
    expect(budget.collections).toBe(1);
    budget.answered();
    await turn();
    expect(budget.collections).toBe(1);
  });

  it('waits for the larger growth a server sets before collecting', async () => {
    collectNow();
    const budget = createHeapBudget();
    budget.setGrowth(SERVER_GROWTH_BYTES);
    budget.answered(); // the start line
    await turn();
    // past the stdio budget but short of the server's: no collection
    let keep: number[][] = Array.from({ length: Math.ceil((GROWTH_BYTES * 1.5) / 8 / 1000) }, () =>
      new Array(1000).fill(1.5),
    );
    budget.answered();
    await turn();
    expect(budget.collections).toBe(0);
    // past the server's budget too
    keep = keep.concat(
      Array.from({ length: Math.ceil(SERVER_GROWTH_BYTES / 8 / 1000) }, () => new Array(1000).fill(2.5)),
    );
    budget.answered();
    expect(keep.length).toBeGreaterThan(0);
    keep = [];
    await turn();
    expect(budget.collections).toBe(1);
  });
});
