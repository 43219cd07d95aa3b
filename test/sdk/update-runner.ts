/**
 * One `update` in its own process, against the fake registry (test/sdk/update-races.test.ts):
 *   node --import tsx test/sdk/update-runner.ts <registry-url> <cache-dir> [hold]
 * With `hold`, it prints "building" once it is inside the build (holding the update lock) and waits
 * for a line on stdin before building, so a test can start a second update at a known moment or
 * kill this one there. Prints the result as one JSON line; a failure is its message on stderr, exit 1.
 */
import { buildCorpus } from '../../src/lifecycle/build.js';
import { runUpdate } from '../../src/lifecycle/update.js';
import { httpFetcher } from '../../src/ingest/sdk/fetchers.js';
import { httpRegistry } from '../../src/ingest/sdk/registry.js';
import { fakeUpdateManifest } from './helpers.js';

const [registryUrl, cacheDir, hold] = process.argv.slice(2);

function nextLine(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.once('data', () => {
      process.stdin.pause();
      resolve();
    });
  });
}

runUpdate(
  {
    cacheDir,
    registry: httpRegistry(registryUrl),
    fetcher: httpFetcher(),
    manifest: fakeUpdateManifest(),
    current: [],
    build: async (options) => {
      if (hold) {
        process.stdout.write('building\n');
        await nextLine();
      }
      return buildCorpus(options);
    },
  },
  { force: true },
).then(
  (result) => {
    process.stdout.write(
      `${JSON.stringify({ status: result.status, file: 'file' in result ? result.file : undefined })}\n`,
    );
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
