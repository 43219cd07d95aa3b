/**
 * Chaos: bounded abuse scenarios against the built binary (issue 16), each printing its numbers.
 * Not part of `npm test` (they take tens of seconds and load the machine); the fast regression of
 * each lives in test/reliability/abuse/.
 *
 *   npm run chaos                       # every scenario
 *   npm run chaos -- stdio-reader       # one scenario
 *   npm run chaos -- --bin /other/checkout/dist/bin.js stdio-reader   # compare with another build
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stdioReader } from './chaos/stdio-reader.js';
import { httpBatch } from './chaos/http-batch.js';
import { httpCpu } from './chaos/http-cpu.js';
import { sigterm, workerKill } from './chaos/cluster-drain.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { bin: { type: 'string' }, json: { type: 'boolean', default: false } },
});
const bin = resolve(values.bin ?? 'dist/bin.js');

const scenarios: Record<string, () => Promise<unknown>> = {
  'stdio-reader': () => stdioReader(bin),
  'worker-kill': () => workerKill(bin),
  sigterm: async () => ({ sse: await sigterm(bin), json: await sigterm(bin, ['--json-response']) }),
  'http-batch': async () => ({ batch20: await httpBatch(bin, 20), batch100: await httpBatch(bin, 100) }),
  'http-cpu': async () => ({ runs: await httpCpu(bin) }),
};

const chosen = positionals.length > 0 ? positionals : Object.keys(scenarios);
for (const name of chosen) {
  const run = scenarios[name];
  if (!run) {
    process.stderr.write(`unknown scenario ${name}; known: ${Object.keys(scenarios).join(', ')}\n`);
    process.exit(2);
  }
  process.stderr.write(`chaos: ${name} (${bin})\n`);
  const result = await run();
  process.stdout.write(
    values.json
      ? `${JSON.stringify({ name, ...(result as object) })}\n`
      : `${name}: ${JSON.stringify(result, null, 2)}\n`,
  );
}
