import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit` is the inner loop (npm run test:unit): our fixtures, in-process, no spawned
 * processes and no real corpus. `e2e` is everything that runs the built binary, a real client over
 * stdio/HTTP, the real corpus, fuzzing, soak and the packed tarball. `npm test` (and CI) runs both.
 */
const E2E = [
  'test/cli/**',
  'test/http/**',
  'test/reliability/**',
  'test/e2e/**',
  'test/contract/**',
  'test/eval/**',
  'test/server/inspector.test.ts',
  'test/server/stdio.test.ts',
  'test/server/real-corpus.test.ts',
  'test/server/loading.test.ts',
  'test/server/code-cache.test.ts',
  'test/server/project-stdio.test.ts',
  'test/core/project-versions.test.ts',
  'test/ingest/real-corpus.test.ts',
  'test/search/scan-real-corpus.test.ts',
  'test/ingest/build-command.test.ts',
  'test/sdk/update-cli.test.ts',
  'test/sdk/update-races.test.ts',
  'test/sdk/update-disk.test.ts',
  'test/sdk/bundled-corpus.test.ts',
  'test/lifecycle/surfaces/real-builders.test.ts',
  // The real corpus (each file loads and walks the 20 MB bundle).
  'test/core/clean-markdown.test.ts',
  'test/core/urls-read-back.test.ts',
  'test/core/load-runtime.test.ts',
  'test/readme/**',
  'test/sdk-api/real-corpus.test.ts',
  'test/sdk-api/check-tool.test.ts',
  'test/server/completions.test.ts',
  'test/server/prototype-names.test.ts',
  'test/server/toc-coverage.test.ts',
  // Spawned processes: the built server, the old package's client, real or stand-in npm.
  'test/server/project-stdio.test.ts',
  'test/server/old-client.test.ts',
  'test/sdk/offline-build.test.ts',
  'test/sdk/npm-client.test.ts',
];
const ALL = ['test/**/*.test.ts', 'src/**/*.test.ts', 'scripts/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two-core CI machines: too many forks thrash more than they help.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // In-process tests over our fixtures share one module graph per worker: importing the SDK,
        // zod, remark and TypeScript once per worker instead of once per file halves the unit run
        // (checked with the files in shuffled order). e2e files keep their own.
        test: { name: 'unit', include: ALL, exclude: E2E, isolate: false },
      },
      {
        extends: true,
        test: { name: 'e2e', include: E2E.map((p) => (p.endsWith('**') ? `${p}/*.test.ts` : p)) },
      },
    ],
  },
});
