import { describe, expect, it } from 'vitest';
import { downgradeResult } from '../../src/server/protocol-downgrade.js';

const tool = {
  name: 't',
  title: 'T',
  description: 'd',
  inputSchema: { type: 'object' },
  outputSchema: { type: 'object' },
  annotations: { readOnlyHint: true },
};
const link = { type: 'resource_link', uri: 'workos-docs://docs/sso', name: 'sso', title: 'SSO' };

describe('answers follow the negotiated protocol version', () => {
  it('leaves current clients alone', () => {
    expect(downgradeResult('tools/list', { tools: [tool] }, '2025-11-25')).toEqual({ tools: [tool] });
    expect(
      downgradeResult('prompts/get', { messages: [{ role: 'user', content: link }] }, '2025-06-18'),
    ).toEqual({
      messages: [{ role: 'user', content: link }],
    });
  });

  it('2025-03-26 keeps tool annotations but not title, outputSchema or structuredContent', () => {
    expect(downgradeResult('tools/list', { tools: [tool] }, '2025-03-26')).toEqual({
      tools: [
        { name: 't', description: 'd', inputSchema: { type: 'object' }, annotations: { readOnlyHint: true } },
      ],
    });
    expect(
      downgradeResult('tools/call', { content: [link], structuredContent: { a: 1 } }, '2025-03-26'),
    ).toEqual({ content: [{ type: 'text', text: 'SSO: workos-docs://docs/sso' }] });
  });

  it('2024-11-05 also loses annotations and the completions capability', () => {
    expect(downgradeResult('tools/list', { tools: [tool] }, '2024-11-05').tools).toEqual([
      { name: 't', description: 'd', inputSchema: { type: 'object' } },
    ]);
    expect(
      downgradeResult(
        'initialize',
        {
          protocolVersion: '2024-11-05',
          capabilities: { completions: {}, tools: {} },
          serverInfo: { name: 'n', version: '1', title: 'N', websiteUrl: 'https://x' },
        },
        '2024-11-05',
      ),
    ).toEqual({
      protocolVersion: '2024-11-05',
      capabilities: { tools: {} },
      serverInfo: { name: 'n', version: '1' },
    });
  });
});
