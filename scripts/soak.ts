/**
 * Soak: many mixed MCP calls in one process over the real corpus (the run itself: harness/soak.ts).
 *
 *   npm run soak                     # 100,000 calls
 *   npm run soak -- --calls 20000 --concurrency 16 --seed 7 --json
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatSoak, runSoak } from '../harness/soak.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      calls: { type: 'string', default: '100000' },
      concurrency: { type: 'string', default: '8' },
      seed: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
    },
  });
  const calls = Number(values.calls);
  const concurrency = Number(values.concurrency);
  const seed = Number(values.seed);
  if (
    ![calls, concurrency, seed].every((n) => Number.isInteger(n) && n >= 0) ||
    calls < 1 ||
    concurrency < 1
  ) {
    throw new Error('--calls and --concurrency must be positive whole numbers, --seed a whole number');
  }
  const result = await runSoak({ calls, concurrency, seed, log: (l) => process.stderr.write(`${l}\n`) });
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatSoak(result)}\n`);
  if (result.failures > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`soak: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
