import { callTool, rssBytes, startServer } from './bench/servers.js';
import { oldSpec, oursSpec } from './bench/servers.js';
for (const [name, spec] of [['floor', oursSpec([process.execPath, 'scripts/.floor-tmp.mjs'])], ['lazy', oursSpec([process.execPath, '/tmp/benchdev/lazy-bin.mjs'])], ['ours', oursSpec()], ['old', oldSpec()]] as const) {
  const s = await startServer(spec);
  await callTool(s, 'workos_search', spec.searchArgs('SSO'));
  await new Promise((r) => setTimeout(r, 300));
  const a = rssBytes(s.pid)! / 1048576;
  await new Promise((r) => setTimeout(r, 5000));
  const b = rssBytes(s.pid)! / 1048576;
  console.log(name.padEnd(8), 'RSS after first search', a.toFixed(1), 'MiB; after 5 s idle', b.toFixed(1));
  await s.close();
}
