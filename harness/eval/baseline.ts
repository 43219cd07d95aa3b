/**
 * The package we replace, as a baseline: spawn `@workos/mcp-docs-server` over stdio with the MCP
 * SDK client, call its `workos_search`, and read doc paths back out of its Markdown answer
 * (`## 📄 sso/index` headings).
 */
import { createRequire } from 'node:module';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { type EvalQuery, normalizePath } from './evaluate.js';

export interface BaselineRun {
  rankings: Map<string, string[]>;
  latencies: number[];
  /** The tool's input schema as the old server lists it (checked, not assumed). */
  inputSchema: unknown;
  errors: number;
}

export function oldServerEntry(): string {
  // the package's "exports" only exposes its main entry, which is the server itself
  return createRequire(import.meta.url).resolve('@workos/mcp-docs-server');
}

/** Paths in the order the old server printed them. */
export function parseOldResults(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^## \u{1F4C4} (.+)$/gmu)) out.push(normalizePath(m[1]));
  return out;
}

export async function runOldServer(queries: readonly EvalQuery[], maxResults = 10): Promise<BaselineRun> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [oldServerEntry()],
    stderr: 'ignore',
  });
  const client = new Client({ name: 'workos-docs-mcp-bench', version: '0.0.0' });
  await client.connect(transport);
  try {
    const tools = await client.listTools();
    const tool = tools.tools.find((t) => t.name === 'workos_search');
    if (!tool) throw new Error('old server has no workos_search tool');
    const rankings = new Map<string, string[]>();
    const latencies: number[] = [];
    let errors = 0;
    for (const q of queries) {
      const t0 = performance.now();
      let paths: string[] = [];
      try {
        const res = await client.callTool({
          name: 'workos_search',
          arguments: { query: q.query, maxResults },
        });
        const content = (res.content ?? []) as { type: string; text?: string }[];
        paths = parseOldResults(content.map((c) => c.text ?? '').join('\n'));
      } catch {
        // the old server reports "No results found" as a protocol error
        errors++;
      }
      latencies.push(performance.now() - t0);
      rankings.set(q.id, paths);
    }
    return { rankings, latencies, inputSchema: tool.inputSchema, errors };
  } finally {
    await client.close();
  }
}
