/**
 * The start-up profile's child process (run by startup-stages.ts as plain `node --expose-gc`, with no
 * tsx hooks, over the built dist/ modules): replays what dist/bin.js and the stdio server do, one stage
 * at a time, and prints the stages as one JSON line.
 *
 * The server path is the bundled stdio chunk dist/bin.js loads; the stage-by-stage calls then use
 * tsc's per-module dist/ (a harness cost, shown as its own row and not on the server's path). The
 * bundle sub-stages (read, checksum, parse) mirror src/corpus/bundle.ts (format 3: manifest line,
 * layout line, JSON, blobs; CRC-32 checksum); `loadBundle` is then called for real to check they add
 * up. The searches are the search tool's whole answer (operation, SDK versions, Markdown and
 * structured content), as the server computes it for a tools/call.
 *
 * Usage: node --expose-gc scripts/bench/startup-child.mjs <root folder URL>
 */
const bootCpu = process.cpuUsage();
const bootWall = performance.now();
const root = process.argv[2];
const stages = [];
const mem = () => {
  const m = process.memoryUsage();
  return { heap: m.heapUsed / 1048576, rss: m.rss / 1048576 };
};
stages.push({
  name: 'node boot (before first line)',
  wall: bootWall,
  cpu: (bootCpu.user + bootCpu.system) / 1000,
  ...mem(),
});
let wall = performance.now();
let cpu = process.cpuUsage();
const mark = (name) => {
  const now = performance.now();
  const used = process.cpuUsage(cpu);
  stages.push({ name, wall: now - wall, cpu: (used.user + used.system) / 1000, ...mem() });
  wall = performance.now();
  cpu = process.cpuUsage();
};

const { readdirSync, readFileSync } = await import('node:fs');
const { existsSync } = await import('node:fs');
const chunk = readdirSync(new URL('dist/chunks/', root)).find((f) => f.startsWith('serve-stdio-'));
const cjs = new URL('dist/chunks/stdio-server.cjs', root);
if (existsSync(cjs)) {
  // what dist/bin.js does once the handshake is answered (cli/stdio-fast.ts): the CommonJS bundle
  // through V8's code cache (this process runs with --expose-gc, kept on when the flags are restored)
  const { restoreStartFlags } = await import(`${root}dist/transports/heap-budget.js`);
  const { requireWithCodeCache } = await import(`${root}dist/cli/code-cache.js`);
  const { fileURLToPath } = await import('node:url');
  const { cache } = requireWithCodeCache(fileURLToPath(cjs), { restoreFlags: () => restoreStartFlags(true) });
  mark(
    `import: stdio server bundle (SDK, zod, our server), code cache ${cache === 'used' ? 'used' : 'absent (written at exit)'}`,
  );
} else if (chunk) {
  await import(`${root}dist/chunks/${chunk}`);
  mark('import: bundled stdio entry (SDK, zod, our server; what dist/bin.js loads)');
} else {
  await import(`${root}dist/cli/serve-stdio.js`);
  mark('import: stdio entry (unbundled dist/cli/serve-stdio.js)');
}
// The bundles carry the analyzer and passage fingerprints as constants (scripts/bundle.ts): so do these modules here.
const fingerprints = new URL('dist/fingerprints.json', root);
if (existsSync(fingerprints))
  for (const [name, value] of Object.entries(JSON.parse(readFileSync(fingerprints, 'utf8'))))
    globalThis[name] = JSON.parse(value);
const { createServer } = await import(`${root}dist/server/index.js`);
const { createSearcher } = await import(`${root}dist/search/index.js`);
const { createRuntime } = await import(`${root}dist/core/runtime.js`);
const { resolveCorpusFile } = await import(`${root}dist/lifecycle/corpus-location.js`);
const { loadBundle } = await import(`${root}dist/corpus/bundle.js`);
const { payloadChecksum } = await import(`${root}dist/corpus/checksum.js`);
const { OPERATIONS, parseInput } = await import(`${root}dist/core/operations/index.js`);
const { contextFor } = await import(`${root}dist/core/operations/operation.js`);
const { toolAnswer } = await import(`${root}dist/server/tools.js`);
mark('(harness) import per-module dist/ for the stage-by-stage calls');

const file = resolveCorpusFile();
let bytes = readFileSync(file);
mark('read: corpus file into a Buffer (replica)');
const nl = bytes.indexOf(10);
payloadChecksum(bytes.subarray(nl + 1));
mark('verify: CRC-32 of everything after the manifest line (replica)');
const nl2 = bytes.indexOf(10, nl + 1);
const layout = JSON.parse(bytes.toString('latin1', nl + 1, nl2));
JSON.parse(bytes.toString('utf8', nl2 + 1, nl2 + 1 + layout.json));
bytes = null;
mark('parse: JSON.parse of the payload (replica)');
const bundle = loadBundle(file);
mark('loadBundle (the real loader: read, verify, parse, unpack)');
const searcher = createSearcher(bundle.corpus, bundle.searchIndex);
mark('index ready: createSearcher (prebuilt term index)');
const runtime = createRuntime(bundle.corpus, searcher, { file, origin: 'custom' });
createServer(runtime);
mark('createRuntime + createServer');
const answer = async (query) =>
  toolAnswer(
    OPERATIONS.search,
    runtime,
    parseInput(OPERATIONS.search, { query }),
    await contextFor(OPERATIONS.search),
  );
await answer('SSO');
mark('first answer: search tool, "SSO" (in-process)');
await answer('how do I verify a webhook signature');
mark('second search (in-process)');

globalThis.gc?.();
const m = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    stages,
    heapUsedMiB: m.heapUsed / 1048576,
    rssMiB: m.rss / 1048576,
    indexSource: searcher.stats.source,
    indexReason: searcher.stats.reason,
  }),
);
