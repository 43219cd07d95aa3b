// Issue 16 item 9: names that exist on every object's prototype are user input like any other.
// Lookups keyed by them must miss cleanly: no -32603, no "[object Undefined]", no function used as a value.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeLanguage } from '../../src/core/language.js';
import { realClient } from './connect.js';

const NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
];

let client: Client;
beforeAll(async () => ({ client } = await realClient()));

describe('prototype property names as user input', () => {
  it('are not SDK languages', () => {
    for (const name of NAMES) expect(() => normalizeLanguage(name), name).toThrow(/language/i);
  });

  it('workos_docs with such a language answers isError naming the known languages', async () => {
    for (const name of NAMES) {
      const res = (await client.callTool({
        name: 'workos_docs',
        arguments: { path: 'reference/organization/create', language: name },
      })) as { isError?: boolean; content: { text: string }[] };
      expect(res.isError, name).toBe(true);
      expect(res.content[0].text, name).toMatch(/python/);
    }
  });

  it('completion of the doc template with such an argument name gives no values, not an error', async () => {
    for (const name of NAMES) {
      const { completion } = await client.complete({
        ref: { type: 'ref/resource', uri: 'workos-docs://docs/{+path}' },
        argument: { name, value: 'x' },
      });
      expect(completion.values, name).toEqual([]);
    }
  });
});

describe('prototype property names through the examples filter', () => {
  it('workos_examples with such a language answers without crashing', async () => {
    for (const name of NAMES) {
      const res = (await client.callTool({
        name: 'workos_examples',
        arguments: { query: 'create organization', language: name },
      })) as { content: { text: string }[] };
      expect(res.content[0].text, name).not.toMatch(/function|\[object/);
    }
  });
});
