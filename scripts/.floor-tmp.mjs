// The floor of any server on MCP SDK 1.32: McpServer + stdio, one trivial workos_search tool, no data.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
const s = new McpServer({ name: 'floor', version: '0' });
s.registerTool('workos_search', { inputSchema: { query: z.string() } }, async ({ query }) => ({ content: [{ type: 'text', text: query }] }));
await s.connect(new StdioServerTransport());
