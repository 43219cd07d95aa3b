import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { miniSearchOptions } from '/work/main/dist/search/index-build.js';
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const js = JSON.parse(readFileSync('/tmp/benchdev/idx-compact.json', 'utf8'));
let c0 = cpu(); const maps = [];
for (const [term, fields] of js.index) { const dataMap = new Map(); for (const [f, flat] of fields) { const m = new Map(); for (let i = 0; i < flat.length; i += 2) m.set(flat[i], flat[i + 1]); dataMap.set(f, m); } maps.push([term, dataMap]); }
const mapsMs = cpu() - c0;
c0 = cpu(); const ms = MiniSearch.loadJS({ ...js, index: [] }, miniSearchOptions()); const inst = cpu() - c0;
c0 = cpu(); for (const [t, d] of maps) ms._index.set(t, d); const tree = cpu() - c0;
console.log(JSON.stringify({ mapsMs, inst, tree }));
