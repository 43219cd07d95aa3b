import { readFileSync, writeFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { miniSearchOptions } from '/work/main/dist/search/index-build.js';
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const mode = process.argv[2];
if (mode === 'make') {
  const t = readFileSync('data/corpus.json', 'utf8'); const p = JSON.parse('{' + t.slice(t.indexOf('\n') + 1));
  const js = p.searchIndex.index;
  writeFileSync('/tmp/benchdev/idx-orig.json', JSON.stringify(js));
  // compact: postings as flat number arrays per field; terms in sorted order
  const compact = { ...js, index: js.index.map(([term, data]) => [term, Object.entries(data).map(([f, m]) => [Number(f), Object.entries(m).flatMap(([d, tf]) => [Number(d), tf])])]) };
  writeFileSync('/tmp/benchdev/idx-compact.json', JSON.stringify(compact));
  process.exit(0);
}
const text = readFileSync(mode === 'orig' ? '/tmp/benchdev/idx-orig.json' : '/tmp/benchdev/idx-compact.json', 'utf8');
let c0 = cpu(); const js = JSON.parse(text); const parse = cpu() - c0;
c0 = cpu();
let ms;
if (mode === 'orig') ms = MiniSearch.loadJS(js, miniSearchOptions());
else {
  ms = MiniSearch.loadJS({ ...js, index: [] }, miniSearchOptions());
  const idx = ms._index;
  for (const [term, fields] of js.index) {
    const dataMap = new Map();
    for (const [f, flat] of fields) { const m = new Map(); for (let i = 0; i < flat.length; i += 2) m.set(flat[i], flat[i + 1]); dataMap.set(f, m); }
    idx.set(term, dataMap);
  }
}
const load = cpu() - c0;
const r = ms.search('webhook signature').slice(0, 3).map((x) => x.id);
console.log(JSON.stringify({ mode, bytes: text.length, parse, load, r }));
