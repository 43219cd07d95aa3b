import { loadRuntime } from '/work/main/dist/core/load-runtime.js';
import { createServer } from '/work/main/dist/server/index.js';
import { searchDocs } from '/work/main/dist/core/search.js';
import { formatSearch } from '/work/main/dist/core/format/search.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { readFileSync } from 'node:fs';
const qs = JSON.parse(readFileSync('/work/main/test/eval/queries.json', 'utf8')).queries;
const rt = await loadRuntime();
const [a, b] = InMemoryTransport.createLinkedPair();
await createServer(rt).connect(a); const c = new Client({ name: 'x', version: '1' }); await c.connect(b);
const med = (x) => { x = [...x].sort((p, q) => p - q); return x[x.length >> 1]; };
const direct = [], core = [], mcp = [];
for (let r = 0; r < 3; r++) for (const q of qs) {
  let t = performance.now(); rt.searcher.search(q.query); direct.push(performance.now() - t);
  t = performance.now(); formatSearch(searchDocs(rt, { query: q.query }), 'mcp'); core.push(performance.now() - t);
  t = performance.now(); await c.request({ method: 'tools/call', params: { name: 'workos_search', arguments: { query: q.query } } }, CallToolResultSchema); mcp.push(performance.now() - t);
}
console.log('p50 searcher.search', med(direct).toFixed(2), 'core+format', med(core).toFixed(2), 'MCP in-memory', med(mcp).toFixed(2));
