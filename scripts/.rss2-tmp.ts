import { loadEvalSet } from '../test/eval/evaluate.js';
import { callTool, rssBytes, startServer, oursSpec, type ServerSpec } from './bench/servers.js';
import { buildWorkload } from './bench/workload.js';
const calls = buildWorkload(loadEvalSet(), { passes: 2, totalCalls: 1000 });
const TOOL = { search: 'workos_search', 'search@10': 'workos_search', docs: 'workos_docs', examples: 'workos_examples', changelogs: 'workos_changelogs' } as const;
const variants: [string, ServerSpec][] = [
  ['lazy', oursSpec([process.execPath, '/tmp/benchdev/lazy-bin.mjs'])],
  ['lazy semi=1', oursSpec([process.execPath, '--max-semi-space-size=1', '/tmp/benchdev/lazy-bin.mjs'])],
  ['lazy semi=4', oursSpec([process.execPath, '--max-semi-space-size=4', '/tmp/benchdev/lazy-bin.mjs'])],
];
for (const [name, spec] of variants) {
  const s = await startServer(spec);
  await callTool(s, 'workos_search', spec.searchArgs('SSO'));
  const a = rssBytes(s.pid)! / 1048576;
  const t0 = performance.now();
  for (const c of calls) {
    const args = c.kind === 'search' ? spec.searchArgs(c.input) : c.kind === 'search@10' ? spec.searchArgs(c.input, 10) : c.kind === 'docs' ? spec.docArgs(c.input) : c.kind === 'examples' ? spec.examplesArgs(c.input) : spec.changelogArgs();
    await callTool(s, TOOL[c.kind], args);
  }
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 200));
  console.log(name.padEnd(14), 'RSS start', a.toFixed(1), 'after', calls.length, 'calls', (rssBytes(s.pid)! / 1048576).toFixed(1), 'MiB; calls took', (ms / 1000).toFixed(1), 's');
  await s.close();
}
