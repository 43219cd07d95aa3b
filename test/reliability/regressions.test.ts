/**
 * Regression tests for crashes the reliability fuzzers found in the operation layer.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitOversized } from '../../src/core/paginate.js';
import { tableOfContents } from '../fixtures/operations.js';
import { fixtureRuntime } from '../fixtures/runtime.js';
import { call, connect } from '../server/connect.js';
import { hygieneProblems } from './helpers/hygiene.js';

describe('pagination with a tiny or broken budget (found by fuzz-cli: `read --max-tokens 1` killed the process)', () => {
  // Before the fix a limit <= 0 made the line cutter push empty pieces forever until V8 aborted
  // with "Fatal JavaScript invalid size error": a whole-process crash, not an exception.
  it('splitOversized terminates and keeps every word for any limit', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 3000 }),
        fc.oneof(fc.integer({ min: -5000, max: 300 }), fc.constantFrom(NaN, -Infinity, Infinity, 0.5)),
        (text, limit) => {
          const pieces = splitOversized(text, limit);
          expect(pieces.join(' ').split(/\s+/).join('')).toBe(text.split(/\s+/).join(''));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the table of contents answers at the smallest maxTokens', () => {
    const runtime = fixtureRuntime();
    for (const maxTokens of [1, 0, -1, 500, 779]) {
      const toc = tableOfContents(runtime, { maxTokens });
      expect(toc.markdown.length).toBeGreaterThan(0);
    }
  });

  describe('through the MCP tool', () => {
    let client: Client;
    beforeAll(async () => {
      client = await connect(fixtureRuntime());
    });
    afterAll(async () => {
      await client?.close();
    });

    it('workos_docs without a path and maxTokens 500 returns the table of contents', async () => {
      const r = await call(client, 'workos_docs', { maxTokens: 500 });
      expect(r.isError).not.toBe(true);
      expect(r.text).toContain('table of contents');
    });
  });
});

describe('an unexpected failure inside a tool (found by review of the hygiene suite)', () => {
  // The stack of an internal error went to the client as a notifications/message (the default client
  // level 'info' lets 'error' through): absolute paths and stack frames in the model's context.
  it('reaches the client as a short message; the stack goes to stderr only', async () => {
    const runtime = fixtureRuntime();
    const broken = {
      ...runtime,
      searcher: {
        ...runtime.searcher,
        search: () => {
          throw new TypeError('boom in the searcher');
        },
      },
    };
    const stderr: string[] = [];
    const client = await connect(broken, stderr);
    const notes: string[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
      notes.push(JSON.stringify(n.params));
    });
    await client.setLoggingLevel('debug');
    const r = await call(client, 'workos_search', { query: 'sso' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await client.close();
    expect(r.isError).toBe(true);
    expect(r.text).toContain('boom in the searcher');
    expect(notes.some((n) => n.includes('boom in the searcher'))).toBe(true);
    for (const text of [r.text, ...notes]) expect(hygieneProblems(text)).toEqual([]);
    expect(stderr.join('\n')).toMatch(/\bat .*:\d+:\d+/);
  });
});
