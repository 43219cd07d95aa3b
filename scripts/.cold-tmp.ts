import { coldStart } from './bench/cold-start.js';
import { oldSpec, oursSpec, type ServerSpec } from './bench/servers.js';
import { median } from './bench/stats.js';
const variants: [string, ServerSpec][] = [
  ['ours dist/bin.js', oursSpec()],
  ['ours lazy shim', { ...oursSpec([process.execPath, '/tmp/benchdev/lazy-bin.mjs']), id: 'lazy' as 'ours' }],
  ['SDK 1.32 floor', { ...oursSpec([process.execPath, 'scripts/.floor-tmp.mjs']), id: 'floor' as 'ours' }],
  ['old', oldSpec()],
];
const res = await coldStart(variants.map((v) => v[1]), Number(process.argv[2] ?? 5), () => undefined);
for (const [name, spec] of variants) {
  const r = res.get(spec.id)!;
  console.log(name.padEnd(20), 'tools/list', median(r.toolsList).toFixed(0), 'first search wall', median(r.firstSearch).toFixed(0), 'cpu', median(r.firstSearchCpu).toFixed(0));
}
