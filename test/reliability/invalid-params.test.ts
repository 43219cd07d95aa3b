/**
 * Regression tests for defects the fuzzer found in request validation (src/server/invalid-params.ts):
 * malformed params came back as -32603 Internal error with a JSON dump of zod issues, and an argument
 * named `constructor` was refused (or crashed zod's record check when null).
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureRuntime } from '../fixtures/runtime.js';
import { connect } from '../server/connect.js';
import { rawRequest, textOf } from './helpers/mcp.js';

let client: Client;
beforeAll(async () => {
  client = await connect(fixtureRuntime());
});
afterAll(async () => {
  await client?.close();
});

describe('malformed request params get -32602 Invalid params in one line', () => {
  const cases: [string, string, unknown][] = [
    ['tools/call with array arguments', 'tools/call', { name: 'workos_search', arguments: ['sso'] }],
    ['tools/call with string arguments', 'tools/call', { name: 'workos_docs', arguments: 'sso' }],
    ['tools/call with a numeric tool name', 'tools/call', { name: 42, arguments: {} }],
    ['tools/call without params', 'tools/call', undefined],
    ['resources/read with a numeric uri', 'resources/read', { uri: 5 }],
    ['resources/read with an empty uri', 'resources/read', { uri: '' }],
    ['resources/read with a relative uri', 'resources/read', { uri: '../../etc/passwd' }],
    // The SDK's template matcher threw a plain Error past 1,000,000 characters (-32603; found by the fuzzer).
    [
      'resources/read with a 1 MB uri',
      'resources/read',
      { uri: `workos-docs://docs/${'a'.repeat(1_000_003)}` },
    ],
    ['prompts/get with array arguments', 'prompts/get', { name: 'setup-sso', arguments: ['okta'] }],
    ['completion/complete with no ref', 'completion/complete', { argument: { name: 'path', value: 's' } }],
  ];
  for (const [label, method, params] of cases) {
    it(label, async () => {
      const outcome = await rawRequest(client, method, params, 5_000);
      expect(outcome.kind).toBe('error');
      if (outcome.kind !== 'error') return;
      expect(outcome.code).toBe(-32602);
      expect(outcome.message).toContain(`Invalid params for ${method}`);
      expect(outcome.message).not.toContain('\n');
    });
  }
});

describe('an argument named "constructor" is ignored like any unknown argument', () => {
  for (const value of [null, {}, 'x', 0]) {
    it(`constructor: ${JSON.stringify(value)}`, async () => {
      const outcome = await rawRequest(
        client,
        'tools/call',
        { name: 'workos_search', arguments: { query: 'sso', constructor: value } },
        5_000,
      );
      expect(outcome.kind).toBe('result');
      if (outcome.kind !== 'result') return;
      expect(outcome.result.isError).not.toBe(true);
      expect(textOf(outcome.result).length).toBeGreaterThan(0);
    });
  }

  it('in prompt arguments too', async () => {
    const outcome = await rawRequest(
      client,
      'prompts/get',
      { name: 'setup-sso', arguments: { provider: 'okta-saml', constructor: null } },
      5_000,
    );
    expect(outcome.kind).toBe('result');
  });
});

describe('prototype-polluting argument keys', () => {
  it('a "__proto__" argument (as JSON.parse makes it) neither pollutes Object.prototype nor changes the answer', async () => {
    const args = JSON.parse('{"query":"sso","__proto__":{"polluted":"yes","isError":true}}') as Record<
      string,
      unknown
    >;
    const outcome = await rawRequest(client, 'tools/call', { name: 'workos_search', arguments: args }, 5_000);
    expect(outcome.kind).toBe('result');
    if (outcome.kind !== 'result') return;
    expect(outcome.result.isError).not.toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
