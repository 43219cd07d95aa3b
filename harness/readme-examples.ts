/**
 * README examples are real output. Each example block sits between markers naming the tool call:
 *
 *   <!-- readme-example workos_search {"query":"Okta SAML","limit":3} lines=12 -->
 *   <!-- prettier-ignore -->
 *   ```markdown
 *   …the first 12 lines of what the tool answers, then "…" when there is more…
 *   ```
 *   <!-- /readme-example -->
 *
 * `npm run readme:examples` rewrites every block from the bundled corpus through a real MCP client;
 * test/readme/examples.test.ts fails when a block no longer matches (ranking or formatting changed):
 * re-run the script, never edit a block by hand.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { Runtime } from '../src/core/runtime.js';
import { createServer } from '../src/server/create-server.js';

// `prettier-ignore` keeps the formatter from reflowing the Markdown inside the fence (it must stay verbatim).
const MARKER =
  /<!-- readme-example (\S+) (\{.*?\})(?: lines=(\d+))? -->\n(?:<!-- prettier-ignore -->\n)?```(\w*)\n([\s\S]*?)```\n\n?<!-- \/readme-example -->/g;

export interface ExampleBlock {
  tool: string;
  args: Record<string, unknown>;
  lines: number | undefined;
  fence: string;
  /** The block's current text (between the fences). */
  body: string;
  /** Where the whole marked block starts and ends in the README. */
  start: number;
  end: number;
}

export function findExamples(readme: string): ExampleBlock[] {
  return [...readme.matchAll(MARKER)].map((m) => ({
    tool: m[1],
    args: JSON.parse(m[2]) as Record<string, unknown>,
    lines: m[3] ? Number(m[3]) : undefined,
    fence: m[4],
    body: m[5],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** What a tool answers, cut to `lines` lines (then "…"), as it goes between the fences. */
export function excerpt(text: string, lines: number | undefined): string {
  const all = text.replace(/\s+$/, '').split('\n');
  const kept = lines !== undefined && all.length > lines ? [...all.slice(0, lines), '…'] : all;
  return `${kept.map((l) => l.replace(/\s+$/, '')).join('\n')}\n`;
}

/** Calls each example's tool through a real SDK client over an in-memory transport. */
export async function renderExamples(runtime: Runtime, blocks: ExampleBlock[]): Promise<string[]> {
  const server = createServer(runtime, { log: { stderr: () => undefined } });
  const [a, b] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'readme-examples', version: '0' });
  await server.connect(b);
  await client.connect(a);
  try {
    const out: string[] = [];
    for (const block of blocks) {
      const result = (await client.callTool({ name: block.tool, arguments: block.args })) as {
        content: { type: string; text?: string }[];
      };
      const text = result.content.map((c) => (c.type === 'text' ? (c.text ?? '') : '')).join('\n');
      out.push(excerpt(text, block.lines));
    }
    return out;
  } finally {
    await client.close();
  }
}

/** The README with every example block replaced by fresh output. */
export function applyExamples(readme: string, blocks: ExampleBlock[], bodies: string[]): string {
  let out = readme;
  // From the end, so earlier offsets stay valid.
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i];
    const head = `<!-- readme-example ${b.tool} ${JSON.stringify(b.args)}${b.lines !== undefined ? ` lines=${b.lines}` : ''} -->`;
    const block = `${head}\n<!-- prettier-ignore -->\n\`\`\`${b.fence}\n${bodies[i]}\`\`\`\n\n<!-- /readme-example -->`;
    out = out.slice(0, b.start) + block + out.slice(b.end);
  }
  return out;
}
