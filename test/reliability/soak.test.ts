/**
 * The CI variant of `npm run soak`: a few thousand mixed calls in one process, no failure, and memory
 * that does not grow with the number of calls (live heap after GC, and RSS).
 */
import { describe, expect, it } from 'vitest';
import { formatSoak, runSoak } from '../../harness/soak.js';
import { loadRuntime } from '../../src/lifecycle/load-runtime.js';
import { bundledCorpusFile } from '../../src/lifecycle/corpus-location.js';
import { fuzzRuns, report } from './helpers/report.js';

const CALLS = fuzzRuns(2000) * (process.env.RELIABILITY_FUZZ_RUNS ? 10 : 1);

describe('soak (short CI variant)', () => {
  it(`${CALLS} mixed calls: no failure, bounded memory`, async () => {
    const runtime = await loadRuntime({ corpusFile: bundledCorpusFile() });
    const seed = Date.now() % 100_000;
    const result = await runSoak({ calls: CALLS, runtime, seed, warmup: 300 });
    report(
      'soak',
      `seed ${seed} (replay: npm run soak -- --calls ${CALLS} --seed ${seed})\n${formatSoak(result)}`,
    );
    expect(result.failureSamples).toEqual([]);
    expect(result.failures).toBe(0);
    expect(result.calls).toBe(CALLS);
    // Live data after GC must stay flat; a leak of even 5 KB per call would show as ~10 MiB here.
    expect(result.heapMiB.end - result.heapMiB.start).toBeLessThan(8);
    expect(result.rssMiB.end - result.rssMiB.start).toBeLessThan(200);
    // Its own time limit: the calls take 20 s on a quiet machine and over 60 s on a shared one.
  }, 300_000);
});
