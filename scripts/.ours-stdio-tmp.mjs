import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { loadRuntime } from '/work/main/dist/core/load-runtime.js';
import { createServer } from '/work/main/dist/server/index.js';
const rt = await loadRuntime();
await createServer(rt).connect(new StdioServerTransport());
