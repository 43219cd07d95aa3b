/**
 * A client may write its requests and close stdin at once (`echo '{...}' | workos-docs-mcp`, shell
 * scripts, some launchers). Closing means "answer, then go": the answers must still arrive, and the
 * process must still exit within the 2 s lifecycle bound.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltBin, runBin } from './helpers/spawn.js';

beforeAll(() => requireBuiltBin());

const request = (id: number, name: string, args: object) =>
  JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });

describe('stdin closing right after requests', () => {
  it('answers every request already written, then exits 0', async () => {
    const input = [
      request(1, 'workos_search', { query: 'verify webhook signature', limit: 2 }),
      request(2, 'workos_docs', { path: 'sso/jit-provisioning', maxTokens: 800 }),
    ].join('\n');
    const run = await runBin([], { input: `${input}\n`, timeoutMs: 15_000 });
    const answers = run.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { id?: number; result?: { isError?: boolean } });
    expect(run.code).toBe(0);
    expect(answers.map((a) => a.id).sort()).toEqual([1, 2]);
    expect(answers.every((a) => a.result && !a.result.isError)).toBe(true);
  });
});
