import { loadRuntime } from '/work/main/dist/core/load-runtime.js';
import { searchDocs } from '/work/main/dist/core/search.js';
import { formatSearch } from '/work/main/dist/core/format/search.js';
import { readFileSync } from 'node:fs';
const qs = JSON.parse(readFileSync('/work/main/test/eval/queries.json', 'utf8')).queries;
const rt = await loadRuntime();
for (const q of qs) formatSearch(searchDocs(rt, { query: q.query }), 'mcp');
const { Session } = await import('node:inspector/promises');
const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start');
const lat = [];
for (let r = 0; r < 3; r++) for (const q of qs) { const t = performance.now(); formatSearch(searchDocs(rt, { query: q.query }), 'mcp'); lat.push(performance.now() - t); }
const { profile } = await s.post('Profiler.stop');
(await import('node:fs')).mkdirSync('/tmp/benchdev/sprof', { recursive: true });
(await import('node:fs')).writeFileSync('/tmp/benchdev/sprof/p.cpuprofile', JSON.stringify(profile));
lat.sort((a, b) => a - b); console.log('p50', lat[lat.length >> 1].toFixed(2), 'p95', lat[Math.floor(lat.length * 0.95)].toFixed(2));
