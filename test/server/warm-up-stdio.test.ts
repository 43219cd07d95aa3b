/**
 * The stdio server warms itself up while its client is quiet (cli/serve-stdio.ts). What it answers
 * afterwards must not depend on that: the warm-up fills caches, it never changes an answer.
 */
import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ensureBuilt, ROOT } from '../fixtures/built.js';

const QUESTIONS = [
  'verify a webhook signature',
  'how long is a magic link valid',
  'list directory groups in Ruby',
  'organizations.createOrganization',
  'why do users get signed out',
];

/** The answers to QUESTIONS after a quiet spell that follows the first answer. */
async function answersAfterQuiet(env: Record<string, string>): Promise<string[]> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [ensureBuilt()],
    cwd: ROOT,
    env: { ...process.env, ...env } as Record<string, string>,
    stderr: 'ignore',
  });
  const client = new Client({ name: 'warm-up-test', version: '0.0.0' });
  await client.connect(transport);
  try {
    await client.callTool({ name: 'workos_search', arguments: { query: 'SSO' } });
    await new Promise((r) => setTimeout(r, 1_500));
    const out: string[] = [];
    for (const query of QUESTIONS) {
      const result = (await client.callTool({
        name: 'workos_search',
        arguments: { query },
      })) as CallToolResult;
      out.push(JSON.stringify([result.content, result.structuredContent]));
    }
    return out;
  } finally {
    await client.close();
  }
}

describe('warm-up over stdio', () => {
  it('answers after a quiet spell exactly as a server that did not warm up', async () => {
    const warm = await answersAfterQuiet({});
    const cold = await answersAfterQuiet({ WORKOS_DOCS_MCP_NO_WARM_UP: '1' });
    expect(warm[0]).toContain('webhooks');
    expect(warm).toEqual(cold);
  }, 30_000);
});
