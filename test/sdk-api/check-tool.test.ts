import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { realRuntime } from '../fixtures/real-runtime.js';
import { call, connect } from '../server/connect.js';

let client: Client;
beforeAll(async () => {
  client = await connect(await realRuntime());
});
afterAll(() => client.close());

describe('workos_check over MCP (real corpus)', () => {
  it('is listed read-only and answers unknown with the real name for portal.generateLink', async () => {
    const tool = (await client.listTools()).tools.find((t) => t.name === 'workos_check');
    expect(tool?.annotations).toEqual({ readOnlyHint: true, idempotentHint: true, openWorldHint: false });
    const r = await call(client, 'workos_check', {
      code: "const { link } = await workos.portal.generateLink({ organization: 'org_1', intent: 'sso' });",
    });
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent).toMatchObject({
      package: '@workos-inc/node',
      calls: [{ status: 'unknown', suggestion: 'adminPortal.generateLink', line: 1 }],
    });
    expect(r.text).toContain('adminPortal.generateLink');
  });

  it('bad input is an isError answer saying what to do', async () => {
    const big = await call(client, 'workos_check', { code: 'x'.repeat(150_000) });
    expect(big.isError).toBe(true);
    expect(big.text).toMatch(/reads up to 100 KB/);
    const binary = await call(client, 'workos_check', { code: '\u0000\u0001\u0002garbage' });
    expect(binary.isError).toBe(true);
  });
});
