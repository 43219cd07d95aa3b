const { loadRuntime } = await import('/work/main/dist/core/load-runtime.js');
const { createServer } = await import('/work/main/dist/server/index.js');
await import('@modelcontextprotocol/sdk/server/stdio.js');
const rt = await loadRuntime();
createServer(rt);
rt.searcher.search('SSO');
